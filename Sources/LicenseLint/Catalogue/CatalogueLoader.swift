
extension Catalogue {
    /// Loads every `*.json` file of a folder (`LICENSELINT_CATALOGUE`). A malformed file is an error, never
    /// skipped.
    public static func load(directory: String) throws(CatalogueError) -> Catalogue {
        guard let files = try jsonFiles(in: directory) else {
            throw CatalogueError(code: "catalogue.not-found", path: directory, message: "cannot read the catalogue folder")
        }
        return try load(files: files, origin: directory)
    }

    /// The `*.json` files of a folder with their bytes, in name order; nil when the folder cannot be read.
    static func jsonFiles(in directory: String) throws(CatalogueError) -> [(path: String, bytes: [UInt8])]? {
        guard let names = FileSystem.entries(directory) else { return nil }
        var files: [(path: String, bytes: [UInt8])] = []
        for name in names.sorted() where name.hasSuffix(".json") {
            let path = Path.join(directory, name)
            do { files.append((path, try SourceFile.readRaw(path: path, maxBytes: 4 << 20))) } catch {
                throw CatalogueError(code: "catalogue.invalid", path: path, message: "cannot read the file: \(error.message)")
            }
        }
        return files
    }

    /// The catalogue compiled into licenselint from `Licenses/` (see `scripts/embed-catalogue.py`): Swift
    /// values, so nothing is read or parsed at start-up. A test holds them equal to the strictly loaded folder.
    public static func embedded() -> Catalogue {
        Catalogue(entries: EmbeddedCatalogue.entries, version: embeddedVersion, origin: "Licenses (compiled in)")
    }

    /// What `--version` names the compiled-in catalogue by, without building it.
    public static var embeddedVersion: String { "\(EmbeddedCatalogue.entries.count) licences, sha256 \(EmbeddedCatalogue.digest)" }

    /// The first 12 hex digits of the SHA-256 of the files' names and bytes, each followed by a NUL, in
    /// order: what `--version` names a catalogue by (scripts/embed-catalogue.py computes the same).
    static func digest(_ files: [(path: String, bytes: [UInt8])]) -> String {
        var all: [UInt8] = []
        for (path, bytes) in files { all += Array(Path.lastComponent(path).utf8) + [0] + bytes + [0] }
        return String(SHA256.hex(all).prefix(12))
    }

    /// Loads catalogue entries from their files' bytes, strictly.
    static func load(files: [(path: String, bytes: [UInt8])], origin: String, digest: String? = nil) throws(CatalogueError) -> Catalogue {
        var entries: [LicenseEntry] = []
        var ids: Set<String> = []
        var bytesOf: [String: [UInt8]] = [:]
        for (path, bytes) in files {
            let entry = try loadEntry(path: path, bytes: bytes)
            guard ids.insert(entry.id).inserted else {
                throw CatalogueError(code: "catalogue.duplicate-id", path: path, message: "id '\(entry.id)' is used by another file")
            }
            entries.append(entry)
            bytesOf[path] = bytes
        }
        func at(_ e: LicenseEntry, key: String, _ message: String, code: String = "catalogue.invalid") -> CatalogueError {
            CatalogueError.at(e.file, bytes: bytesOf[e.file] ?? [], key: key, message, code: code)
        }
        // "supersedes" names an entry of this catalogue, and versions do not go round in a circle.
        for e in entries {
            guard let old = e.supersedes else { continue }
            guard ids.contains(old), old != e.id else {
                throw at(e, key: "supersedes", "\"supersedes\": '\(old)' is not another entry of the catalogue")
            }
            if let other = entries.first(where: { $0.id != e.id && $0.supersedes == old }) {
                throw at(e, key: "supersedes", "\"supersedes\": '\(old)' is already superseded by '\(other.id)'")
            }
        }
        // "policies" names use policies of this catalogue: an incorporated policy the catalogue lacks would
        // silently drop its categories from every verdict.
        let types = Dictionary(entries.map { ($0.id, $0.type) }, uniquingKeysWith: { a, _ in a })
        for e in entries {
            for p in e.policies where types[p] != .usePolicy {
                throw at(e, key: "policies", types[p] == nil
                    ? "\"policies\": '\(p)' is not an entry of the catalogue" : "\"policies\": '\(p)' is not a use-policy entry",
                    code: "catalogue.unknown-policy")
            }
        }
        guard !entries.isEmpty else {
            throw CatalogueError(code: "catalogue.empty", path: origin, message: "no licence files (*.json) in the catalogue folder")
        }
        return Catalogue(entries: entries, version: "\(entries.count) licences, sha256 \(digest ?? Catalogue.digest(files))", origin: origin)
    }

    /// The keys an entry may have, and those of its objects: anything else is a misspelling or a field
    /// licenselint would silently ignore, so the loader refuses it.
    static let entryKeys: Set<String> = ["id", "name", "version", "family", "licensor", "url", "released", "type", "ids",
                                         "openness", "identify", "clauses", "policies", "summary", "supersedes"]
    static let objectKeys: [String: Set<String>] = [
        "ids": ["huggingface", "spdx", "scancode", "aliases"],
        "openness": ["osiApproved", "useRestrictions", "note"],
        "identify": ["all", "any", "none"],
    ]

