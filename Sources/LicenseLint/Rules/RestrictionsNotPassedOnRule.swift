/// Inherited use restrictions must flow down, but the derivative's own licence does not carry them.
struct RestrictionsNotPassedOnRule: Rule {
    let description = RuleDescription(
        id: "restrictions-not-passed-on", name: "Use restrictions not passed on",
        summary: "The base model's licence requires its use restrictions in every derivative's terms, but the derivative's licence lacks them.",
        severity: .error, reads: [.useRestrictionFlowdown, .acceptableUse], profileFields: ["distribution.derivatives"],
        whatItChecks: "For a derivative whose ancestor requires use-restriction flow-down, checks that the derivative's own licence text carries use restrictions.",
        why: "RAIL-style and Gemma-style terms make the restrictions enforceable against every downstream user only if each derivative's licence includes them.",
        fix: "Include the base model's use restrictions (or its licence) in the derivative's licence.")
    let examples: [RuleExample] = []

    func evaluate(_ ctx: RuleContext) -> [Finding] {
        guard let (l, c) = ctx.inherited.first(where: { $0.clause.kind == .useRestrictionFlowdown }) else { return [] }
        let ownKinds = Set(ctx.ownLicenses.flatMap { $0.clauses.map(\.kind) })
        guard !ctx.ownLicenses.isEmpty, !ownKinds.contains(.acceptableUse), !ownKinds.contains(.useRestrictionFlowdown) else { return [] }
        return [ctx.finding(description, l, c, "\(ctx.licenseName(l)) requires its use restrictions in this derivative's terms, but the derivative's licence has none")]
    }
}
