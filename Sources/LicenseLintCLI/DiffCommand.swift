import LicenseLint

/// `licenselint diff OLD NEW`: which clauses changed between two licence texts or two model folders.
/// Exit codes as diff(1): 0 the terms are the same, 1 clauses differ, 2 input error.
enum DiffCommand {
    static let usage = "licenselint diff [--format text|markdown|json] OLD NEW | --lock FILE MODEL"

    static func run(_ args: [String], console: Console) -> Int32 {
        var format = "text"
        var paths: [String] = []
        var lockFile: String? = nil
        var reader = ArgumentReader(args, usage: usage, console: console)
        while let (name, inline, a) = reader.next() {
            switch name {
            case "--format", "-f":
                guard let v = reader.value(name, inline: inline) else { return ExitCode.error }
                let formats = ["text", "markdown", "json"]
                guard let f = formats.first(where: { $0 == v || ($0 == "markdown" && v == "md") }) else {
                    console.err(Help.usageError("unknown format '\(v)'; formats: " + formats.joined(separator: ", "), usage: usage)); return ExitCode.error
                }
                format = f
            case "--lock":
                guard lockFile == nil else { console.err(Help.usageError("--lock is given twice", usage: usage)); return ExitCode.error }
                guard let v = reader.value(name, inline: inline) else { return ExitCode.error }
                lockFile = v
            case "--help", "-h": console.out(Help.diff); return ExitCode.ok
            default:
                if a.hasPrefix("-") && a != "-" { console.err(Help.usageError("unknown option '\(a)'", usage: usage)); return ExitCode.error }
                paths.append(a)
            }
        }
        if lockFile != nil {
            guard paths.count == 1 else { console.err(Help.usageError("diff --lock FILE takes one model folder", usage: usage)); return ExitCode.error }
        } else {
            guard paths.count == 2 else { console.err(Help.usageError("diff takes two paths, OLD and NEW", usage: usage)); return ExitCode.error }
        }
        guard let catalogue = CatalogueAccess.load(console: console, required: false) else { return ExitCode.error }
        var sides: [Terms] = []
        if let lockFile {
            // The reviewed terms (the lock's entry for the folder) against the folder's terms now.
            let lockPath = CheckCommand.resolve(lockFile, console)
            let lock: TermsLock
            switch TermsLock.load(path: lockPath) {
            case .success(let l): lock = l
            case .failure(let e): console.err("error: \(e)\n"); return ExitCode.error
            }
            let model = CheckCommand.resolve(paths[0], console)
            let key = TermsLock.relative(model, to: Path.parent(lockPath))
            guard let entry = lock.entries.first(where: { $0.path == key || $0.path == paths[0] }) else {
                console.err("error: \(paths[0]): the lock \(lockFile) has no entry for this model (entries: \(lock.entries.map(\.path).sorted().joined(separator: ", "))) [lock.no-entry]\n")
                return ExitCode.error
            }
            sides.append((entry.licences.flatMap(\.clauses), entry.licences.compactMap(\.id).sorted(),
                          entry.licences.flatMap { l in l.clauses.map { _ in l.file ?? "" } }))
            paths = ["\(lockFile) (\(entry.path), as reviewed)", paths[0]]
            switch terms(model, catalogue: catalogue) {
            case .success(let t): sides.append(t)
            case .failure(let e): console.err("error: \(e)\n"); return ExitCode.error
            }
        } else {
            for p in paths {
                switch terms(CheckCommand.resolve(p, console), catalogue: catalogue) {
                case .success(let t): sides.append(t)
                case .failure(let e): console.err("error: \(e)\n"); return ExitCode.error
                }
            }
        }
        let d = TermsDiff.compare(old: sides[0].clauses, new: sides[1].clauses)
        let idsChanged = sides[0].ids != sides[1].ids
        if format == "json" {
            func clause(_ c: Clause) -> JSON {
                .object([("kind", .string(c.kind.rawValue)),
                         ("parameters", .object(c.parameters.map { ($0.0, .string($0.1.description)) })),
                         ("line", .int(Int64(c.evidence.line))), ("text", .string(c.evidence.text))])
            }
            let doc = JSON.object([
                ("old", .object([("path", .string(paths[0])), ("licenses", .array(sides[0].ids.map { .string($0) }))])),
                ("new", .object([("path", .string(paths[1])), ("licenses", .array(sides[1].ids.map { .string($0) }))])),
                ("added", .array(d.added.map(clause))),
                ("removed", .array(d.removed.map(clause))),
                ("changed", .array(d.changed.map { c in
                    .object([("kind", .string(c.kind.rawValue)),
                             ("parameters", .array(c.parameters.map { p in
                                 .object([("name", .string(p.0)), ("old", p.1.map { .string($0) } ?? .null), ("new", p.2.map { .string($0) } ?? .null)]) })),
                             ("old", clause(c.old)), ("new", clause(c.new))])
                })),
                ("same", .bool(d.isEmpty && !idsChanged)),
            ])
            console.out(doc.render(pretty: true) + "\n")
        } else if format == "markdown" {
            console.out(markdown(d, paths: paths, sides: (sides[0], sides[1]), same: d.isEmpty && !idsChanged))
        } else {
            var out = "--- \(paths[0])\(sides[0].ids.isEmpty ? "" : " (" + sides[0].ids.joined(separator: ", ") + ")")\n"
            out += "+++ \(paths[1])\(sides[1].ids.isEmpty ? "" : " (" + sides[1].ids.joined(separator: ", ") + ")")\n"
            for c in d.changed {
                let what = c.parameters.map { "\($0.0) \($0.1 ?? "—") → \($0.2 ?? "—")" }.joined(separator: ", ")
                out += "changed  \(c.kind.rawValue): \(what)  (\(at("old", c.old, in: sides[0])), \(at("new", c.new, in: sides[1])))\n"
                if !c.old.evidence.text.isEmpty { out += "         - \(ReadableText.clean(c.old.evidence.text))\n" }
                out += "         + \(ReadableText.clean(c.new.evidence.text))\n"
            }
            for c in d.removed {
                out += "removed  \(c.kind.rawValue)\(params(c))  (\(at("old", c, in: sides[0])))\n"
                if !c.evidence.text.isEmpty { out += "         - \(ReadableText.clean(c.evidence.text))\n" }
            }
            for c in d.added { out += "added    \(c.kind.rawValue)\(params(c))  (\(at("new", c, in: sides[1])))\n         + \(ReadableText.clean(c.evidence.text))\n" }
            if d.isEmpty && !idsChanged { out += "the terms are the same: no clause was added, removed or changed\n" }
            else { out += "\(d.changed.count) changed, \(d.removed.count) removed, \(d.added.count) added\n" }
            console.out(out)
        }
        return d.isEmpty && !idsChanged ? ExitCode.ok : ExitCode.findings
    }

