/// Recipients must get the licence: "give any other recipients … a copy of this License",
/// "this permission notice shall be included in all copies", "retain … this list of conditions".
struct LicenseCopyRequiredDetector: ClauseDetector {
    let kind = ClauseKind.licenseCopyRequired
    let triggers: [G] = [.licenseSelf]

    func detect(_ s: SentenceView) -> [Detection] {
        guard !s.isDefinition else { return [] }
        // Every look-up below reads the phrase hits found in the one pass over the text.
        let selfHits = s.hits(.licenseSelf)
        // A grant to distribute "in each case with a copy of this Agreement".
        if s.has(.copyOf) && s.has(.distribute)
            && s.has(.withCopyOfThis) {
            return one(DutyConditions.read(s, kind))
        }
        guard s.has(.giveVerb) || s.has(.retain) else { return [] }
        // "a copy of this Agreement", "the text of this license", "the URI or hyperlink to, this Public License";
        // "Include this Agreement and a notice …"
        let copy = s.before(.copyOf, .licenseSelf, within: 40)
            || selfHits.contains { s.hitPrecedes(.includeVerb, at: Int($0.start)) }
        // "this permission notice shall be included", "retain … this list of conditions", "retain this notice",
        // "this license notice / statement shall be included"
        let selfNotice = copy ? false
            : s.has(.selfNotice) || s.has(.licenseNotice) || (s.has(.retain) && s.has(.thisNotice))
        guard copy || selfNotice else { return [] }
        if s.has(.notRequiredTo) { return [] }
        guard s.obliges || s.isImperativeItem || s.has(.beIncluded) else { return [] }
        guard !s.prohibits || s.has(.oblige) else { return [] }
        return one(DutyConditions.read(s, kind))
    }
}
