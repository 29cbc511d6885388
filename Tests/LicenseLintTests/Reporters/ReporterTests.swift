import Foundation
import Testing
@testable import LicenseLint

// MARK: Fixture

/// Two models: Llama (a user-cap conflict, a duty, an undecided point, a suppressed finding) and Mistral
/// (no findings); one general finding whose rule id no RuleDescription declares.
private func sampleReport(root: String = "/work/repo/", userCapLine: Int = 31) -> Report {
    let license = root + "models/llama/LICENSE"
    let profile = root + "p.yaml"
    let applied = AppliedException(rule: "prohibited-use-case", license: "llama3.1", model: nil,
                                   reason: "reviewed by legal, ticket LEG-12", expires: "2026-06-30",
                                   location: FileLocation(path: profile, line: 30, column: 5), uses: 1)
    let unused = AppliedException(rule: "non-commercial-use", license: nil, model: "mistralai/Mistral-7B",
                                  reason: "research pilot", expires: nil,
                                  location: FileLocation(path: profile, line: 34, column: 5), uses: 0)
    let llamaFindings = [
        Finding(ruleID: "attribution-duty", severity: .note, category: .duty,
                message: "display “Built with Llama” on a related website, user interface, blogpost, about page, or product documentation",
                model: "meta-llama/Llama-3.1-8B",
                location: FileLocation(path: license, line: 40, column: 3, endLine: 41,
                                       excerpt: "you shall … prominently display “Built with Llama” — ç'est ça 🦙"),
                clauseKind: .attribution, licenseID: "llama3.1"),
        Finding(ruleID: "user-cap-exceeded", severity: .error, category: .conflict,
                message: "the plan's 1,000,000,000 monthly active users exceed the licence's 700,000,000",
                model: "meta-llama/Llama-3.1-8B",
                location: FileLocation(path: license, line: userCapLine, column: 5, endLine: userCapLine + 2,
                                       excerpt: "greater than 700 million monthly active users in the preceding calendar month"),
                profileLocation: FileLocation(path: profile, line: 12, column: 3, excerpt: "users: 1000000000"),
                clauseKind: .userCap, licenseID: "llama3.1",
                details: ["above the threshold you must request a licence from Meta", "the profile plans 1,000,000,000 users"]),
        Finding(ruleID: "hosting-restricted", severity: .warning, category: .undecided,
                message: "the profile does not say whether the model is offered as a hosted service",
                model: "meta-llama/Llama-3.1-8B", clauseKind: .hostingRestriction, licenseID: "llama3.1"),
        Finding(ruleID: "prohibited-use-case", severity: .warning, category: .conflict,
                message: "the planned use case 'surveillance' is on the acceptable use policy",
                model: "meta-llama/Llama-3.1-8B",
                location: FileLocation(path: license, line: 52, column: 1, excerpt: "comply with the Acceptable Use Policy"),
                clauseKind: .acceptableUse, licenseID: "llama3.1", suppressedBy: applied),
    ]
    let llama = ModelReport(
        name: "meta-llama/Llama-3.1-8B", path: root + "models/llama",
        licenses: [AppliedLicense(
            file: license, declaredID: "llama3.1",
            identification: Identification(id: "llama3.1", name: "Llama 3.1 Community License Agreement", similarity: 0.973,
                                           differences: ["user-cap threshold 700000000 | catalogue 700000000"]),
            source: .text,
            clauses: [
                Clause(kind: .userCap, parameters: [("threshold", .int(700_000_000)), ("metric", .string("monthly-active-users"))],
                       evidence: Evidence(line: 31, column: 5, endLine: 33, text: "greater than 700 million monthly active users | pipe")),
                Clause(kind: .attribution, parameters: [("notice", .string("Built with Llama")), ("trigger", .list([]))],
                       evidence: Evidence(line: 40, column: 3, endLine: 41, text: "prominently display “Built with Llama”\nsecond line")),
            ])],
        openness: Openness(level: .openWeightsRestricted, reasons: ["user cap", "acceptable use policy"]),
        lineage: ["meta-llama/Llama-3.1-8B (base model, licence llama3.1)"],
        findings: llamaFindings)
    let mistral = ModelReport(
        name: "mistralai/Mistral-7B", path: root + "models/mistral",
        licenses: [AppliedLicense(file: nil, declaredID: "apache-2.0", identification: nil, source: .catalogue, clauses: [])],
        openness: Openness(level: .openSource, reasons: []), lineage: [], findings: [])
    let general = Finding(ruleID: "exception-expired", severity: .warning, category: .input,
                          message: "an exception expired on 2024-12-31", model: "",
                          profileLocation: FileLocation(path: profile, line: 38, column: 5, excerpt: "expires: 2024-12-31"))
    return Report(profilePath: profile, profileSummary: [("deployment", "saas"), ("users", "1000000000"), ("fail_on", "error")],
                  models: [llama, mistral], exceptions: [applied, unused], generalFindings: [general],
                  failOn: .error, toolVersion: "0.1.0")
}

