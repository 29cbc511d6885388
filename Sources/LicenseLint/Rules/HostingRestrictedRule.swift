struct HostingRestrictedRule: Rule {
    let description = RuleDescription(
        id: "hosting-restricted", name: "Hosting as a service needs permission",
        summary: "The plan offers the model as a hosted service (SaaS or API), which the licence reserves.",
        severity: .error, reads: [.hostingRestriction], profileFields: ["deployment.hosting"],
        whatItChecks: "Reads hosting restrictions against `deployment.hosting` (saas or api).",
        why: "Some licences let you run the model yourself but not sell access to it as a service without a separate agreement.",
        fix: "Host it internally or on-device, or obtain the licensor's permission.",
        bound: "the licensee",
        act: "offering the model to others as a hosted service (SaaS or API)",
        place: "nothing in the plan discharges it; only a licence from the licensor")

    let examples = [
        RuleExample(license: "You may not offer the Model to third parties as a hosted service or via an API without a separate agreement with the Provider.",
                    profile: "deployment:\n  hosting: saas\n", expect: .finding),
        RuleExample(license: "You may not offer the Model to third parties as a hosted service or via an API without a separate agreement with the Provider.",
                    profile: "deployment:\n  hosting: on-device\n", expect: .noFinding),
        RuleExample(license: "You may not offer the Model to third parties as a hosted service or via an API without a separate agreement with the Provider.",
                    profile: "deployment:\n  commercial: true\n", expect: .undecided),
    ]

    func evaluate(_ ctx: RuleContext) -> [Finding] {
        guard let (l, c) = ctx.clauses(.hostingRestriction).first else { return [] }
        guard let hosting = ctx.profile.hosting else {
            return [ctx.undecided(description, l, c, missing: "deployment.hosting", why: "the licence restricts hosting the model as a service")]
        }
        guard let mode = hosting.value.first(where: \.isService) else { return [] }
        return [ctx.finding(description, l, c, "hosting as \(mode.rawValue) needs the licensor's permission under \(ctx.licenseName(l))",
                            profile: ctx.profileLocation(hosting),
                            remedy: "host the model internally or on-device, or obtain the permission of \(ctx.licensor(l)) to offer it as \(mode.rawValue)")]
    }
}
