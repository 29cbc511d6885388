/// The one resolver of declared licence expressions, shared by model cards (and GGUF metadata) and BOM
/// components, so that the same declaration gives the same findings wherever it is written:
/// - every id must be in the catalogue, else `license-unknown` (an error: terms nobody has read);
/// - `A AND B` applies both;
/// - `A OR B` is the licensee's choice: the alternative whose terms the plan meets is applied, and a
///   `license-choice` note says which and why. An alternative the catalogue does not know is named in
///   that note; only when no alternative is known is the declaration unknown.
extension SPDXExpression {
    /// The alternatives an expression offers (OR), each the ids that apply together (AND), in written order:
    /// "A OR (B AND C)" → [[A], [B, C]]; "(A OR B) AND C" → [[A, C], [B, C]]. A `WITH` exception stays with
    /// its id. Text that is not a well-formed expression (unbalanced parentheses, a dangling operator) is read
    /// as all its ids applying together: the stricter reading, never a choice it does not offer.
    public static func alternatives(_ expression: String) -> [[String]] {
        var tokens: [String] = []
        var word = ""
        for ch in expression {
            if ch == "(" || ch == ")" || ch.isWhitespace {
                if !word.isEmpty { tokens.append(word); word = "" }
                if ch == "(" || ch == ")" { tokens.append(String(ch)) }
            } else {
                word.append(ch)
            }
        }
        if !word.isEmpty { tokens.append(word) }
        var i = 0
        let limit = 64
        func isOperator(_ t: String) -> Bool { ["OR", "AND", "WITH"].contains(t.uppercased()) || t == "(" || t == ")" }
        func atom(_ depth: Int) -> [[String]]? {
            guard i < tokens.count, depth < 32 else { return nil }
            if tokens[i] == "(" {
                i += 1
                guard let inner = or(depth + 1), i < tokens.count, tokens[i] == ")" else { return nil }
                i += 1
                return inner
            }
            guard !isOperator(tokens[i]) else { return nil }
            let id = tokens[i]
            i += 1
            if i < tokens.count && tokens[i].uppercased() == "WITH" {
                i += 1
                guard i < tokens.count, !isOperator(tokens[i]) else { return nil }
                i += 1
            }
            return [[id]]
        }
        func and(_ depth: Int) -> [[String]]? {
            guard var acc = atom(depth) else { return nil }
            while i < tokens.count && tokens[i].uppercased() == "AND" {
                i += 1
                guard let rhs = atom(depth) else { return nil }
                var product: [[String]] = []
                for a in acc { for b in rhs where product.count < limit { product.append(a + b.filter { !a.contains($0) }) } }
                acc = product
            }
            return acc
        }
        func or(_ depth: Int) -> [[String]]? {
            guard var acc = and(depth) else { return nil }
            while i < tokens.count && tokens[i].uppercased() == "OR" {
                i += 1
                guard let rhs = and(depth) else { return nil }
                acc += rhs
                if acc.count > limit { return nil }
            }
            return acc
        }
        if let parsed = or(0), i == tokens.count, !parsed.isEmpty { return parsed }
        let all = ids(expression)
        return all.isEmpty ? [] : [all]
    }

    /// Every id an expression names, each once, in written order: "(A OR B) AND C" → [A, C, B].
    public static func distinctIDs(_ expression: String) -> [String] {
        var seen = Set<String>()
        return alternatives(expression).joined().filter { seen.insert($0).inserted }
    }
}

extension Checker {
    struct DeclaredResolution {
        var licenses: [AppliedLicense] = []
        var findings: [Finding] = []
    }

