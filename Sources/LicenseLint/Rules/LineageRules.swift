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

/// A licence that must travel with the model, and no licence file in the folder.
struct LicenseCopyMissingRule: Rule {
    let description = RuleDescription(
        id: "license-copy-missing", name: "Licence text missing from the model folder",
        summary: "The licence requires recipients to get a copy of it, but the model folder has no licence file.",
        severity: .error, reads: [.licenseCopyRequired], profileFields: ["distribution.weights", "distribution.derivatives"],
        whatItChecks: "When the model is distributed, checks that its folder ships a LICENSE (or LICENCE, COPYING) file if any applicable licence, its own or inherited, requires a copy to go with it.",
        why: "Most published models lack the licence text their licence requires; the recipient cannot know the terms.",
        fix: "Add the licence text to the model folder.")
    let examples: [RuleExample] = []

    func evaluate(_ ctx: RuleContext) -> [Finding] {
        guard !ctx.hasLicenseFile, let (l, c) = ctx.clauses(.licenseCopyRequired).first else { return [] }
        let (does, loc) = Distribution.distributes(ctx.profile, countHosting: false)
        if does == nil {
            return [ctx.finding(description, l, c, "cannot decide: the folder has no licence file, which \(ctx.licenseName(l)) requires when the model is distributed; the profile does not say whether it is",
                                severity: .warning, category: .undecided)]
        }
        guard does == true else { return [] }
        return [Finding(ruleID: description.id, severity: .error, category: .conflict,
                        message: "the model folder has no licence file, but \(ctx.licenseName(l)) requires a copy with every distribution",
                        model: ctx.model, location: ctx.location(l, c) ?? FileLocation(path: ctx.modelPath, line: 1), profileLocation: loc,
                        clauseKind: .licenseCopyRequired, licenseID: ctx.licenseID(l), details: [l.via.map { "terms \($0)" } ?? ""].filter { !$0.isEmpty })]
    }
}

/// A required notice or credit line absent from the folder's README and NOTICE files.
struct NoticeMissingRule: Rule {
    let description = RuleDescription(
        id: "notice-missing", name: "Required notice missing",
        summary: "A notice or credit line the licence prescribes is not in the model folder's README or NOTICE.",
        severity: .error, reads: [.attribution], profileFields: ["distribution.weights", "distribution.derivatives"],
        whatItChecks: "When the model is distributed, looks for each prescribed notice (e.g. \"Built with …\") in the folder's README.md and NOTICE files.",
        why: "Prescribed credit lines are conditions of the licence; a derivative published without them breaches it.",
        fix: "Add the notice, word for word, to the README or a NOTICE file.")
    let examples: [RuleExample] = []

    static func normal(_ s: String) -> String {
        String(decoding: NormalizedText.phraseKey(s), as: UTF8.self)
    }

    func evaluate(_ ctx: RuleContext) -> [Finding] {
        let required = ctx.clauses(.attribution).filter { $0.clause["notice"]?.stringValue != nil }
        guard !required.isEmpty, ctx.card != nil || !ctx.noticeText.isEmpty else { return [] }
        let (does, loc) = Distribution.distributes(ctx.profile)
        guard does == true else { return [] }
        let haystack = NoticeMissingRule.normal(ctx.noticeText)
        var out: [Finding] = []
        var seen = Set<String>()
        for (l, c) in required {
            guard let notice = c["notice"]?.stringValue, seen.insert(notice).inserted else { continue }
            // The credit's distinctive words: the notice itself, or its first few words for long notices.
            let key = NoticeMissingRule.normal(notice)
            let short = key.split(separator: " ").prefix(6).joined(separator: " ")
            if haystack.contains(key) || haystack.contains(short) { continue }
            out.append(Finding(ruleID: description.id, severity: .error, category: .conflict,
                               message: "required notice \"\(notice)\" is not in the model's README or NOTICE",
                               model: ctx.model, location: ctx.location(l, c) ?? ctx.card.map { FileLocation(path: $0.path, line: 1) },
                               profileLocation: loc, clauseKind: .attribution, licenseID: ctx.licenseID(l),
                               details: [l.via.map { "terms \($0)" } ?? "", "add it to README.md or NOTICE"].filter { !$0.isEmpty }))
        }
        return out
    }
}

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
