/// A document for legal review (GitHub-flavoured Markdown): per model the licence, openness, lineage,
/// a clause table, conflicts, duties as a checklist in the licence's words, what could not be decided,
/// and the exceptions that silenced findings.
public enum MarkdownReporter: Reporter {
    public static let format = "markdown"

    public static func render(_ report: Report, rules: [RuleDescription], options: ReportOptions) -> String {
        Links.$base.withValue(options.linkBase.map { (base: $0, cwd: options.baseDirectory ?? $0) }) {
            let quoted = QuotedLines()
            for m in report.models { for l in m.licenses { if let f = l.file, let d = l.sha256, l.source != .catalogue { quoted.digests[f] = d } } }
            return Links.$quoted.withValue(quoted) { renderDocument(report, rules: rules) }
        }
    }

    /// Where cited lines link to, for the whole rendering (a task-local: every helper reads it).
    enum Links {
        @TaskLocal static var base: (base: String, cwd: String)? = nil
        /// The licence lines already quoted in this report: a line is quoted in full once, then cited.
        @TaskLocal static var quoted = QuotedLines()
    }

    final class QuotedLines: @unchecked Sendable {
        private var seen: Set<String> = []
        /// Each licence file's SHA-256, so that the same text in two folders is quoted once.
        var digests: [String: String] = [:]
        /// Whether line `line` of the text at `path` is quoted for the first time (and records it).
        func first(_ path: String, _ line: Int) -> Bool { seen.insert("\(digests[path] ?? path):\(line)").inserted }
    }

    /// "`path:23`", linked as `[…](<relative/path#L23>)` when the report has a folder to link from: the
    /// anchor GitHub and GitLab use for a line of a file.
    static func at(_ path: String, _ line: Int) -> String {
        guard let b = Links.base, !path.hasPrefix("catalogue "), !path.isEmpty else { return code("\(path):\(line)") }
        // The link carries the path; its label names the file by its folder and name ("model-a/LICENSE:18").
        let label = code(path.split(separator: "/").suffix(2).joined(separator: "/") + ":\(line)")
        let absolute = path.hasPrefix("/") ? path : b.cwd + "/" + path
        return "[\(label)](<\(relative(standard(absolute), from: standard(b.base)))#L\(line)>)"
    }

    /// An absolute path with "." and ".." resolved (no file system look-up).
    static func standard(_ path: String) -> String {
        var parts: [Substring] = []
        for c in path.split(separator: "/") {
            if c == "." { continue }
            if c == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(c)
        }
        return "/" + parts.joined(separator: "/")
    }

    /// `path` relative to the folder `from` (with ".." where it lies outside it).
    static func relative(_ path: String, from: String) -> String {
        let p = path.split(separator: "/"), f = from.split(separator: "/")
        var i = 0
        while i < p.count && i < f.count && p[i] == f[i] { i += 1 }
        let up = Array(repeating: "..", count: f.count - i)
        return (up + p[i...].map(String.init)).joined(separator: "/").replacing(">", with: "%3E")
    }

