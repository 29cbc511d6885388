import Foundation

extension Catalogue {
    /// Loads every `*.json` file of a folder. A malformed file is an error, never skipped.
    public static func load(directory: String) throws(CatalogueError) -> Catalogue {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: directory) else {
            throw CatalogueError(code: "catalogue.not-found", path: directory, message: "cannot read the catalogue folder")
        }
        var entries: [LicenseEntry] = []
        var ids: Set<String> = []
        for name in names.sorted() where name.hasSuffix(".json") {
            let path = (directory as NSString).appendingPathComponent(name)
            let entry = try loadEntry(path: path)
            guard ids.insert(entry.id).inserted else {
                throw CatalogueError(code: "catalogue.duplicate-id", path: path, message: "id '\(entry.id)' is used by another file")
            }
            entries.append(entry)
        }
        // "supersedes" names an entry of this catalogue, and versions do not go round in a circle.
        for e in entries {
            guard let old = e.supersedes else { continue }
            guard ids.contains(old), old != e.id else {
                throw CatalogueError(code: "catalogue.invalid", path: e.file, message: "\"supersedes\": '\(old)' is not another entry of the catalogue")
            }
            if let other = entries.first(where: { $0.id != e.id && $0.supersedes == old }) {
                throw CatalogueError(code: "catalogue.invalid", path: e.file, message: "\"supersedes\": '\(old)' is already superseded by '\(other.id)'")
            }
        }
        guard !entries.isEmpty else {
            throw CatalogueError(code: "catalogue.empty", path: directory, message: "no licence files (*.json) in the catalogue folder")
        }
        return Catalogue(entries: entries)
    }

    static func loadEntry(path: String) throws(CatalogueError) -> LicenseEntry {
        func fail(_ m: String) -> CatalogueError { CatalogueError(code: "catalogue.invalid", path: path, message: m) }
        let bytes: [UInt8]
        do { bytes = try SourceFile.readRaw(path: path, maxBytes: 4 << 20) } catch { throw fail("cannot read the file: \(error.message)") }
        let root: JSON
        do { root = try JSONReader.parse(bytes) } catch { throw fail("not valid JSON: \(error)") }
        guard case .object = root else { throw fail("not a JSON object") }
        func str(_ k: String, in d: JSON) -> String? { d[k]?.stringValue }
        func strs(_ k: String, in d: JSON) -> [String] { d[k]?.arrayValue?.compactMap(\.stringValue) ?? [] }
        guard let id = str("id", in: root), !id.isEmpty else { throw fail("missing \"id\"") }
        guard let name = str("name", in: root) else { throw fail("missing \"name\"") }
        guard let typeRaw = str("type", in: root), let type = LicenseEntry.Kind(rawValue: typeRaw) else {
            throw fail("\"type\" must be model-license, use-policy, terms-of-service or open-source")
        }
        func object(_ k: String) -> JSON {
            if let v = root[k], case .object = v { return v }
            return .object([])
        }
        let ids = object("ids"), openness = object("openness"), identify = object("identify")
        var clauses: [CatalogueClause] = []
        for (n, raw) in (root["clauses"]?.arrayValue ?? []).enumerated() {
            guard case .object = raw, let k = raw["kind"]?.stringValue else { throw fail("clause \(n + 1) has no kind") }
            guard let kind = ClauseKind(rawValue: k) else { throw fail("clause \(n + 1): unknown kind '\(k)'") }
            var params: [(String, ParameterValue)] = []
            if case .object(let pairs)? = raw["parameters"] {
                for (key, v) in pairs.sorted(by: { $0.0 < $1.0 }) {
                    switch v {
                    case .string(let s): params.append((key, .string(s)))
                    case .array(let l): params.append((key, .list(l.compactMap(\.stringValue))))
                    case .bool: throw fail("clause \(n + 1): parameter '\(key)' must be a number, text or list")
                    case .int(let i): params.append((key, .int(i)))
                    case .double(let d) where d == d.rounded() && abs(d) < 9e18: params.append((key, .int(Int64(d))))
                    default: throw fail("clause \(n + 1): parameter '\(key)' must be a whole number, text or list")
                    }
                    // A condition's value must be one of its vocabulary: a misspelt trigger would silently
                    // change a verdict.
                    if let allowed = ConditionVocabulary.values(for: key, of: kind) {
                        let values: [String]
                        switch params.last?.1 {
                        case .string(let s)?: values = [s]
                        case .list(let l)?: values = l
                        default: values = []
                        }
                        if let bad = values.first(where: { !allowed.contains($0) }) {
                            throw CatalogueError(code: "catalogue.invalid-condition", path: path,
                                                 message: "clause \(n + 1) (\(k)): '\(bad)' is not a value of '\(key)' (one of: \(allowed.joined(separator: ", ")))")
                        }
                    }
                }
            }
            clauses.append(CatalogueClause(kind: kind, parameters: params))
        }
        let file = (path as NSString).lastPathComponent
        guard file == id + ".json" else { throw fail("file name must be the id: \(id).json") }
        func flag(_ k: String, default d: Bool) -> Bool {
            if case .bool(let b)? = openness[k] { return b }
            return d
        }
        return LicenseEntry(
            id: id, name: name, version: str("version", in: root), family: str("family", in: root),
            licensor: str("licensor", in: root), url: str("url", in: root), released: str("released", in: root),
            type: type, huggingFaceID: str("huggingface", in: ids), spdxID: str("spdx", in: ids),
            scancodeID: str("scancode", in: ids), aliases: strs("aliases", in: ids),
            osiApproved: flag("osiApproved", default: false),
            useRestrictions: flag("useRestrictions", default: true),
            opennessNote: str("note", in: openness),
            identifyAll: strs("all", in: identify), identifyAny: strs("any", in: identify),
            identifyNone: strs("none", in: identify), clauses: clauses, policies: strs("policies", in: root),
            summary: str("summary", in: root) ?? "", file: path, supersedes: str("supersedes", in: root))
    }

    /// Where the catalogue is: `$LICENSELINT_CATALOGUE`, a `Licenses/` folder beside or above the executable
    /// (a checkout's `.build/release/licenselint`), `PREFIX/share/licenselint/Licenses` for an installed
    /// binary, or above the current folder.
    public static func locate(environment: [String: String], executable: String = CommandLine.arguments.first ?? "",
                              currentDirectory: String = FileManager.default.currentDirectoryPath) -> String? {
        let fm = FileManager.default
        func isCatalogue(_ dir: String) -> Bool {
            var isDir: ObjCBool = false
            return fm.fileExists(atPath: dir, isDirectory: &isDir) && isDir.boolValue
                && fm.fileExists(atPath: (dir as NSString).appendingPathComponent("apache-2.0.json"))
        }
        if let env = environment["LICENSELINT_CATALOGUE"], !env.isEmpty { return env }
        var starts: [String] = []
        let exe = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent().path
        starts.append(exe)
        starts.append(currentDirectory)
        for start in starts {
            var dir = start
            for _ in 0..<6 {
                for candidate in ["Licenses", "share/licenselint/Licenses"] {
                    let c = (dir as NSString).appendingPathComponent(candidate)
                    if isCatalogue(c) { return c }
                }
                let parent = (dir as NSString).deletingLastPathComponent
                if parent == dir { break }
                dir = parent
            }
        }
        return nil
    }
}
