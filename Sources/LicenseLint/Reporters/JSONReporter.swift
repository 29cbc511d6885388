/// The machine-readable format (schemaVersion 1). Keys are written in a fixed order:
///
/// ```
/// {"schemaVersion": 1,
///  "tool": {"name", "version"},
///  "profile": {"path", "summary": {label: value, …}},
///  "models": [{"name", "path", "verdict": "blocked" | "needs-input" | "allowed-with-duties" | "clear",
///              "licenses": [{"file", "declaredId", "source", "identification": {"id", "name", "similarity", "differences"} | null,
///                            "via", "clauses": [{"kind", "parameters", "evidence"}]}],
///              "openness": {"level" (string | null), "reasons"},
///              "lineage": [string], "references": [string] (where code or configuration names the model),
///              "filesRead": [string] (model card, licence texts, NOTICE files, GGUF header),
///              "findings": [finding]}],
///  "findings": [finding]            — general findings, not tied to a model
///  "exceptions": [exception],
///  "summary": {"errors", "warnings", "notes", "duties", "undecided", "suppressed", "failOn", "failing"}}
///
/// finding:   {"ruleId", "severity", "category", "message", "model", "location": location | null,
///             "profileLocation": location | null, "clauseKind" | null, "licenseId" | null, "details": [string],
///             "suppressedBy": exception | null}
/// location:  {"path", "line", "column", "endLine", "excerpt" | null}
/// exception: {"rule", "license" | null, "model" | null, "reason", "expires" | null, "location": location | null, "uses"}
/// ```
/// Findings are in `Report.order` (model, file, line, rule id). Summary counts are those of `ReportSummary`;
/// `failing` is the number of findings that fail the run (exit 1 when above 0).
public enum JSONReporter: Reporter {
    public static let format = "json"
    public static let schemaVersion = 1

    public static func render(_ report: Report, rules: [RuleDescription], options: ReportOptions) -> String {
        document(report).render(pretty: true) + "\n"
    }

    /// The whole document as a JSON value.
    public static func document(_ report: Report) -> JSON {
        let summary = ReportSummary(report)
        return .object([
            ("schemaVersion", .int(Int64(schemaVersion))),
            ("tool", .object([("name", .string("licenselint")), ("version", .string(report.toolVersion))])),
            ("profile", .object([
                ("path", .string(report.profilePath)),
                ("summary", .object(uniqueKeys(report.profileSummary).map { ($0.0, .string($0.1)) })),
            ])),
            ("models", .array(report.models.map(model))),
            ("findings", .array(report.generalFindings.sorted(by: Report.order).map(finding))),
            ("exceptions", .array(report.exceptions.map(exception))),
            ("summary", .object([
                ("errors", .int(Int64(summary.errors))),
                ("warnings", .int(Int64(summary.warnings))),
                ("notes", .int(Int64(summary.notes))),
                ("duties", .int(Int64(summary.duties))),
                ("undecided", .int(Int64(summary.undecided))),
                ("suppressed", .int(Int64(summary.suppressed))),
                ("failOn", .string(summary.failOn.rawValue)),
                ("failing", .int(Int64(summary.failing))),
                ("inputErrors", .int(Int64(summary.inputErrors))),
                ("exitCode", .int(Int64(summary.exitCode))),
            ])),
        ])
    }

    public static func model(_ m: ModelReport) -> JSON {
        .object([
            ("name", .string(m.name)),
            ("path", .string(m.path)),
            ("verdict", .string(m.verdict.rawValue)),
            ("licenses", .array(m.licenses.map(license))),
            ("openness", .object([
                ("level", m.openness.level.map { .string($0.rawValue) } ?? .null),
                ("reasons", .array(m.openness.reasons.map { .string($0) })),
            ])),
            ("lineage", .array(m.lineage.map { .string($0) })),
            ("references", .array(m.references.map { .string($0) })),
            ("filesRead", .array(m.filesRead.map { .string($0) })),
            ("findings", .array(m.findings.sorted(by: Report.order).map(finding))),
        ])
    }

    public static func license(_ l: AppliedLicense) -> JSON {
        let identification: JSON = l.identification.map { id in
            .object([
                ("id", .string(id.id)),
                ("name", .string(id.name)),
                ("similarity", .double((id.similarity * 100).rounded() / 100)),
                ("differences", .array(id.differences.map { .string($0) })),
                ("version", optional(id.version)),
                ("released", optional(id.released)),
                ("url", optional(id.url)),
                ("statedVersion", optional(id.statedVersion)),
                ("statedDate", optional(id.statedDate)),
                ("otherVersion", .bool(id.isOtherVersion)),
                ("newerVersion", id.newerVersion.map { n in
                    .object([("id", .string(n.id)), ("name", .string(n.name)), ("version", optional(n.version)),
                             ("released", optional(n.released)), ("changes", .array(n.changes.map { .string($0) }))])
                } ?? .null),
            ])
        } ?? .null
        return .object([
            ("file", optional(l.file)),
            ("declaredId", optional(l.declaredID)),
            ("source", .string(l.source.rawValue)),
            ("identification", identification),
            ("via", optional(l.via)),
            ("sha256", optional(l.sha256)),
            ("clauses", .array(l.clauses.map(\.json))),
        ])
    }

    public static func finding(_ f: Finding) -> JSON {
        .object([
            ("ruleId", .string(f.ruleID)),
            ("severity", .string(f.severity.rawValue)),
            ("category", .string(f.category.rawValue)),
            ("message", .string(f.message)),
            ("model", .string(f.model)),
            ("location", f.location.map(location) ?? .null),
            ("profileLocation", f.profileLocation.map(location) ?? .null),
            ("clauseKind", optional(f.clauseKind?.rawValue)),
            ("licenseId", optional(f.licenseID)),
            ("details", .array(f.details.map { .string($0) })),
            ("suppressedBy", f.suppressedBy.map(exception) ?? .null),
        ])
    }

    public static func location(_ l: FileLocation) -> JSON {
        .object([
            ("path", .string(l.path)),
            ("line", .int(Int64(l.line))),
            ("column", .int(Int64(l.column))),
            ("endLine", .int(Int64(l.endLine))),
            ("excerpt", optional(l.excerpt)),
        ])
    }

    public static func exception(_ e: AppliedException) -> JSON {
        .object([
            ("rule", .string(e.rule)),
            ("license", optional(e.license)),
            ("model", optional(e.model)),
            ("reason", .string(e.reason)),
            ("expires", optional(e.expires)),
            ("location", e.location.map(location) ?? .null),
            ("uses", .int(Int64(e.uses))),
        ])
    }

    private static func optional(_ s: String?) -> JSON { s.map { .string($0) } ?? .null }

    /// Labels made unique ("label", "label (2)") so the summary object has no repeated key.
    static func uniqueKeys(_ pairs: [(String, String)]) -> [(String, String)] {
        var seen: [String: Int] = [:]
        return pairs.map { key, value in
            let n = (seen[key] ?? 0) + 1
            seen[key] = n
            return (n == 1 ? key : "\(key) (\(n))", value)
        }
    }
}
