/// GitHub Actions workflow commands: one annotation per finding not silenced by an exception
/// (`::error`, `::warning`, `::notice` by severity), then a `::notice::` summary line.
/// File paths are made relative to `options.baseDirectory` when given (annotations need workspace paths).
public enum GitHubReporter: Reporter {
    public static let format = "github"

    public static func render(_ report: Report, rules: [RuleDescription], options: ReportOptions) -> String {
        var out = ""
        for e in ReportFormatting.entries(report) where e.finding.suppressedBy == nil {
            let f = e.finding
            let primary = ReportFormatting.primary(e, report: report)
            var props: [String] = []
            let path = ReportFormatting.relativePath(primary.path, to: options.baseDirectory)
            if !path.isEmpty, path != "." { props.append("file=" + escapeProperty(path)) }
            if let r = primary.region {
                let start = max(1, r.line)
                props.append("line=\(start)")
                props.append("endLine=\(max(start, r.endLine))")
                props.append("col=\(max(1, r.column))")
            }
            props.append("title=" + escapeProperty("licenselint \(f.ruleID)"))
            let message = ([f.message] + f.details).joined(separator: "\n")
            out += "::\(command(f.severity)) \(props.joined(separator: ","))::\(escapeData(message))\n"
        }
        out += "::notice::" + escapeData("licenselint: " + ReportSummary(report).line) + "\n"
        return out
    }

    static func command(_ s: Severity) -> String {
        switch s {
        case .error: return "error"
        case .warning: return "warning"
        case .note: return "notice"
        }
    }

    /// The message part of a workflow command: `%`, CR and LF encoded.
    public static func escapeData(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            // Other control characters (an ESC sequence from a file name) are shown, never sent to the log.
            case _ where ReadableText.needsEscape(u): out += "\\u{" + String(u.value, radix: 16, uppercase: true) + "}"
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }

    /// A property value: as `escapeData`, plus `:` and `,`.
    public static func escapeProperty(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            case ":": out += "%3A"
            case _ where ReadableText.needsEscape(u): out += "\\u{" + String(u.value, radix: 16, uppercase: true) + "}"
            case ",": out += "%2C"
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }
}
