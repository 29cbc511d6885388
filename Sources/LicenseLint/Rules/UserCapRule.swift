struct UserCapRule: Rule {
    let description = RuleDescription(
        id: "user-cap-exceeded", name: "User cap exceeded",
        summary: "The organisation has more users than the licence allows without a separate licence.",
        severity: .error, reads: [.userCap], profileFields: ["organisation.monthly_active_users", "organisation.daily_active_users"],
        whatItChecks: "Compares each user-cap clause (threshold and metric: monthly or daily active users) with the users the profile declares.",
        why: "Above the cap the grant ends or a separate licence is needed (the Llama licences stop at 700 million monthly active users). Shipping past it is using the model without a licence.",
        fix: "Request the separate licence from the licensor and record it as an exception with its reference and expiry, or choose a model without a cap.")

    let examples = [
        RuleExample(license: "If the products of Licensee have more than 500 million monthly active users, you must request a license from the Provider.",
                    profile: "organisation:\n  monthly_active_users: 900M\n", expect: .finding),
        RuleExample(license: "If the products of Licensee have more than 500 million monthly active users, you must request a license from the Provider.",
                    profile: "organisation:\n  monthly_active_users: 2M\n", expect: .noFinding),
        RuleExample(license: "If the products of Licensee have more than 500 million monthly active users, you must request a license from the Provider.",
                    profile: "deployment:\n  commercial: true\n", expect: .undecided),
    ]

    func evaluate(_ ctx: RuleContext) -> [Finding] {
        var out: [Finding] = []
        for (l, c) in ctx.clauses(.userCap) {
            guard let threshold = c["threshold"]?.intValue else { continue }
            let metric = c["metric"]?.stringValue ?? "users"
            let declared = metric == "daily-active-users" ? ctx.profile.dailyActiveUsers : ctx.profile.monthlyActiveUsers
            let field = metric == "daily-active-users" ? "organisation.daily_active_users" : "organisation.monthly_active_users"
            let words = metric == "daily-active-users" ? "daily active users" : (metric == "users" ? "users" : "monthly active users")
            guard let users = declared else {
                out.append(ctx.undecided(description, l, c, missing: field, why: "the licence caps \(words) at \(Quantities.format(threshold))"))
                continue
            }
            if users.value > threshold {
                let consequence = c["consequence"]?.stringValue == "obligation"
                    ? "above the cap the licence adds duties" : "above the cap you need a separate licence from the licensor; the grant does not cover you"
                out.append(ctx.finding(description, l, c,
                    "\(Quantities.format(users.value)) \(words) exceed the cap of \(Quantities.format(threshold)) in \(ctx.licenseName(l))",
                    severity: c["consequence"]?.stringValue == "obligation" ? .warning : .error,
                    profile: ctx.profileLocation(users),
                    details: ["cap: \(Quantities.format(threshold)) \(words)", "you declared \(Quantities.format(users.value)) (\(field))", consequence]))
            }
        }
        return out
    }
}
