#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

import Synchronization

/// A clause as the catalogue records it: kind and parameters, no evidence.
public struct CatalogueClause: Sendable, Hashable {
    public var kind: ClauseKind
    public var parameters: [(String, ParameterValue)]
    public static func == (a: CatalogueClause, b: CatalogueClause) -> Bool {
        a.kind == b.kind && a.parameters.count == b.parameters.count
            && zip(a.parameters, b.parameters).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    }
    public func hash(into h: inout Hasher) { h.combine(kind); for (k, v) in parameters { h.combine(k); h.combine(v) } }
    public subscript(_ name: String) -> ParameterValue? { parameters.first { $0.0 == name }?.1 }
    public subscript(_ p: Param) -> ParameterValue? { self[p.rawValue] }
}

/// What the project knows about one licence version (one file in `Licenses/`).
public struct LicenseEntry: Sendable {
    public enum Kind: String, Sendable { case modelLicense = "model-license", usePolicy = "use-policy",
                                         termsOfService = "terms-of-service", openSource = "open-source" }
    public var id: String
    public var name: String
    public var version: String?
    public var family: String?
    public var licensor: String?
    public var url: String?
    public var released: String?
    public var type: Kind
    public var huggingFaceID: String?
    public var spdxID: String?
    public var scancodeID: String?
    public var aliases: [String]
    public var osiApproved: Bool
    public var useRestrictions: Bool
    public var opennessNote: String?
    public var identifyAll: [String]
    public var identifyAny: [String]
    public var identifyNone: [String]
    public var clauses: [CatalogueClause]
    public var policies: [String]
    public var summary: String
    /// The file the entry was read from.
    public var file: String
    /// The id of the earlier version of the same terms that this one replaces (Llama 3.1 replaces Llama 3).
    public var supersedes: String? = nil
}

public struct CatalogueError: Error, Sendable, CustomStringConvertible {
    public var code: String
    public var path: String
    public var message: String
    /// Where in the file, when the error is about one place in it (1-based).
    public var line: Int?
    public var column: Int?
    public init(code: String, path: String, message: String, line: Int? = nil, column: Int? = nil) {
        self.code = code; self.path = path; self.message = message; self.line = line; self.column = column
    }
    public var description: String {
        let at = line.map { ":\($0):\(column ?? 1)" } ?? ""
        return "\(path)\(at): \(message) [\(code)]"
    }
}

/// The licence catalogue: entries loaded from `Licenses/*.json`, id look-up and identification of texts.
public final class Catalogue: Sendable {
    public let entries: [LicenseEntry]
    private let byKey: [String: Int]
    /// The identification phrases (keys), numbered as in `phraseOwners`.
    let identificationPhrases: [String]
    /// The lexicon's phrases followed by this catalogue's identification phrases (numbered from the
    /// lexicon's count on), so that parsing finds both in one pass over a text. Built on first use: a run
    /// that reads no licence text (a card that only declares an id, `licenses`, a BOM) never pays for it.
    var combinedMatcher: PhraseMatcher { matcher.get() }
    private let matcher: LazyMatcher
    /// How many identification phrases there are.
    var phraseCount: Int { phraseOwners.count }
    /// Per matcher phrase: (entry index, role) pairs.
    private let phraseOwners: [[(Int, Role)]]
    /// Per entry: its clauses' scored keys (see `scoredKey`), worked out once rather than per text.
    private let entryScoredKeys: [Set<String>]
    enum Role: Sendable { case all, any, none }
    /// Per superseded id: the index of the entry that replaces it.
    private let successors: [String: Int]

    /// Which catalogue this is: its size and a digest of its files ("49 licences, sha256 1a2b3c4d5e6f").
    public let version: String
    /// Where it was read: a folder, or "Licenses (compiled in)".
    public let origin: String

