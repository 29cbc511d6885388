import Foundation

/// Known base models and their licences (`Licenses/base-models/*.json`), for lineage when the base
/// model's folder is not at hand.
public struct BaseModelTable: Sendable {
    public var entries: [(pattern: String, license: String)]

    public init(entries: [(pattern: String, license: String)]) { self.entries = entries }

    /// Loads every JSON file of `<catalogue>/base-models/`; a malformed file is an error.
    public static func load(catalogueDirectory: String) throws(CatalogueError) -> BaseModelTable {
        let dir = (catalogueDirectory as NSString).appendingPathComponent("base-models")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return BaseModelTable(entries: []) }
        var out: [(String, String)] = []
        for name in names.sorted() where name.hasSuffix(".json") {
            let path = (dir as NSString).appendingPathComponent(name)
            guard let bytes = try? SourceFile.readRaw(path: path, maxBytes: 4 << 20),
                  let root = try? JSONReader.parse(bytes),
                  let list = root["baseModels"]?.arrayValue else {
                throw CatalogueError(code: "catalogue.invalid", path: path, message: "expected {\"baseModels\": [{\"pattern\", \"license\"}]}")
            }
            for item in list {
                guard let p = item["pattern"]?.stringValue, let l = item["license"]?.stringValue else {
                    throw CatalogueError(code: "catalogue.invalid", path: path, message: "each base model needs pattern and license")
                }
                out.append((p, l))
            }
        }
        return BaseModelTable(entries: out)
    }

    /// The licence id of a base model repository id, or nil.
    public func license(for repo: String) -> String? {
        entries.first { BaseModelTable.glob($0.pattern.lowercased(), repo.lowercased()) }?.license
    }

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
    static let binding: Set<ClauseKind> = [.namingRequirement, .attribution, .licenseCopyRequired, .useRestrictionFlowdown,
                                           .acceptableUse, .userCap, .revenueCap, .competingModelBan, .shareAlike,
                                           .nonCommercial, .researchOnly, .nonProduction, .geographicRestriction,
                                           .hostingRestriction, .redistributionBan, .governingLaw, .commercialRegistration]

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
