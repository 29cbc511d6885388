struct RevenueCapRule: Rule {
    let description = RuleDescription(
        id: "revenue-cap-exceeded", name: "Revenue cap exceeded",
        summary: "The organisation's revenue is above the licence's revenue threshold.",
        severity: .error, reads: [.revenueCap], profileFields: ["organisation.annual_revenue"],
        whatItChecks: "Compares each revenue-cap clause (amount, currency) with the annual revenue the profile declares, in the same currency.",
        why: "Community licences often stop being free above a revenue (for example USD 1 million a year); above it the grant ends or a paid licence is needed.",
        fix: "Obtain the commercial or enterprise licence and record it as an exception, or choose another model.")

    let examples = [
        RuleExample(license: "Organisations with annual revenue of more than US$2,000,000 must obtain a separate license from the Provider.",
                    profile: "organisation:\n  annual_revenue: $50M\n", expect: .finding),
        RuleExample(license: "Organisations with annual revenue of more than US$2,000,000 must obtain a separate license from the Provider.",
                    profile: "organisation:\n  annual_revenue: 500000 USD\n", expect: .noFinding),
        RuleExample(license: "Organisations with annual revenue of more than US$2,000,000 must obtain a separate license from the Provider.",
                    profile: "organisation:\n  annual_revenue: EUR 3M\n", expect: .undecided),
    ]

    func evaluate(_ ctx: RuleContext) -> [Finding] {
        var out: [Finding] = []
        for (l, c) in ctx.clauses(.revenueCap) {
            guard let amount = c["amount"]?.intValue else { continue }
            let currency = c["currency"]?.stringValue ?? "USD"
            guard let revenue = ctx.profile.annualRevenue else {
                out.append(ctx.undecided(description, l, c, missing: "organisation.annual_revenue",
                                         why: "the licence changes above \(Quantities.format(amount)) \(currency) of revenue"))
                continue
            }
            guard revenue.value.currency == currency else {
                out.append(ctx.finding(description, l, c,
                    "cannot decide: the licence's threshold is in \(currency) and the profile's revenue in \(revenue.value.currency); licenselint does not convert currencies",
                    severity: .warning, category: .undecided, profile: ctx.profileLocation(revenue),
                    details: ["threshold: \(Quantities.format(amount)) \(currency)", "declare organisation.annual_revenue in \(currency)"]))
                continue
            }
            if revenue.value.amount > amount {
                out.append(ctx.finding(description, l, c,
                    "annual revenue of \(Quantities.format(revenue.value.amount)) \(currency) exceeds the threshold of \(Quantities.format(amount)) \(currency) in \(ctx.licenseName(l))",
                    profile: ctx.profileLocation(revenue),
                    details: ["threshold: \(Quantities.format(amount)) \(currency) a year", "you declared \(Quantities.format(revenue.value.amount)) \(currency)"]))
            }
        }
        return out
    }
}
