struct NonCommercialUseRule: Rule {
    let description = RuleDescription(
        id: "non-commercial-use", name: "Commercial use not granted",
        summary: "The plan uses the model commercially under non-commercial terms.",
        severity: .error, reads: [.nonCommercial], profileFields: ["deployment.commercial"],
        whatItChecks: "Reads non-commercial clauses against `deployment.commercial` (research-only grants: `research-only-use`). Who is bound: the licensee. By what act: using the model in a product, for a paying customer or for business operations. Where: the licence's grant; nothing in the plan discharges it.",
        why: "Non-commercial and research licences (CC BY-NC, research model licences) grant nothing for products, paid services or business operations.",
        fix: "Use a model licensed for commercial use, or obtain a commercial licence from the licensor.",
        bound: "the licensee",
        act: "using the model in a product, for a paying customer or for business operations",
        place: "nothing in the plan discharges it; only a commercial licence")

    let examples = [
        RuleExample(license: "The Provider grants you a licence to use the Model solely for non-commercial research purposes.",
                    profile: "deployment:\n  commercial: true\n", expect: .finding),
        RuleExample(license: "The Provider grants you a licence to use the Model solely for non-commercial research purposes.",
                    profile: "deployment:\n  commercial: false\n", expect: .noFinding),
        RuleExample(license: "The Provider grants you a licence to use the Model solely for non-commercial research purposes.",
                    profile: "organisation:\n  name: Example\n", expect: .undecided),
    ]

    func evaluate(_ ctx: RuleContext) -> [Finding] {
        // A research-only grant is read by research-only-use; this rule cites the non-commercial clause.
        guard let (l, c) = ctx.clauses(.nonCommercial).min(by: { $0.clause.evidence.line < $1.clause.evidence.line }) else { return [] }
        guard let commercial = ctx.profile.commercial else {
            return [ctx.undecided(description, l, c, missing: "deployment.commercial", why: "the licence does not grant commercial use")]
        }
        guard commercial.value else { return [] }
        return [ctx.finding(description, l, c, "commercial use of a model under non-commercial terms (\(ctx.licenseName(l)))",
                            profile: ctx.profileLocation(commercial),
                            details: ["you declared deployment.commercial: true"],
                            remedy: "obtain a commercial licence from \(ctx.licensor(l)), or use a model licensed for commercial use")]
    }
}
