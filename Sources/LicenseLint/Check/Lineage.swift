import Foundation

/// Known base models and their licences (`Licenses/base-models/*.json`), for lineage when the base
/// model's folder is not at hand.
public struct BaseModelTable: Sendable {
    public struct Entry: Sendable {
        public var pattern: String
        /// The catalogue id of the licence the weights are published under; nil when they are published under
        /// terms the catalogue does not hold (named in `terms`), which makes lineage a "cannot decide".
        public var license: String?
        public var terms: String?
        /// Where the fact was read (a model card or repository), so that a reviewer can check it.
        public var source: String
        public init(pattern: String, license: String?, terms: String? = nil, source: String = "") {
            self.pattern = pattern; self.license = license; self.terms = terms; self.source = source
        }
    }
    public var entries: [Entry]

    public init(entries: [Entry]) { self.entries = entries }

    /// Loads every JSON file of `<catalogue>/base-models/`; a malformed file is an error. Each entry has a
    /// pattern, a source, and either a licence id or the name of the terms the catalogue lacks.
    public static func load(catalogueDirectory: String, knownLicenses: Set<String>? = nil) throws(CatalogueError) -> BaseModelTable {
        let dir = (catalogueDirectory as NSString).appendingPathComponent("base-models")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return BaseModelTable(entries: []) }
        var out: [Entry] = []
        for name in names.sorted() where name.hasSuffix(".json") {
            let path = (dir as NSString).appendingPathComponent(name)
            let bytes: [UInt8]
            do { bytes = try SourceFile.readRaw(path: path, maxBytes: 4 << 20) } catch {
                throw CatalogueError(code: "catalogue.invalid", path: path, message: "cannot read the file: \(error.message)")
            }
            let root: JSON
            do { root = try JSONReader.parse(bytes) } catch {
                throw CatalogueError(code: "catalogue.invalid", path: path, message: "not valid JSON: \(error.message)", line: error.line, column: error.column)
            }
            let loc = KeyLocator(bytes: bytes)
            func fail(_ m: String, near needle: String? = nil, code: String = "catalogue.invalid") -> CatalogueError {
                let (l, c) = loc.lineColumn(needle.flatMap { loc.find($0) } ?? loc.firstValue)
                return CatalogueError(code: code, path: path, message: m, line: l, column: c)
            }
            guard case .object(let top) = root, let list = root["baseModels"]?.arrayValue else {
                throw fail("expected {\"baseModels\": [{\"pattern\", \"license\" or \"terms\", \"source\"}]}")
            }
            if let (bad, _) = top.first(where: { $0.0 != "baseModels" && $0.0 != "note" }) {
                throw fail("unknown key \"\(bad)\" (known: baseModels, note)", near: "\"\(bad)\"", code: "catalogue.unknown-key")
            }
            for (n, item) in list.enumerated() {
                guard case .object(let pairs) = item, let p = item["pattern"]?.stringValue, !p.isEmpty else {
                    throw fail("base model \(n + 1) has no pattern")
                }
                let at = "\"" + p + "\""
                if let (bad, _) = pairs.first(where: { !["pattern", "license", "terms", "source"].contains($0.0) }) {
                    throw fail("base model '\(p)': unknown key \"\(bad)\" (known: pattern, license, terms, source)", near: at, code: "catalogue.unknown-key")
                }
                let license = item["license"]?.stringValue, terms = item["terms"]?.stringValue
                guard (license == nil) != (terms == nil) else {
                    throw fail("base model '\(p)' needs either a catalogue licence id (license) or the name of the terms the catalogue lacks (terms)", near: at)
                }
                if let license, let known = knownLicenses, !known.contains(license) {
                    throw fail("base model '\(p)': licence '\(license)' is not an entry of the catalogue", near: at, code: "catalogue.unknown-license")
                }
                guard let source = item["source"]?.stringValue, !source.isEmpty else {
                    throw fail("base model '\(p)' needs a source: where the licence was read", near: at)
                }
                out.append(Entry(pattern: p, license: license, terms: terms, source: source))
            }
        }
        return BaseModelTable(entries: out)
    }

    /// The first entry whose pattern matches a base model repository id.
    public func entry(for repo: String) -> Entry? {
        entries.first { BaseModelTable.glob($0.pattern.lowercased(), repo.lowercased()) }
    }

    /// The licence id of a base model repository id, or nil.
    public func license(for repo: String) -> String? { entry(for: repo)?.license }

    static func glob(_ pattern: String, _ text: String) -> Bool {
        let p = Array(pattern.utf8), t = Array(text.utf8)
        var pi = 0, ti = 0, star = -1, mark = 0
        while ti < t.count {
            if pi < p.count && p[pi] == t[ti] { pi += 1; ti += 1 }
            else if pi < p.count && p[pi] == UInt8(ascii: "*") { star = pi; mark = ti; pi += 1 }
            else if star >= 0 { pi = star + 1; mark += 1; ti = mark }
            else { return false }
        }
        while pi < p.count && p[pi] == UInt8(ascii: "*") { pi += 1 }
        return pi == p.count
    }
}

/// Clause kinds that follow a model into its derivatives.
enum Lineage {
    static let binding: Set<ClauseKind> = Set(ClauseKind.allCases.filter(\.bindsDerivatives))

    /// Candidate folders for a base model id next to a model: `org--name`, `org/name`, or `name`.
    static func folders(for repo: String, near modelPath: String, root: String?) -> [String] {
        let parent = (modelPath as NSString).deletingLastPathComponent
        let parts = repo.split(separator: "/").map(String.init)
        var names = [repo.replacingOccurrences(of: "/", with: "--"), repo]
        if let last = parts.last, parts.count > 1 { names.append(last) }
        var dirs: [String] = []
        for base in [root, parent].compactMap({ $0 }) {
            for n in names { dirs.append((base as NSString).appendingPathComponent(n)) }
        }
        return dirs
    }
}
