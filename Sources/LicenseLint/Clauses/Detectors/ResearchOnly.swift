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
        if s.has(.limiter) && !s.prohibits && s.limitsUse(toDefinedTermWhere: .research) { $0.near(.limiter, .research, within: 60) } {
            return one()
        }
        guard s.has(.research) else { return [] }
        // "you may not use … for any uses other than Noncommercial Research Uses": an exclusion that limits.
        if s.prohibits && s.hits(.excluding).contains(where: { e in
            s.phrase(of: e) == "other than" && s.hits(.research).contains { Int($0.start) >= Int(e.end) && Int($0.start) - Int(e.end) <= 40 }
        }) { return one() }
        guard s.has(.limiter), s.near(.limiter, .research, within: 40) || s.limitsUse(to: .research) else { return [] }
        // The limiter governs a grant or use: a licence, right or use is mentioned.
        guard s.mentions("licen") || s.mentions("use") || s.mentions("grant") || s.mentions("right") else { return [] }
        // "including research" or "such as research" lists examples, it does not limit.
        if s.mentions("not limited to research") || s.mentions("not only for research") { return [] }
        if s.has(.cancelProhibit) { return [] }
        return one()
    }
}

extension SentenceView {
    /// Whether a limiter here ("only", "solely for", "purposes only") names a term the text defines, just
    /// after it or just before it, whose definition satisfies `test`: "You shall only use … for Research
    /// Purposes", "FOR NON-COMMERCIAL PURPOSES ONLY".
    /// `key` names the test: the terms that pass it are found once per document.
    func limitsUse(toDefinedTermWhere key: Analysis.DefinitionTest, _ test: (SentenceView) -> Bool) -> Bool {
        guard !isDefinition else { return false }
        let terms = analysis.definedTerms(key, where: test)
        guard !terms.isEmpty else { return false }
        let limiters = hits(.limiter)
        return terms.contains { term in
            let n = term.utf8.count
            return limiters.contains { mentions(term, in: Int($0.end)..<(Int($0.end) + 160))
                || mentions(term, in: (Int($0.start) - n - 40)..<Int($0.start)) }
        }
    }

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
