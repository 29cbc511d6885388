/// The grant is limited to research or evaluation: "solely for … research purposes", "for research and
/// evaluation only", "Noncommercial Research Uses".
struct ResearchOnlyDetector: ClauseDetector {
    let kind = ClauseKind.researchOnly
    /// A limiter too: a use limited to a defined purpose is read through the definition.
    let triggers: [G] = [.research, .limiter]

    func detect(_ s: SentenceView) -> [Detection] {
        guard !s.isDefinition else { return [] }
        // A use limited to a defined purpose whose definition is research or evaluation only:
        // "FOR NON-COMMERCIAL PURPOSES ONLY", where "Non-Commercial" means "for research or evaluation purposes only".
        if s.has(.limiter) && !s.prohibits && s.limitsUse(toDefinedTermWhere: .research, where: { $0.near(.limiter, .research, within: 60) }) {
            return one()
        }
        guard s.has(.research) else { return [] }
        // "you may not use … for any uses other than Noncommercial Research Uses": an exclusion that limits.
        if s.prohibits && s.hits(.excluding).contains(where: { e in
            s.isHit(e, in: .otherThan) && s.hits(.research).contains { Int($0.start) >= Int(e.end) && Int($0.start) - Int(e.end) <= 40 }
        }) { return one() }
        guard s.has(.limiter), s.near(.limiter, .research, within: 40) || s.limitsUse(to: .research) else { return [] }
        // The limiter governs a grant or use: a licence, right or use is mentioned.
        guard s.has(.grantTerms) else { return [] }
        // "including research" or "such as research" lists examples, it does not limit.
        if s.has(.notOnlyResearch) { return [] }
        if s.has(.cancelProhibit) { return [] }
        return one()
    }
}

