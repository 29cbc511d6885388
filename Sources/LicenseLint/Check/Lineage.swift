
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
        guard let files = try Catalogue.jsonFiles(in: Path.join(catalogueDirectory, "base-models")) else { return BaseModelTable(entries: []) }
        return try load(files: files, knownLicenses: knownLicenses)
    }

    /// The table compiled into licenselint from `Licenses/base-models/`.
    public static func embedded() -> BaseModelTable { BaseModelTable(entries: EmbeddedCatalogue.baseModels) }

    static func load(files: [(path: String, bytes: [UInt8])], knownLicenses: Set<String>?) throws(CatalogueError) -> BaseModelTable {
        var out: [Entry] = []
        for (path, bytes) in files {
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
        let parent = Path.parent(modelPath)
        let parts = repo.split(separator: "/").map(String.init)
        var names = [repo.replacing("/", with: "--"), repo]
        if let last = parts.last, parts.count > 1 { names.append(last) }
        var dirs: [String] = []
        for base in [root, parent].compactMap({ $0 }) {
            for n in names { dirs.append(Path.join(base, n)) }
        }
        return dirs
    }
}

extension Checker {
    /// Follows `base_model:` to a local folder or, failing that, to the catalogue through the base-model
    /// table; adds the ancestors' clauses that bind derivatives.
    func resolveLineage(_ m: inout Prepared) {
        guard let card = m.card, !card.baseModels.isEmpty else { return }
        // base_model_relation: a quantized model is the base model's own weights, converted, so every term
        // of the base licence applies to it, not only those that bind derivatives. The relation is said in
        // the lineage lines of the first step.
        let relation = card.baseModelRelation?.value.lowercased()
        let whole = relation == "quantized"
        func how(_ depth: Int) -> String { depth == 1 ? relation.map { " (\($0))" } ?? "" : "" }
        var visited: Set<String> = [ModelDiscovery.realPath(m.input.path)]
        var frontier: [(repo: Located<String>, near: String, depth: Int, chain: [String])] = card.baseModels.map { ($0, m.input.path, 1, [m.input.name]) }
        // A lineage that cannot be followed to its end is said, never dropped: the unread terms may bind.
        func unresolved(_ repo: Located<String>, _ why: String) {
            m.findings.append(Finding(ruleID: "base-model-unknown", severity: .warning, category: .undecided,
                                      message: "cannot decide: base model \(repo.value) — \(why); its licence terms may bind this derivative",
                                      model: m.input.name, location: FileLocation(path: card.path, line: repo.line, column: repo.column),
                                      toSupply: "put the base model's folder (with its licence) beside this one or pass --models-root, or add it to Licenses/base-models/"))
        }
        while !frontier.isEmpty {
            let (repo, near, depth, chain) = frontier.removeFirst()
            var found = false
            for dir in Lineage.folders(for: repo.value, near: near, root: modelsRoot) {
                guard FileSystem.isDirectory(dir) else { continue }
                found = true
                guard visited.insert(ModelDiscovery.realPath(dir)).inserted else {
                    unresolved(repo, "its folder \(dir) is already in the lineage (a cycle: \((chain + [repo.value]).joined(separator: " → ")))")
                    break
                }
                var budget = 200
                guard let input = ModelDiscovery.model(in: dir, budget: &budget) else {
                    unresolved(repo, "its folder \(dir) has no licence and no model card")
                    break
                }
                let base = prepare(input)
                if base.licenses.isEmpty { unresolved(repo, "no licence could be read in its folder \(dir)") }
                // Part of the base's terms unread (one licence read, a use policy unreadable or unknown): what
                // was read is inherited, and the rest is said, never dropped.
                else if let e = base.findings.first(where: { $0.category == .input && $0.severity == .error }) {
                    unresolved(repo, "part of its terms could not be read in its folder \(dir): \(e.message)")
                }
                let own = Set(m.licenses.map(\.termsIdentity))
                for l in base.licenses {
                    // The same licence carried by the derivative itself adds nothing.
                    if own.contains(l.termsIdentity) {
                        m.lineage.append("keeps \(l.identification?.name ?? "the licence") of base_model \(repo.value)\(how(depth)) (folder \(dir))")
                        continue
                    }
                    let inherited = l.inherited(from: repo.value, via: "via base_model \(repo.value)\(how(depth)) (\(dir))", whole: whole && depth == 1)
                    if !inherited.clauses.isEmpty { m.inherited.append(inherited) }
                    m.lineage.append("inherits \(l.identification?.name ?? l.file.map(RuleContext.shortPath) ?? "a licence") via base_model \(repo.value)\(how(depth)) (folder \(dir))")
                }
                if let bc = base.card, !bc.baseModels.isEmpty {
                    if depth < 5 { frontier += bc.baseModels.map { ($0, dir, depth + 1, chain + [repo.value]) } }
                    else { unresolved(repo, "its lineage goes on beyond five base models, which licenselint does not follow") }
                }
                break
            }
            if found { continue }
            if let known = baseModels.entry(for: repo.value), known.license == nil {
                unresolved(repo, "its weights are published under \(known.terms ?? "terms") (\(known.source)), which the catalogue does not hold")
                continue
            }
            if let id = baseModels.license(for: repo.value), let entry = catalogue?.entry(for: id) {
                // The same licence the model declares itself adds nothing (a Llama fine-tune under llama3.1).
                if m.licenses.contains(where: { $0.identification?.id == entry.id }) {
                    m.lineage.append("keeps \(entry.name) of base_model \(repo.value)\(how(depth))")
                    continue
                }
                let via = "via base_model \(repo.value)\(how(depth)) (catalogue: \(id))"
                m.inherited.append(catalogueLicense(entry, file: card.path, line: repo.line, declared: id, via: via)
                    .inherited(from: repo.value, via: via, whole: whole && depth == 1))
                m.lineage.append("inherits \(entry.name) via base_model \(repo.value)\(how(depth)) (base-model table; source: \(baseModels.entry(for: repo.value)?.source ?? "?"))")
                continue
            }
            unresolved(repo, "unknown: no folder for it and no catalogue entry")
        }
    }
}
