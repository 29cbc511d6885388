/// The grant is limited to research or evaluation: "solely for … research purposes", "for research and
/// evaluation only", "Noncommercial Research Uses".
struct ResearchOnlyDetector: ClauseDetector {
    let kind = ClauseKind.researchOnly
    let triggers: [G] = [.research]

    func detect(_ s: SentenceView) -> [Detection] {
        guard !s.isDefinition, s.has(.limiter) else { return [] }
        guard s.near(.limiter, .research, within: 40) || s.limitsUse(to: .research) else { return [] }
        // The limiter governs a grant or use: a licence, right or use is mentioned.
        guard s.mentions("licen") || s.mentions("use") || s.mentions("grant") || s.mentions("right") else { return [] }
        // "including research" or "such as research" lists examples, it does not limit.
        if s.mentions("not limited to research") || s.mentions("not only for research") { return [] }
        if s.has(.cancelProhibit) { return [] }
        return one()
    }
}

extension SentenceView {
    /// "only use the Models, Derivatives … and Outputs for Research Purposes": a limiter right before the
    /// verb "use", and the group's phrase after it in the same sentence (the objects can be long).
    func limitsUse(to g: G) -> Bool {
        let targets = hits(g)
        return hits(.limiter).contains { l in
            startsWith(" use", at: Int(l.end), limit: end)
                && targets.contains { Int($0.start) > Int(l.end) && Int($0.start) - Int(l.end) <= 160 }
        }
    }
}
