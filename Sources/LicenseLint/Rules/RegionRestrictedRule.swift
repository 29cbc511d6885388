struct RegionRestrictedRule: Rule {
    let description = RuleDescription(
        id: "region-restricted", name: "Region withheld",
        summary: "The deployment region or the headquarters is a place where the licence withholds rights.",
        severity: .error, reads: [.geographicRestriction], profileFields: ["deployment.regions", "organisation.headquarters"],
        whatItChecks: "Compares geographic restrictions (ISO country codes or EU) with the profile's regions and headquarters; an EU member state counts as EU.",
        why: "Some licences withhold rights from people or companies in named places (for example multimodal Llama 3.2 models in the EU).",
        fix: "Do not offer the model in those regions, or use a model without the restriction.")

    let examples = [
        RuleExample(license: "The rights granted under this licence are not granted to you if you are domiciled in the European Union.",
                    profile: "organisation:\n  headquarters: US\ndeployment:\n  regions: [US, EU]\n", expect: .finding),
        RuleExample(license: "The rights granted under this licence are not granted to you if you are domiciled in the European Union.",
                    profile: "organisation:\n  headquarters: US\ndeployment:\n  regions: [US, JP]\n", expect: .noFinding),
        RuleExample(license: "The rights granted under this licence are not granted to you if you are domiciled in the European Union.",
                    profile: "deployment:\n  commercial: true\n", expect: .undecided),
    ]

    static func covers(_ restricted: String, _ place: String) -> Bool {
        restricted == place || (restricted == "EU" && ProfileValues.euMembers.contains(place)) || (place == "EU" && ProfileValues.euMembers.contains(restricted))
    }

    func evaluate(_ ctx: RuleContext) -> [Finding] {
        var out: [Finding] = []
        for (l, c) in ctx.clauses(.geographicRestriction) {
            let restricted = c["regions"]?.listValue ?? []
            guard ctx.profile.regions != nil || ctx.profile.headquarters != nil else {
                out.append(ctx.undecided(description, l, c, missing: "deployment.regions", why: "the licence withholds rights in \(restricted.joined(separator: ", "))"))
                continue
            }
            var places: [(String, FileLocation?)] = []
            if let r = ctx.profile.regions { places += r.value.map { ($0, ctx.profileLocation(r)) } }
            if let h = ctx.profile.headquarters { places.append((h.value, ctx.profileLocation(h))) }
            for (place, loc) in places {
                if let r = restricted.first(where: { RegionRestrictedRule.covers($0, place) }) {
                    out.append(ctx.finding(description, l, c, "\(place) is inside a region (\(r)) where \(ctx.licenseName(l)) withholds rights",
                                           profile: loc, details: ["restricted: \(restricted.joined(separator: ", "))"]))
                    break
                }
            }
        }
        return out
    }
}
