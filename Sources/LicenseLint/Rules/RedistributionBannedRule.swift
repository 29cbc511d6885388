struct RedistributionBannedRule: Rule {
    let description = RuleDescription(
        id: "redistribution-banned", name: "Redistribution banned",
        summary: "The plan redistributes weights or derivatives of a model that may not be redistributed.",
        severity: .error, reads: [.redistributionBan], profileFields: ["distribution.weights", "distribution.derivatives"],
        whatItChecks: "Reads redistribution bans against the profile's distribution section.",
        why: "API terms and some research licences forbid copying or distributing the model.",
        fix: "Do not redistribute the model; give recipients access through the licensor's channels.")

    let examples = [
        RuleExample(license: "You may not:\n- copy, sell, lease or distribute the Model.",
                    profile: "distribution:\n  weights: true\n  derivatives: false\n", expect: .finding),
        RuleExample(license: "You may not:\n- copy, sell, lease or distribute the Model.",
                    profile: "distribution:\n  weights: false\n  derivatives: false\n", expect: .noFinding),
        RuleExample(license: "You may not:\n- copy, sell, lease or distribute the Model.",
                    profile: "deployment:\n  commercial: true\n", expect: .undecided),
    ]

    func evaluate(_ ctx: RuleContext) -> [Finding] {
        guard let (l, c) = ctx.clauses(.redistributionBan).first else { return [] }
        let w = ctx.profile.distributesWeights, d = ctx.profile.distributesDerivatives
        if let v = [w, d].compactMap({ $0 }).first(where: \.value) {
            return [ctx.finding(description, l, c, "the plan distributes \(v.line == w?.line ? "the weights" : "derivatives") of a model that may not be redistributed (\(ctx.licenseName(l)))",
                                profile: ctx.profileLocation(v))]
        }
        if w == nil || d == nil {
            return [ctx.undecided(description, l, c, missing: w == nil ? "distribution.weights" : "distribution.derivatives", why: "the licence bans redistribution")]
        }
        return []
    }
}
