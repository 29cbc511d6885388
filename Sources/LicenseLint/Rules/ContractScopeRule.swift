/// Terms that govern individuals and send business or API use to other terms: an organisation's plan
/// cannot be decided from them.
struct ContractScopeRule: Rule {
    let description = RuleDescription(
        id: "contract-not-applicable", name: "These terms may not govern the plan",
        summary: "The text governs services for individuals and sends business or API use to other terms.",
        severity: .warning, reads: [.contractScope], profileFields: ["organisation", "deployment.commercial", "deployment.hosting"],
        whatItChecks: "Reads contract-scope clauses: whom the text covers (e.g. individuals) and whom it sends to other terms (business use, API use). A profile describes an organisation's plan, so when the text sends business or API use elsewhere, licenselint cannot decide from this text. Who is bound: the organisation. By what act: any business or API use. Where: in the other terms the text names, which are not in the folder.",
        why: "Reading a consumer contract's choice of law or its bans against an API business is a decision from the wrong document, in either direction.",
        fix: "Obtain the terms that govern your use (e.g. the provider's business or API terms), put them in the model folder, and check again.",
        bound: "the organisation",
        act: "any business or API use, which the text sends to other terms",
        place: "the other terms the text names, which are not in the folder")
    let examples = [
        RuleExample(license: "These Terms apply to your use of our services for individuals. Our Business Terms govern use of our APIs and our other services for businesses and developers.",
                    profile: "deployment:\n  commercial: true\n  hosting: api\n", expect: .undecided),
        RuleExample(license: "You may use the Model for any purpose.", profile: "deployment:\n  commercial: true\n", expect: .noFinding),
        // Residents of a region sent to other terms: a question of governing law, not of business use.
        RuleExample(license: "If you reside in the European Economic Area, your use of the Services is governed by these terms.",
                    profile: "deployment:\n  commercial: true\n  hosting: api\n", expect: .noFinding),
    ]
    func evaluate(_ ctx: RuleContext) -> [Finding] {
        // Business and API use sent elsewhere: an organisation's plan is not governed here. (Residents of a
        // region sent elsewhere matter for the law that governs; governing-law-not-allowed reads that.)
        let business: Set<ContractParty> = [.businessUse, .apiUse]
        guard let (l, c) = ctx.clauses(.contractScope).first(where: { !business.isDisjoint(with: $0.clause.excludes) }) else { return [] }
        let others = c.excludes.filter(business.contains).map(\.rawValue).joined(separator: ", ")
        return [ctx.finding(description, l, c,
                            "cannot decide: \(ctx.licenseName(l)) sends \(others) to other terms that are not here; a profile describes an organisation's plan, so obtain the terms that govern it",
                            severity: .warning, category: .undecided,
                            toSupply: "put the governing terms (business or API terms) in the model folder and check again")]
    }
}
