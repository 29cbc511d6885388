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