private let emptyReport = Report(profilePath: "p.yaml", profileSummary: [], models: [], exceptions: [],
                                  generalFindings: [], failOn: .error, toolVersion: "0.1.0")

private func rule(_ id: String, _ severity: Severity, _ reads: [ClauseKind]) -> RuleDescription {
    RuleDescription(id: id, name: id.capitalized, summary: "checks \(id)", severity: severity, reads: reads,
                    profileFields: ["deployment"], whatItChecks: "It checks \(id).", why: "Because.", fix: "Fix it.",
                    bound: "the licensee", act: "using it", place: "nowhere")
}

private let sampleRules = [
    rule("user-cap-exceeded", .error, [.userCap]),
    rule("attribution-duty", .note, [.attribution]),
    rule("hosting-restricted", .warning, [.hostingRestriction]),
    rule("prohibited-use-case", .warning, [.acceptableUse]),
    rule("non-commercial-use", .error, [.nonCommercial]),
]

private func parse(_ s: String) throws -> [String: Any] {
    let object = try JSONSerialization.jsonObject(with: Data(s.utf8))
    return try #require(object as? [String: Any])
}

private func stripANSI(_ s: String) -> String {
    var out = String.UnicodeScalarView()
    var inEscape = false
    for u in s.unicodeScalars {
        if inEscape { if u == "m" { inEscape = false }; continue }
        if u == "\u{1B}" { inEscape = true; continue }
        out.append(u)
    }
    return String(out)
}