    static func renderDocument(_ report: Report, rules: [RuleDescription]) -> String {
        let report = ReadableText.clean(report)
        var out = "# licenselint report\n\n"
        out += "Profile \(code(report.profilePath)), licenselint \(inline(report.toolVersion)).\n\n"
        if report.profileSummary.isEmpty {
            out += "The profile summary is empty.\n\n"
        } else {
            out += "| Setting | Value |\n| --- | --- |\n"
            for (label, value) in report.profileSummary { out += "| \(cell(inline(label))) | \(cell(inline(value))) |\n" }
            out += "\n"
        }
        out += "**Summary:** \(inline(ReportSummary(report).line))\n"
        // The first screen: one row per model with its verdict and the reason that decides it.
        if !report.models.isEmpty {
            out += "\n| Model | Licence | Verdict | Decisive reason | Duties |\n| --- | --- | --- | --- | --- |\n"
            for m in report.models {
                let licence = m.licenses.filter { $0.source != .inherited }.map(ReportFormatting.licenseName).joined(separator: "; ")
                var reason = "—"
                if let d = m.decisive {
                    let clause = d.clauseKind.map { " (\($0.rawValue))" } ?? ""
                    // The message's first clause; the rest is in the model's section.
                    let head = d.message.split(separator: "; ", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? d.message
                    reason = "\(code(d.ruleID))\(inline(clause)): \(inline(head))"
                }
                out += "| \(cell(inline(m.name))) | \(cell(inline(licence.isEmpty ? "none found" : licence))) | **\(m.verdict.title)** | \(cell(reason)) | \(m.dutyCount) |\n"
            }
        }

        out += actions(report, rules: rules)

        if !report.generalFindings.isEmpty {
            out += "\n## General findings\n\n"
            let entries = report.generalFindings.sorted(by: Report.order).map { ReportFormatting.Entry(finding: $0, modelPath: nil) }
            for e in entries { out += item(e, report: report) }
        }

        if report.models.isEmpty { out += "\nNo models were checked.\n" }
        for m in report.models { out += model(m, report: report) }

        out += "\n## Exceptions\n\n"
        if report.exceptions.isEmpty {
            out += "No exceptions are declared in the profile.\n"
        } else {
            out += "| Rule | Licence | Model | Reason | Expires | Silenced | Declared at |\n"
            out += "| --- | --- | --- | --- | --- | --- | --- |\n"
            for e in report.exceptions {
                let used = e.uses > 0 ? String(e.uses) : "0 (unused)"
                let at = e.location.map { code("\($0.path):\($0.line)") } ?? ""
                out += "| \(cell(code(e.rule))) | \(cell(inline(e.license ?? "any"))) | \(cell(inline(e.model ?? "any"))) | \(cell(inline(e.reason))) | "
                    + "\(cell(inline(e.expires ?? "never"))) | \(used) | \(cell(at)) |\n"
            }
        }
        out += appendix(report)
        return out
    }

    /// What to do, on the first screen: the conflicts to resolve (with the rule's remedy and who is bound),
    /// the facts to supply, and the duties to discharge (each with its trigger and place), one line each.
    static func actions(_ report: Report, rules: [RuleDescription]) -> String {
        let byID = Dictionary(rules.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        // One line per action; the models it applies to are named together (the same duty on three models
        // is one line), the licence line stays in each model's section.
        var lines: [[String]] = [[], [], []]
        var models: [[String: [String]]] = [[:], [:], [:]]
        func add(_ bucket: Int, _ text: String, _ model: String) {
            if models[bucket][text] == nil { lines[bucket].append(text) }
            if !(models[bucket][text]?.contains(model) ?? false) { models[bucket][text, default: []].append(model) }
        }
        for m in report.models {
            for f in m.findings.sorted(by: Report.order) where f.suppressedBy == nil && f.category != .information {
                let d = byID[f.ruleID]
                if f.category == .duty {
                    // What to do and where; the act that triggers it is said in each model's section.
                    let what = f.action
                    add(2, inline(what) + (d.map { "; who: \(inline($0.bound))" } ?? ""), m.name)
                } else if f.severity == .error {
                    let fix = trimmed(d?.fix ?? "resolve the conflict")
                    add(0, "\(code(f.ruleID)): \(inline(fix))" + (d.map { "; who: \(inline($0.bound))" } ?? ""), m.name)
                } else if f.severity == .warning {
                    // A "cannot decide" names the fact to supply in a detail that says what to do; else the rule's remedy.
                    let instruction = f.details.first { d in ["add ", "put ", "state ", "name ", "record ", "check ", "obtain ", "set ", "say "].contains { d.hasPrefix($0) } }
                    let need = trimmed((f.category == .undecided ? instruction : nil) ?? d?.fix ?? "state the missing fact")
                    add(1, "\(code(f.ruleID)): \(inline(need))", m.name)
                }
            }
        }
        guard lines.contains(where: { !$0.isEmpty }) else { return "" }
        let titles = ["**To unblock** (conflicts with the licence):", "**To decide** (facts to supply):", "**To discharge** (duties the plan triggers):"]
        var out = "\n## Actions\n"
        for b in 0..<3 where !lines[b].isEmpty {
            out += "\n\(titles[b])\n\n"
            for text in lines[b] { out += "- **\((models[b][text] ?? []).map(inline).joined(separator: ", "))** — \(text)\n" }
        }
        return out
    }

    static func trimmed(_ s: String) -> String { s.hasSuffix(".") ? String(s.dropLast()) : s }

    /// The clause tables per model (folded), the report's metadata and the note that it is not legal advice.
    static func appendix(_ report: Report) -> String {
        var out = "\n## Appendix\n"
        let informed = report.models.filter { $0.findings.contains { $0.category == .information && $0.suppressedBy == nil } }
        if !informed.isEmpty {
            out += "\n<details><summary>For information: conduct rules for every user, and notes</summary>\n\n"
            for m in informed {
                out += "**\(inline(m.name))**\n\n"
                for f in m.findings.sorted(by: Report.order) where f.category == .information && f.suppressedBy == nil {
                    var line = "- \(code(f.ruleID)): \(inline(f.message))"
                    if let loc = f.location {
                        if let id = loc.excerpt.flatMap(Catalogue.entryCited(by:)) { line += " (catalogue entry \(code(id)))" }
                        else { line += " (\(at(loc.path, loc.line)))" }
                    }
                    out += line + "\n"
                }
                out += "\n"
            }
            out += "</details>\n"
        }
        for m in report.models {
            let withClauses = m.licenses.filter { !$0.clauses.isEmpty }
            guard !withClauses.isEmpty else { continue }
            out += "\n<details><summary>Clauses read for \(html(m.name))</summary>\n\n"
            for l in withClauses {
                out += "**\(inline(ReportFormatting.licenseName(l)))**\(l.source == .text ? "" : " — from the catalogue, not in the folder")\n\n"
                out += "| Clause | Parameters | Line | Quote |\n| --- | --- | --- | --- |\n"
                let file: String
                if l.source == .text, let f = l.file { file = f }
                else { file = "catalogue \(l.identification?.id ?? l.declaredID ?? "")" + (l.identification?.url.map { " (\($0))" } ?? "") }
                for c in l.clauses {
                    let cited = l.source == .text ? at(file, c.evidence.line) : code(file)
                    out += "| \(cell(code(c.kind.rawValue))) | \(cell(inline(ReportFormatting.clauseParameters(c)))) | "
                        + "\(cell(cited)) | \(cell(inline(c.evidence.text))) |\n"
                }
                out += "\n"
            }
            out += "</details>\n"
        }
        out += "\n**Report:** licenselint \(inline(report.toolVersion))"
        if let d = report.date { out += ", checked on \(d)" }
        out += "; profile \(code(report.profilePath))"
        if let h = report.profileSHA256 { out += " (SHA-256 \(code(h)))" }
        out += ".\n\nThis report reads licence texts and compares them with the plan the profile states; it is not legal advice. Counsel decides.\n"
        return out
    }

    /// Text for an HTML element (a <summary>): no markup.
    static func html(_ s: String) -> String {
        s.replacing("&", with: "&amp;").replacing("<", with: "&lt;").replacing(">", with: "&gt;")
    }

    private static func model(_ m: ModelReport, report: Report) -> String {
        var out = "\n## \(inline(m.name))\n\n"
        out += "**Verdict: \(m.verdict.title).**\n\n"
        out += "Path: \(code(m.path))\n\n"

        if m.licenses.isEmpty { out += "**Licence:** none found.\n\n" }
        for l in m.licenses {
            out += "**Licence:** \(inline(ReportFormatting.licenseName(l))), \(inline(ReportFormatting.licenseSource(l)))"
            if let id = l.identification, l.source == .text {
                out += " (similarity \(ReportFormatting.similarity(id.similarity)))"
            }
            let identity = ReportFormatting.licenseIdentity(l)
            if !identity.isEmpty { out += "\n\nIdentity: \(inline(identity))" }
            out += "\n"
            let diffs = l.identification?.differences ?? []
            if !diffs.isEmpty {
                out += "\n"
                for d in diffs { out += "- modified: \(inline(d))\n" }
            }
            if let n = l.identification?.newerVersion {
                out += "\nNewer version in the catalogue: \(inline(n.title))\n\n"
                for c in n.changes { out += "- \(inline(c))\n" }
            }
            out += "\n"
        }

        out += "**Openness:** \(m.openness.level?.rawValue ?? "undetermined")\n"
        if !m.openness.reasons.isEmpty {
            out += "\n"
            for r in m.openness.reasons { out += "- \(inline(r))\n" }
        }
        out += "\n"

        if !m.references.isEmpty {
            out += "**Referenced at:**\n\n"
            for r in m.references { out += "- \(inline(r))\n" }
            out += "\n"
        }
        if !m.lineage.isEmpty {
            out += "**Lineage:**\n\n"
            for l in m.lineage { out += "- \(inline(l))\n" }
            out += "\n"
        }

        if !m.filesRead.isEmpty {
            out += "**Files read:** " + m.filesRead.map { code(ReportFormatting.within(m.path, $0)) }.joined(separator: ", ") + "\n\n"
        }
        let clauseCount = m.licenses.reduce(0) { $0 + $1.clauses.count }
        out += clauseCount == 0 ? "No clauses found.\n" : "Clauses: \(clauseCount), listed in the appendix.\n"

        let entries = m.findings.sorted(by: Report.order).map { ReportFormatting.Entry(finding: $0, modelPath: m.path) }
        let active = entries.filter { $0.finding.suppressedBy == nil }
        let inputs = active.filter { $0.finding.category == .input }
        if !inputs.isEmpty {
            out += "\n### Input problems\n\n"
            for e in inputs { out += item(e, report: report) }
        }

        // Conflicts, then what could not be decided, then duties, then information; a section only when it
        // has something in it.
        let conflicts = active.filter { $0.finding.category == .conflict }
        if !conflicts.isEmpty {
            out += "\n### Conflicts\n\n"
            for e in conflicts { out += item(e, report: report) }
        }

        let undecided = active.filter { $0.finding.category == .undecided }
        if !undecided.isEmpty {
            out += "\n### Could not decide\n\n"
            for e in undecided { out += item(e, report: report) }
        }

        let duties = active.filter { $0.finding.category == .duty }
        if !duties.isEmpty {
            // Grouped by the act that triggers them ("— because you publish a derivative …"), one line each
            // with the licence line; the clause's words are in the appendix.
            out += "\n### Duties\n"
            var groups: [(trigger: String, items: [String])] = []
            for e in duties {
                let f = e.finding
                let what = f.action, why = f.trigger ?? ""
                var line = "- [ ] \(inline(what)) (\(code(f.ruleID))"
                if let loc = f.location {
                    if let id = loc.excerpt.flatMap(Catalogue.entryCited(by:)) { line += ", catalogue entry \(code(id))" }
                    else { line += ", \(at(loc.path, loc.line))" }
                }
                line += ")\n"
                // The licence's words, unless this line was quoted above.
                if let loc = f.location, let words = loc.excerpt, !words.isEmpty, Catalogue.entryCited(by: words) == nil,
                   Links.quoted.first(loc.path, loc.line) {
                    line += "  > \(inline(words))\n"
                }
                if let i = groups.firstIndex(where: { $0.trigger == why }) { groups[i].items.append(line) }
                else { groups.append((why, [line])) }
            }
            for g in groups {
                out += "\n" + (g.trigger.isEmpty ? "" : "Because \(inline(g.trigger)):\n\n") + g.items.joined()
            }
        }

        let information = active.filter { $0.finding.category == .information }
        if !information.isEmpty {
            // Conduct rules that bind everyone, and notes: named here, listed in the appendix.
            var ids: [String] = []
            for e in information where !ids.contains(e.finding.ruleID) { ids.append(e.finding.ruleID) }
            out += "\n**For information** (conduct rules for every user and notes, in the appendix): \(ids.map(code).joined(separator: ", "))\n"
        }
        if conflicts.isEmpty && undecided.isEmpty && duties.isEmpty && inputs.isEmpty {
            out += "\nNo conflicts, no open questions and no duties for this plan.\n"
        }

        let suppressed = entries.filter { $0.finding.suppressedBy != nil }
        if !suppressed.isEmpty { out += "\n### Exceptions applied\n\n" }
        for e in suppressed {
            let f = e.finding
            out += "- \(code(f.ruleID)) (\(f.severity.rawValue), \(f.category.rawValue)): \(inline(f.message))\n"
            if let x = f.suppressedBy {
                out += "  - \(inline(ReportFormatting.suppression(x)))"
                if let loc = x.location { out += ", \(code("\(loc.path):\(loc.line)"))" }
                out += "\n"
            }
        }
        return out
    }

    /// A list item for a conflict, an undecided point or a general finding.
    private static func item(_ e: ReportFormatting.Entry, report: Report) -> String {
        let f = e.finding
        // The section says the severity of conflicts and open questions; general findings say it here.
        let severity = e.modelPath == nil || f.category == .input ? "**\(f.severity.rawValue)** " : ""
        var out = "- \(severity)\(code(f.ruleID)): \(inline(f.message))"
        if let p = f.profileLocation { out += " (profile \(at(p.path, p.line))" + (p.excerpt.map { ": \(code($0))" } ?? "") + ")" }
        out += "\n"
        if let loc = f.location, let id = loc.excerpt.flatMap(Catalogue.entryCited(by:)) {
            // A clause known from the catalogue: cite the entry; the folder only declares the id.
            let url = report.models.lazy.flatMap(\.licenses).first { $0.identification?.id == id }?.identification?.url
            out += "  - Licence: catalogue entry \(code(id))\(url.map { " (<\($0)>)" } ?? ""), not in the folder; declared at \(at(loc.path, loc.line))\n"
        } else if let loc = f.location {
            let quote = loc.excerpt.map { Links.quoted.first(loc.path, loc.line) ? ": “\(inline($0))”" : " (the same words are quoted above)" } ?? ""
            out += "  - Licence \(at(loc.path, loc.line))" + quote + "\n"
        } else if e.modelPath == nil, f.profileLocation == nil {
            out += "  - \(code(ReportFormatting.primary(e, report: report).path))\n"
        }
        // Where the terms came from is said once in the model's section (its licences and lineage).
        for d in f.details where !(e.modelPath != nil && (d.hasPrefix("terms via ") || d.hasPrefix("licence terms via ") || d.hasPrefix("licence terms chosen from "))) {
            out += "  - \(inline(d))\n"
        }
        if let x = f.suppressedBy { out += "  - \(inline(ReportFormatting.suppression(x)))\n" }
        return out
    }

    // MARK: Escaping

    /// Text on one line: line breaks become spaces; Markdown punctuation is backslash-escaped so the
    /// licence's words show as written (no emphasis, links or HTML).
    public static func inline(_ s: String) -> String {
        var out = ""
        for ch in s.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).joined(separator: " ") {
            if "\\`*_[]<>~".contains(ch) { out.append("\\") }
            out.append(ch)
        }
        return out
    }

    /// A table cell from `inline` or `code` output: "|" escaped, any line break left as `<br>`.
    static func cell(_ s: String) -> String {
        s.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            .map { $0.replacing("|", with: "\\|") }
            .joined(separator: "<br>")
    }

    /// A code span that survives backticks in its content.
    public static func code(_ s: String) -> String {
        let flat = s.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).joined(separator: " ")
        var longest = 0, run = 0
        for ch in flat { if ch == "`" { run += 1; longest = max(longest, run) } else { run = 0 } }
        let fence = String(repeating: "`", count: longest + 1)
        let pad = flat.hasPrefix("`") || flat.hasSuffix("`") ? " " : ""
        return fence + pad + flat + pad + fence
    }
}
