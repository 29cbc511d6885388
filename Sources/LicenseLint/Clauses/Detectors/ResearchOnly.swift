/// The grant is limited to research or evaluation: "solely for … research purposes", "for research and
/// evaluation only", "Noncommercial Research Uses".
struct ResearchOnlyDetector: ClauseDetector {
    let kind = ClauseKind.researchOnly
    let triggers: [G] = [.research]

    func detect(_ s: SentenceView) -> [Detection] {
        guard !s.isDefinition, s.has(.limiter) else { return [] }
        guard s.near(.limiter, .research, within: 40) else { return [] }
        // The limiter governs a grant or use: a licence, right or use is mentioned.
        guard s.mentions("licen") || s.mentions("use") || s.mentions("grant") || s.mentions("right") else { return [] }
        // "including research" or "such as research" lists examples, it does not limit.
        if s.mentions("not limited to research") || s.mentions("not only for research") { return [] }
        if s.has(.cancelProhibit) { return [] }
        return one()
    }
}
