import LicenseLint

/// `licenselint models [PATH...]`: the models an application's code and configuration name, each with where
/// it is referenced and the licence the base-model table records for it. Exit 0, or 2 on a usage or input
/// error; it judges nothing (that is `check`).
enum ModelsCommand {
    static let usage = "licenselint models [--format text|json] [PATH...]"

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
            case "--help", "-h": console.out(Help.models); return ExitCode.ok
            default:
                if a.hasPrefix("-") && a != "-" { console.err(Help.usageError("unknown option '\(a)'", usage: usage)); return ExitCode.error }
                paths.append(a)
            }
        }
        if paths.isEmpty { paths = ["."] }
        for p in paths where !FileSystem.exists(CheckCommand.resolve(p, console)) {
            console.err("error: \(p): no such file or folder [input.not-found]\n")
            return ExitCode.error
        }
        _ = CatalogueAccess.load(console: console, required: false)
        let table = CatalogueAccess.baseModelsCache
        let scan = ModelReferenceScanner.scan(paths: paths.map { CheckCommand.resolve($0, console) })
        func shown(_ path: String) -> String {
            let cwd = console.currentDirectory + "/"
            var p = path.hasPrefix(cwd) ? String(path.dropFirst(cwd.count)) : path
            while p.hasPrefix("./") { p.removeFirst(2) }
            return p
        }
        if format == "json" {
            let refs: [JSON] = scan.references.map { r in
                let e = r.id.flatMap { table.entry(for: $0) }
                return .object([
                    ("id", r.id.map { .string($0) } ?? .null), ("file", .string(shown(r.file))), ("line", .int(Int64(r.line))),
                    ("column", .int(Int64(r.column))), ("how", .string(r.how)), ("expression", r.expression.map { .string($0) } ?? .null),
                    ("license", e?.license.map { .string($0) } ?? .null), ("terms", e?.terms.map { .string($0) } ?? .null),
                    ("source", e.map { .string($0.source) } ?? .null),
                ])
            }
            let skipped: [JSON] = scan.skipped.map { .object([("file", .string(shown($0.path))), ("why", .string($0.why))]) }
            console.out(JSON.object([("references", .array(refs)), ("skipped", .array(skipped))]).render(pretty: true) + "\n")
            return ExitCode.ok
        }
        var out = ""
        for r in scan.references {
            let at = "\(shown(r.file)):\(r.line):\(r.column)"
            guard let id = r.id else {
                out += ReadableText.clean("\(at): unresolved — loaded from \(r.expression ?? "an expression") (\(r.how))") + "\n"
                continue
            }
            let e = table.entry(for: id)
            let licence = e.map { $0.license ?? "terms not in the catalogue: \($0.terms ?? "?")" } ?? "unknown (not in the base-model table)"
            out += ReadableText.clean("\(at): \(id) (\(r.how)) → \(licence)") + "\n"
        }
        for s in scan.skipped { out += ReadableText.clean("\(shown(s.path)): skipped: \(s.why)") + "\n" }
        let ids = Set(scan.references.compactMap(\.id))
        let unresolved = scan.references.filter { $0.id == nil }.count
        out += "\(ids.count) model\(ids.count == 1 ? "" : "s") named in \(scan.references.count) reference\(scan.references.count == 1 ? "" : "s")"
        out += unresolved > 0 ? "; \(unresolved) cannot be resolved\n" : "\n"
        console.out(out)
        return ExitCode.ok
    }
}
