/// The terminal format (default): grouped by model, one `path:line:col: severity[rule]: message` line per finding.
public enum TextReporter: Reporter {
    public static let format = "text"

    public static func render(_ report: Report, rules: [RuleDescription], options: ReportOptions) -> String {
        renderChunks(report, rules: rules, options: options).joined()
    }

    /// The report as pieces made on demand: the header, one per model, and the rest. A report of 100,000
    /// models is written piece by piece, never held whole in memory.
    public static func renderChunks(_ report: Report, rules: [RuleDescription], options: ReportOptions) -> ReportChunks {
        let report = ReadableText.clean(report)
        let style = ANSIStyle(enabled: options.color)
        let n = report.models.count
        return ReportChunks(count: n + 2) { i in
            if i == 0 { return header(report, style: style) }
            if i <= n { return model(report.models[i - 1], report: report, style: style) }
            return tail(report, style: style)
        }
    }

    static func header(_ report: Report, style: ANSIStyle) -> String {
        var out = style.bold("licenselint \(report.toolVersion)") + " · profile \(report.profilePath)\n"
        for (label, value) in report.profileSummary { out += "  \(label): \(value)\n" }
        if report.models.isEmpty { out += "\nno models checked\n" }
        return out
    }

    static func model(_ model: ModelReport, report: Report, style: ANSIStyle) -> String {
        var out = "\n"
        out += style.bold(model.name == model.path ? model.name : "\(model.name) (\(model.path))") + "\n"
        var verdict = "  verdict: \(model.verdict.title)"
        if let d = model.decisive { verdict += " — \(d.ruleID): \(d.message)" }
        else if model.dutyCount > 0 { verdict += " — \(ReportFormatting.count(model.dutyCount, "duty", "duties")) to meet" }
        out += (model.verdict == .blocked ? style.red(verdict) : verdict) + "\n"
        if model.licenses.isEmpty { out += "  licence: none found\n" }
        for l in model.licenses {
            var line = "  licence: \(ReportFormatting.licenseName(l)), \(ReportFormatting.licenseSource(l))"
            if let id = l.identification, l.source == .text {
                line += ", similarity \(ReportFormatting.similarity(id.similarity))"
            }
            out += line + "\n"
            let identity = ReportFormatting.licenseIdentity(l)
            if !identity.isEmpty { out += "    \(identity)\n" }
            for d in l.identification?.differences ?? [] { out += "    modified: \(d)\n" }
            if let n = l.identification?.newerVersion {
                out += "    newer version in the catalogue: \(n.title)\n"
                // A short list in the terminal; the Markdown and JSON reports carry every change.
                for c in n.changes.prefix(4) { out += "      \(c)\n" }
                if n.changes.count > 4 { out += "      … and \(n.changes.count - 4) more (listed in the Markdown and JSON reports)\n" }
            }
        }
        out += "  openness: \(model.openness.level?.rawValue ?? "undetermined")\n"
        for r in model.openness.reasons { out += "    - \(r)\n" }
        for l in model.lineage { out += "  lineage: \(l)\n" }
        for r in model.references { out += "  referenced at \(r)\n" }
        if !model.filesRead.isEmpty { out += "  files read: " + model.filesRead.map { ReportFormatting.within(model.path, $0) }.joined(separator: ", ") + "\n" }

        let entries = model.findings.map { ReportFormatting.Entry(finding: $0, modelPath: model.path) }
        if entries.isEmpty { out += "  no findings\n" }
        for e in sorted(entries) { out += finding(e, report: report, style: style, indent: "  ") }
        return out
    }

