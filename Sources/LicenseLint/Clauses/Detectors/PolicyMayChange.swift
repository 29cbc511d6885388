/// The licensor may change the terms or a policy unilaterally: "Meta may modify this Agreement from time to
/// time", "The Acceptable Use Policy may be updated from time to time", "reserves the right to update this
/// Policy".
struct PolicyMayChangeDetector: ClauseDetector {
    let kind = ClauseKind.policyMayChange
    let triggers: [G] = [.change]

    func detect(_ s: SentenceView) -> [Detection] {
        // "the license is subject to update to a more comprehensive version", "these terms are subject to change"
        if s.has(.selfDoc) && !s.has(.prohibit)
            && s.has(.subjectToChange) {
            return one()
        }
        guard s.has(.selfDoc), s.has(.fromTime) || s.has(.mayChange) else { return [] }
        // The licensor (or the passive voice) changes the document; "you may not modify" does not count.
        guard s.has(.mayWord) || s.has(.reservesRight) else { return [] }
        if s.has(.prohibit) && !s.has(.mayBe) && !s.has(.reservesWord) { return [] }
        // The changed thing is the agreement or policy: "modify this Agreement", "update this … Policy",
        // or in the passive "the Acceptable Use Policy may be updated", "…, as may be updated".
        let changes = s.hits(.change), docs = s.hits(.selfDoc)
        let active = changes.contains { c in
            docs.contains { d in d.start >= c.end && d.start - c.end <= 20 && !s.hasComma(in: Int(c.end)..<Int(d.start)) }
        }
        let passive = changes.contains { c in
            docs.contains { d in c.start >= d.end && c.start - d.end <= 20 && s.has(.beWord, in: Int(d.end)..<Int(c.start)) }
        }
        let asMay = s.has(.asMayBe) || (s.has(.asMayBeAmended) && !s.has(.inAccordance))
        guard active || passive || asMay else { return [] }
        // Amendments made "in accordance with" the agreement are not unilateral.
        if s.has(.inAccordance) { return [] }
        // "modifications … that you make" are the licensee's changes to the model.
        if s.has(.youMayChange) { return [] }
        return one()
    }
}
