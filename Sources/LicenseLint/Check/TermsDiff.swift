/// The clause-level difference between two sets of licence terms: clauses added, removed, and changed
/// parameters ("user-cap threshold 700000000 → 1000000000"). Wording, wrapping, order, quote styles and
/// encodings are not differences: clauses are compared by kind and parameters, never by their text.
public struct TermsDiff: Sendable {
    public struct Change: Sendable {
        public var kind: ClauseKind
        /// (parameter, old value or nil, new value or nil), by parameter name.
        public var parameters: [(String, String?, String?)]
        public var old: Clause
        public var new: Clause
    }
    public var added: [Clause] = []
    public var removed: [Clause] = []
    public var changed: [Change] = []
    public var isEmpty: Bool { added.isEmpty && removed.isEmpty && changed.isEmpty }

    /// One line per difference: "changed user-cap: threshold 700000000 → 1000000000", "removed …", "added …".
    public var lines: [String] {
        changed.map { c in "changed \(c.kind.rawValue): " + c.parameters.map { "\($0.0) \($0.1 ?? "—") → \($0.2 ?? "—")" }.joined(separator: ", ") }
            + removed.map { "removed \($0.kind.rawValue)" + TermsDiff.summary($0) }
            + added.map { "added \($0.kind.rawValue)" + TermsDiff.summary($0) }
    }

    /// " (prefix Llama)": a clause's parameters in brief, or nothing.
    static func summary(_ c: Clause) -> String {
        let ps = c.parameters.filter { !$0.1.description.isEmpty && $0.1.description != "[]" }
        return ps.isEmpty ? "" : " (" + ps.map { "\($0.0) \($0.1)" }.joined(separator: ", ") + ")"
    }

    /// A clause's terms: its kind and its parameters sorted by name.
    static func key(_ c: Clause) -> String {
        c.kind.rawValue + "|" + c.parameters.sorted { $0.0 < $1.0 }.map { "\($0.0)=\($0.1)" }.joined(separator: ";")
    }

    public static func compare(old: [Clause], new: [Clause]) -> TermsDiff {
        // Clauses whose terms appear on both sides cancel out, one for one.
        var unmatchedNew = new.sorted { $0.evidence.line < $1.evidence.line }
        var gone: [Clause] = []
        for c in old.sorted(by: { $0.evidence.line < $1.evidence.line }) {
            let k = key(c)
            if let i = unmatchedNew.firstIndex(where: { key($0) == k }) { unmatchedNew.remove(at: i) } else { gone.append(c) }
        }
        var d = TermsDiff()
        // A clause of one kind on each side with other parameters is a change of that clause: paired with the
        // clause of its kind that keeps the most of its parameters (a Notice-file credit with the Notice-file
        // credit, not with a product credit).
        func kept(_ a: Clause, _ b: Clause) -> Int { a.parameters.filter { p in b[p.0] == p.1 }.count }
        for c in gone {
            let candidates = unmatchedNew.indices.filter { unmatchedNew[$0].kind == c.kind }
            if let i = candidates.max(by: { kept(c, unmatchedNew[$0]) < kept(c, unmatchedNew[$1]) || (kept(c, unmatchedNew[$0]) == kept(c, unmatchedNew[$1]) && $0 > $1) }) {
                let n = unmatchedNew.remove(at: i)
                let names = Set(c.parameters.map(\.0)).union(n.parameters.map(\.0)).sorted()
                let params: [(String, String?, String?)] = names.compactMap { name in
                    let a = c[name]?.description, b = n[name]?.description
                    return a == b ? nil : (name, a, b)
                }
                d.changed.append(Change(kind: c.kind, parameters: params, old: c, new: n))
            } else {
                d.removed.append(c)
            }
        }
        d.added = unmatchedNew
        return d
    }
}
