struct ProductionUseRule: Rule {
    let description = RuleDescription(
        id: "production-use", name: "Production use not granted",
        summary: "The plan runs the model in production under non-production or research-only terms.",
        severity: .error, reads: [.nonProduction, .researchOnly], profileFields: ["deployment.production"],
        whatItChecks: "Reads non-production and research-only clauses against `deployment.production`.",
        why: "Non-production licences (for example some research and evaluation licences) allow testing but not serving real users.",
        fix: "Keep the model in evaluation, or obtain a production licence.")

    let examples = [
        RuleExample(license: "You may not use the Model for any production purposes; evaluation and testing are permitted.",
                    profile: "deployment:\n  production: true\n", expect: .finding),
        RuleExample(license: "You may not use the Model for any production purposes; evaluation and testing are permitted.",
                    profile: "deployment:\n  production: false\n", expect: .noFinding),
        RuleExample(license: "You may not use the Model for any production purposes; evaluation and testing are permitted.",
                    profile: "deployment:\n  commercial: false\n", expect: .undecided),
    ]

    func evaluate(_ ctx: RuleContext) -> [Finding] {
        // Cite the clause that withholds production use in so many words; a research-only grant withholds it
        // only by implication, so it is cited when nothing more direct is there.
        let earliest = { (h: [(license: AppliedLicense, clause: Clause)]) in h.min(by: { $0.clause.evidence.line < $1.clause.evidence.line }) }
        guard let (l, c) = earliest(ctx.clauses(.nonProduction)) ?? earliest(ctx.clauses(.researchOnly)) else { return [] }
        guard let production = ctx.profile.production else {
            return [ctx.undecided(description, l, c, missing: "deployment.production", why: "the licence does not grant production use")]
        }
        guard production.value else { return [] }
        return [ctx.finding(description, l, c, "production use of a model whose licence does not grant it (\(ctx.licenseName(l)))",
                            profile: ctx.profileLocation(production), details: ["you declared deployment.production: true"])]
    }
}
