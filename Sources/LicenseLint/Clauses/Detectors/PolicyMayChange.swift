/// The licensor may change the terms or a policy unilaterally: "Meta may modify this Agreement from time to
/// time", "The Acceptable Use Policy may be updated from time to time", "reserves the right to update this
/// Policy".
struct PolicyMayChangeDetector: ClauseDetector {
    let kind = ClauseKind.policyMayChange
    let triggers: [G] = [.change]

    func detect(_ s: SentenceView) -> [Detection] {
        guard s.has(.selfDoc), s.has(.fromTime) || s.lower.contains("may update") || s.lower.contains("may modify")
                || s.lower.contains("may amend") || s.lower.contains("may change") else { return [] }
        let l = s.lower
        // The licensor (or the passive voice) changes the document; "you may not modify" does not count.
        guard l.contains("may") || l.contains("reserves the right") || l.contains("reserve the right") else { return [] }
        if s.has(.prohibit) && !l.contains("may be") && !l.contains("reserves") { return [] }
        // The changed thing is the agreement or policy, close to the verb.
        guard s.near(.change, .selfDoc, within: 50) else { return [] }
        // "modifications … that you make" are the licensee's changes to the model.
        if l.contains("you may modify") || l.contains("you may update") || l.contains("you may change") { return [] }
        return one()
    }
}
