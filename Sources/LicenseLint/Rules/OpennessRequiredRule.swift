struct OpennessRequiredRule: Rule {
    let description = RuleDescription(
        id: "openness-below-required", name: "Model less open than required",
        summary: "The model's openness level is below `policy.require_openness`.",
        severity: .error, reads: [], profileFields: ["policy.require_openness"],
        whatItChecks: "Places the model on the openness spectrum (closed · open-weights-restricted · open-weights · open-source) and compares it with the profile's requirement.",
        why: "Public-sector and research policies often require OSI-approved terms or full open-source AI (weights, code and data information).",
        fix: "Choose a model that meets the level, or document training code and data for it.",
        bound: "the team",
        act: "using a model less open than the team's policy requires",
        place: "the profile's policy.require_openness")
    let examples = [
        RuleExample(license: "Licensed for non-commercial research only. You will not use the Model for any commercial purposes.",
                    profile: "policy:\n  require_openness: open-weights\n", expect: .finding),
    ]
    func evaluate(_ ctx: RuleContext) -> [Finding] {
        guard let required = ctx.profile.requireOpenness else { return [] }
        let level = ctx.openness.level
        if let level, level >= required.value { return [] }
        let where_ = ctx.licenses.first
        // A level the profile requires and the model is not shown to meet is a conflict with the policy, as
        // an unidentified licence is under policy.allow_licenses: fail closed.
        return [Finding(ruleID: description.id, severity: .error, category: .conflict,
                        message: level.map { "openness is \($0.rawValue); the profile requires \(required.value.rawValue)" }
                            ?? "openness unknown; the profile requires \(required.value.rawValue)",
                        model: ctx.model, location: where_?.file.map { FileLocation(path: $0, line: 1) },
                        profileLocation: ctx.profileLocation(required), licenseID: where_.flatMap(ctx.licenseID),
                        details: ctx.openness.reasons,
                        remedy: "choose a model that meets \(required.value.rawValue), or publish what it lacks (an OSI-approved licence, training code and data)")]
    }
}
