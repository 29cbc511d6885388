/// A grant for research only, and a plan that is not research: production or commercial use.
struct ResearchOnlyUseRule: Rule {
    let description = RuleDescription(
        id: "research-only-use", name: "Use beyond research",
        summary: "The plan runs the model in production or commercially under terms that grant research use only.",
        severity: .error, reads: [.researchOnly], profileFields: ["deployment.production", "deployment.commercial"],
        whatItChecks: "Reads research-only clauses against `deployment.production` and `deployment.commercial`. Who is bound: the licensee. By what act: any use that is not research — serving real users in production, or using the model in a product or for business operations. Where: the licence's grant; nothing in the plan discharges it.",
        why: "Research licences (Llama 1, Chameleon, many academic releases) grant nothing outside research; a product or a production service is not research whatever else it does.",
        fix: "Keep the model in research, or obtain a licence that covers the use.",
        bound: "the licensee",
        act: "any use that is not research: production, or commercial use",
        place: "nothing in the plan discharges it; only a licence that covers the use")

    let examples = [
        RuleExample(license: "The Provider grants you a licence to use the Model solely for research purposes.",
                    profile: "deployment:\n  production: true\n  commercial: false\n", expect: .finding),
        RuleExample(license: "The Provider grants you a licence to use the Model solely for research purposes.",
                    profile: "deployment:\n  production: false\n  commercial: true\n", expect: .finding),
        RuleExample(license: "The Provider grants you a licence to use the Model solely for research purposes.",
                    profile: "deployment:\n  production: false\n  commercial: false\n", expect: .noFinding),
        RuleExample(license: "The Provider grants you a licence to use the Model solely for research purposes.",
                    profile: "deployment:\n  commercial: false\n", expect: .undecided),
    ]

    func evaluate(_ ctx: RuleContext) -> [Finding] {
        guard let (l, c) = ctx.clauses(.researchOnly).min(by: { $0.clause.evidence.line < $1.clause.evidence.line }) else { return [] }
        let p = ctx.profile
        if let prod = p.production, prod.value {
            return [ctx.finding(description, l, c, "production use is not research, and \(ctx.licenseName(l)) grants research use only",
                                profile: ctx.profileLocation(prod), details: ["you declared deployment.production: true"],
                                remedy: "keep the model in research, or obtain a licence for production use from \(ctx.licensor(l))")]
        }
        if let com = p.commercial, com.value {
            return [ctx.finding(description, l, c, "commercial use is not research, and \(ctx.licenseName(l)) grants research use only",
                                profile: ctx.profileLocation(com), details: ["you declared deployment.commercial: true"],
                                remedy: "keep the model in research, or obtain a licence for commercial use from \(ctx.licensor(l))")]
        }
        if p.production == nil || p.commercial == nil {
            let missing = p.production == nil ? "deployment.production" : "deployment.commercial"
            return [ctx.undecided(description, l, c, missing: missing, why: "the licence grants research use only")]
        }
        return []
    }
}
