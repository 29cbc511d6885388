
/// The licence terms a team reviewed, per model: each licence file's path, SHA-256, identified id and
/// version, and its clauses; and each licence known only by id, with the catalogue's version. Written by
/// `licenselint lock` as sorted JSON (reviewable in a diff); read by `check`, which reports
/// `terms-changed` when a model's terms are no longer the ones locked (with the clause-level
/// difference), `terms-unreviewed` for a model not in the lock, and a note when only the text changed.
public struct TermsLock: Sendable {
    public struct Licence: Sendable {
        /// Path relative to the lock's folder, or nil for a licence known only by id.
        public var file: String?
        public var sha256: String?
        public var id: String?
        public var version: String?
        public var clauses: [Clause]
    }
    public struct Entry: Sendable {
        /// The model's path relative to the lock's folder.
        public var path: String
        public var name: String
        public var licences: [Licence]
    }
    public var entries: [Entry]
    public init(entries: [Entry]) { self.entries = entries }

    public static let fileName = ".licenselint.lock"

    // MARK: Writing

    /// The entries for the models of a report (own licences only: inherited terms are their ancestors').
    public static func entries(for models: [ModelReport], relativeTo base: String) -> [Entry] {
        models.map { m in
            let own = m.licenses.filter { $0.source != .inherited }
            let licences = own.map { l in
                Licence(file: l.source == .text ? l.file.map { relative($0, to: base) } : nil, sha256: l.sha256,
                        id: l.identification?.id ?? l.declaredID, version: l.identification?.version,
                        clauses: l.source == .text ? l.clauses : [])
            }
            return Entry(path: relative(m.path, to: base), name: m.name,
                         licences: licences.sorted { ($0.file ?? "", $0.id ?? "") < ($1.file ?? "", $1.id ?? "") })
        }
    }

    public func render() -> String {
        let models: [JSON] = entries.sorted { $0.path < $1.path }.map { e in
            .object([
                ("path", .string(e.path)),
                ("name", .string(e.name)),
                ("licences", .array(e.licences.map { l in
                    .object([
                        ("file", l.file.map { .string($0) } ?? .null),
                        ("sha256", l.sha256.map { .string($0) } ?? .null),
                        ("id", l.id.map { .string($0) } ?? .null),
                        ("version", l.version.map { .string($0) } ?? .null),
                        ("clauses", .array(l.clauses.map { c in
                            .object([("kind", .string(c.kind.rawValue)),
                                     ("parameters", .object(c.parameters.map { ($0.0, TermsLock.json($0.1)) }))])
                        })),
                    ])
                })),
            ])
        }
        return JSON.object([("lockVersion", .int(1)), ("models", .array(models))]).render(pretty: true) + "\n"
    }

    static func json(_ v: ParameterValue) -> JSON {
        switch v {
        case .int(let i): return .int(i)
        case .string(let s): return .string(s)
        case .list(let l): return .array(l.map { .string($0) })
        }
    }

    // MARK: Reading

    /// Reads a lock strictly: anything missing or of the wrong type is an input error at the file, never
    /// an empty lock.
    public static func load(path: String) -> Result<TermsLock, InputError> {
        let bytes: [UInt8]
        do { bytes = try SourceFile.readRaw(path: path, maxBytes: 64 << 20) }
        catch { return .failure(error) }
        let doc: JSON
        do { doc = try JSONReader.parse(bytes) }
        catch { return .failure(InputError(code: "lock.invalid", path: path, location: SourceLocation(line: error.line, column: error.column), message: error.message)) }
        func bad(_ m: String) -> Result<TermsLock, InputError> { .failure(InputError(code: "lock.invalid", path: path, message: m)) }
        guard case .object(let top) = doc, let version = top.first(where: { $0.0 == "lockVersion" })?.1, version == .int(1),
              case .array(let models)? = top.first(where: { $0.0 == "models" })?.1 else {
            return bad("not a licenselint lock: expected {\"lockVersion\": 1, \"models\": [...]}")
        }
        var entries: [Entry] = []
        for (i, m) in models.enumerated() {
            guard case .object(let o) = m, case .string(let p)? = field(o, "path"), case .string(let n)? = field(o, "name"),
                  case .array(let ls)? = field(o, "licences") else { return bad("models[\(i)] needs path, name and licences") }
            var licences: [Licence] = []
            for (j, l) in ls.enumerated() {
                guard case .object(let lo) = l, case .array(let cs)? = field(lo, "clauses") else { return bad("models[\(i)].licences[\(j)] needs clauses") }
                var clauses: [Clause] = []
                for c in cs {
                    guard case .object(let co) = c, case .string(let k)? = field(co, "kind"), let kind = ClauseKind(rawValue: k),
                          case .object(let ps)? = field(co, "parameters") else { return bad("models[\(i)].licences[\(j)]: a clause needs a known kind and parameters") }
                    var params: [(String, ParameterValue)] = []
                    for (name, v) in ps {
                        switch v {
                        case .int(let x): params.append((name, .int(x)))
                        case .string(let s): params.append((name, .string(s)))
                        case .array(let a):
                            let strings = a.compactMap { if case .string(let s) = $0 { return s } else { return nil } }
                            guard strings.count == a.count else { return bad("models[\(i)].licences[\(j)]: parameter \(name) must be a list of strings") }
                            params.append((name, .list(strings)))
                        default: return bad("models[\(i)].licences[\(j)]: parameter \(name) has a value of the wrong type")
                        }
                    }
                    clauses.append(Clause(kind: kind, parameters: params, evidence: Evidence(line: 0, column: 0, endLine: 0, text: "")))
                }
                licences.append(Licence(file: string(lo, "file"), sha256: string(lo, "sha256"), id: string(lo, "id"),
                                        version: string(lo, "version"), clauses: clauses))
            }
            entries.append(Entry(path: p, name: n, licences: licences))
        }
        return .success(TermsLock(entries: entries))
    }

