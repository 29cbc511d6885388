/// The model's declared licence drops terms its base model's licence imposes on derivatives.
struct LicenseRelabelledRule: Rule {
    let description = RuleDescription(
        id: "license-relabelled", name: "Derivative relabelled more permissively",
        summary: "A derivative declares a licence that drops the terms its base model's licence imposes on derivatives.",
        severity: .error, reads: Array(Lineage.binding).sorted(), profileFields: [],
        whatItChecks: "Follows `base_model:` in the model card to the base model's folder or known licence, and compares the derivative's declared licence with the ancestor's terms that bind derivatives.",
        why: "A fine-tune does not escape its base model's licence: publishing a Llama fine-tune as apache-2.0 hides the cap, the use policy and the naming and notice duties from everyone downstream.",
        fix: "Declare the base model's licence (or a licence that carries its terms), and ship its text with the model.")
    let examples: [RuleExample] = []

    static let restrictive: Set<ClauseKind> = [.acceptableUse, .useRestrictionFlowdown, .shareAlike, .namingRequirement, .userCap,
                                               .revenueCap, .competingModelBan, .nonCommercial, .researchOnly, .nonProduction]

    func evaluate(_ ctx: RuleContext) -> [Finding] {
        guard let declared = ctx.card?.license, !ctx.inherited.isEmpty else { return [] }
        let ownKinds = Set(ctx.ownLicenses.flatMap { $0.clauses.map(\.kind) })
        let ownIDs = Set(ctx.ownLicenses.compactMap { ctx.licenseID($0) }.map { ctx.catalogue?.entry(for: $0)?.id ?? $0.lowercased() })
        var out: [Finding] = []
        var seen = Set<String>()
        for l in ctx.licenses where l.source == .inherited {
            let ancestorID = ctx.licenseID(l).map { ctx.catalogue?.entry(for: $0)?.id ?? $0.lowercased() }
            if let a = ancestorID, ownIDs.contains(a) { continue }
            let dropped = Set(l.clauses.map(\.kind)).intersection(LicenseRelabelledRule.restrictive).subtracting(ownKinds)
            guard !dropped.isEmpty, seen.insert(ancestorID ?? ctx.licenseName(l)).inserted else { continue }
            out.append(Finding(ruleID: description.id, severity: .error, category: .conflict,
                               message: "declared licence '\(declared.value)' drops terms of \(ctx.licenseName(l)), which binds this derivative",
                               model: ctx.model, location: FileLocation(path: ctx.card?.path ?? ctx.modelPath, line: declared.line, column: declared.column),
                               clauseKind: dropped.sorted().first, licenseID: ancestorID,
                               details: ["dropped: " + dropped.map(\.rawValue).sorted().joined(separator: ", "), l.via.map { "terms \($0)" } ?? ""].filter { !$0.isEmpty }))
        }
        return out
    }
}
