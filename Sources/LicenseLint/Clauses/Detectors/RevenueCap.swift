/// "… generate more than USD $1,000,000 in annual revenue …"
struct RevenueCapDetector: ClauseDetector {
    let kind = ClauseKind.revenueCap
    /// A comparison too: "exceeds the Threshold", where the Threshold is defined as an amount of revenue.
    let triggers: [G] = [.revenue, .compare]

    func detect(_ s: SentenceView) -> [Detection] {
        guard s.has(.compare), !s.isDefinition else { return [] }
        if !s.has(.revenue) {
            guard let (q, definition) = definedThreshold(s), s.statesARule else { return [] }
            return cap(q, period: definition.has(.annual) || !definition.has(.monthlyPeriod) ? .annual : .monthly, s)
        }
        let money = s.quantities.filter { $0.currency != nil && $0.value >= 1000 }
        let revenue = s.hits(.revenue)
        guard let q = money.min(by: { distance($0, revenue) < distance($1, revenue) }), distance(q, revenue) <= 160 else { return [] }
        guard s.statesARule else { return [] }
        let period: RevenuePeriod = s.near(.annual, .revenue, within: 40) || s.has(.annual) || !s.has(.monthlyPeriod) ? .annual : .monthly
        return cap(q, period: period, s)
    }

    private func cap(_ q: Quantity, period: RevenuePeriod, _ s: SentenceView) -> [Detection] {
        // Above the threshold either a licence is needed, or a duty starts ("… must display …"); a sentence that
        // only says whom free access is for ("free access … for organizations with revenue of less than …")
        // ends the free grant above it. A duty is one the sentence names: a display, a notice, a name.
        let addsDuty = s.obliges && CapConditions.namesADuty(s)
        let consequence: CapConsequence = s.has(.licenseRequired) || s.has(.register) || !addsDuty ? .licenseRequired : .obligation
        return one([(.amount, .int(q.value)), (.currency, .string(q.currency ?? Quantities.defaultCurrency)),
                    (.period, .of(period)), (.consequence, .of(consequence))] + CapConditions.read(s))
    }

    /// A defined term compared with here ("not exceeding the Threshold") whose definition is an amount of
    /// revenue ("\"Threshold\" shall mean annual revenue of 10 million United States dollars"): that amount.
    private func definedThreshold(_ s: SentenceView) -> (Quantity, SentenceView)? {
        // The terms defined as an amount of revenue, found once per document (usually none).
        let amount = { (v: SentenceView) in v.quantities.first(where: { $0.currency != nil && $0.value >= 1000 }) }
        let terms = s.analysis.definedTerms(.revenueThreshold) { $0.has(.revenue) && amount($0) != nil }
        guard !terms.isEmpty else { return nil }
        let compares = s.hits(.compare)
        for (term, d) in terms where d != s.index {
            guard compares.contains(where: { s.mentions(term, in: Int($0.end)..<(Int($0.end) + term.utf8.count + 12)) }) else { continue }
            let definition = s.analysis.view(d)
            if let q = amount(definition) { return (q, definition) }
        }
        return nil
    }

    private func distance(_ q: Quantity, _ revenue: [PhraseMatcher.Hit]) -> Int {
        revenue.map { h in
            Int(h.start) >= q.end ? Int(h.start) - q.end : (q.start >= Int(h.end) ? q.start - Int(h.end) : 0)
        }.min() ?? Int.max
    }
}
