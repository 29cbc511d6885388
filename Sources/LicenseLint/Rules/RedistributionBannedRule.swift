struct RedistributionBannedRule: Rule {
    let description = RuleDescription(
        id: "redistribution-banned", name: "Redistribution banned",
        summary: "The plan redistributes weights or derivatives of a model that may not be redistributed.",
        severity: .error, reads: [.redistributionBan], profileFields: ["distribution.weights", "distribution.derivatives"],
        whatItChecks: "Reads redistribution bans against the profile's distribution section, and bans on copying against `deployment.hosting`. Who is bound: the licensee. By what act: giving copies of the weights or of a derivative to others; where the text forbids copying at all, also running a copy on your own premises or on users' devices. Where: nothing in the plan discharges it; only the licensor's channels (its hosted service) are allowed.",
        why: "API terms and some research licences forbid copying or distributing the model.",
        fix: "Do not redistribute the model; give recipients access through the licensor's channels.",
        bound: "the licensee",
        act: "giving copies of the weights or of a derivative to others; where the text forbids copying, running a copy on premises or devices",
        place: "nothing in the plan discharges it; only the licensor's channels")

    let examples = [
        RuleExample(license: "You may not:\n- copy, sell, lease or distribute the Model.",
                    profile: "distribution:\n  weights: true\n  derivatives: false\n", expect: .finding),
        RuleExample(license: "You may not:\n- copy, sell, lease or distribute the Model.",
                    profile: "distribution:\n  weights: false\n  derivatives: false\n", expect: .noFinding),
        RuleExample(license: "You may not:\n- copy, sell, lease or distribute the Model.",
                    profile: "deployment:\n  commercial: true\n", expect: .undecided),
        // A ban on copying: a model run on the organisation's own servers is a copy.
        RuleExample(license: "You may not:\n- copy, sell, lease or distribute the Model.",
                    profile: "deployment:\n  hosting: on-prem\ndistribution:\n  weights: false\n  derivatives: false\n", expect: .finding),
        RuleExample(license: "You may not:\n- sell, lease or distribute the Model.",
                    profile: "deployment:\n  hosting: on-prem\ndistribution:\n  weights: false\n  derivatives: false\n", expect: .noFinding),
    ]

    func evaluate(_ ctx: RuleContext) -> [Finding] {
        guard let (l, c) = ctx.clauses(.redistributionBan).first else { return [] }
        let w = ctx.profile.distributesWeights, d = ctx.profile.distributesDerivatives
        // Running the model on your own premises or devices needs a copy of it; terms that forbid copying grant
        // access to the licensor's hosted service only.
        if c.forbids.contains(.copying), let h = ctx.profile.hosting, let mode = h.value.first(where: { $0 == .onPrem || $0 == .onDevice }) {
            return [ctx.finding(description, l, c, "running the model \(mode == .onPrem ? "on your premises" : "on users' devices") needs a copy of it, and \(ctx.licenseName(l)) forbids copying",
                                profile: ctx.profileLocation(h),
                                details: ["you declared deployment.hosting: \(mode.rawValue)", "use the licensor's hosted service, or obtain terms that allow a local copy"],
                                remedy: "use the hosted service of \(ctx.licensor(l)), or obtain terms that allow a local copy")]
        }
        if let v = [w, d].compactMap({ $0 }).first(where: \.value) {
            return [ctx.finding(description, l, c, "the plan distributes \(v.line == w?.line ? "the weights" : "derivatives") of a model that may not be redistributed (\(ctx.licenseName(l)))",
                                profile: ctx.profileLocation(v),
                                remedy: "do not distribute \(v.line == w?.line ? "the weights" : "derivatives"); give recipients access through the channels of \(ctx.licensor(l))")]
        }
        if w == nil || d == nil {
            return [ctx.undecided(description, l, c, missing: w == nil ? "distribution.weights" : "distribution.derivatives", why: "the licence bans redistribution")]
        }
        return []
    }
}
