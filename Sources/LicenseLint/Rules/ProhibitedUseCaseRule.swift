struct ProhibitedUseCaseRule: Rule {
    let description = RuleDescription(
        id: "prohibited-use-case", name: "Use case prohibited",
        summary: "A use case the profile declares is one the licence's acceptable-use terms prohibit.",
        severity: .error, reads: [.acceptableUse], profileFields: ["deployment.use_cases"],
        whatItChecks: "Matches the profile's use cases against the categories of the licence's acceptable-use terms (inline lists, or the incorporated policy as the catalogue records it).",
        why: "RAIL licences and acceptable use policies forbid named uses (medical advice, surveillance, law enforcement…); the ban binds every deployment and every recipient.",
        fix: "Drop the use case, or choose a model whose terms allow it.",
        bound: "every user of the model",
        act: "using it for a use case the licence's acceptable-use terms prohibit",
        place: "nothing discharges it; the declared use case must change")

    let examples = [
        RuleExample(license: "You agree not to use the Model:\n(a) to provide medical advice or interpret medical results;\n(b) for mass surveillance of individuals;\n(c) to harass or bully anyone.",
                    profile: "deployment:\n  use_cases: [medical-advice, chat-assistant]\n", expect: .finding),
        RuleExample(license: "You agree not to use the Model:\n(a) to provide medical advice or interpret medical results;\n(b) for mass surveillance of individuals;\n(c) to harass or bully anyone.",
                    profile: "deployment:\n  use_cases: [code-generation]\n", expect: .noFinding),
        RuleExample(license: "You agree not to use the Model:\n(a) to provide medical advice or interpret medical results;\n(b) for mass surveillance of individuals;\n(c) to harass or bully anyone.",
                    profile: "deployment:\n  commercial: true\n", expect: .undecided),
    ]

    func evaluate(_ ctx: RuleContext) -> [Finding] {
        let hits = ctx.clauses(.acceptableUse)
        guard let first = hits.first else { return [] }
        guard let useCases = ctx.profile.useCases else {
            return [ctx.undecided(description, first.license, first.clause, missing: "deployment.use_cases",
                                  why: "the licence restricts uses")]
        }
        var out: [Finding] = []
        var reported = Set<String>()
        for (l, c) in hits {
            var categories = Set(c.categories.map(\.rawValue))
            // An incorporated policy: its categories come from the catalogue when known.
            if c.policy == .incorporated, let cat = ctx.catalogue, let id = ctx.licenseID(l), let entry = cat.entry(for: id) {
                for pid in entry.policies {
                    for pc in cat.entry(for: pid)?.clauses ?? [] where pc.kind == .acceptableUse {
                        categories.formUnion(pc[.categories]?.listValue ?? [])
                    }
                }
            }
            for u in useCases.value where categories.contains(u) && reported.insert(u).inserted {
                out.append(ctx.finding(description, l, c, "use case '\(u)' is prohibited by the acceptable-use terms of \(ctx.licenseName(l))",
                                       profile: ctx.profileLocation(useCases), details: ["prohibited categories: \(categories.sorted().joined(separator: ", "))"],
                                       remedy: "drop the use case '\(u)', or choose a model whose terms allow it"))
            }
            let harmful = Set(useCases.value).intersection(UseCategory.allCases.map(\.rawValue))
            if categories.isEmpty && c.policy == .incorporated && !harmful.isEmpty {
                out.append(ctx.finding(description, l, c,
                    "cannot decide: the licence incorporates a use policy whose categories are not known here, and the profile declares \(harmful.sorted().joined(separator: ", "))",
                    severity: .warning, category: .undecided, profile: ctx.profileLocation(useCases),
                    toSupply: "read the incorporated policy for these use cases"))
            }
        }
        return out
    }
}
