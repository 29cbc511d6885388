/// A revenue threshold, read with its period (a year or a month), its basis (the organisation or one
/// product) and its consequence (a separate licence, or a duty that starts above it).
struct RevenueCapRule: Rule {
    let description = RuleDescription(
        id: "revenue-cap-exceeded", name: "Revenue cap exceeded",
        summary: "The organisation's revenue is above the licence's revenue threshold.",
        severity: .error, reads: [.revenueCap], profileFields: ["organisation.annual_revenue"],
        whatItChecks: "Compares each revenue-cap clause (amount, currency, period, basis, consequence) with the annual revenue the profile declares, in the same currency. Who is bound: the licensee, counted as the licence says (the organisation with its affiliates, or one product or service). By what act: using the model while revenue is above the threshold. Where: a separate licence from the licensor when the consequence is a licence; otherwise the duty the clause names, met where it says. A monthly threshold is certainly crossed when the annual revenue is above twelve times it and certainly not when the annual revenue is at or below it; in between, and for a per-product threshold above the organisation's revenue, licenselint cannot decide and names the missing figure.",
        why: "Community licences often stop being free above a revenue (for example USD 1 million a year); above it the grant ends or a paid licence is needed. Some add a duty instead, such as a display credit above a monthly revenue.",
        fix: "Obtain the commercial or enterprise licence and record it as an exception, or choose another model; for a duty, meet it where the licence says.",
        bound: "the licensee, counted as the clause says (organisation with affiliates, or one product)",
        act: "using the model while revenue is above the threshold, over the period the clause names",
        place: "a separate licence from the licensor, or the duty the clause names where it says")

    let examples = [
        RuleExample(license: "Organisations with annual revenue of more than US$2,000,000 must obtain a separate license from the Provider.",
                    profile: "organisation:\n  annual_revenue: $50M\n", expect: .finding),
        RuleExample(license: "Organisations with annual revenue of more than US$2,000,000 must obtain a separate license from the Provider.",
                    profile: "organisation:\n  annual_revenue: 500000 USD\n", expect: .noFinding),
        RuleExample(license: "Organisations with annual revenue of more than US$2,000,000 must obtain a separate license from the Provider.",
                    profile: "organisation:\n  annual_revenue: EUR 3M\n", expect: .undecided),
        // A monthly threshold and an annual figure: above twelve months of it, the cap is certainly crossed.
        RuleExample(license: "If your organisation's monthly revenue exceeds US$20,000,000, you must obtain a separate license from the Provider.",
                    profile: "organisation:\n  annual_revenue: $300M\n", expect: .finding),
        RuleExample(license: "If your organisation's monthly revenue exceeds US$20,000,000, you must obtain a separate license from the Provider.",
                    profile: "organisation:\n  annual_revenue: $200M\n", expect: .undecided),
        RuleExample(license: "If your organisation's monthly revenue exceeds US$20,000,000, you must obtain a separate license from the Provider.",
                    profile: "organisation:\n  annual_revenue: $15M\n", expect: .noFinding),
        // The issue's case: a display duty above a monthly revenue per product. An organisation's annual figure
        // cannot say whether one product crossed it in a month; a duty above a yearly figure it crossed is owed.
        RuleExample(license: "If the monthly revenue of any product or service that uses the Model exceeds US$20,000,000, you must prominently display \"Powered by Aurora\" in that product.",
                    profile: "organisation:\n  annual_revenue: $200M\n", expect: .undecided),
        RuleExample(license: "If your annual revenue exceeds US$20,000,000, you must prominently display \"Powered by Aurora\" in your product.",
                    profile: "organisation:\n  annual_revenue: $200M\n", expect: .duty),
    ]

