struct ProductionUseRule: Rule {
    let description = RuleDescription(
        id: "production-use", name: "Production use not granted",
        summary: "The plan runs the model in production under terms that withhold production use.",
        severity: .error, reads: [.nonProduction], profileFields: ["deployment.production"],
        whatItChecks: "Reads non-production clauses against `deployment.production` (research-only grants: `research-only-use`). Who is bound: the licensee. By what act: serving real users or business processes in production. Where: the licence's grant; nothing in the plan discharges it.",
        why: "Non-production licences (for example some research and evaluation licences) allow testing but not serving real users.",
        fix: "Keep the model in evaluation, or obtain a production licence.",
        bound: "the licensee",
        act: "serving real users or business processes in production",
        place: "nothing in the plan discharges it; only a production licence")

    let examples = [
        RuleExample(license: "You may not use the Model for any production purposes; evaluation and testing are permitted.",
                    profile: "deployment:\n  production: true\n", expect: .finding),
        RuleExample(license: "You may not use the Model for any production purposes; evaluation and testing are permitted.",
                    profile: "deployment:\n  production: false\n", expect: .noFinding),
        RuleExample(license: "You may not use the Model for any production purposes; evaluation and testing are permitted.",
                    profile: "deployment:\n  commercial: false\n", expect: .undecided),
    ]

    func evaluate(_ ctx: RuleContext) -> [Finding] {
        // Research-only grants are read by research-only-use.
        guard let (l, c) = ctx.clauses(.nonProduction).min(by: { $0.clause.evidence.line < $1.clause.evidence.line }) else { return [] }
        guard let production = ctx.profile.production else {
            return [ctx.undecided(description, l, c, missing: "deployment.production", why: "the licence does not grant production use")]
        }
        guard production.value else { return [] }
        return [ctx.finding(description, l, c, "production use of a model whose licence does not grant it (\(ctx.licenseName(l)))",
                            profile: ctx.profileLocation(production), details: ["you declared deployment.production: true"],
                            remedy: "keep the model in evaluation, or obtain a production licence from \(ctx.licensor(l))")]
    }
}