    static func loadEntry(path: String, bytes: [UInt8]) throws(CatalogueError) -> LicenseEntry {
        let root: JSON
        do { root = try JSONReader.parse(bytes) } catch {
            throw CatalogueError(code: "catalogue.invalid", path: path, message: "not valid JSON: \(error.message)",
                                 line: error.line, column: error.column)
        }
        let where_ = KeyLocator(bytes: bytes)
        /// An error at the first place `"key"` is written (after `from`, a byte offset), or at the top.
        func fail(_ m: String, key: String? = nil, from: Int = 0, code: String = "catalogue.invalid") -> CatalogueError {
            let at = key.flatMap { where_.find("\"" + $0 + "\"", from: from) } ?? where_.firstValue
            let (l, c) = where_.lineColumn(at)
            return CatalogueError(code: code, path: path, message: m, line: l, column: c)
        }
        guard case .object(let top) = root else { throw fail("not a JSON object") }
        for (k, _) in top where !entryKeys.contains(k) {
            throw fail("unknown key \"\(k)\" (known: \(entryKeys.sorted().joined(separator: ", ")))", key: k, code: "catalogue.unknown-key")
        }
        func str(_ k: String, in d: JSON, inside: String? = nil) throws(CatalogueError) -> String? {
            switch d[k] {
            case nil, .null?: return nil
            case .string(let s)?: return s
            default: throw fail("\"\(k)\" must be a text or null", key: k, from: inside.flatMap { where_.find("\"" + $0 + "\"") } ?? 0)
            }
        }
        func strs(_ k: String, in d: JSON, inside: String? = nil) throws(CatalogueError) -> [String] {
            switch d[k] {
            case nil, .null?: return []
            case .array(let l)?:
                var out: [String] = []
                for v in l {
                    guard case .string(let s) = v else {
                        throw fail("\"\(k)\" must be a list of texts", key: k, from: inside.flatMap { where_.find("\"" + $0 + "\"") } ?? 0)
                    }
                    out.append(s)
                }
                return out
            default: throw fail("\"\(k)\" must be a list of texts", key: k, from: inside.flatMap { where_.find("\"" + $0 + "\"") } ?? 0)
            }
        }
        guard let id = try str("id", in: root), !id.isEmpty else { throw fail("missing \"id\"") }
        guard let name = try str("name", in: root) else { throw fail("missing \"name\"") }
        guard let typeRaw = try str("type", in: root), let type = LicenseEntry.Kind(rawValue: typeRaw) else {
            throw fail("\"type\" must be model-license, use-policy, terms-of-service or open-source", key: "type")
        }
        func object(_ k: String) throws(CatalogueError) -> JSON {
            switch root[k] {
            case nil, .null?: return .object([])
            case .object(let pairs)?:
                let known = objectKeys[k] ?? []
                if let (bad, _) = pairs.first(where: { !known.contains($0.0) }) {
                    throw fail("unknown key \"\(bad)\" in \"\(k)\" (known: \(known.sorted().joined(separator: ", ")))", key: bad,
                               from: where_.find("\"" + k + "\"") ?? 0, code: "catalogue.unknown-key")
                }
                return root[k]!
            default: throw fail("\"\(k)\" must be an object", key: k)
            }
        }
        let ids = try object("ids"), openness = try object("openness"), identify = try object("identify")
        var clauses: [CatalogueClause] = []
        let rawClauses: [JSON]
        switch root["clauses"] {
        case nil, .null?: rawClauses = []
        case .array(let l)?: rawClauses = l
        default: throw fail("\"clauses\" must be a list", key: "clauses")
        }
        /// Where clause `n` is written, for an error's position only: each clause object has one "kind", and
        /// the n-th one after "clauses" is that clause's.
        func clauseOffset(_ n: Int) -> Int {
            var at = where_.find("\"clauses\"") ?? 0
            for _ in 0...n { at = where_.find("\"kind\"", from: at + 1) ?? at }
            return at
        }
        for (n, raw) in rawClauses.enumerated() {
            var here: Int { clauseOffset(n) }
            guard case .object(let pairs) = raw else { throw fail("clause \(n + 1) must be an object", key: "clauses") }
            if let (bad, _) = pairs.first(where: { $0.0 != "kind" && $0.0 != "parameters" }) {
                throw fail("clause \(n + 1): unknown key \"\(bad)\" (known: kind, parameters)", key: bad, from: max(0, here - 200),
                           code: "catalogue.unknown-key")
            }
            guard let k = raw["kind"]?.stringValue else { throw fail("clause \(n + 1) has no kind", key: "kind", from: here) }
            guard let kind = ClauseKind(rawValue: k) else {
                throw fail("clause \(n + 1): unknown kind '\(k)'", key: "kind", from: here, code: "catalogue.unknown-kind")
            }
            let spec = kind.parameterSpec
            var params: [(String, ParameterValue)] = []
            switch raw["parameters"] {
            case nil, .null?: break
            case .object(let pairs)?:
                for (key, v) in pairs.sorted(by: { $0.0 < $1.0 }) {
                    guard let shape = Param(rawValue: key).flatMap({ spec[$0] }) else {
                        let known = spec.keys.map(\.rawValue).sorted().joined(separator: ", ")
                        throw fail("clause \(n + 1) (\(k)): unknown parameter '\(key)' (\(known.isEmpty ? "this kind takes none" : "known: " + known))",
                                   key: key, from: here, code: "catalogue.unknown-parameter")
                    }
                    let value: ParameterValue
                    switch v {
                    case .string(let s): value = .string(s)
                    case .array(let l):
                        var texts: [String] = []
                        for item in l {
                            guard case .string(let t) = item else {
                                throw fail("clause \(n + 1) (\(k)): parameter '\(key)' must be a list of texts", key: key, from: here)
                            }
                            texts.append(t)
                        }
                        value = .list(texts)
                    case .int(let i): value = .int(i)
                    case .double(let d) where d == d.rounded() && abs(d) < 9e18: value = .int(Int64(d))
                    default: throw fail("clause \(n + 1) (\(k)): parameter '\(key)' must be a whole number, text or list", key: key, from: here)
                    }
                    // A value outside the parameter's vocabulary would silently change a verdict.
                    if let problem = shape.problem(with: value) {
                        throw fail("clause \(n + 1) (\(k)): parameter '\(key)' \(problem)", key: key, from: here,
                                   code: "catalogue.invalid-parameter")
                    }
                    params.append((key, value))
                }
            default: throw fail("clause \(n + 1) (\(k)): \"parameters\" must be an object", key: "parameters", from: here)
            }
            clauses.append(CatalogueClause(kind: kind, parameters: params))
        }
        let file = Path.lastComponent(path)
        guard file == id + ".json" else { throw fail("file name must be the id: \(id).json", key: "id") }
        func flag(_ k: String, default d: Bool) throws(CatalogueError) -> Bool {
            switch openness[k] {
            case nil, .null?: return d
            case .bool(let b)?: return b
            default: throw fail("\"\(k)\" must be true or false", key: k, from: where_.find("\"openness\"") ?? 0)
            }
        }
        return LicenseEntry(
            id: id, name: name, version: try str("version", in: root), family: try str("family", in: root),
            licensor: try str("licensor", in: root), url: try str("url", in: root), released: try str("released", in: root),
            type: type, huggingFaceID: try str("huggingface", in: ids, inside: "ids"), spdxID: try str("spdx", in: ids, inside: "ids"),
            scancodeID: try str("scancode", in: ids, inside: "ids"), aliases: try strs("aliases", in: ids, inside: "ids"),
            osiApproved: try flag("osiApproved", default: false),
            useRestrictions: try flag("useRestrictions", default: true),
            opennessNote: try str("note", in: openness, inside: "openness"),
            identifyAll: try strs("all", in: identify, inside: "identify"), identifyAny: try strs("any", in: identify, inside: "identify"),
            identifyNone: try strs("none", in: identify, inside: "identify"), clauses: clauses, policies: try strs("policies", in: root),
            summary: try str("summary", in: root) ?? "", file: path, supersedes: try str("supersedes", in: root))
    }

}

