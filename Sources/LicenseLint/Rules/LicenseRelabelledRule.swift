/// The model's declared licence drops terms its base model's licence imposes on derivatives.
struct LicenseRelabelledRule: Rule {
    let description = RuleDescription(
        id: "license-relabelled", name: "Derivative relabelled more permissively",
        summary: "A derivative declares a licence that drops the terms its base model's licence imposes on derivatives.",
        severity: .error, reads: Array(Lineage.binding).sorted(), profileFields: [],
        whatItChecks: "Follows `base_model:` in the model card to the base model's folder or known licence, and compares the derivative's declared licence with the ancestor's terms that bind derivatives. Who is bound: whoever publishes or redistributes the derivative. By what act: distributing it under the declared licence — an error when the plan distributes this folder (distribution.weights, or a derivative it publishes); for a model the plan only runs, the relabelling is the publisher's, and licenselint warns once and applies the ancestor's terms. Where: the model card's `license:` and the licence file shipped with the folder.",
        why: "A fine-tune does not escape its base model's licence: publishing a Llama fine-tune as apache-2.0 hides the cap, the use policy and the naming and notice duties from everyone downstream.",
        fix: "Declare the base model's licence (or a licence that carries its terms), and ship its text with the model.",
        bound: "whoever publishes or redistributes the derivative",
        act: "distributing it under the declared licence — the plan's act when it ships this folder, the publisher's otherwise (then a provenance warning)",
        place: "the model card's license: and the licence file shipped with the folder")
    let examples: [RuleExample] = []

    /// The terms a permissive relabelling loses: restrictions on use, and the terms derivatives must carry.
    static let restrictive: Set<ClauseKind> = Set(ClauseKind.allCases.filter { $0.restrictsUse || $0.conditionsDerivatives })

    func evaluate(_ ctx: RuleContext) -> [Finding] {
        guard let declared = ctx.card?.license, !ctx.inherited.isEmpty else { return [] }
        let ownKinds = Set(ctx.ownLicenses.flatMap { $0.clauses.map(\.kind) })
        let ownIDs = Set(ctx.ownLicenses.compactMap { ctx.licenseID($0) }.map { ctx.catalogue?.entry(for: $0)?.id ?? $0.lowercased() })
        // One finding for the act of relabelling, naming every ancestor licence whose terms it drops.
        var owed: [(name: String, id: String?, via: String?)] = []
        var dropped = Set<ClauseKind>()
        for l in ctx.licenses where l.source == .inherited {
            let ancestorID = ctx.licenseID(l).map { ctx.catalogue?.entry(for: $0)?.id ?? $0.lowercased() }
            if let a = ancestorID, ownIDs.contains(a) { continue }
            let lost = Set(l.clauses.map(\.kind)).intersection(LicenseRelabelledRule.restrictive).subtracting(ownKinds)
            guard !lost.isEmpty, !owed.contains(where: { $0.name == ctx.licenseName(l) }) else { continue }
            owed.append((ctx.licenseName(l), ancestorID, l.via))
            dropped.formUnion(lost)
        }
        guard let first = owed.first else { return [] }
        let names = owed.map(\.name).joined(separator: " + ")
        var details = ["dropped: " + dropped.map(\.rawValue).sorted().joined(separator: ", ")]
        details += owed.compactMap { $0.via.map { Finding.viaMark + $0 } }
        let location = FileLocation(path: ctx.card?.path ?? ctx.modelPath, line: declared.line, column: declared.column)
        // Relabelling is the publisher's act. It is the plan's conflict when the plan ships this folder (its
        // weights, or this derivative as its own); a model the plan only runs is a provenance warning, and the
        // checks apply the ancestor's terms either way.
        if let shipped = Shipped.folder(ctx) {
            return [Finding(ruleID: description.id, severity: .error, category: .conflict,
                            message: "declared licence '\(declared.value)' drops terms of \(names), which bind this derivative, and the plan distributes it",
                            model: ctx.model, location: location, profileLocation: shipped,
                            clauseKind: dropped.sorted().first, licenseID: first.id,
                            details: details + ["declare \(names) (or terms that carry them) before distributing it"],
                            remedy: "declare \(names) (or terms that carry them) in the card, and ship its text, before distributing the derivative")]
        }
        return [Finding(ruleID: description.id, severity: .warning, category: .undecided,
                        message: "provenance: this model declares '\(declared.value)' but derives from \(names); treat it as \(names), not \(declared.value) — the checks here apply those terms",
                        model: ctx.model, location: location,
                        clauseKind: dropped.sorted().first, licenseID: first.id,
                        details: details, toSupply: "confirm with the publisher which terms apply (a relabelling does not change the terms you use it under), or use the base model")]
    }
}