    static func tail(_ report: Report, style: ANSIStyle) -> String {
        var out = ""
        if !report.generalFindings.isEmpty {
            out += "\n" + style.bold("general") + "\n"
            let entries = report.generalFindings.map { ReportFormatting.Entry(finding: $0, modelPath: nil) }
            for e in sorted(entries) { out += finding(e, report: report, style: style, indent: "  ") }
        }

        if !report.exceptions.isEmpty {
            out += "\n" + style.bold("exceptions") + "\n"
            for e in report.exceptions {
                var line = e.uses > 0 ? "  applied: " : "  unused: "
                line += e.rule + ReportFormatting.exceptionScope(e) + ": " + e.reason
                if let x = e.expires { line += "; expires \(x)" }
                if e.uses > 0 { line += "; silenced " + ReportFormatting.count(e.uses, "finding", "findings") }
                if let loc = e.location { line += "; \(loc.path):\(loc.line)" }
                out += (e.uses > 0 ? line : style.yellow(line)) + "\n"
            }
        }

        let summary = ReportSummary(report)
        if report.models.count > 1 {
            var tally: [Verdict: Int] = [:]
            for m in report.models { tally[m.verdict, default: 0] += 1 }
            let counts = Verdict.allCases.compactMap { v -> String? in
                let n = tally[v] ?? 0
                return n > 0 ? "\(n) \(v.title.lowercased())" : nil
            }
            out += "\nverdicts: " + counts.joined(separator: ", ") + "\n"
        }
        let line = summary.line
        out += "\n" + (summary.failing > 0 ? style.boldRed(line) : style.bold(line)) + "\n"
        return out
    }

    /// Severity (errors first), then file, then line; ties in `Report.order`.
    private static func sorted(_ entries: [ReportFormatting.Entry]) -> [ReportFormatting.Entry] {
        entries.sorted { a, b in
            let fa = a.finding, fb = b.finding
            if fa.severity != fb.severity { return fa.severity > fb.severity }
            let pa = fa.location?.path ?? "", pb = fb.location?.path ?? ""
            if pa != pb { return pa < pb }
            let la = fa.location?.line ?? 0, lb = fb.location?.line ?? 0
            if la != lb { return la < lb }
            return Report.order(fa, fb)
        }
    }

    private static func finding(_ e: ReportFormatting.Entry, report: Report, style: ANSIStyle, indent: String) -> String {
        let f = e.finding
        let primary = ReportFormatting.primary(e, report: report)
        var out = indent + ReportFormatting.position(primary) + ": " + style.severity(f.severity)
            + "[\(f.ruleID)]: " + f.message + "\n"
        let sub = indent + "    "
        for d in f.details { out += lines(d, prefix: sub) }
        if let id = f.location?.catalogueEntry {
            // A clause known from the catalogue, not a line of the folder: say so rather than quote.
            out += sub + "terms: catalogue entry \(id), not in the folder\n"
        } else if let excerpt = f.location?.excerpt, !excerpt.isEmpty { out += lines(excerpt, prefix: sub + "> ") }
        if let p = f.profileLocation, !primary.isProfile {
            out += sub + "profile: \(p.path):\(p.line):\(p.column)" + (p.excerpt.map { ": \($0)" } ?? "") + "\n"
        } else if primary.isProfile, let excerpt = f.profileLocation?.excerpt, !excerpt.isEmpty {
            out += lines(excerpt, prefix: sub + "> ")
        }
        if let x = f.suppressedBy { out += sub + style.dim(ReportFormatting.suppression(x)) + "\n" }
        return out
    }

    /// Each line of `text` with the prefix (excerpts and details may hold line breaks).
    private static func lines(_ text: String, prefix: String) -> String {
        // One line (the usual case) without splitting; "\r", "\u{2028}" and the like are line breaks too.
        if !ReadableText.mayNeedEscape(text) {
            return prefix + text + "\n"
        }
        return text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            .map { prefix + $0 + "\n" }.joined()
    }
}

/// SGR escape codes, or nothing when colour is off (so stripping the codes gives the colourless text).
struct ANSIStyle {
    var enabled: Bool

    func wrap(_ s: String, _ code: String) -> String { enabled ? "\u{1B}[\(code)m" + s + "\u{1B}[0m" : s }
    func bold(_ s: String) -> String { wrap(s, "1") }
    func boldRed(_ s: String) -> String { wrap(s, "1;31") }
    func dim(_ s: String) -> String { wrap(s, "2") }
    func red(_ s: String) -> String { wrap(s, "31") }
    func yellow(_ s: String) -> String { wrap(s, "33") }
    func cyan(_ s: String) -> String { wrap(s, "36") }

    func severity(_ s: Severity) -> String {
        switch s {
        case .error: return wrap("error", "1;31")
        case .warning: return wrap("warning", "1;33")
        case .note: return wrap("note", "1;36")
        }
    }
}