    public init(entries: [LicenseEntry], version: String = "", origin: String = "") {
        self.version = version
        self.origin = origin
        let sorted = entries.sorted { $0.id < $1.id }
        self.entries = sorted
        var keys: [String: Int] = [:]
        for (i, e) in sorted.enumerated() {
            var names = [e.id, e.name] + e.aliases
            if let h = e.huggingFaceID { names.append(h) }
            if let s = e.spdxID { names.append(s); names.append("LicenseRef-\(s)") }
            if let s = e.scancodeID { names.append(s); names.append("LicenseRef-scancode-\(s)") }
            if let u = e.url { names.append(u) }
            for n in names { let k = Catalogue.key(n); if keys[k] == nil { keys[k] = i } }
        }
        self.byKey = keys
        var phrases: [String] = []
        var index: [String: Int] = [:]
        var owners: [[(Int, Role)]] = []
        for (i, e) in sorted.enumerated() {
            for (list, role) in [(e.identifyAll, Role.all), (e.identifyAny, .any), (e.identifyNone, .none)] {
                for p in list {
                    let k = String(decoding: NormalizedText.phraseKey(p), as: UTF8.self)
                    if let j = index[k] { owners[j].append((i, role)) }
                    else { index[k] = phrases.count; phrases.append(k); owners.append([(i, role)]) }
                }
            }
        }
        self.identificationPhrases = phrases
        self.matcher = LazyMatcher(phrases: phrases)
        self.phraseOwners = owners
        self.entryScoredKeys = sorted.map { e in Set(e.clauses.map { Catalogue.scoredKey($0.kind, $0.parameters) }) }
        var successors: [String: Int] = [:]
        for (i, e) in sorted.enumerated() { if let old = e.supersedes, successors[old] == nil { successors[old] = i } }
        self.successors = successors
    }

    /// The catalogue's newer version of an entry's terms, if one replaces it.
    public func newerVersion(of id: String) -> LicenseEntry? { successors[id].map { entries[$0] } }

    /// The newest version of an entry's terms and what changed on the way there, clause by clause (nil when
    /// the entry is the newest). Each step's changes are listed under the version that made them.
    public func versionNote(for id: String) -> VersionNote? {
        guard successors[id] != nil else { return nil }
        if let cached = versionNotes.withLock({ $0[id] }) { return cached }
        let note = computeVersionNote(for: id)
        versionNotes.withLock { $0[id] = note }
        return note
    }

    /// Worked out once per entry and run: BOMs apply the same catalogue entry to thousands of components.
    private let versionNotes = Mutex<[String: VersionNote]>([:])

    /// What the evidence of a clause taken from the catalogue says in place of a quote ("user-cap — from the
    /// catalogue entry 'llama3.1' (…)"). Such evidence also names the entry in `Evidence.catalogueEntry`,
    /// which is what reporters read.
    public static let evidenceMarker = " — from the catalogue entry '"
    static func evidenceText(_ kind: ClauseKind, of e: LicenseEntry) -> String { "\(kind.rawValue)\(evidenceMarker)\(e.id)' (\(e.name))" }

    /// The evidence text of each of an entry's clauses, made once per entry and shared by every model that
    /// takes the entry's terms (a BOM of 100,000 components made 100,000 copies of each).
    public func evidenceTexts(for e: LicenseEntry) -> [String] {
        if let cached = evidence.withLock({ $0[e.id] }), cached.count == e.clauses.count { return cached }
        let texts = e.clauses.map { Catalogue.evidenceText($0.kind, of: e) }
        evidence.withLock { $0[e.id] = texts }
        return texts
    }
    private let evidence = Mutex<[String: [String]]>([:])

    private func computeVersionNote(for id: String) -> VersionNote? {
        var changes: [String] = []
        var current = entry(for: id)
        var seen: Set<String> = []
        var newest: LicenseEntry? = nil
        while let c = current, seen.insert(c.id).inserted, let next = newerVersion(of: c.id) {
            let d = TermsDiff.compare(old: c.clauses.map(Catalogue.clause), new: next.clauses.map(Catalogue.clause))
            let label = next.version.map { "in \($0)" } ?? "in \(next.id)"
            for line in d.lines { changes.append("\(label): \(line)") }
            if d.isEmpty { changes.append("\(label): no clause changed") }
            newest = next
            current = next
        }
        guard let n = newest else { return nil }
        return VersionNote(id: n.id, name: n.name, version: n.version, released: n.released, changes: changes)
    }

