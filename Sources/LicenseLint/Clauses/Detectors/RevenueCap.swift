/// "… generate more than USD $1,000,000 in annual revenue …"
struct RevenueCapDetector: ClauseDetector {
    let kind = ClauseKind.revenueCap
    let triggers: [G] = [.revenue]

    func detect(_ s: SentenceView) -> [Detection] {
        guard s.has(.compare), !s.isDefinition, s.statesARule else { return [] }
        let money = s.quantities.filter { $0.currency != nil && $0.value >= 1000 }
        let revenue = s.hits(.revenue)
        guard let q = money.min(by: { distance($0, revenue) < distance($1, revenue) }), distance(q, revenue) <= 160 else { return [] }
        let period: String
        if s.near(.annual, .revenue, within: 40) || s.has(.annual) { period = "annual" }
        else if s.has(.monthlyPeriod) { period = "monthly" }
        else { period = "annual" }
        let consequence = s.has(.licenseRequired) || s.has(.register) ? "license-required" : "obligation"
        return one([("amount", .int(q.value)), ("currency", .string(q.currency ?? "USD")),
                    ("period", .string(period)), ("consequence", .string(consequence))])
    }

    private func distance(_ q: Quantity, _ revenue: [PhraseMatcher.Hit]) -> Int {
        revenue.map { h in
            Int(h.start) >= q.end ? Int(h.start) - q.end : (q.start >= Int(h.end) ? q.start - Int(h.end) : 0)
        }.min() ?? Int.max
    }
}
