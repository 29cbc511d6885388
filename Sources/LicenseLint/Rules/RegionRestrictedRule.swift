struct RegionRestrictedRule: Rule {
    let description = RuleDescription(
        id: "region-restricted", name: "Region withheld",
        summary: "The deployment region or the headquarters is a place where the licence withholds rights.",
        severity: .error, reads: [.geographicRestriction], profileFields: ["deployment.regions", "organisation.headquarters"],
        whatItChecks: "Compares geographic restrictions (ISO country codes or EU) with the plan, reading who the clause binds. Who is bound: with `binds: licensee-domicile` the licensee where it is domiciled (organisation.headquarters), end users excepted where the clause says so; with `binds: place-of-use` anyone using the model there (deployment.regions). By what act: using or deploying the model. Where: the named places; an EU member state counts as EU. A clause limited to multimodal models needs the model card's modality (pipeline_tag or tags), or it cannot decide.",
        why: "Some licences withhold rights from people or companies in named places (for example multimodal Llama 3.2 models in the EU).",
        fix: "Do not offer the model in those regions, or use a model without the restriction.",
        bound: "the licensee (by domicile) or the deployment (by place of use), as the clause says",
        act: "operating where the licence withholds rights",
        place: "the organisation's headquarters or the deployment regions")

    let examples = [
        // Domicile: the licensee's headquarters decides, not where its users are.
        RuleExample(license: "The rights granted under this licence are not granted to you if you are domiciled in the European Union.",
                    profile: "organisation:\n  headquarters: DE\ndeployment:\n  regions: [EU]\n", expect: .finding),
        RuleExample(license: "The rights granted under this licence are not granted to you if you are domiciled in the European Union.",
                    profile: "organisation:\n  headquarters: US\ndeployment:\n  regions: [US, EU]\n", expect: .noFinding),
        RuleExample(license: "The rights granted under this licence are not granted to you if you are domiciled in the European Union.",
                    profile: "deployment:\n  regions: [US, EU]\n", expect: .undecided),
        // Place of use: where the model is deployed decides.
        RuleExample(license: "This Agreement does not apply in the European Union, and the Model may not be used in the European Union.",
                    profile: "organisation:\n  headquarters: US\ndeployment:\n  regions: [US, EU]\n", expect: .finding),
        // Only multimodal models: a model whose card does not say cannot be decided.
        RuleExample(license: "With respect to any multimodal models, the rights granted under this licence are not granted to you if you are domiciled in the European Union.",
                    profile: "organisation:\n  headquarters: DE\n", expect: .undecided),
    ]

    static func covers(_ restricted: String, _ place: String) -> Bool {
        let eu = Lexicon.europeanUnion
        return restricted == place || (restricted == eu && ProfileValues.euMembers.contains(place)) || (place == eu && ProfileValues.euMembers.contains(restricted))
    }

    func evaluate(_ ctx: RuleContext) -> [Finding] {
        var out: [Finding] = []
        for (l, c) in ctx.clauses(.geographicRestriction) {
            let restricted = c.regions
            let list = restricted.joined(separator: ", ")
            // Who is bound: the licensee where it is domiciled, or anyone where the model is used.
            var places: [(String, FileLocation?, String)] = []
            switch c.binds {
            case .licenseeDomicile?:
                guard let h = ctx.profile.headquarters else {
                    out.append(ctx.undecided(description, l, c, missing: "organisation.headquarters",
                                             why: "the licence withholds rights from licensees domiciled in \(list)"))
                    continue
                }
                places = [(h.value, ctx.profileLocation(h), "your headquarters")]
            case .placeOfUse?, nil:
                guard ctx.profile.regions != nil || ctx.profile.headquarters != nil else {
                    out.append(ctx.undecided(description, l, c, missing: "deployment.regions", why: "the licence withholds rights in \(list)"))
                    continue
                }
                if let r = ctx.profile.regions { places += r.value.map { ($0, ctx.profileLocation(r), "a deployment region") } }
                if c.binds == nil, let h = ctx.profile.headquarters { places.append((h.value, ctx.profileLocation(h), "your headquarters")) }
            }
            guard let (place, loc, what) = places.first(where: { p in restricted.contains { RegionRestrictedRule.covers($0, p.0) } }) else { continue }
            var details = ["restricted: \(list)"]
            if c.exempt.contains(.endUsers) { details.append("end users of a product that incorporates the model are not bound; the licensee is") }
            // Which models: a clause about the multimodal models of a release needs the model's modality.
            if c.modelScope == .multimodal {
                switch ctx.card?.isMultimodal {
                case .some(false): continue
                case .none:
                    out.append(ctx.finding(description, l, c,
                        "cannot decide: \(ctx.licenseName(l)) withholds rights for its multimodal models from licensees in \(list), and \(what) \(place) is there; the model card does not say whether this model is multimodal",
                        severity: .warning, category: .undecided, profile: loc,
                        details: details, toSupply: "state the model's modality in its card (pipeline_tag, e.g. text-generation or image-text-to-text)"))
                    continue
                case .some(true): details.append("the model card says the model is multimodal")
                }
            }
            let remedy = c.binds == .licenseeDomicile
                ? "use a model without the restriction, or obtain the permission of \(ctx.licensor(l)): the licence tests where the licensee is domiciled, not where the model is used"
                : "do not use or offer the model in \(list), or use a model without the restriction"
            out.append(ctx.finding(description, l, c, "\(what) \(place) is inside a region (\(list)) where \(ctx.licenseName(l)) withholds rights",
                                   profile: loc, details: details, remedy: remedy))
        }
        return out
    }
}