    static func field(_ o: [(String, JSON)], _ k: String) -> JSON? { o.first { $0.0 == k }?.1 }
    static func string(_ o: [(String, JSON)], _ k: String) -> String? {
        if case .string(let s)? = field(o, k) { return s }
        return nil
    }

    // MARK: Checking

    /// Findings for each model of the report against the lock (whose folder is `base`).
    public func check(_ models: inout [ModelReport], relativeTo base: String) {
        let byPath = Dictionary(entries.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        let now = TermsLock.entries(for: models, relativeTo: base)
        for (i, m) in models.enumerated() {
            let current = now[i]
            let at = FileLocation(path: m.licenses.first(where: { $0.source != .inherited })?.file ?? m.path, line: 1)
            guard let locked = byPath[current.path] else {
                models[i].findings.append(Finding(ruleID: "terms-unreviewed", severity: .warning, category: .undecided,
                    message: "cannot decide: these terms are not in the lock file; nobody has recorded reviewing them",
                    model: m.name, location: at, toSupply: "review them, then run 'licenselint lock --update \(current.path)'"))
                continue
            }
            let sameFiles = locked.licences.map { "\($0.file ?? "")#\($0.sha256 ?? "")#\($0.id ?? "")#\($0.version ?? "")" }.sorted()
                == current.licences.map { "\($0.file ?? "")#\($0.sha256 ?? "")#\($0.id ?? "")#\($0.version ?? "")" }.sorted()
            if sameFiles { continue }
            // Point at the file that changed (a use policy beside an unchanged licence is a change of terms too).
            let changedFiles = current.licences.filter { c in
                !locked.licences.contains { $0.file == c.file && $0.sha256 == c.sha256 && $0.id == c.id && $0.version == c.version }
            }.compactMap(\.file)
            let changedAt = changedFiles.first.flatMap { f in m.licenses.first { l in l.file.map { TermsLock.relative($0, to: base) } == f }?.file }
            let where_ = changedAt.map { FileLocation(path: $0, line: 1) } ?? at
            let fileLine = changedFiles.isEmpty || current.licences.count < 2 ? [] : ["changed file\(changedFiles.count == 1 ? "" : "s"): " + changedFiles.joined(separator: ", ")]
            let diff = TermsDiff.compare(old: locked.licences.flatMap(\.clauses), new: current.licences.flatMap(\.clauses))
            let idsBefore = Set(locked.licences.compactMap(\.id)), idsNow = Set(current.licences.compactMap(\.id))
            var lines: [String] = []
            for c in diff.changed { lines.append("changed \(c.kind.rawValue): " + c.parameters.map { "\($0.0) \($0.1 ?? "—") → \($0.2 ?? "—")" }.joined(separator: ", ")) }
            for c in diff.removed { lines.append("removed \(c.kind.rawValue)") }
            for c in diff.added { lines.append("added \(c.kind.rawValue) (line \(c.evidence.line))") }
            if idsBefore != idsNow { lines.append("licences \(idsBefore.sorted().joined(separator: ", ")) → \(idsNow.sorted().joined(separator: ", "))") }
            let versions = Set(locked.licences.compactMap(\.version)) != Set(current.licences.compactMap(\.version))
            if lines.isEmpty && !versions {
                models[i].findings.append(Finding(ruleID: "terms-changed", severity: .note, category: .information,
                    message: "the licence text changed since the lock, but no clause did", model: m.name, location: where_,
                    details: fileLine + ["run 'licenselint lock --update \(current.path)' to record the new text"]))
            } else {
                if versions && lines.isEmpty { lines.append("the catalogue version of the terms changed") }
                models[i].findings.append(Finding(ruleID: "terms-changed", severity: .error, category: .conflict,
                    message: "the licence terms changed since they were reviewed (\(lines.count) difference\(lines.count == 1 ? "" : "s"))",
                    model: m.name, location: where_,
                    details: lines + fileLine + ["review the change, then run 'licenselint lock --update \(current.path)'"]))
            }
        }
    }

    /// `path` relative to `base` when it lies below it, else as given (absolute).
    public static func relative(_ path: String, to base: String) -> String {
        let p = Profile.normalise(path), b = Profile.normalise(base)
        if p == b { return "." }
        let prefix = b.hasSuffix("/") ? b : b + "/"
        return p.hasPrefix(prefix) ? String(p.dropFirst(prefix.count)) : p
    }
}