    static func clause(_ c: CatalogueClause) -> Clause {
        Clause(kind: c.kind, parameters: c.parameters, evidence: Evidence(line: 0, column: 0, endLine: 0, text: ""))
    }

    static func key(_ s: String) -> String {
        // Trim what Foundation's `.whitespacesAndNewlines` trims (Unicode White_Space is the same set),
        // without Foundation: this runs for every name of every entry on each cold start.
        let scalars = s.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        var k = String(scalars[first...last]).lowercased()
        for p in ["https://", "http://", "www."] where k.hasPrefix(p) { k.removeFirst(p.count) }
        while k.hasSuffix("/") { k.removeLast() }
        return k
    }

    /// The entry for an id in any vocabulary: ours, Hugging Face, SPDX, ScanCode, an alias, or its URL.
    /// An id not known with a trailing "+" (SPDX's "or any later version", "gpl-3.0+") is the version it names.
    public func entry(for id: String) -> LicenseEntry? {
        // Keys are normalised, so an id already written as its key needs no normalising (the usual case).
        if let i = byKey[id] { return entries[i] }
        if let i = byKey[Catalogue.key(id)] { return entries[i] }
        if id.hasSuffix("+"), !id.hasSuffix("++"), let i = byKey[Catalogue.key(String(id.dropLast()))] { return entries[i] }
        return nil
    }

    // MARK: Identification

    /// The best match for a text, from the names and titles it carries and the clauses read from it.
    /// The clauses parsed from the text always win; differences from the catalogue are listed.
    public func identify(normalizedLower text: [UInt8], clauses: [Clause]) -> Identification? {
        // The combined matcher serves here too (no second automaton to build): its catalogue phrases
        // are numbered after the lexicon's.
        identify(phrasesFound: Array(combinedMatcher.occurring(in: text).dropFirst(Lexicon.compiled.phraseText.count)), clauses: clauses)
    }

    /// `identify`, given which identification phrases occur in the text (indexed by phrase number).
    func identify(phrasesFound found: [Bool], clauses: [Clause]) -> Identification? {
        // Only which phrases occur matters (the counts below do not depend on order or repeats).
        var allCount = [Int](repeating: 0, count: entries.count)
        var anyCount = [Int](repeating: 0, count: entries.count)
        var excluded = [Bool](repeating: false, count: entries.count)
        for p in found.indices where found[p] {
            for (i, role) in phraseOwners[p] {
                switch role {
                case .all: allCount[i] += 1
                case .any: anyCount[i] += 1
                case .none: excluded[i] = true
                }
            }
        }
        var best: (index: Int, phraseScore: Double, clauseScore: Double)? = nil
        var parsedKeys: Set<String>? = nil
        for (i, e) in entries.enumerated() where !excluded[i] {
            guard !e.identifyAll.isEmpty || !e.identifyAny.isEmpty else { continue }
            guard allCount[i] == e.identifyAll.count else { continue }
            guard e.identifyAny.isEmpty || anyCount[i] > 0 else { continue }
            let total = Double(e.identifyAll.count + e.identifyAny.count)
            let phraseScore = total > 0 ? Double(allCount[i] + anyCount[i]) / total : 0
            if parsedKeys == nil { parsedKeys = Catalogue.scoredKeys(clauses) }
            let clauseScore = Catalogue.jaccard(parsedKeys ?? [], entryScoredKeys[i])
            let better: Bool
            if let b = best {
                // More title evidence wins; then closer clauses.
                let mine = Double(allCount[i]) * 2 + Double(anyCount[i]) + clauseScore
                let theirs = Double(allCount[b.index]) * 2 + Double(anyCount[b.index]) + b.clauseScore
                better = mine > theirs
            } else { better = true }
            if better { best = (i, phraseScore, clauseScore) }
        }
        guard let b = best else { return nil }
        let e = entries[b.index]
        let similarity = (0.5 * b.phraseScore + 0.5 * b.clauseScore * 0.98 + 0.01).rounded(toPlaces: 2)
        var id = Identification(e, similarity: min(1, max(0, similarity)),
                                differences: Catalogue.differences(parsed: clauses, catalogue: e.clauses))
        id.newerVersion = versionNote(for: e.id)
        return id
    }

