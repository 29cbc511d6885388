import Foundation
import LicenseLint

/// `licenselint diff OLD NEW`: which clauses changed between two licence texts or two model folders.
/// Exit codes as diff(1): 0 the terms are the same, 1 clauses differ, 2 input error.
enum DiffCommand {
    static let usage = "licenselint diff [--format text|json] OLD NEW"

    static func run(_ args: [String], console: Console) -> Int32 {
        var format = "text"
        var paths: [String] = []
        var reader = ArgumentReader(args, usage: usage, console: console)
        while let (name, inline, a) = reader.next() {
            switch name {
            case "--format", "-f":
                guard let v = reader.value(name, inline: inline) else { return ExitCode.error }
                guard ["text", "json"].contains(v) else { console.err(Help.usageError("unknown format '\(v)'; formats: text, json", usage: usage)); return ExitCode.error }
                format = v
            case "--help", "-h": console.out(Help.diff); return ExitCode.ok
            default:
                if a.hasPrefix("-") && a != "-" { console.err(Help.usageError("unknown option '\(a)'", usage: usage)); return ExitCode.error }
                paths.append(a)
            }
        }
        guard paths.count == 2 else { console.err(Help.usageError("diff takes two paths, OLD and NEW", usage: usage)); return ExitCode.error }
        guard let catalogue = CatalogueAccess.load(console: console, required: false) else { return ExitCode.error }
        var sides: [(clauses: [Clause], ids: [String], files: [String])] = []
        for p in paths {
            switch terms(CheckCommand.resolve(p, console), catalogue: catalogue) {
            case .success(let t): sides.append(t)
            case .failure(let e): console.err("error: \(e)\n"); return ExitCode.error
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
        } else {
            var out = "--- \(paths[0])\(sides[0].ids.isEmpty ? "" : " (" + sides[0].ids.joined(separator: ", ") + ")")\n"
            out += "+++ \(paths[1])\(sides[1].ids.isEmpty ? "" : " (" + sides[1].ids.joined(separator: ", ") + ")")\n"
            for c in d.changed {
                let what = c.parameters.map { "\($0.0) \($0.1 ?? "—") → \($0.2 ?? "—")" }.joined(separator: ", ")
                out += "changed  \(c.kind.rawValue): \(what)  (old line \(c.old.evidence.line), new line \(c.new.evidence.line))\n"
                out += "         - \(ReadableText.clean(c.old.evidence.text))\n         + \(ReadableText.clean(c.new.evidence.text))\n"
            }
            for c in d.removed { out += "removed  \(c.kind.rawValue)\(params(c))  (old line \(c.evidence.line))\n         - \(ReadableText.clean(c.evidence.text))\n" }
            for c in d.added { out += "added    \(c.kind.rawValue)\(params(c))  (new line \(c.evidence.line))\n         + \(ReadableText.clean(c.evidence.text))\n" }
            if d.isEmpty && !idsChanged { out += "the terms are the same: no clause was added, removed or changed\n" }
            else { out += "\(d.changed.count) changed, \(d.removed.count) removed, \(d.added.count) added\n" }
            console.out(out)
        }
        return d.isEmpty && !idsChanged ? ExitCode.ok : ExitCode.findings
    }

    static func params(_ c: Clause) -> String {
        c.parameters.isEmpty ? "" : " " + c.parameters.map { "\($0.0)=\($0.1)" }.joined(separator: " ")
    }

    /// The clauses of a licence file, or of every licence file of a model folder.
    static func terms(_ path: String, catalogue: Catalogue?) -> Result<(clauses: [Clause], ids: [String], files: [String]), InputError> {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            return .failure(InputError(code: "input.not-found", path: path, message: "no such file or folder"))
        }
        var files = [path]
        if isDir.boolValue {
            var budget = 2_000
            files = ModelDiscovery.model(in: path, budget: &budget)?.licenseFiles ?? []
            guard !files.isEmpty else { return .failure(InputError(code: "input.no-license", path: path, message: "the folder holds no licence file")) }
        }
        var clauses: [Clause] = [], ids: [String] = []
        for f in files {
            let doc = LicenseParser.parse(path: f, catalogue: catalogue)
            switch doc.outcome {
            case .success(let parsed):
                clauses += parsed.clauses
                if let id = parsed.identification?.id { ids.append(id) }
            case .failure(let e): return .failure(e)
            }
        }
        return .success((clauses, ids.sorted(), files))
    }
}
