/// The grant is limited to research or evaluation: "solely for … research purposes", "for research and
/// evaluation only", "Noncommercial Research Uses".
struct ResearchOnlyDetector: ClauseDetector {
    let kind = ClauseKind.researchOnly
    let triggers: [G] = [.research]

    func detect(_ s: SentenceView) -> [Detection] {
        guard !s.isDefinition, s.has(.limiter) else { return [] }
        let l = s.lower
        guard s.near(.limiter, .research, within: 40) else { return [] }
        // The limiter governs a grant or use: a licence, right or use is mentioned.
        guard l.contains("licen") || l.contains("use") || l.contains("grant") || l.contains("right") else { return [] }
        // "including research" or "such as research" lists examples, it does not limit.
        if l.contains("not limited to research") || l.contains("not only for research") { return [] }
        if s.has(.cancelProhibit) { return [] }
        return one()
    }
}
