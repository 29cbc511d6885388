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
        // The changed thing is the agreement or policy: "modify this Agreement", "update this … Policy",
        // or in the passive "the Acceptable Use Policy may be updated", "…, as may be updated".
        let b = s.analysis.text.lower
        func gap(_ from: Int32, _ to: Int32) -> String { String(decoding: b[Int(from)..<Int(to)], as: UTF8.self) }
        let changes = s.hits(.change), docs = s.hits(.selfDoc)
        let active = changes.contains { c in docs.contains { d in d.start >= c.end && d.start - c.end <= 20 && !gap(c.end, d.start).contains(",") } }
        let passive = changes.contains { c in docs.contains { d in c.start >= d.end && c.start - d.end <= 20 && gap(d.end, c.start).contains(" be ") } }
        let asMay = l.contains("as may be updated") || l.contains("as may be modified") || l.contains("as updated from time")
            || (l.contains("as may be amended") && !l.contains("amended in accordance with"))
        guard active || passive || asMay else { return [] }
        // Amendments made "in accordance with" the agreement are not unilateral.
        if l.contains("amended in accordance with") || l.contains("modified in accordance with") { return [] }
        // "modifications … that you make" are the licensee's changes to the model.
        if l.contains("you may modify") || l.contains("you may update") || l.contains("you may change") { return [] }
        return one()
    }
}