    /// "old line 12", or "in the lock" for a reviewed clause (the lock keeps terms, not lines).
    /// With the file when the side has several: "new USE_POLICY.md:3".
    static func at(_ label: String, _ c: Clause, in side: Terms) -> String {
        guard c.evidence.line > 0 else { return "in the lock" }
        if Set(side.files).count > 1, let i = side.clauses.firstIndex(of: c) { return "\(label) \(side.files[i]):\(c.evidence.line)" }
        return "\(label) line \(c.evidence.line)"
    }

    /// One side's clauses, the licence ids identified, and the file each clause was read from.
    typealias Terms = (clauses: [Clause], ids: [String], files: [String])

    /// The difference for a review meeting: what changed, with the sentence on each side.
    static func markdown(_ d: TermsDiff, paths: [String], sides: (Terms, Terms), same: Bool) -> String {
        typealias M = MarkdownReporter
        func side(_ p: String, _ i: [String]) -> String { M.code(p) + (i.isEmpty ? "" : " (" + i.map { M.code($0) }.joined(separator: ", ") + ")") }
        var out = "# Licence terms: what changed\n\n"
        out += "- Old: \(side(paths[0], sides.0.ids))\n- New: \(side(paths[1], sides.1.ids))\n\n"
        if same { return out + "The terms are the same: no clause was added, removed or changed.\n" }
        out += "**\(d.changed.count) changed, \(d.removed.count) removed, \(d.added.count) added.**\n"
        func quote(_ label: String, _ c: Clause) -> String {
            c.evidence.text.isEmpty ? "" : "  - \(M.inline(at(label, c, in: label == "old" ? sides.0 : sides.1))): \(M.inline(c.evidence.text))\n"
        }
        if !d.changed.isEmpty {
            out += "\n## Changed\n\n"
            for c in d.changed {
                out += "- **\(c.kind.rawValue)**: " + c.parameters.map { "\(M.inline($0.0)) \(M.inline($0.1 ?? "—")) → \(M.inline($0.2 ?? "—"))" }.joined(separator: "; ") + "\n"
                out += quote("old", c.old) + quote("new", c.new)
            }
        }
        if !d.removed.isEmpty {
            out += "\n## Removed\n\n"
            for c in d.removed { out += "- **\(c.kind.rawValue)**\(M.inline(params(c)))\n" + quote("old", c) }
        }
        if !d.added.isEmpty {
            out += "\n## Added\n\n"
            for c in d.added { out += "- **\(c.kind.rawValue)**\(M.inline(params(c)))\n" + quote("new", c) }
        }
        return out
    }

    static func params(_ c: Clause) -> String {
        c.parameters.isEmpty ? "" : " " + c.parameters.map { "\($0.0)=\($0.1)" }.joined(separator: " ")
    }

    /// The clauses of a licence file, or of every licence file of a model folder, with the file of each.
    static func terms(_ path: String, catalogue: Catalogue?) -> Result<Terms, InputError> {
        guard let kind = FileSystem.kind(path) else {
            return .failure(InputError(code: "input.not-found", path: path, message: "no such file or folder"))
        }
        var files = [path]
        if kind == .directory {
            var budget = 2_000
            files = ModelDiscovery.model(in: path, budget: &budget)?.licenseFiles ?? []
            guard !files.isEmpty else { return .failure(InputError(code: "input.no-license", path: path, message: "the folder holds no licence file")) }
        }
        var clauses: [Clause] = [], ids: [String] = [], clauseFiles: [String] = []
        for f in files {
            let doc = LicenseParser.parse(path: f, catalogue: catalogue)
            switch doc.outcome {
            case .success(let parsed):
                clauses += parsed.clauses
                clauseFiles += parsed.clauses.map { _ in f }
                if let id = parsed.identification?.id { ids.append(id) }
            case .failure(let e): return .failure(e)
            }
        }
        return .success((clauses, ids.sorted(), clauseFiles))
    }
}
