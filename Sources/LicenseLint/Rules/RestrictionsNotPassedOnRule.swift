/// Use restrictions must flow down, but the derivative's licence does not carry them: a derivative folder
/// whose own licence has none, or a planned derivative published under a licence the catalogue knows to
/// carry none (apache-2.0, mit, …).
struct RestrictionsNotPassedOnRule: Rule {
    let description = RuleDescription(
        id: "restrictions-not-passed-on", name: "Use restrictions not passed on",
        summary: "The licence requires its use restrictions in every derivative's terms, but the derivative's licence lacks them.",
        severity: .error, reads: [.useRestrictionFlowdown, .acceptableUse], profileFields: ["distribution.derivatives", "distribution.derivative_license", "training.outputs_train_other_models"],
        whatItChecks: "Two cases. A derivative folder whose ancestor requires use-restriction flow-down must carry use restrictions in its own licence text. A plan that publishes a derivative (`distribution.derivatives: true`) under `distribution.derivative_license` must choose terms that can carry them: a licence the catalogue knows and that has no use restrictions (apache-2.0, mit, …) cannot, so the plan conflicts; terms the catalogue does not know (e.g. proprietary) leave the flow-down duty to meet. Who is bound: the publisher of the derivative. By what act: publishing it — and where the licence's definition of derivatives includes models made by distillation or from its outputs (Gemma, the RAIL family), a model the plan trains on the outputs is such a derivative. Where: in the licence of the derivative.",
        why: "RAIL-style and Gemma-style terms make the restrictions enforceable against every downstream user only if each derivative's licence includes them; a permissive licence grants exactly the uses they forbid.",
        fix: "Publish the derivative under terms that include the use restrictions (the base licence itself, or your licence with the restrictions as an enforceable provision), and set distribution.derivative_license accordingly.",
        bound: "the publisher of the derivative",
        act: "publishing a derivative (a distilled model included, where the licence counts it) under terms without the use restrictions",
        place: "the licence of the derivative")
    let examples = [
        RuleExample(license: "\"Derivatives\" means modifications of the Model and any model trained on its outputs, including by distillation.\n\nYou must include the use restrictions in paragraph 5 as an enforceable provision in any agreement governing the use or distribution of the Model or its Derivatives.\n\nYou agree not to use the Model or its Derivatives to generate disinformation.",
                    profile: "distribution:\n  derivatives: true\n  derivative_license: apache-2.0\ntraining:\n  outputs_train_other_models: true\n", expect: .finding),
        RuleExample(license: "\"Derivatives\" means modifications of the Model and any model trained on its outputs, including by distillation.\n\nYou must include the use restrictions in paragraph 5 as an enforceable provision in any agreement governing the use or distribution of the Model or its Derivatives.\n\nYou agree not to use the Model or its Derivatives to generate disinformation.",
                    profile: "distribution:\n  derivatives: true\n  derivative_license: proprietary\n", expect: .noFinding),
        RuleExample(license: "\"Derivatives\" means modifications of the Model and any model trained on its outputs, including by distillation.\n\nYou must include the use restrictions in paragraph 5 as an enforceable provision in any agreement governing the use or distribution of the Model or its Derivatives.\n\nYou agree not to use the Model or its Derivatives to generate disinformation.",
                    profile: "distribution:\n  derivatives: false\n  derivative_license: apache-2.0\n", expect: .noFinding),
    ]

    func evaluate(_ ctx: RuleContext) -> [Finding] {
        var out: [Finding] = []
        // A derivative folder the plan distributes: its own licence must carry the ancestor's restrictions.
        // (A folder the plan only runs binds the plan by the inherited terms themselves.)
        if let (l, c) = ctx.inherited.first(where: { $0.clause.kind == .useRestrictionFlowdown }), let shipped = Shipped.folder(ctx) {
            let ownKinds = Set(ctx.ownLicenses.flatMap { $0.clauses.map(\.kind) })
            if !ctx.ownLicenses.isEmpty, !ownKinds.contains(.acceptableUse), !ownKinds.contains(.useRestrictionFlowdown) {
                out.append(ctx.finding(description, l, c, "\(ctx.licenseName(l)) requires its use restrictions in this derivative's terms, but the derivative's licence has none, and the plan distributes it",
                                       profile: shipped, remedy: "add the use restrictions of \(ctx.licenseName(l)) to this derivative's licence as an enforceable provision"))
            }
        }
        // The plan's own derivative, published under a licence that cannot carry them.
        guard let (l, c) = ctx.clauses(.useRestrictionFlowdown).first,
              let publishes = ctx.profile.distributesDerivatives, publishes.value,
              let chosen = ctx.profile.derivativeLicense,
              chosen.value.lowercased() != ctx.licenseID(l)?.lowercased(),
              let entry = ctx.catalogue?.entry(for: chosen.value),
              !entry.clauses.contains(where: { $0.kind == .acceptableUse || $0.kind == .useRestrictionFlowdown }) else { return out }
        var details = ["you declared distribution.derivative_license: \(chosen.value)",
                       "\(entry.name) has no use restrictions, so recipients of the derivative would not be bound by them"]
        if c.derivativeKinds.contains(.distilledModels), ctx.profile.outputsTrainOtherModels?.value == true || ctx.profile.modelTrainsOtherModels?.value == true {
            details.append("the licence counts models made by distillation or from its outputs as derivatives, so the models you train on its outputs are derivatives too")
        }
        out.append(ctx.finding(description, l, c,
            "the plan publishes a derivative under \(chosen.value), which does not carry the use restrictions \(ctx.licenseName(l)) requires in the terms of every derivative",
            profile: ctx.profileLocation(chosen), details: details,
            remedy: "publish the derivative under \(ctx.licenseName(l)), or under \(chosen.value) with its use restrictions added as an enforceable provision, and set distribution.derivative_license accordingly"))
        return out
    }
}
