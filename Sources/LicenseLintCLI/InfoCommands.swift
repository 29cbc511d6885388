import LicenseLint

/// `rules`, `explain`, `licenses`, `schema`.
enum InfoCommands {
    static func rules(_ args: [String], console: Console) -> Int32 {
        if args.contains("-h") || args.contains("--help") { console.out(Help.rules); return ExitCode.ok }
        var out = ""
        for r in RuleRegistry.descriptions {
            out += "\(r.id.padded(to: 28)) \(r.severity.rawValue.padded(to: 8)) \(r.summary)\n"
        }
        out += "\nRun 'licenselint explain <id>' for what a rule checks, why, and examples.\n"
        console.out(out)
        return ExitCode.ok
    }

    static func explain(_ args: [String], console: Console) -> Int32 {
        if args.contains("-h") || args.contains("--help") || args.isEmpty {
            if args.isEmpty { console.err(Help.usageError("explain needs a rule id (see licenselint rules)", usage: "licenselint explain RULE-ID")); return ExitCode.error }
            console.out(Help.explain); return ExitCode.ok
        }
        let id = args[0]
        guard let r = RuleRegistry.description(id) else {
            let ids = RuleRegistry.descriptions.map(\.id)
            console.err(Help.usageError("unknown rule '\(id)'" + Help.suggestion(id, among: ids), usage: "licenselint explain RULE-ID"))
            return ExitCode.error
        }
        var out = "\(r.id) — \(r.name) (default severity: \(r.severity.rawValue))\n\n"
        out += "Who is bound\n  \(r.bound)\nBy what act\n  \(r.act)\nWhere it is met\n  \(r.place)\n\n"
        out += "What it checks\n  \(r.whatItChecks)\n\nWhy it matters\n  \(r.why)\n\nWhat to do\n  \(r.fix)\n"
        if !r.reads.isEmpty { out += "\nReads clauses: \(r.reads.map(\.rawValue).joined(separator: ", "))\n" }
        if !r.profileFields.isEmpty { out += "Reads profile: \(r.profileFields.joined(separator: ", "))\n" }
        if let rule = RuleRegistry.all.first(where: { $0.description.id == id }), !rule.examples.isEmpty {
            out += "\nExamples\n"
            for e in rule.examples {
                out += "  Licence says:  \(e.license.replacing("\n", with: "\n                 "))\n"
                out += "  Profile:       \(e.profile.trimmingNewlines().replacing("\n", with: "\n                 "))\n"
                out += "  Result:        \(e.expect.rawValue)\n\n"
            }
        }
        console.out(out)
        return ExitCode.ok
    }

    static func licenses(_ args: [String], console: Console) -> Int32 {
        if args.contains("-h") || args.contains("--help") { console.out(Help.licenses); return ExitCode.ok }
        guard let cat = CatalogueAccess.load(console: console, required: true) else { return ExitCode.error }
        let ids = args.filter { !$0.hasPrefix("-") }
        if let unknown = args.first(where: { $0.hasPrefix("-") }) {
            console.err("error: unknown option '\(unknown)' for licenses [usage]\n")
            return ExitCode.error
        }
        if !ids.isEmpty {
            var out = ""
            for id in ids {
                guard let e = cat.entry(for: id) else {
                    console.err("error: '\(id)' is not in the licence catalogue (run 'licenselint licenses' for the list) [catalogue.unknown-license]\n")
                    return ExitCode.error
                }
                out += describe(e, in: cat)
            }
            console.out(out)
            return ExitCode.ok
        }
        var out = ""
        for e in cat.entries {
            let openness = e.type == .termsOfService ? "closed" : (e.osiApproved && !e.useRestrictions ? "open" : "restricted")
            let key = Set(e.clauses.map(\.kind).filter { $0.restrictsUse || $0.conditionsDerivatives })
            out += "\(e.id.padded(to: 30)) \(openness.padded(to: 11)) \(e.name)"
            if !key.isEmpty { out += "  [" + key.map(\.rawValue).sorted().joined(separator: ", ") + "]" }
            out += "\n"
        }
        console.out(out)
        return ExitCode.ok
    }

    /// One catalogue entry as a reviewer reads it: who grants it, which version, where it is published,
    /// what it is, the clauses licenselint decides with, and the documents it incorporates.
    static func describe(_ e: LicenseEntry, in cat: Catalogue) -> String {
        var out = "\(e.name) (\(e.id))\n"
        func line(_ label: String, _ value: String?) {
            if let v = value, !v.isEmpty { out += "  " + (label + ":").padded(to: 12) + v + "\n" }
        }
        line("licensor", e.licensor)
        line("family", e.family)
        line("version", e.version)
        line("released", e.released)
        line("url", e.url)
        line("type", e.type.rawValue)
        line("ids", [e.spdxID.map { "SPDX \($0)" }, e.huggingFaceID.map { "Hugging Face \($0)" }].compactMap { $0 }.joined(separator: ", "))
        line("openness", (e.type == .termsOfService ? "closed" : (e.osiApproved && !e.useRestrictions ? "open" : "restricted"))
             + (e.opennessNote.map { " — " + $0 } ?? ""))
        line("summary", e.summary)
        if let note = cat.versionNote(for: e.id) { line("newer", note.title) }
        if let old = e.supersedes { line("supersedes", old) }
        line("policies", e.policies.joined(separator: ", "))
        if !e.clauses.isEmpty {
            out += "  clauses:\n"
            for c in e.clauses {
                let params = c.parameters.map { "\($0.0)=\($0.1)" }.joined(separator: ", ")
                out += "    \(c.kind.rawValue)\(params.isEmpty ? "" : "  " + params)\n"
            }
        }
        return out + "\n"
    }

    static func schema(_ args: [String], console: Console) -> Int32 {
        if args.contains("-h") || args.contains("--help") { console.out(Help.schema); return ExitCode.ok }
        console.out(ProfileJSONSchema.document().render() + "\n")
        return ExitCode.ok
    }
}
