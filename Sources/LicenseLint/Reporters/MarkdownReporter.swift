/// A document for legal review (GitHub-flavoured Markdown). First screen: a summary table (one row per model:
/// licence and version, openness, verdict, decisive reason, duties) and the actions that unblock, decide or
/// discharge. Per model: the verdict, the licences read with their identity, lineage, conflicts with the
/// licence's words, open questions with what decides them, duties grouped by trigger. Appendix (folded): a
/// blocked model's duties, conduct rules, clause tables, openness reasons, the profile's settings and the
/// report's metadata.
public enum MarkdownReporter: Reporter {
    public static let format = "markdown"

    public static func render(_ report: Report, rules: [RuleDescription], options: ReportOptions) -> String {
        Links.$base.withValue(options.linkBase.map { (base: $0, cwd: options.baseDirectory ?? $0) }) {
            let quoted = QuotedLines()
            for m in report.models { for l in m.licenses { if let id = l.identification, let u = id.url, quoted.urls[id.id] == nil { quoted.urls[id.id] = u } } }
            for m in report.models { for l in m.licenses { if let f = l.file, let d = l.sha256, l.source != .catalogue { quoted.digests[f] = d } } }
            let targets = LinkTargets()
            let body = Links.$quoted.withValue(quoted) {
                Links.$targets.withValue(targets) { Links.$profilePath.withValue(report.profilePath) { renderDocument(report, rules: rules) } }
            }
            return body + targets.definitions()
        }
    }

    /// Where cited lines link to, for the whole rendering (a task-local: every helper reads it).
    enum Links {
        @TaskLocal static var base: (base: String, cwd: String)? = nil
        /// The licence lines already quoted in this report: a line is quoted in full once, then cited.
        @TaskLocal static var quoted = QuotedLines()
        /// Where the report's links go: cited as `[label][n]`, defined once at the end of the document, so
        /// that the Markdown reads as text where it is not rendered.
        @TaskLocal static var targets = LinkTargets()
        /// The folder of the model whose section is being written: its files are labelled by their path in it.
        @TaskLocal static var modelPath: String? = nil
        /// The profile's path, labelled by its file name.
        @TaskLocal static var profilePath: String? = nil
    }

    /// Link destinations in order of first use; each is defined once, after the appendix.
    final class LinkTargets: @unchecked Sendable {
        private var numbers: [String: Int] = [:]
        private var order: [String] = []
        /// `[label][n]` for `destination` (numbered on first use).
        func link(_ label: String, to destination: String) -> String {
            let n: Int
            if let known = numbers[destination] { n = known } else { order.append(destination); n = order.count; numbers[destination] = n }
            return "[\(label)][\(n)]"
        }
        /// The reference definitions (empty when nothing was linked).
        func definitions() -> String {
            order.isEmpty ? "" : "\n" + order.enumerated().map { "[\($0.offset + 1)]: <\($0.element)>\n" }.joined()
        }
    }

    final class QuotedLines: @unchecked Sendable {
        private var seen: Set<String> = []
        /// Each licence file's SHA-256, so that the same text in two folders is quoted once.
        var digests: [String: String] = [:]
        /// Whether line `line` of the text at `path` is quoted for the first time (and records it).
        /// The same words in another licence (a sentence two versions share) count as quoted too.
        func first(_ path: String, _ line: Int, words: String) -> Bool {
            let line = seen.insert("\(digests[path] ?? path):\(line)").inserted
            let text = seen.insert("\u{0}" + words).inserted
            return line && text
        }
        /// The model each conflict or open question was first shown for, by what decides its wording.
        private var shownFor: [String: String] = [:]
        /// Each catalogue entry's canonical URL, as the report's licences carry it.
        var urls: [String: String] = [:]
        /// The model an identical finding was already shown for: the same rule and licence, the same words of
        /// the same licence text (by digest), the same profile line and the same details (its message then
        /// differs only in how it names the licence's folder). Records `model` as the first otherwise.
        func shownBefore(_ f: Finding, model: String) -> String? {
            let licence = f.location.map { "\(digests[$0.path] ?? $0.path):\($0.line)" } ?? ""
            let profile = f.profileLocation.map { "\($0.path):\($0.line)" } ?? ""
            let key = [f.ruleID, f.severity.rawValue, f.clauseKind?.rawValue ?? "", f.licenseID ?? "", licence, profile]
                + MarkdownReporter.shownDetails(f, inModel: true) + [f.suppressedBy == nil ? "" : "suppressed"]
            let k = key.joined(separator: "\u{0}")
            if let m = shownFor[k] { return m == model ? nil : m }
            shownFor[k] = model
            return nil
        }
    }

