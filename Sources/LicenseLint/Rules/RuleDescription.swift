/// What a rule is, for `rules`, `explain`, SARIF `rules[]` and the docs. The id is a literal: a public,
/// stable name that is never derived from a type name.
public struct RuleDescription: Sendable {
    public var id: String
    public var name: String
    /// One line.
    public var summary: String
    public var severity: Severity
    /// Clause kinds the rule reads.
    public var reads: [ClauseKind]
    /// Profile fields the rule reads (dotted paths).
    public var profileFields: [String]
    /// "What it checks / Why it matters / What to do", a paragraph each.
    public var whatItChecks: String
    public var why: String
    public var fix: String
    /// Who is bound, by what act, and where the duty is met (or that nothing in the plan discharges it).
    public var bound: String
    public var act: String
    public var place: String

    public init(id: String, name: String, summary: String, severity: Severity, reads: [ClauseKind], profileFields: [String],
                whatItChecks: String, why: String, fix: String, bound: String, act: String, place: String) {
        self.id = id; self.name = name; self.summary = summary; self.severity = severity; self.reads = reads
        self.profileFields = profileFields; self.whatItChecks = whatItChecks; self.why = why; self.fix = fix
        self.bound = bound; self.act = act; self.place = place
    }
}
