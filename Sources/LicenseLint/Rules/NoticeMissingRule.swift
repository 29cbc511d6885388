/// A notice the licence requires in distributed copies, absent from a folder the plan distributes.
struct NoticeMissingRule: Rule {
    let description = RuleDescription(
        id: "notice-missing", name: "Required notice missing from what you distribute",
        summary: "A notice the licence requires in distributed copies is not in the folder the plan distributes.",
        severity: .error, reads: [.attribution], profileFields: ["distribution.weights", "distribution.derivatives"],
        whatItChecks: "Only for a folder the plan itself ships — the weights it gives to others (distribution.weights: true), or a derivative (a card with base_model) it publishes (distribution.derivatives: true) — looks for each notice the licence requires in the copies (a \"Notice\" text file, the files themselves, the model card) in the folder's README and NOTICE files. Credits owed on a product (\"Built with …\" on a website or UI) are duties of the product, not of the folder, and are not looked for here; an upstream folder you only run is not checked.",
        why: "Prescribed notices are conditions of distribution; copies handed over without them breach the licence.",
        fix: "Add the notice, word for word, to the place the licence names (usually a NOTICE file shipped with the copies).",
        bound: "the licensee who distributes this folder",
        act: "distributing copies of the folder the plan ships",
        place: "a \"Notice\" text file (or the place the licence names) in the distributed copies")
    let examples: [RuleExample] = []

    static func normal(_ s: String) -> String {
        String(decoding: NormalizedText.phraseKey(s), as: UTF8.self)
    }

    /// Whether a notice is in a text (normalised with `normal`): the notice itself, or its first few words
    /// for long notices — the credit's distinctive words.
    static func present(_ notice: String, inNormalised haystack: String) -> Bool {
        let key = normal(notice)
        let short = key.split(separator: " ").prefix(6).joined(separator: " ")
        return haystack.contains(key) || haystack.contains(short)
    }

    func evaluate(_ ctx: RuleContext) -> [Finding] {
        guard let loc = Shipped.folder(ctx) else { return [] }
        let inCopies: Set<Place> = [.noticeFile, .copies, .modelCard]
        let required = ctx.clauses(.attribution).filter { (_, c) in
            c.notice != nil && (c.place.map(inCopies.contains) ?? true)
                && (c.triggers.isEmpty || c.triggers.contains(.distributeCopies))
        }
        let haystack = NoticeMissingRule.normal(ctx.noticeText)
        var out: [Finding] = []
        var seen = Set<String>()
        for (l, c) in required {
            guard let notice = c.notice, seen.insert(notice).inserted else { continue }
            if NoticeMissingRule.present(notice, inNormalised: haystack) { continue }
            let place = c.place == .noticeFile ? "a \"Notice\" text file shipped with the copies" : "the copies you distribute (README or NOTICE)"
            out.append(Finding(ruleID: description.id, severity: .error, category: .conflict,
                               message: "required notice \"\(notice)\" is not in this folder, which the plan distributes; the licence requires it in \(place)",
                               model: ctx.model, location: ctx.location(l, c) ?? ctx.card.map { FileLocation(path: $0.path, line: 1) },
                               profileLocation: loc, clauseKind: .attribution, licenseID: ctx.licenseID(l),
                               details: [l.viaDetail ?? "", "add it to \(place) before distributing"].filter { !$0.isEmpty },
                               remedy: "add the notice \"\(notice)\" to \(place) before distributing"))
        }
        return out
    }
}

/// Whether the folder being checked is itself something the plan hands over: the weights it distributes,
/// or a derivative (a card with base_model) it publishes. Checks of the folder's own contents (notices,
/// licence file) apply only then; an upstream folder that is only run is not the licensee's artefact.
enum Shipped {
    /// Where the profile says the plan distributes this folder (its weights, or it as a published
    /// derivative); nil when it does not.
    static func folder(_ ctx: RuleContext) -> FileLocation? {
        let p = ctx.profile
        if let w = p.distributesWeights, w.value { return FileLocation(path: p.path, line: w.line, column: w.column) }
        if let card = ctx.card, !card.baseModels.isEmpty, let d = p.distributesDerivatives, d.value {
            return FileLocation(path: p.path, line: d.line, column: d.column)
        }
        return nil
    }
}