    /// "`path:23`", linked as `[…][n]` to `relative/path#L23` (defined at the end) when the report has a
    /// folder to link from: the anchor GitHub and GitLab use for a line of a file.
    static func at(_ path: String, _ line: Int) -> String {
        guard let b = Links.base, !path.hasPrefix("catalogue "), !path.isEmpty else { return code("\(path):\(line)") }
        // The link carries the path; its label names the file by its path in the model shown ("LICENSE:18"),
        // else by its folder and name ("model-a/LICENSE:18"), the profile by its name.
        let within = Links.modelPath.map { ReportFormatting.within($0, path) }
        let name: String
        if let within, within != path, !within.isEmpty { name = within }
        else { name = path.split(separator: "/").suffix(path == Links.profilePath ? 1 : 2).joined(separator: "/") }
        let label = code(name + ":\(line)")
        let absolute = path.hasPrefix("/") ? path : b.cwd + "/" + path
        return Links.targets.link(label, to: "\(relative(standard(absolute), from: standard(b.base)))#L\(line)")
    }

    /// A catalogue entry cited by its id, linked to the licence's canonical URL when the entry has one.
    static func entry(_ id: String) -> String { linked(code(id), url: Links.quoted.urls[id]) }

    /// `label` linked to a web address (unlinked when there is none).
    static func linked(_ label: String, url: String?) -> String {
        guard let url, !url.isEmpty else { return label }
        return Links.targets.link(label, to: url.replacing(">", with: "%3E").replacing(" ", with: "%20"))
    }