    /// Whether the threshold is crossed: true, false, or nil with the figure that would decide it.
    static func crossed(threshold: Int64, period: RevenuePeriod, basis: CapBasis?, annual: Int64, atLeast: Bool = false) -> (Bool?, String) {
        let perProduct = basis == .product
        // "… or more": the threshold itself is over; compare with the amount just below it.
        let threshold = atLeast ? threshold - 1 : threshold
        switch period {
        case .annual:
            if annual <= threshold { return (false, "") }
            return perProduct ? (nil, "the annual revenue of the product or service that uses the model (the profile's revenue is the organisation's)") : (true, "")
        case .monthly:
            if annual <= threshold { return (false, "") }
            let (twelve, overflow) = threshold.multipliedReportingOverflow(by: 12)
            if !perProduct && !overflow && annual > twelve { return (true, "") }
            return (nil, perProduct ? "the monthly revenue of the product or service that uses the model" : "the highest monthly revenue (the profile states annual revenue)")
        }
    }

    func evaluate(_ ctx: RuleContext) -> [Finding] {
        var out: [Finding] = []
        for (l, c) in ctx.clauses(.revenueCap) {
            guard let amount = c.amount else { continue }
            let currency = c.currency ?? Quantities.defaultCurrency
            let period = c.period ?? .annual
            let duty = c.consequence == .obligation
            let per = period == .monthly ? "a month" : "a year"
            let counted = c.basis == .product ? " of one product or service" : (c.basis == .organisation ? " of the organisation with its affiliates" : "")
            let threshold = "\(Quantities.format(amount)) \(currency) \(per)\(counted)"
            guard let revenue = ctx.profile.annualRevenue else {
                out.append(ctx.undecided(description, l, c, missing: "organisation.annual_revenue",
                                         why: "the licence changes above \(threshold)"))
                continue
            }
            guard revenue.value.currency == currency else {
                out.append(ctx.finding(description, l, c,
                    "cannot decide: the licence's threshold is in \(currency) and the profile's revenue in \(revenue.value.currency); licenselint does not convert currencies",
                    severity: .warning, category: .undecided, profile: ctx.profileLocation(revenue),
                    details: ["threshold: \(threshold)"], toSupply: "declare organisation.annual_revenue in \(currency)"))
                continue
            }
            let declared = "you declared \(Quantities.format(revenue.value.amount)) \(currency) a year (organisation.annual_revenue)"
            let (over, fact) = RevenueCapRule.crossed(threshold: amount, period: period, basis: c.basis, annual: revenue.value.amount,
                                                            atLeast: c.comparison == .atLeast)
            switch over {
            case .some(false): continue
            case .some(true) where duty:
                let duty = Distribution.capDuty(c, in: l) ?? "meet the duty this clause sets, where it says"
                let because = "revenue is above \(threshold) (\(ctx.licenseName(l)))"
                var f = ctx.finding(description, l, c, duty + Finding.becauseMark + because,
                    severity: .note, category: .duty, profile: ctx.profileLocation(revenue), details: [declared])
                f.trigger = because
                out.append(f)
            case .some(true):
                out.append(ctx.finding(description, l, c,
                    "revenue of \(Quantities.format(revenue.value.amount)) \(currency) a year exceeds the threshold of \(threshold) in \(ctx.licenseName(l)); above it you need a separate licence",
                    profile: ctx.profileLocation(revenue),
                    remedy: "obtain the licence \(ctx.licensor(l)) requires above \(threshold) and record it as an exception, or choose another model"))
            case .none:
                var f = ctx.finding(description, l, c,
                    "cannot decide: it depends on \(fact) — the licence \(duty ? "adds a duty" : "needs a separate licence") above \(threshold)",
                    severity: .warning, category: .undecided, profile: ctx.profileLocation(revenue),
                    details: ["threshold: \(threshold)", declared],
                    toSupply: "the profile cannot state \(fact): decide it with counsel and record the decision as an exception (policy.exceptions), or obtain the licence")
                if duty { f.onlyIf = fact }
                out.append(f)
            }
        }
        return out
    }
}