private func sarifResults(_ log: [String: Any]) throws -> (rules: [[String: Any]], results: [[String: Any]]) {
    let run = try #require((log["runs"] as? [[String: Any]])?.first)
    let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
    return (try #require(driver["rules"] as? [[String: Any]]), try #require(run["results"] as? [[String: Any]]))
}

// MARK: Registry

@Test func registryKnowsEveryFormat() {
    #expect(Reporters.formats == ["text", "json", "sarif", "markdown", "html", "github", "gitlab"])
    for f in Reporters.formats { #expect(Reporters.reporter(for: f)?.format == f) }
    #expect(Reporters.render(format: "xml", report: emptyReport, rules: [], options: ReportOptions()) == nil)
}

@Test func everyFormatIsDeterministicAndHandlesEmptyReports() throws {
    let report = sampleReport()
    for f in Reporters.formats {
        for options in [ReportOptions(), ReportOptions(color: true, baseDirectory: "/work/repo")] {
            let a = try #require(Reporters.render(format: f, report: report, rules: sampleRules, options: options))
            let b = try #require(Reporters.render(format: f, report: report, rules: sampleRules, options: options))
            #expect(a == b, "format \(f) is not deterministic")
            #expect(!a.isEmpty)
        }
        let empty = try #require(Reporters.render(format: f, report: emptyReport, rules: [], options: ReportOptions()))
        #expect(!empty.isEmpty)
    }
    _ = try parse(JSONReporter.render(emptyReport, rules: [], options: ReportOptions()))
    let sarif = try parse(SARIFReporter.render(emptyReport, rules: [], options: ReportOptions()))
    #expect(try sarifResults(sarif).results.isEmpty)
    #expect(GitHubReporter.render(emptyReport, rules: [], options: ReportOptions())
        == "::notice::licenselint: 0 errors, 0 warnings, 0 duties; fail_on: error → exit 0\n")
}

// MARK: Summary

@Test func summaryCountsBySeverityAndCategory() {
    let s = ReportSummary(sampleReport())
    #expect(s.errors == 1 && s.warnings == 2 && s.notes == 0)
    #expect(s.duties == 1 && s.undecided == 1 && s.suppressed == 1 && s.failing == 1 && s.exitCode == 1)
    #expect(s.line == "1 error, 2 warnings (1 cannot decide), 1 duty, 1 suppressed; fail_on: error → exit 1")
}

// MARK: JSON

@Test func jsonHasTheDocumentedStructure() throws {
    let out = JSONReporter.render(sampleReport(), rules: sampleRules, options: ReportOptions())
    let doc = try parse(out)
    #expect(doc["schemaVersion"] as? Int == 1)
    #expect((doc["tool"] as? [String: Any])?["name"] as? String == "licenselint")
    let profile = try #require(doc["profile"] as? [String: Any])
    #expect((profile["summary"] as? [String: Any])?["deployment"] as? String == "saas")

    let models = try #require(doc["models"] as? [[String: Any]])
    #expect(models.count == 2)
    let llama = models[0]
    #expect(Set(llama.keys) == ["name", "path", "verdict", "licenses", "openness", "lineage", "references", "filesRead", "findings"])
    #expect(llama["verdict"] as? String == "blocked")
    let findings = try #require(llama["findings"] as? [[String: Any]])
    #expect(findings.count == 4)
    // Report.order: model, file (none first), line, rule id.
    #expect(findings.map { $0["ruleId"] as? String } == ["hosting-restricted", "user-cap-exceeded", "attribution-duty", "prohibited-use-case"])
    let expectedKeys: Set<String> = ["ruleId", "severity", "category", "message", "model", "location", "profileLocation",
                                     "clauseKind", "licenseId", "details", "suppressedBy"]
    for f in findings { #expect(Set(f.keys) == expectedKeys) }
    let userCap = findings[1]
    let loc = try #require(userCap["location"] as? [String: Any])
    #expect(loc["line"] as? Int == 31 && loc["endLine"] as? Int == 33)
    #expect((userCap["profileLocation"] as? [String: Any])?["excerpt"] as? String == "users: 1000000000")
    #expect(userCap["clauseKind"] as? String == "user-cap")
    #expect(findings[0]["location"] is NSNull)
    #expect(findings[1]["suppressedBy"] is NSNull)
    #expect((findings[3]["suppressedBy"] as? [String: Any])?["expires"] as? String == "2026-06-30")
    // Unicode in excerpts survives.
    #expect(((findings[2]["location"] as? [String: Any])?["excerpt"] as? String)?.contains("ç'est ça 🦙") == true)

    let license = try #require((llama["licenses"] as? [[String: Any]])?.first)
    #expect(license["source"] as? String == "text")
    #expect((license["identification"] as? [String: Any])?["similarity"] as? Double == 0.97)
    #expect((license["clauses"] as? [[String: Any]])?.count == 2)
    #expect(((models[1]["licenses"] as? [[String: Any]])?.first)?["identification"] is NSNull)
    #expect((models[1]["findings"] as? [Any])?.isEmpty == true)
    #expect((llama["openness"] as? [String: Any])?["level"] as? String == "open-weights-restricted")

    #expect((doc["findings"] as? [Any])?.count == 1)
    #expect((doc["exceptions"] as? [[String: Any]])?.map { $0["uses"] as? Int } == [1, 0])
    let summary = try #require(doc["summary"] as? [String: Any])
    #expect(summary["errors"] as? Int == 1 && summary["warnings"] as? Int == 2 && summary["duties"] as? Int == 1)
    #expect(summary["undecided"] as? Int == 1 && summary["suppressed"] as? Int == 1 && summary["notes"] as? Int == 0)
    #expect(summary["failOn"] as? String == "error" && summary["failing"] as? Int == 1)

    // Keys come out in the documented order.
    let order = ["schemaVersion", "tool", "profile", "models", "findings", "exceptions", "summary"]
        .map { out.range(of: "\n  \"\($0)\": ")?.lowerBound }
    #expect(order.allSatisfy { $0 != nil })
    #expect(zip(order, order.dropFirst()).allSatisfy { a, b in
        guard let a, let b else { return false }
        return a < b
    })
}

// MARK: SARIF

