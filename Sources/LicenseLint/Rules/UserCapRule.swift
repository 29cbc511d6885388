struct UserCapRule: Rule {
    let description = RuleDescription(
        id: "user-cap-exceeded", name: "User cap exceeded",
        summary: "The organisation has more users than the licence allows without a separate licence.",
        severity: .error, reads: [.userCap], profileFields: ["organisation.monthly_active_users", "organisation.daily_active_users"],
        whatItChecks: "Compares each user-cap clause (threshold and metric: monthly or daily active users) with the users the profile declares. Who is bound: the licensee, counted as the clause says (the products of the licensee and its affiliates, or one product or service). By what act: using the model above the cap; where the clause fixes the measurement date (Llama: the version's release date), the figure for that date counts. Where: a separate licence from the licensor, or, when the clause adds a duty instead, where that duty says.",
        why: "Above the cap the grant ends or a separate licence is needed (the Llama licences stop at 700 million monthly active users). Shipping past it is using the model without a licence.",
        fix: "Request the separate licence from the licensor and record it as an exception with its reference and expiry, or choose a model without a cap.",
        bound: "the licensee, counted as the clause says (products of the licensee and affiliates, or one product)",
        act: "using the model above the cap, measured when the clause says (e.g. the version's release date)",
        place: "a separate licence from the licensor, or the duty the clause names where it says")

    let examples = [
        RuleExample(license: "If the products of Licensee have more than 500 million monthly active users, you must request a license from the Provider.",
                    profile: "organisation:\n  monthly_active_users: 900M\n", expect: .finding),
        RuleExample(license: "If the products of Licensee have more than 500 million monthly active users, you must request a license from the Provider.",
                    profile: "organisation:\n  monthly_active_users: 2M\n", expect: .noFinding),
        RuleExample(license: "If the products of Licensee have more than 500 million monthly active users, you must request a license from the Provider.",
                    profile: "deployment:\n  commercial: true\n", expect: .undecided),
        // "… or more": exactly at the threshold is over the cap.
        RuleExample(license: "This License does not apply to you if your products have 700 million or more monthly active users.",
                    profile: "organisation:\n  monthly_active_users: 700M\n", expect: .finding),
        // A cap that adds a duty instead of ending the grant: above it, a duty to meet, not a conflict.
        RuleExample(license: "If your product has more than 100 million monthly active users, you must prominently display \"Powered by Aurora\" on its user interface.",
                    profile: "organisation:\n  monthly_active_users: 200M\n", expect: .duty),
    ]

    func evaluate(_ ctx: RuleContext) -> [Finding] {
        var out: [Finding] = []
        for (l, c) in ctx.clauses(.userCap) {
            guard let threshold = c.threshold else { continue }
            let metric = c.metric ?? .users
            let daily = metric == .dailyActiveUsers
            let declared = daily ? ctx.profile.dailyActiveUsers : ctx.profile.monthlyActiveUsers
            let field = daily ? "organisation.daily_active_users" : "organisation.monthly_active_users"
            let words = daily ? "daily active users" : (metric == .users ? "users" : "monthly active users")
            guard let users = declared else {
                out.append(ctx.undecided(description, l, c, missing: field, why: "the licence caps \(words) at \(Quantities.format(threshold))"))
                continue
            }
            guard c.over(users.value, threshold) else { continue }
            // The message states both figures and the profile line is cited: the details add how the cap counts.
            var details: [String] = []
            switch c.basis {
            case .organisation: details.append("counted over the products and services of the licensee and its affiliates")
            case .product: details.append("counted per product or service")
            case nil: break
            }
            if let m = c.measured {
                details.append(m == "ongoing" ? "measured continuously" : "measured on \(m), the version's release date: the figure that counts is the one for the month before it")
            }
            if c.consequence == .obligation {
                let duty = Distribution.capDuty(c, in: l) ?? "meet the duty this clause sets, where it says"
                let because = "\(Quantities.format(users.value)) \(words) are above \(Quantities.format(threshold)) (\(ctx.licenseName(l)))"
                var f = ctx.finding(description, l, c, duty + Finding.becauseMark + because,
                    severity: .note, category: .duty, profile: ctx.profileLocation(users), details: details)
                f.trigger = because
                out.append(f)
            } else {
                out.append(ctx.finding(description, l, c,
                    "\(Quantities.format(users.value)) \(words) \(c.comparison == .atLeast ? "reach" : "exceed") the cap of \(Quantities.format(threshold)) in \(ctx.licenseName(l)); above it you need a separate licence from the licensor, and the grant does not cover you",
                    profile: ctx.profileLocation(users), details: details,
                    remedy: "request a licence from \(ctx.licensor(l)) (above \(Quantities.format(threshold)) \(words)) and record it as an exception, or choose a model without the cap"))
            }
        }
        return out
    }
}
