/// Shared reading of whether the plan passes the model (or what it makes) on to others, which is what
/// turns attribution, licence-copy, naming and flow-down clauses into duties.
enum Distribution {
    /// true: the plan distributes; false: it does not; nil: the profile does not say.
    /// `countHosting`: offering the model as a service counts (for credit lines shown to users), or only
    /// handing over weights or derivatives does (for licence copies and flow-down).
    static func distributes(_ p: Profile, countHosting: Bool = true) -> (Bool?, FileLocation?) {
        let w = p.distributesWeights, d = p.distributesDerivatives
        if let v = [w, d].compactMap({ $0 }).first(where: \.value) {
            return (true, FileLocation(path: p.path, line: v.line, column: v.column))
        }
        if countHosting, let h = p.hosting, h.value.contains(where: \.isService) {
            return (true, FileLocation(path: p.path, line: h.line, column: h.column))
        }
        if w != nil && d != nil { return (false, nil) }
        return (nil, nil)
    }

    static func duties(_ rule: RuleDescription, _ ctx: RuleContext, _ kind: ClauseKind, countHosting: Bool = true,
                       _ describe: (Clause) -> String) -> [Finding] {
        let hits = ctx.clauses(kind)
        guard !hits.isEmpty else { return [] }
        let (does, loc) = distributes(ctx.profile, countHosting: countHosting)
        if does == nil, let (l, c) = hits.first {
            return [ctx.finding(rule, l, c, "cannot decide whether this duty applies: the profile does not say whether the model is distributed (distribution.weights, distribution.derivatives) or hosted for others",
                                severity: .warning, category: .undecided)]
        }
        guard does == true else { return [] }
        var seen = Set<String>()
        return hits.compactMap { (l, c) in
            let text = describe(c)
            guard seen.insert(text).inserted else { return nil }
            return ctx.finding(rule, l, c, text, category: .duty, profile: loc)
        }
    }
}