    static func scoredKeys(_ clauses: [Clause]) -> Set<String> { Set(clauses.map { scoredKey($0.kind, $0.parameters) }) }

    static func jaccard(_ a: Set<String>, _ b: Set<String>) -> Double {
        if a.isEmpty && b.isEmpty { return 1 }
        let common = a.count <= b.count ? a.reduce(0) { $0 + (b.contains($1) ? 1 : 0) } : b.reduce(0) { $0 + (a.contains($1) ? 1 : 0) }
        return Double(common) / Double(a.count + b.count - common)
    }

    static func scoredKey(_ kind: ClauseKind, _ params: [(String, ParameterValue)]) -> String {
        let parts = kind.scoredParameters.map(\.rawValue).map { n -> String in
            let v = params.first { $0.0 == n }?.1
            switch v {
            case .list(let l)?: return "\(n)=" + l.map { $0.uppercased() }.sorted().joined(separator: ",")
            case .string(let s)?: return "\(n)=" + s.lowercased()
            case .int(let i)?: return "\(n)=\(i)"
            case nil: return "\(n)=-"
            }
        }
        return kind.rawValue + "(" + parts.joined(separator: ";") + ")"
    }

    /// What the text says differently from the catalogue entry: "user-cap threshold 100000000 (catalogue:
    /// 700000000)", "adds competing-model-ban", "lacks naming-requirement".
    static func differences(parsed: [Clause], catalogue: [CatalogueClause]) -> [String] {
        var out: [String] = []
        var mineByKind: [ClauseKind: [Clause]] = [:], theirsByKind: [ClauseKind: [CatalogueClause]] = [:]
        for c in parsed { mineByKind[c.kind, default: []].append(c) }
        for c in catalogue { theirsByKind[c.kind, default: []].append(c) }
        for kind in ClauseKind.allCases {
            let mine = mineByKind[kind] ?? [], theirs = theirsByKind[kind] ?? []
            if !mine.isEmpty && theirs.isEmpty {
                out.append("adds \(kind.rawValue) (not in the catalogue entry)")
            } else if mine.isEmpty && !theirs.isEmpty {
                out.append("lacks \(kind.rawValue) (the catalogue entry has it)")
            } else if !mine.isEmpty {
                for name in kind.scoredParameters.map(\.rawValue) {
                    let a = Set(mine.compactMap { $0[name].map(normal) })
                    let b = Set(theirs.compactMap { $0[name].map(normal) })
                    if !a.isEmpty && !b.isEmpty && a != b {
                        out.append("\(kind.rawValue) \(name) \(a.sorted().joined(separator: ", ")) (catalogue: \(b.sorted().joined(separator: ", ")))")
                    }
                }
            }
        }
        return out
    }

    private static func normal(_ v: ParameterValue) -> String {
        switch v {
        case .list(let l): return "[" + l.map { $0.uppercased() }.sorted().joined(separator: ", ") + "]"
        case .string(let s): return s
        case .int(let i): return String(i)
        }
    }
}

extension Double {
    func rounded(toPlaces p: Int) -> Double {
        let m = pow(10, Double(p))
        return (self * m).rounded() / m
    }
}

/// A phrase matcher built once, on first use, by whichever thread asks first.
private final class LazyMatcher: @unchecked Sendable {
    private let lock = Lock()
    private let phrases: [String]
    private var built: PhraseMatcher?
    init(phrases: [String]) { self.phrases = phrases }
    func get() -> PhraseMatcher {
        lock.lock()
        defer { lock.unlock() }
        if let m = built { return m }
        let m = PhraseMatcher(phrases: Lexicon.compiled.phraseText + phrases)
        built = m
        return m
    }
}