    /// A path as the reader of the report finds it: relative to the report's folder when it lies inside
    /// it, else as given.
    static func shown(_ path: String) -> String {
        guard let b = Links.base, !path.isEmpty else { return path }
        let absolute = standard(path.hasPrefix("/") ? path : b.cwd + "/" + path)
        let base = standard(b.base)
        if absolute == base { return "." }
        return absolute.hasPrefix(base == "/" ? "/" : base + "/") ? String(absolute.dropFirst(base == "/" ? 1 : base.count + 1)) : path
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
        // The first screen is the verdicts; the plan's settings are in the appendix.
        out += "Profile \(code(shown(report.profilePath)))\(report.profileSummary.isEmpty ? "" : " (its settings are in the appendix)"), licenselint \(inline(report.toolVersion)).\n\n"
        out += "**Summary:** \(inline(ReportSummary(report).line))\n"
        // The first screen: one row per model with its verdict and the reason that decides it.
        if !report.models.isEmpty {
            out += "\n| Model | Licence | Openness | Verdict | Decisive reason | Duties |\n| --- | --- | --- | --- | --- | --- |\n"
            for m in report.models {
                // Each licence with the version or date it states; terms a model inherits are named as such.
                // Documents a licence incorporates by reference are named in the model's section.
                let licence = m.licenses.filter { !$0.isIncorporatedByReference }.map { l in
                    (l.source == .inherited ? "inherits " : "") + ReportFormatting.licenseName(l)
                        + (ReportFormatting.versionAndDate(l).map { ", \($0)" } ?? "")
                }.joined(separator: "; ")
                var reason = "—"
                if let d = m.decisive {
                    let clause = d.clauseKind.map { " (\($0.rawValue))" } ?? ""
                    // The message's first clause; the rest is in the model's section.
                    let head = d.message.split(separator: "; ", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? d.message
                    reason = "\(code(d.ruleID))\(inline(clause)): \(inline(head))"
                }
                out += "| \(cell(inline(m.name))) | \(cell(inline(licence.isEmpty ? "none found" : licence))) | \(m.openness.level?.rawValue ?? "undetermined") | "
                    + "**\(m.verdict.title)** | \(cell(reason)) | \(m.dutyCount) |\n"
            }
        }

        out += actions(report, rules: rules)

        if !report.generalFindings.isEmpty {
            out += "\n## General findings\n\n"
            let entries = report.generalFindings.sorted(by: Report.order).map { ReportFormatting.Entry(finding: $0, modelPath: nil) }
            for e in entries { out += item(e, report: report) }
        }

        if report.models.isEmpty { out += "\nNo models were checked.\n" }
        for m in report.models { out += Links.$modelPath.withValue(m.path) { model(m, report: report) } }

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
        var named = Set<String>()
        // A fact to supply is said once, with every rule it decides.
        var decides: [String: [String]] = [:]
        func add(_ bucket: Int, _ text: String, _ model: String) {
            if models[bucket][text] == nil { lines[bucket].append(text) }
            if named.insert("\(bucket)\u{0}\(text)\u{0}\(model)").inserted { models[bucket][text, default: []].append(model) }
        }
        var heldBack = false
        for m in report.models {
            for f in m.findings.sorted(by: Report.order) where f.suppressedBy == nil && f.category != .information {
                let d = byID[f.ruleID]
                if f.category == .duty {
                    // A blocked model's duties wait for its conflicts to be resolved (listed in the appendix).
                    if m.verdict == .blocked { heldBack = true; continue }
                    // What to do and where; the act that triggers it is said in each model's section.
                    let what = f.action
                    add(2, inline(what) + (d.map { "; who: \(inline($0.bound))" } ?? ""), m.name)
                } else if f.severity == .error {
                    // What resolves this conflict for this licence and plan; else the rule's generic fix.
                    // (A remedy may end in a name's full stop, "Inc."; only the rule's sentence loses its own.)
                    let fix = f.remedy ?? trimmed(d?.fix ?? "resolve the conflict")
                    add(0, "\(code(f.ruleID)): \(inline(fix))" + (d.map { "; who: \(inline($0.bound))" } ?? ""), m.name)
                } else if f.severity == .warning {
                    // A "cannot decide" names what decides it; else the rule's remedy.
                    // The fact itself first when the finding names one ("whether …: state it in the profile …").
                    let step = f.toSupply ?? trimmed(d?.fix ?? "state the missing fact")
                    let need = inline(f.onlyIf.map { "\($0): \(step)" } ?? step)
                    add(1, need, m.name)
                    if !(decides[need]?.contains(f.ruleID) ?? false) { decides[need, default: []].append(f.ruleID) }
                }
            }
        }
        guard lines.contains(where: { !$0.isEmpty }) || heldBack else { return "" }
        let titles = ["**To unblock** (conflicts with the licence):", "**To decide** (facts to supply):", "**To discharge** (duties the plan triggers):"]
        var out = "\n## Actions\n"
        for b in 0..<3 where !lines[b].isEmpty {
            out += "\n\(titles[b])\n\n"
            for text in lines[b] {
                let ruled = b == 1 ? " (decides " + (decides[text] ?? []).map(code).joined(separator: ", ") + ")" : ""
                out += "- **\((models[b][text] ?? []).map(inline).joined(separator: ", "))** — \(text)\(ruled)\n"
            }
        }
        if heldBack { out += "\nThe duties of blocked models are owed once their conflicts are resolved; they are listed in the appendix.\n" }
        return out
    }

    static func trimmed(_ s: String) -> String { s.hasSuffix(".") ? String(s.dropLast()) : s }

    /// The clause tables per model (folded), the report's metadata and the note that it is not legal advice.
    static func appendix(_ report: Report) -> String {
        var out = "\n## Appendix\n"
        let blocked = report.models.filter { m in m.verdict == .blocked && m.findings.contains { $0.category == .duty && $0.suppressedBy == nil } }
        if !blocked.isEmpty {
            out += "\n<details><summary>Duties of blocked models, owed once their conflicts are resolved</summary>\n"
            for m in blocked {
                let duties = m.findings.sorted(by: Report.order).filter { $0.category == .duty && $0.suppressedBy == nil }
                out += "\n**\(inline(m.name))**\n" + Links.$modelPath.withValue(m.path) { dutyList(duties, report: report) }
            }
            out += "\n</details>\n"
        }
        let informed = report.models.filter { $0.findings.contains { $0.category == .information && $0.suppressedBy == nil } }
        if !informed.isEmpty {
            out += "\n<details><summary>For information: conduct rules for every user, and notes</summary>\n\n"
            for m in informed {
                out += "**\(inline(m.name))**\n\n"
                for f in m.findings.sorted(by: Report.order) where f.category == .information && f.suppressedBy == nil {
                    var line = "- \(code(f.ruleID)): \(inline(f.message))"
                    if let loc = f.location {
                        if let id = loc.catalogueEntry { line += " (catalogue entry \(code(id)))" }
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
            guard !withClauses.isEmpty || !m.openness.reasons.isEmpty || m.licenses.contains(where: { !($0.identification?.newerVersion?.changes.isEmpty ?? true) }) else { continue }
            out += "\n<details><summary>Clauses read for \(html(m.name)), and its openness</summary>\n\n"
            if !m.openness.reasons.isEmpty {
                out += "**Openness:** \(m.openness.level?.rawValue ?? "undetermined")\n\n"
                for r in m.openness.reasons { out += "- \(inline(r))\n" }
                out += "\n"
            }
            for l in m.licenses {
                guard let n = l.identification?.newerVersion, !n.changes.isEmpty else { continue }
                out += "**Newer version of \(inline(ReportFormatting.licenseName(l))):** \(inline(n.title))\n\n"
                for c in n.changes { out += "- \(inline(c))\n" }
                out += "\n"
            }
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
        if !report.profileSummary.isEmpty {
            out += "\n**Profile settings** (\(code(report.profilePath))):\n\n| Setting | Value |\n| --- | --- |\n"
            for (label, value) in report.profileSummary { out += "| \(cell(inline(label))) | \(cell(inline(value))) |\n" }
        }
        out += "\n**Report:** licenselint \(inline(report.toolVersion))"
        if let d = report.date { out += ", checked on \(d)" }
        out += "; profile \(code(report.profilePath))"
        if let h = report.profileSHA256 { out += " (SHA-256 \(code(h)))" }
        out += ".\n\nThis report reads licence texts and compares them with the plan the profile states; it is not legal advice. Counsel decides.\n"
        return out
    }

    /// Text for an HTML element (a <summary>): no markup.
    static func html(_ s: String) -> String { MarkdownHTML.escape(s) }

    private static func model(_ m: ModelReport, report: Report) -> String {
        var out = "\n## \(inline(m.name))\n\n"
        out += "**Verdict: \(m.verdict.title)**" + (m.decisive.map { ", decided by \(code($0.ruleID))." } ?? ".") + "\n\n"
        // Where the model is, what was read there and how much: one line.
        var read = "Folder \(code(shown(m.path)))"
        if !m.filesRead.isEmpty { read += "; read " + m.filesRead.map { code(ReportFormatting.within(m.path, $0)) }.joined(separator: ", ") }
        // The openness level is in the summary table; why, with the clauses, in the appendix.
        let clauseCount = m.licenses.reduce(0) { $0 + $1.clauses.count }
        read += clauseCount == 0 ? "; no clauses found.\n" : "; \(clauseCount) clauses (appendix).\n"
        out += read

        // Each block below opens with its blank line.
        if m.licenses.isEmpty { out += "\n**Licence:** none found.\n" }
        for l in m.licenses {
            let source: String
            if l.source == .text, let file = l.file, l.via == nil { source = "read from \(code(ReportFormatting.within(m.path, file)))" }
            else if l.isIncorporatedByReference { source = "incorporated by reference, from the catalogue (not in the folder)" }
            else { source = inline(ReportFormatting.licenseSource(l)) }
            // The licence's name links to its canonical URL (the catalogue's), so the line stays short.
            out += "\n**Licence:** \(linked(inline(ReportFormatting.licenseName(l)), url: l.identification?.url)), \(source)"
            // How close the text is to its catalogue entry, unless it is the entry's text (similarity 1.00).
            if let id = l.identification, l.source == .text, ReportFormatting.similarity(id.similarity) != "1.00" {
                out += " (similarity \(ReportFormatting.similarity(id.similarity)))"
            }
            let identity = ReportFormatting.licenseIdentity(l, withURL: false)
            if !identity.isEmpty { out += "; \(inline(identity))" }
            out += "\n"
            let diffs = l.identification?.differences ?? []
            if !diffs.isEmpty {
                out += "\n"
                for d in diffs { out += "- modified: \(inline(d))\n" }
            }
            if let n = l.identification?.newerVersion {
                out += "\nNewer in the catalogue: \(inline(n.title))" + (n.changes.isEmpty ? "" : " (changes in the appendix)") + ".\n"
            }
        }
        if !m.references.isEmpty {
            out += "\n**Referenced at:**\n\n"
            for r in m.references { out += "- \(inline(r))\n" }
        }
        if !m.lineage.isEmpty {
            out += "\n**Lineage:**\n\n"
            for l in m.lineage { out += "- \(inline(l))\n" }
        }

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
        if !duties.isEmpty && m.verdict == .blocked {
            // A blocked plan cannot go ahead as described: its duties are owed only once the conflicts are
            // resolved, and are listed in the appendix so that the conflicts lead.
            out += "\n**Duties once unblocked:** \(duties.count), listed in the appendix.\n"
        } else if !duties.isEmpty {
            out += "\n### Duties\n" + dutyList(duties.map(\.finding), report: report)
        }

        // Conduct rules that bind everyone, and notes, are listed in the appendix (the summary counts them).
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

    /// Duties grouped by the act that triggers them ("Because you publish a derivative …:"), one checklist
    /// line each with its rule and licence line.
    static func dutyList(_ duties: [Finding], report: Report) -> String {
        var groups: [(trigger: String, items: [String])] = []
        for f in duties {
            let why = f.trigger ?? ""
            var line = "- [ ] \(inline(f.action)) (\(code(f.ruleID))"
            if let loc = f.location {
                if let id = loc.catalogueEntry { line += ", catalogue entry \(entry(id))" }
                else { line += ", \(at(loc.path, loc.line))" }
            }
            // The licence's words are in the appendix's clause table; the action names what to do and where.
            line += ")\n"
            // A duty owed only if a fact the profile does not state is true has no act of its own to name.
            let group = why.isEmpty && f.onlyIf != nil ? "\u{0}" : why
            if let i = groups.firstIndex(where: { $0.trigger == group }) { groups[i].items.append(line) }
            else { groups.append((group, [line])) }
        }
        return groups.map { g in
            let head = g.trigger == "\u{0}" ? "Depending on a fact the profile does not state:\n\n"
                : (g.trigger.isEmpty ? "" : "Because \(inline(g.trigger)):\n\n")
            return "\n" + head + g.items.joined()
        }.joined()
    }

    /// A finding's details as a model's section shows them: where the terms came from is said once in the
    /// section (its licences and lineage), not under each finding.
    static func shownDetails(_ f: Finding, inModel: Bool) -> [String] {
        f.details.filter { d in !(inModel && d.hasPrefix(Finding.viaMark)) }
    }

    /// A list item for a conflict, an undecided point or a general finding.
    private static func item(_ e: ReportFormatting.Entry, report: Report) -> String {
        let f = e.finding
        // The section says the severity of conflicts and open questions; general findings say it here.
        let severity = e.modelPath == nil || f.category == .input ? "**\(f.severity.rawValue)** " : ""
        // The same conflict of the same licence words with the same plan, already set out for another
        // model (a fine-tune that keeps its base's licence): one line that says so.
        if let m = e.modelPath, f.category == .conflict || f.category == .undecided,
           let earlier = Links.quoted.shownBefore(f, model: m) {
            let cited = f.location.map { loc in
                loc.catalogueEntry.map { "catalogue entry \(entry($0))" }
                    ?? at(loc.path, loc.line)
            }
            let name = report.models.first { $0.path == earlier }?.name ?? earlier
            return "- \(code(f.ruleID)): the same \(f.category == .conflict ? "conflict" : "open question") as for \(inline(name))"
                + (cited.map { ", from the same licence words (\($0))" } ?? "") + (f.profileLocation == nil ? "" : " and the same profile line") + "\n"
        }
        var out = "- \(severity)\(code(f.ruleID)): \(inline(f.message))"
        if let p = f.profileLocation { out += " (profile \(at(p.path, p.line))" + (p.excerpt.map { ": \(code($0))" } ?? "") + ")" }
        out += "\n"
        if let loc = f.location, let id = loc.catalogueEntry {
            // A clause known from the catalogue: cite the entry; the folder only declares the id.
            out += "  - Licence: catalogue entry \(entry(id)), not in the folder; declared at \(at(loc.path, loc.line))\n"
        } else if let loc = f.location {
            let quote = loc.excerpt.map { Links.quoted.first(loc.path, loc.line, words: $0) ? ": “\(inline($0))”" : ", quoted above" } ?? ""
            out += "  - Licence \(at(loc.path, loc.line))" + quote + "\n"
        } else if e.modelPath == nil, f.profileLocation == nil {
            out += "  - \(code(ReportFormatting.primary(e, report: report).path))\n"
        }
        // Where the terms came from is said once in the model's section (its licences and lineage).
        for d in shownDetails(f, inModel: e.modelPath != nil) { out += "  - \(inline(d))\n" }
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