    /// Resolves a declared expression. `lookup` finds an id's catalogue entry; `apply` makes the licence
    /// for an entry (with the reason it was chosen, if any); `declarer` begins the messages ("model card
    /// declares"); the plan and card are those the model is judged with.
    func resolveDeclared(_ expression: String, lookup: (String) -> LicenseEntry?,
                         apply: (LicenseEntry, _ id: String, _ chosen: String?) -> AppliedLicense,
                         model: String, path: String, location: FileLocation, declarer: String,
                         unknownDetails: [String], plan: Profile, card: ModelCard?) -> DeclaredResolution {
        var r = DeclaredResolution()
        let alternatives = SPDXExpression.alternatives(expression)
        let ids = SPDXExpression.distinctIDs(expression)
        let unknown = ids.filter { lookup($0) == nil }
        let known = alternatives.filter { $0.allSatisfy { lookup($0) != nil } }
        func unknownFinding(_ id: String, severity: Severity = .error, category: FindingCategory = .input, extra: [String] = []) -> Finding {
            let inExpression = expression.trimmingSpaces() == id ? "" : " (in '\(expression)')"
            return Finding(ruleID: "license-unknown", severity: severity, category: category,
                           message: "\(declarer) licence '\(id)'\(inExpression), which is not in the catalogue",
                           model: model, location: location, details: extra + unknownDetails,
                           toSupply: category == .undecided ? "put the text of '\(id)' in the model folder and check again" : nil)
        }
        // No choice: every id applies, and an unknown one is unknown terms.
        guard alternatives.count > 1, !known.isEmpty else {
            for id in unknown { r.findings.append(unknownFinding(id)) }
            // Each id once: "(A OR B) AND C" with A and B unknown names C in both alternatives.
            for id in ids { if let e = lookup(id) { r.licenses.append(apply(e, id, nil)) } }
            return r
        }
        // A choice: judge each known alternative under the plan; the fewest conflicts, then undecided points,
        // then duties, decides; the first written wins a tie.
        var best: (alt: [String], score: (Int, Int, Int))? = nil
        for alt in known {
            let ls = alt.compactMap { id in lookup(id).map { apply($0, id, nil) } }
            let all = ls + incorporatedPolicies(of: ls, file: location.path, line: location.line)
            let openness = OpennessAssessor.assess(licenses: all, card: card, catalogue: catalogue)
            let fs = applyRules(model: model, path: path, licenses: all, own: all, card: card, openness: openness,
                                plan: plan, hasLicenseFile: false, noticeText: "")
            let score = (fs.filter { $0.severity == .error && $0.category == .conflict }.count,
                         fs.filter { $0.category == .undecided }.count, fs.filter { $0.category == .duty }.count)
            if best == nil || score < best!.score { best = (alt, score) }
        }
        guard let (chosen, score) = best else { return r }
        let name = chosen.joined(separator: " AND ")
        let why: String
        if score.0 == 0 && score.1 == 0 {
            why = known.count == 1 ? "the only alternative the catalogue knows" : (score.2 == 0 ? "the plan meets its terms with no duties" : "the plan meets its terms with the fewest duties")
        } else {
            why = score.0 == 0 ? "no alternative can be decided for the plan; the one with the fewest open questions is applied"
                               : "the plan conflicts with every alternative the catalogue knows; the one with the fewest conflicts is applied"
        }
        for id in chosen { if let e = lookup(id) { r.licenses.append(apply(e, id, "chosen from '\(expression)': \(why)")) } }
        var details = ["alternatives: " + alternatives.map { $0.joined(separator: " AND ") }.joined(separator: " | ")]
        if !unknown.isEmpty { details.append("not in the catalogue: " + unknown.joined(separator: ", ") + " (not read; the choice above does not rely on them)") }
        r.findings.append(Finding(ruleID: "license-choice", severity: .note, category: .information,
                                  message: "\(declarer) a choice of licences: \(name) is applied — \(why)",
                                  model: model, location: location, details: details))
        // An unknown alternative might have been the one the plan meets: with conflicts under every known one,
        // that is a question, not a pass and not a guess.
        if score.0 > 0 {
            for id in unknown {
                r.findings.append(unknownFinding(id, severity: .warning, category: .undecided,
                                                 extra: ["cannot decide: the plan conflicts with \(name), and this alternative's terms are unknown"]))
            }
        }
        return r
    }
}

extension String {
    /// nil for the empty string.
    var nilIfEmpty: String? { isEmpty ? nil : self }
}

/// Licence ids in an SPDX expression: "Apache-2.0 OR MIT", "(MIT AND BSD-3-Clause)", "GPL-2.0 WITH Classpath-exception-2.0".
public enum SPDXExpression {
    public static func ids(_ expression: String) -> [String] {
        var out: [String] = []
        var skipNext = false
        for raw in expression.replacing("(", with: " ").replacing(")", with: " ").split(separator: " ") {
            let t = String(raw)
            if skipNext { skipNext = false; continue }
            switch t.uppercased() {
            case "OR", "AND": continue
            case "WITH": skipNext = true; continue
            // Kept whole: "openrail++" is an id of its own; the catalogue reads "gpl-3.0+" as "gpl-3.0".
            default: out.append(t)
            }
        }
        return out
    }
}
