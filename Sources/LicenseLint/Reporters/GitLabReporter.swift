/// GitLab Code Quality (a subset of the Code Climate issue format): a JSON array with one issue per finding
/// not silenced by an exception, for `artifacts: reports: codequality`.
///
/// ```
/// [{"description", "check_name", "fingerprint", "severity": "info" | "minor" | "major" | "critical" | "blocker",
///   "location": {"path", "lines": {"begin"}}}]
/// ```
/// Severity: error → critical, warning → minor, note → info. Fingerprints hash rule id, model, clause kind
/// and licence id (never the line or the message) with an occurrence number for repeats, so an issue keeps
/// its identity when a licence file is re-wrapped and GitLab does not report it as fixed and new again.
/// Paths are relative to `options.baseDirectory` (GitLab wants repository paths).
public enum GitLabReporter: Reporter {
    public static let format = "gitlab"

    public static func render(_ report: Report, rules: [RuleDescription], options: ReportOptions) -> String {
        document(report, options: options).render(pretty: true) + "\n"
    }

    public static func document(_ report: Report, options: ReportOptions) -> JSON {
        var occurrences: [String: Int] = [:]
        var issues: [JSON] = []
        for e in ReportFormatting.entries(report) where e.finding.suppressedBy == nil {
            let f = e.finding
            let key = [f.ruleID, f.model, f.clauseKind?.rawValue ?? "", f.licenseID ?? ""].joined(separator: "\u{1F}")
            let n = (occurrences[key] ?? 0) + 1
            occurrences[key] = n
            let primary = ReportFormatting.primary(e, report: report)
            let path = ReportFormatting.relativePath(primary.path, to: options.baseDirectory)
            let description = f.model.isEmpty ? f.message : "\(f.model): \(f.message)"
            issues.append(.object([
                ("description", .string(description)),
                ("check_name", .string(f.ruleID)),
                ("fingerprint", .string(ReportFormatting.stableHash("gitlab\u{1F}" + key + "\u{1F}\(n)"))),
                ("severity", .string(severity(f.severity))),
                ("location", .object([
                    ("path", .string(path)),
                    ("lines", .object([("begin", .int(Int64(max(1, primary.region?.line ?? 1))))])),
                ])),
            ]))
        }
        return .array(issues)
    }

    public static func severity(_ s: Severity) -> String {
        switch s {
        case .error: return "critical"
        case .warning: return "minor"
        case .note: return "info"
        }
    }
}
