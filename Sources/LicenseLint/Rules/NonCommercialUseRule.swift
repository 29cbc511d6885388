struct NonCommercialUseRule: Rule {
    let description = RuleDescription(
        id: "non-commercial-use", name: "Commercial use not granted",
        summary: "The plan uses the model commercially under non-commercial or research-only terms.",
        severity: .error, reads: [.nonCommercial, .researchOnly], profileFields: ["deployment.commercial"],
        whatItChecks: "Reads non-commercial and research-only clauses against `deployment.commercial`.",
        why: "Non-commercial and research licences (CC BY-NC, research model licences) grant nothing for products, paid services or business operations.",
        fix: "Use a model licensed for commercial use, or obtain a commercial licence from the licensor.")

    let examples = [
        RuleExample(license: "The Provider grants you a licence to use the Model solely for non-commercial research purposes.",
                    profile: "deployment:\n  commercial: true\n", expect: .finding),
        RuleExample(license: "The Provider grants you a licence to use the Model solely for non-commercial research purposes.",
                    profile: "deployment:\n  commercial: false\n", expect: .noFinding),
        RuleExample(license: "The Provider grants you a licence to use the Model solely for non-commercial research purposes.",
                    profile: "organisation:\n  name: Example\n", expect: .undecided),
    ]

    func evaluate(_ ctx: RuleContext) -> [Finding] {
        let hits = ctx.clauses(.nonCommercial) + ctx.clauses(.researchOnly)
        // The message says "research-only" when such a clause is there, so that is the clause it cites.
        let research = ctx.clauses(.researchOnly)
        guard let (l, c) = (research.isEmpty ? hits : research).min(by: { $0.clause.evidence.line < $1.clause.evidence.line }) else { return [] }
        guard let commercial = ctx.profile.commercial else {
            return [ctx.undecided(description, l, c, missing: "deployment.commercial", why: "the licence does not grant commercial use")]
        }
        guard commercial.value else { return [] }
        let what = hits.contains { $0.clause.kind == .researchOnly } ? "research-only" : "non-commercial"
        return [ctx.finding(description, l, c, "commercial use of a model under \(what) terms (\(ctx.licenseName(l)))",
                            profile: ctx.profileLocation(commercial),
                            details: ["you declared deployment.commercial: true"])]
    }
}
