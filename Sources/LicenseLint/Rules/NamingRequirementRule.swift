struct NamingRequirementRule: Rule {
    let description = RuleDescription(
        id: "naming-requirement", name: "Derivative name lacks the required prefix",
        summary: "Derivative models must carry a name or prefix (e.g. \"Llama\") that the planned name lacks.",
        severity: .error, reads: [.namingRequirement], profileFields: ["distribution.derivatives", "distribution.derivative_name"],
        whatItChecks: "When derivatives are distributed, checks that `distribution.derivative_name` starts with the required prefix.",
        why: "Licences such as Llama 3.x require derivative model names to begin with the family name; a renamed fine-tune breaches them.",
        fix: "Rename the derivative so that it begins with the required word.",
        bound: "the licensee who publishes a derivative",
        act: "publishing or distributing a model made from this one",
        place: "the derivative's name (distribution.derivative_name, or the card's model_name)")

    let examples = [
        RuleExample(license: "If you distribute a model built on the Materials, you shall include \"Zephyrine\" at the beginning of any such model name.",
                    profile: "distribution:\n  derivatives: true\n  derivative_name: Acme-Chat-7B\n", expect: .finding),
        RuleExample(license: "If you distribute a model built on the Materials, you shall include \"Zephyrine\" at the beginning of any such model name.",
                    profile: "distribution:\n  derivatives: true\n  derivative_name: Zephyrine-Acme-7B\n", expect: .noFinding),
        RuleExample(license: "If you distribute a model built on the Materials, you shall include \"Zephyrine\" at the beginning of any such model name.",
                    profile: "distribution:\n  derivatives: true\n", expect: .undecided),
    ]

    func evaluate(_ ctx: RuleContext) -> [Finding] {
        var out: [Finding] = []
        var named = Set<String>()
        // A derivative in the folder: its own name (card model_name or title) must carry the inherited prefix.
        // (Only when the plan ships this folder: a name a third party chose for a model the plan only runs is
        // theirs to answer for.)
        if let card = ctx.card, !card.baseModels.isEmpty, Shipped.folder(ctx) != nil {
            let name = card.modelName ?? card.title.map { Located($0, line: 1, column: 1) }
            for (l, c) in ctx.inherited where c.kind == .namingRequirement {
                guard let prefix = c.prefix, let n = name else { continue }
                if !n.value.lowercased().hasPrefix(prefix.lowercased()) {
                    named.insert(n.value.lowercased() + "|" + prefix.lowercased())
                    out.append(Finding(ruleID: description.id, severity: .error, category: .conflict,
                                       message: "model name '\(n.value)' does not begin with \"\(prefix)\" as \(ctx.licenseName(l)) requires of derivatives",
                                       model: ctx.model, location: FileLocation(path: card.path, line: n.line, column: n.column),
                                       clauseKind: .namingRequirement, licenseID: ctx.licenseID(l),
                                       details: [l.viaDetail ?? "", "rename it, e.g. '\(prefix)-\(n.value)'"].filter { !$0.isEmpty },
                                       remedy: "rename the model '\(n.value)' in its card so that it begins with \"\(prefix)\", e.g. '\(prefix)-\(n.value)'"))
                }
            }
        }
        for (l, c) in ctx.clauses(.namingRequirement) {
            guard let prefix = c.prefix else { continue }
            guard let derivatives = ctx.profile.distributesDerivatives else {
                out.append(ctx.undecided(description, l, c, missing: "distribution.derivatives", why: "derivative names must begin with \"\(prefix)\""))
                continue
            }
            guard derivatives.value else { continue }
            guard let name = ctx.profile.derivativeName else {
                out.append(ctx.undecided(description, l, c, missing: "distribution.derivative_name", why: "derivative names must begin with \"\(prefix)\""))
                continue
            }
            // One finding per act: the same name already reported where the model card gives it.
            if !name.value.lowercased().hasPrefix(prefix.lowercased()), !named.contains(name.value.lowercased() + "|" + prefix.lowercased()) {
                out.append(ctx.finding(description, l, c, "derivative name '\(name.value)' does not begin with \"\(prefix)\" as \(ctx.licenseName(l)) requires",
                                       profile: ctx.profileLocation(name), details: ["rename it, e.g. '\(prefix)-\(name.value)'"],
                                       remedy: "rename the derivative so that it begins with \"\(prefix)\", e.g. '\(prefix)-\(name.value)', and set distribution.derivative_name"))
            }
        }
        return out
    }
}