@Test func sarifIsValidAndEveryResultHasADeclaredRule() throws {
    let log = try parse(SARIFReporter.render(sampleReport(), rules: sampleRules, options: ReportOptions(baseDirectory: "/work/repo")))
    #expect(log["version"] as? String == "2.1.0")
    #expect(log["$schema"] as? String == "https://json.schemastore.org/sarif-2.1.0.json")
    let run = try #require((log["runs"] as? [[String: Any]])?.first)
    let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
    #expect(driver["name"] as? String == "licenselint")
    #expect(driver["informationUri"] as? String == "https://github.com/licenselint/licenselint")
    let (rules, results) = try sarifResults(log)

    // The five rules passed in, then one for the undeclared general finding.
    #expect(rules.map { $0["id"] as? String } == sampleRules.map(\.id) + ["exception-expired"])
    let first = rules[0]
    #expect((first["shortDescription"] as? [String: Any])?["text"] as? String == "checks user-cap-exceeded")
    #expect((first["fullDescription"] as? [String: Any])?["text"] as? String == "It checks user-cap-exceeded.")
    #expect(((first["help"] as? [String: Any])?["markdown"] as? String)?.contains("Fix it.") == true)
    #expect((first["defaultConfiguration"] as? [String: Any])?["level"] as? String == "error")
    #expect(((first["properties"] as? [String: Any])?["tags"] as? [String])?.contains("user-cap") == true)

    #expect(results.count == 5)
    for r in results {
        let id = try #require(r["ruleId"] as? String)
        let index = try #require(r["ruleIndex"] as? Int)
        #expect(rules.indices.contains(index) && rules[index]["id"] as? String == id)
        #expect(((r["message"] as? [String: Any])?["text"] as? String)?.isEmpty == false)
        #expect(["error", "warning", "note"].contains(r["level"] as? String ?? ""))
        let physical = try #require(((r["locations"] as? [[String: Any]])?.first)?["physicalLocation"] as? [String: Any])
        let artifact = try #require(physical["artifactLocation"] as? [String: Any])
        let uri = try #require(artifact["uri"] as? String)
        #expect(!uri.hasPrefix("/") && !uri.hasPrefix("./") && !uri.hasPrefix("file:") && !uri.contains("\\"))
        #expect(artifact["uriBaseId"] as? String == "%SRCROOT%")
        if let region = physical["region"] as? [String: Any] {
            let start = try #require(region["startLine"] as? Int)
            #expect(start >= 1 && (region["endLine"] as? Int ?? 0) >= start && (region["startColumn"] as? Int ?? 0) >= 1)
        }
        #expect(((r["partialFingerprints"] as? [String: Any])?["licenselint/v1"] as? String)?.isEmpty == false)
    }

    let byRule = Dictionary(results.map { ($0["ruleId"] as? String ?? "", $0) }, uniquingKeysWith: { a, _ in a })
    let userCap = try #require(byRule["user-cap-exceeded"])
    let userCapLocation = try #require(((userCap["locations"] as? [[String: Any]])?.first)?["physicalLocation"] as? [String: Any])
    #expect((userCapLocation["artifactLocation"] as? [String: Any])?["uri"] as? String == "models/llama/LICENSE")
    #expect((userCapLocation["region"] as? [String: Any])?["startLine"] as? Int == 31)
    #expect(((userCap["message"] as? [String: Any])?["text"] as? String)?.contains("request a licence from Meta") == true)
    let related = try #require((userCap["relatedLocations"] as? [[String: Any]])?.first)
    #expect(related["id"] as? Int == 1 && related["message"] is [String: Any])
    let relatedURI = ((related["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: Any])?["uri"] as? String
    #expect(relatedURI == "p.yaml")

    // No licence location: the model folder, no region.
    let hosting = try #require(byRule["hosting-restricted"])
    let hostingLocation = try #require(((hosting["locations"] as? [[String: Any]])?.first)?["physicalLocation"] as? [String: Any])
    #expect((hostingLocation["artifactLocation"] as? [String: Any])?["uri"] as? String == "models/llama")
    #expect(hostingLocation["region"] == nil)

    let suppressed = try #require(byRule["prohibited-use-case"])
    let suppression = try #require((suppressed["suppressions"] as? [[String: Any]])?.first)
    #expect(suppression["kind"] as? String == "external")
    #expect(suppression["justification"] as? String == "reviewed by legal, ticket LEG-12")
    #expect(userCap["suppressions"] == nil)
    #expect(((run["originalUriBaseIds"] as? [String: Any])?["%SRCROOT%"] as? [String: Any])?["uri"] as? String == "file:///work/repo/")
}

@Test func sarifURIsWithoutBaseDirectory() throws {
    let log = try parse(SARIFReporter.render(sampleReport(root: "./"), rules: sampleRules, options: ReportOptions()))
    let uris = try sarifResults(log).results.compactMap {
        ((($0["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: Any])?["uri"] as? String
    }
    #expect(uris.contains("models/llama/LICENSE"))
    #expect(uris.allSatisfy { !$0.hasPrefix("./") })
    #expect(ReportFormatting.relativePath("/a/b/c.txt", to: "/a/d") == "../b/c.txt")
    #expect(ReportFormatting.relativePath(".\\x\\y", to: nil) == "x/y")
    #expect(ReportFormatting.uriEncode("my dir/a:b.txt") == "my%20dir/a%3Ab.txt")
    let absolute = try parse(SARIFReporter.render(sampleReport(root: "/abs/"), rules: [], options: ReportOptions()))
    let artifact = (((try sarifResults(absolute).results.first?["locations"] as? [[String: Any]])?.first?["physicalLocation"]
        as? [String: Any])?["artifactLocation"] as? [String: Any])
    #expect((artifact?["uri"] as? String)?.hasPrefix("file:///abs/") == true)
    #expect(artifact?["uriBaseId"] == nil)
}

@Test func sarifFingerprintsIgnoreTheLineNumber() throws {
    func fingerprints(_ line: Int) throws -> [String: String] {
        let log = try parse(SARIFReporter.render(sampleReport(userCapLine: line), rules: sampleRules, options: ReportOptions()))
        var out: [String: String] = [:]
        for r in try sarifResults(log).results {
            out[r["ruleId"] as? String ?? ""] = (r["partialFingerprints"] as? [String: Any])?["licenselint/v1"] as? String
        }
        return out
    }
    let before = try fingerprints(31), after = try fingerprints(45)
    #expect(before.count == 5)
    #expect(before == after)
    #expect(Set(before.values).count == before.count)
    #expect(SARIFReporter.render(sampleReport(userCapLine: 31), rules: sampleRules, options: ReportOptions())
        != SARIFReporter.render(sampleReport(userCapLine: 45), rules: sampleRules, options: ReportOptions()))
}

// MARK: Markdown

@Test func markdownIsAReviewDocument() {
    let md = MarkdownReporter.render(sampleReport(root: ""), rules: sampleRules, options: ReportOptions())
    for heading in ["# licenselint report\n", "\n## meta-llama/Llama-3.1-8B\n", "\n## mistralai/Mistral-7B\n",
                    "\n## Appendix\n", "<details><summary>Clauses read for meta-llama/Llama-3.1-8B, and its openness</summary>", "it is not legal advice", "\n### Conflicts\n",
                    "\n**Duties once unblocked:** 1, listed in the appendix.\n",
                    "<details><summary>Duties of blocked models, owed once their conflicts are resolved</summary>", "\n### Could not decide\n",
                    "\n### Exceptions applied\n", "\n## Exceptions\n", "\n## General findings\n"] {
        #expect(md.contains(heading), "missing \(heading)")
    }
    #expect(md.contains("| Setting | Value |\n| --- | --- |\n| deployment | saas |"))
    #expect(md.contains("| Clause | Parameters | Line | Quote |\n| --- | --- | --- | --- |\n"))
    #expect(md.contains("| `user-cap` | threshold=700000000, metric=monthly-active-users | `models/llama/LICENSE:31` | greater than 700 million monthly active users \\| pipe |"))
    // A newline inside a quote does not break the table row.
    #expect(md.contains("prominently display “Built with Llama” second line |"))
    #expect(md.contains("- [ ] display “Built with Llama”"))
    // A duty of a blocked model is listed in the appendix with its licence line; the clause table quotes it.
    let appendix = md.components(separatedBy: "\n## Appendix\n")
    #expect(appendix.count == 2 && !appendix[0].contains("- [ ] display") && appendix[1].contains("(`attribution-duty`, `models/llama/LICENSE:40`)"))
    #expect(!md.contains("  > "), "duties are not quoted beside their line; the clause table quotes them")
    #expect(md.contains("- `user-cap-exceeded`: the plan's 1,000,000,000 monthly active users"))
    #expect(md.contains("(profile `p.yaml:12`: `users: 1000000000`)"))
    #expect(md.contains("**Summary:** 1 error, 2 warnings (1 cannot decide), 1 duty, 1 suppressed; fail\\_on: error → exit 1"))
    #expect(md.contains("| `non-commercial-use` | any | mistralai/Mistral-7B | research pilot | never | 0 (unused) |"))
    // Every table row has the same number of unescaped pipes as its header.
    for line in md.split(separator: "\n") where line.hasPrefix("| Clause") || line.hasPrefix("| `user-cap`") {
        let pipes = line.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count
        #expect(pipes == 5)
    }
}

// MARK: GitHub

@Test func githubCommandsAreEscaped() {
    var report = sampleReport(root: "/work/repo/")
    report.models[0].findings[1].message = "100% sure: a, b\nsecond line"
    report.models[0].findings[1].details = []
    report.models[0].findings[1].location?.path = "/work/repo/models/odd,name:x/LICENSE"
    let out = GitHubReporter.render(report, rules: sampleRules, options: ReportOptions(baseDirectory: "/work/repo"))
    let lines = out.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.last == "")
    #expect(lines.contains("::error file=models/odd%2Cname%3Ax/LICENSE,line=31,endLine=33,col=5,title=licenselint user-cap-exceeded::100%25 sure: a, b%0Asecond line"))
    #expect(lines.contains { $0.hasPrefix("::notice file=models/llama/LICENSE,line=40,endLine=41,col=3,title=licenselint attribution-duty::display") })
    #expect(lines.contains("::warning file=models/llama,title=licenselint hosting-restricted::the profile does not say whether the model is offered as a hosted service"))
    #expect(lines.contains("::warning file=p.yaml,line=38,endLine=38,col=5,title=licenselint exception-expired::an exception expired on 2024-12-31"))
    #expect(!out.contains("prohibited-use-case"))  // suppressed
    #expect(lines.dropLast().last == "::notice::licenselint: 1 error, 2 warnings (1 cannot decide), 1 duty, 1 suppressed; fail_on: error → exit 1")
    #expect(lines.count == 6)
    #expect(GitHubReporter.escapeData("a%b\r\nc") == "a%25b%0D%0Ac")
    #expect(GitHubReporter.escapeProperty("a:b,c%") == "a%3Ab%2Cc%25")
}

// MARK: Text

@Test func textIsGroupedByModel() {
    let text = TextReporter.render(sampleReport(root: ""), rules: sampleRules, options: ReportOptions())
    #expect(text.hasPrefix("licenselint 0.1.0 · profile p.yaml\n  deployment: saas\n"))
    #expect(text.contains("\nmeta-llama/Llama-3.1-8B (models/llama)\n"))
    #expect(text.contains("  licence: a modified Llama 3.1 Community License Agreement (based on llama3.1), read from models/llama/LICENSE, similarity 0.97\n    modified: user-cap threshold"))
    #expect(text.contains("  licence: apache-2.0, from the catalogue for model card id apache-2.0\n"))
    #expect(text.contains("  openness: open-weights-restricted\n    - user cap\n"))
    #expect(text.contains("  lineage: meta-llama/Llama-3.1-8B (base model, licence llama3.1)\n"))
    #expect(text.contains("  models/llama/LICENSE:31:5: error[user-cap-exceeded]: the plan's 1,000,000,000 monthly active users exceed the licence's 700,000,000\n"
        + "      above the threshold you must request a licence from Meta\n"
        + "      the profile plans 1,000,000,000 users\n"
        + "      > greater than 700 million monthly active users in the preceding calendar month\n"
        + "      profile: p.yaml:12:3: users: 1000000000\n"))
    #expect(text.contains("      suppressed by exception (reviewed by legal, ticket LEG-12, expires 2026-06-30)\n"))
    #expect(text.contains("ç'est ça 🦙"))
    #expect(text.contains("\nmistralai/Mistral-7B (models/mistral)\n"))
    #expect(text.contains("  no findings\n"))
    #expect(text.contains("  unused: non-commercial-use (model mistralai/Mistral-7B): research pilot; p.yaml:34\n"))
    #expect(text.hasSuffix("\n1 error, 2 warnings (1 cannot decide), 1 duty, 1 suppressed; fail_on: error → exit 1\n"))

    // Severity first (error, warnings, note), then line.
    let heads = text.split(separator: "\n").filter { $0.hasPrefix("  models/llama") }
    #expect(heads.map { $0.contains("error[") ? 0 : ($0.contains("warning[") ? 1 : 2) } == [0, 1, 1, 2])
}

@Test func textColourIsOnlyDecoration() {
    let report = sampleReport()
    let plain = TextReporter.render(report, rules: sampleRules, options: ReportOptions(color: false))
    let coloured = TextReporter.render(report, rules: sampleRules, options: ReportOptions(color: true))
    #expect(!plain.unicodeScalars.contains("\u{1B}"))
    #expect(coloured.unicodeScalars.contains("\u{1B}"))
    #expect(coloured.contains("\u{1B}[1;31merror\u{1B}[0m[user-cap-exceeded]"))
    #expect(coloured.contains("\u{1B}[1;33mwarning\u{1B}[0m"))
    #expect(coloured.contains("\u{1B}[1;36mnote\u{1B}[0m"))
    #expect(stripANSI(coloured) == plain)
    let empty = TextReporter.render(emptyReport, rules: [], options: ReportOptions(color: true))
    #expect(stripANSI(empty) == TextReporter.render(emptyReport, rules: [], options: ReportOptions()))
}

// MARK: Verdicts

/// One answer per model from its open findings: a conflict blocks; an open question needs input; duties
/// allow with duties; information and silenced findings never change it. The Markdown report opens with a
/// row per model, and the text report gives a verdict line per model.
@Test func verdictsFollowTheFourMeanings() {
    func f(_ sev: Severity, _ cat: FindingCategory, suppressed: Bool = false) -> Finding {
        var x = Finding(ruleID: "r", severity: sev, category: cat, message: "m", model: "x")
        if suppressed { x.suppressedBy = AppliedException(rule: "r", license: nil, model: nil, reason: "ok", expires: nil, location: nil, uses: 1) }
        return x
    }
    func v(_ fs: [Finding]) -> Verdict {
        ModelReport(name: "x", path: "x", licenses: [], openness: Openness(level: nil, reasons: []), lineage: [], findings: fs).verdict
    }
    #expect(v([f(.note, .information)]) == .clear)
    #expect(v([f(.note, .duty), f(.note, .information)]) == .allowedWithDuties)
    #expect(v([f(.warning, .undecided), f(.note, .duty)]) == .needsInput)
    #expect(v([f(.error, .conflict), f(.warning, .undecided)]) == .blocked)
    #expect(v([f(.error, .conflict, suppressed: true), f(.note, .duty)]) == .allowedWithDuties)

    let report = sampleReport(root: "/work/repo/")
    let md = MarkdownReporter.render(report, rules: sampleRules, options: ReportOptions())
    let table = md.range(of: "| Model | Licence | Openness | Verdict | Decisive reason | Duties |")
    let firstModel = md.range(of: "\n## ")
    #expect(table != nil && firstModel != nil && table!.lowerBound < firstModel!.lowerBound)
    #expect(md.contains("**Blocked**"))
    let text = TextReporter.render(report, rules: sampleRules, options: ReportOptions())
    #expect(text.contains("  verdict: Blocked — "))
}

/// The Markdown report's first screen ends with what to do: conflicts to resolve with the remedy and who is
/// bound, facts to supply, duties to discharge — before any per-model section.
@Test func markdownListsTheActionsOnTheFirstScreen() throws {
    guard case .success(let p) = ProfileLoader.load(path: fixture("Fixtures/profiles/startup.yaml")) else { Issue.record("profile"); return }
    let report = Checker(profile: p, catalogue: sharedCatalogue, today: "2026-11-23").check(paths: [fixture("Fixtures/models")]).report
    let md = MarkdownReporter.render(report, rules: RuleRegistry.descriptions, options: ReportOptions())
    let actions = try #require(md.range(of: "\n## Actions\n"))
    let firstModel = try #require(md.range(of: "\n## api-only-closed\n"))
    #expect(actions.lowerBound < firstModel.lowerBound)
    let section = String(md[actions.upperBound..<firstModel.lowerBound])
    #expect(section.contains("**To unblock** (conflicts with the licence):"))
    // The remedy is the finding's own (this licence, this plan), with who is bound.
    #expect(section.contains("- **noncommercial-research-vision** — `non-commercial-use`: obtain a commercial licence from the licensor, or use a model licensed for commercial use; who: the licensee"))
    // A fact to supply is said once, with the rules it decides.
    #expect(section.contains("- **api-only-closed** — put the governing terms (business or API terms) in the model folder and check again (decides `contract-not-applicable`)"))
    #expect(section.contains("**To discharge** (duties the plan triggers):"))
    // The same duty on several models is one line naming them all.
    let credit = section.split(separator: "\n").filter { $0.contains("show the required notice \"Made with Aurora\" on the product's website") }
    #expect(credit.count == 1 && credit.first?.hasPrefix("- **aurora-community-chat, aurora-finetune-compliant, aurora-finetune-relabelled** — ") == true, "\(credit)")
    // A model that is clear has no action.
    #expect(!section.contains("open-source-olmo-like"))
}

/// Cited lines link to the file and line (`#L31`), relative to the report's folder; printed without a
/// folder to link from, they stay plain.
@Test func markdownLinksCitedLinesRelativeToTheReport() {
    let report = sampleReport(root: "")
    // A reference link: `[label][n]` in the text, `[n]: <target>` once at the end of the document; in a
    // model's section a file of its folder is labelled by its path in it.
    func linked(_ md: String, label: String, to target: String) -> Bool {
        guard let def = md.split(separator: "\n").first(where: { $0.hasSuffix("]: <\(target)>") && $0.hasPrefix("[") }) else { return false }
        let n = def.dropFirst().prefix { $0 != "]" }
        return md.contains("[\(label)][\(n)]")
    }
    let here = MarkdownReporter.render(report, rules: sampleRules, options: ReportOptions(baseDirectory: "/work/repo", linkBase: "/work/repo"))
    #expect(linked(here, label: "`LICENSE:31`", to: "models/llama/LICENSE#L31"), "\(here)")
    #expect(linked(here, label: "`p.yaml:12`", to: "p.yaml#L12"))
    let below = MarkdownReporter.render(report, rules: sampleRules, options: ReportOptions(baseDirectory: "/work/repo", linkBase: "/work/repo/reports/today"))
    #expect(linked(below, label: "`LICENSE:31`", to: "../../models/llama/LICENSE#L31"))
    // Folders are named relative to the report's folder when they lie inside it, else as given.
    let absolute = sampleReport(root: "/work/repo/")
    #expect(MarkdownReporter.render(absolute, rules: sampleRules, options: ReportOptions(baseDirectory: "/work/repo", linkBase: "/work/repo"))
        .contains("Folder `models/llama`;"))
    #expect(MarkdownReporter.render(absolute, rules: sampleRules, options: ReportOptions(baseDirectory: "/work/repo", linkBase: "/elsewhere"))
        .contains("Folder `/work/repo/models/llama`;"))
    // Each target is defined once.
    let defs = below.split(separator: "\n").filter { $0.hasPrefix("[") && $0.contains("]: <") }
    #expect(Set(defs.map { $0.split(separator: " ").last! }).count == defs.count)
    let plain = MarkdownReporter.render(report, rules: sampleRules, options: ReportOptions())
    #expect(!plain.contains("#L31") && plain.contains("`models/llama/LICENSE:31`"))
}

/// What a finding says to do (its remedy, or the fact to supply) comes partly from files and the profile
/// (a licence's name, a derivative's name): it is made safe to print like the message.
@Test func remediesAndFactsToSupplyAreEscaped() {
    let esc = "\u{1B}[31mred\u{1B}[0m"
    var conflict = Finding(ruleID: "naming-requirement", severity: .error, category: .conflict, message: "m", model: "x",
                           remedy: "rename '\(esc)'")
    conflict.clauseKind = .namingRequirement
    let question = Finding(ruleID: "hosting-restricted", severity: .warning, category: .undecided, message: "q", model: "x",
                           toSupply: "add \(esc) to p.yaml")
    let m = ModelReport(name: "x", path: "x", licenses: [], openness: Openness(level: nil, reasons: []), lineage: [], findings: [conflict, question])
    let report = Report(profilePath: "p.yaml", profileSummary: [], models: [m], exceptions: [], generalFindings: [], failOn: .error, toolVersion: "t")
    for format in ["markdown", "html", "text", "json"] {
        let out = Reporters.render(format: format, report: report, rules: RuleRegistry.descriptions, options: ReportOptions()) ?? ""
        #expect(!out.contains("\u{1B}"), "\(format)")
    }
    let md = MarkdownReporter.render(report, rules: RuleRegistry.descriptions, options: ReportOptions())
    #expect(md.contains("`naming-requirement`: rename '") && md.contains("(decides `hosting-restricted`)"))
}

/// Whether a cited clause came from the catalogue is a fact of its evidence, not a phrase in it: a licence
/// text that happens to contain the catalogue's wording is quoted like any other text.
@Test func catalogueProvenanceIsNotReadFromTheWords() {
    let words = "user-cap" + Catalogue.evidenceMarker + "apache-2.0' (Apache)"
    func report(_ entry: String?) -> Report {
        let f = Finding(ruleID: "user-cap-exceeded", severity: .error, category: .conflict, message: "m", model: "x",
                        location: FileLocation(path: "x/LICENSE", line: 3, excerpt: words, catalogueEntry: entry), remedy: "r")
        let m = ModelReport(name: "x", path: "x", licenses: [], openness: Openness(level: nil, reasons: []), lineage: [], findings: [f])
        return Report(profilePath: "p.yaml", profileSummary: [], models: [m], exceptions: [], generalFindings: [], failOn: .error, toolVersion: "t")
    }
    let quoted = MarkdownReporter.render(report(nil), rules: RuleRegistry.descriptions, options: ReportOptions())
    #expect(quoted.contains("  - Licence `x/LICENSE:3`: “user-cap — from the catalogue entry 'apache-2.0' (Apache)”"), "\(quoted)")
    let cited = MarkdownReporter.render(report("apache-2.0"), rules: RuleRegistry.descriptions, options: ReportOptions())
    #expect(cited.contains("  - Licence: catalogue entry `apache-2.0`, not in the folder; declared at `x/LICENSE:3`"), "\(cited)")
    #expect(TextReporter.render(report("apache-2.0"), rules: RuleRegistry.descriptions, options: ReportOptions()).contains("terms: catalogue entry apache-2.0, not in the folder"))
    #expect(!TextReporter.render(report(nil), rules: RuleRegistry.descriptions, options: ReportOptions()).contains("terms: catalogue entry"))
}
