/// Recipients must get the licence: "give any other recipients … a copy of this License",
/// "this permission notice shall be included in all copies", "retain … this list of conditions".
struct LicenseCopyRequiredDetector: ClauseDetector {
    let kind = ClauseKind.licenseCopyRequired
    let triggers: [G] = [.licenseSelf]

    func detect(_ s: SentenceView) -> [Detection] {
        guard !s.isDefinition else { return [] }
        // A grant to distribute "in each case with a copy of this Agreement".
        if s.has(.distribute), s.mentions("with a copy of this") || s.mentions("accompanied by a copy of this") {
            return one()
        }
        // Group look-ups first: they are single bit tests, the byte searches below are not.
        guard s.has(.giveVerb) || s.has(.retain) else { return [] }
        if s.mentions("not required to") || s.mentions("need not") { return [] }
        // "a copy of this Agreement", "the text of this license", "the URI or hyperlink to, this Public License"
        let copy = s.before(.copyOf, .licenseSelf, within: 40)
            || s.mentions("include this agreement") || s.mentions("include this license") || s.mentions("include this licence")
        // "this permission notice shall be included", "retain … this list of conditions", "retain this notice"
        let selfNotice = s.mentions("this permission notice") || s.mentions("this list of conditions") || s.mentions("license notice")
            || s.mentions("license statement")
            || (s.mentions("this notice") && s.has(.retain))
        guard copy || selfNotice else { return [] }
        guard s.obliges || s.isImperativeItem || s.mentions("shall be included") || s.mentions("must be included")
            || s.mentions("should be included") else { return [] }
        guard !s.prohibits || s.has(.oblige) else { return [] }
        return one()
    }
}
