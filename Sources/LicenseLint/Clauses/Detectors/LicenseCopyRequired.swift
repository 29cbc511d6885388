/// Recipients must get the licence: "give any other recipients … a copy of this License",
/// "this permission notice shall be included in all copies", "retain … this list of conditions".
struct LicenseCopyRequiredDetector: ClauseDetector {
    let kind = ClauseKind.licenseCopyRequired
    let triggers: [G] = [.licenseSelf]

    func detect(_ s: SentenceView) -> [Detection] {
        guard !s.isDefinition else { return [] }
        let l = s.lower
        if l.contains("not required to") || l.contains("need not") { return [] }
        // "a copy of this Agreement", "the text of this license", "the URI or hyperlink to, this Public License"
        let copy = s.before(.copyOf, .licenseSelf, within: 40)
        // "this permission notice shall be included", "retain … this list of conditions", "retain this notice"
        let selfNotice = l.contains("this permission notice") || l.contains("this list of conditions")
            || (l.contains("this notice") && s.has(.retain))
        guard copy || selfNotice else { return [] }
        guard s.has(.giveVerb) || s.has(.retain) else { return [] }
        guard s.obliges || l.contains("shall be included") || l.contains("must be included") else { return [] }
        guard !s.prohibits || s.has(.oblige) else { return [] }
        return one()
    }
}