extension CatalogueError {
    /// An error about `key` in a catalogue file, at the line where the key is written.
    static func at(_ path: String, bytes: [UInt8], key: String, _ message: String, code: String = "catalogue.invalid") -> CatalogueError {
        let loc = KeyLocator(bytes: bytes)
        let (l, c) = loc.lineColumn(loc.find("\"" + key + "\"") ?? loc.firstValue)
        return CatalogueError(code: code, path: path, message: message, line: l, column: c)
    }
}

/// Finds where a key is written in a catalogue file, for error positions (the reader keeps none).
struct KeyLocator {
    let bytes: [UInt8]

    /// The first offset of `needle` at or after `from`.
    func find(_ needle: String, from: Int = 0) -> Int? {
        let n = Array(needle.utf8)
        guard !n.isEmpty, bytes.count >= n.count else { return nil }
        var k = max(0, from)
        while k + n.count <= bytes.count {
            if bytes[k] == n[0] && Array(bytes[k..<(k + n.count)]) == n { return k }
            k += 1
        }
        return nil
    }

    /// The offset of the first non-blank byte (the top-level value).
    var firstValue: Int { bytes.firstIndex { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 } ?? 0 }

    func lineColumn(_ offset: Int) -> (Int, Int) {
        var line = 1, lineStart = 0
        for k in 0..<min(offset, bytes.count) where bytes[k] == 0x0A { line += 1; lineStart = k + 1 }
        return (line, offset - lineStart + 1)
    }
}
