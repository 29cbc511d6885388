struct UseRestrictionFlowdownRule: Rule {
    let description = RuleDescription(
        id: "use-restriction-flowdown", name: "Use restrictions must flow down",
        summary: "Whoever receives the model or a derivative must be bound by the same use restrictions.",
        severity: .note, reads: [.useRestrictionFlowdown], profileFields: ["distribution.weights", "distribution.derivatives"],
        whatItChecks: "Lists flow-down clauses as duties when the plan does the act that triggers them. Who is bound: the licensee who passes the model or a derivative on. By what act: handing over copies or a derivative, or — only where the licence counts hosting as distribution (Gemma, the RAIL family) — offering it as a hosted service. Where: in the licence or terms of use/service given to recipients and users.",
        why: "RAIL and Gemma-style licences require the use restrictions to be enforceable against every downstream user.",
        fix: "Put the use restrictions into the terms you give recipients (the licence of a derivative must carry them).",
        bound: "the licensee who passes the model or a derivative on",
        act: "handing over copies or a derivative, or hosting it where the licence counts hosting as distribution",
        place: "in the licence or terms of use/service given to recipients and users")
    let examples = [
        RuleExample(license: "Use-based restrictions in paragraph 5 must be included as an enforceable provision in any agreement governing the distribution of the Model.",
                    profile: "distribution:\n  weights: false\n  derivatives: true\n", expect: .finding),
        RuleExample(license: "Use-based restrictions in paragraph 5 must be included as an enforceable provision in any agreement governing the distribution of the Model.",
                    profile: "distribution:\n  weights: false\n  derivatives: false\n", expect: .noFinding),
        RuleExample(license: "Use-based restrictions in paragraph 5 must be included as an enforceable provision in any agreement governing the distribution of the Model.",
                    profile: "training:\n  fine_tune: true\n", expect: .undecided),
    ]
    func evaluate(_ ctx: RuleContext) -> [Finding] {
        Distribution.duties(description, ctx, .useRestrictionFlowdown) { _ in "bind recipients and users to the licence's use restrictions, as an enforceable provision" }
    }
}
