import Testing
import Foundation
@testable import LicenseLint

private func profile(_ name: String) throws -> Profile {
    guard case .success(let p) = ProfileLoader.load(path: fixture("Fixtures/profiles/\(name).yaml")) else { throw BaselineSBOMError.profile }
    return p
}

private func profile(yaml: String) throws -> Profile {
    guard case .success(let p) = ProfileLoader.parse(bytes: Array(yaml.utf8), path: "p.yaml") else { throw BaselineSBOMError.profile }
    return p
}

private enum BaselineSBOMError: Error { case profile, bom(InputError) }

private func finding(_ rule: String, _ model: String, line: Int, kind: ClauseKind? = nil, license: String? = nil,
                     severity: Severity = .error, message: String = "m") -> Finding {
    Finding(ruleID: rule, severity: severity, category: .conflict, message: message, model: model,
            location: FileLocation(path: "/r/\(model)/LICENSE", line: line), clauseKind: kind, licenseID: license)
}

private func report(_ findings: [Finding]) -> Report {
    let byModel = Dictionary(grouping: findings, by: \.model)
    let models = byModel.keys.sorted().map { m in
        ModelReport(name: m, path: "/r/\(m)", licenses: [], openness: Openness(level: nil, reasons: []), lineage: [],
                    findings: (byModel[m] ?? []).sorted(by: Report.order))
    }
    return Report(profilePath: "p.yaml", profileSummary: [], models: models, exceptions: [], generalFindings: [], failOn: .error, toolVersion: "t")
}

private func bom(_ components: String, spec: String = "1.6") -> [UInt8] {
    Array("""
    {"bomFormat": "CycloneDX", "specVersion": "\(spec)", "version": 1,
     "components": [\(components)]}
    """.utf8)
}

private func parseBOM(_ bytes: [UInt8]) throws -> SBOMDocument {
    switch SBOM.parse(bytes: bytes, path: "bom.json") {
    case .success(let d): return d
    case .failure(let e): throw BaselineSBOMError.bom(e)
    }
}

private func bomError(_ bytes: [UInt8]) -> InputError? {
    if case .failure(let e) = SBOM.parse(bytes: bytes, path: "bom.json") { return e }
    return nil
}

@Suite struct BaselineTests {
    @Test func writesSortedEntriesWithCountsAndReadsThemBack() throws {
        let r = report([
            finding("user-cap-exceeded", "b", line: 31, kind: .userCap, license: "llama3.1"),
            finding("attribution-duty", "a", line: 9, kind: .attribution),
            finding("attribution-duty", "a", line: 20, kind: .attribution, message: "another"),
            finding("non-commercial-use", "a", line: 3, kind: .nonCommercial, severity: .warning),
        ])
        let b = Baseline(report: r)
        #expect(b.entries.map(\.key.ruleID) == ["attribution-duty", "non-commercial-use", "user-cap-exceeded"])
        #expect(b.entries.first?.count == 2)
        #expect(b.findingCount == 4)
        let text = b.render()
        #expect(!text.contains("\"line\""))
        guard case .success(let back) = Baseline.parse(bytes: Array(text.utf8), path: "b.json") else {
            Issue.record("the written baseline does not read back"); return
        }
        #expect(back == b)
        #expect(back.render() == text)
    }

    @Test func matchesByKeyNotLineAndCountsDuplicates() {
        let before = report([
            finding("attribution-duty", "a", line: 9, kind: .attribution),
            finding("user-cap-exceeded", "a", line: 31, kind: .userCap),
        ])
        let baseline = Baseline(report: before)
        // The same findings on other lines (the licence was re-wrapped), plus a second attribution finding.
        let after = report([
            finding("attribution-duty", "a", line: 12, kind: .attribution),
            finding("attribution-duty", "a", line: 40, kind: .attribution),
            finding("user-cap-exceeded", "a", line: 44, kind: .userCap),
        ])
        let applied = baseline.apply(to: after)
        #expect(applied.matched == 2)
        #expect(applied.report.allFindings.count == 1)
        #expect(applied.report.allFindings.first?.ruleID == "attribution-duty")
        #expect(applied.gone == 0)
        // A finding fixed since: counted as gone.
        let fixed = baseline.apply(to: report([finding("user-cap-exceeded", "a", line: 44, kind: .userCap)]))
        #expect(fixed.gone == 1)
        #expect(fixed.report.allFindings.isEmpty)
    }

    @Test func aFindingThatGotWorseIsNew() {
        let baseline = Baseline(report: report([finding("user-cap-exceeded", "a", line: 31, kind: .userCap, severity: .warning)]))
        let applied = baseline.apply(to: report([finding("user-cap-exceeded", "a", line: 31, kind: .userCap, severity: .error)]))
        #expect(applied.matched == 0)
        #expect(applied.report.failing.count == 1)
    }

    @Test func otherModelOrLicenceIsNew() {
        let baseline = Baseline(report: report([finding("user-cap-exceeded", "a", line: 31, kind: .userCap, license: "llama3.1")]))
        let applied = baseline.apply(to: report([
            finding("user-cap-exceeded", "b", line: 31, kind: .userCap, license: "llama3.1"),
            finding("user-cap-exceeded", "a", line: 31, kind: .userCap, license: "llama3.3"),
        ]))
        #expect(applied.matched == 0)
        #expect(applied.report.allFindings.count == 2)
    }

    @Test func malformedBaselinesAreErrors() {
        let cases: [(String, String)] = [
            ("not json", "not valid JSON"),
            ("[]", "JSON object"),
            ("{\"findings\": []}", "licenselintBaseline"),
            ("{\"licenselintBaseline\": 2, \"findings\": []}", "not supported"),
            ("{\"licenselintBaseline\": true, \"findings\": []}", "licenselintBaseline"),
            ("{\"licenselintBaseline\": 1}", "\"findings\" must be a list"),
            ("{\"licenselintBaseline\": 1, \"findings\": [{\"model\": \"a\"}]}", "ruleId"),
            ("{\"licenselintBaseline\": 1, \"findings\": [{\"ruleId\": \"x\", \"model\": \"a\", \"count\": 0}]}", "count"),
            ("{\"licenselintBaseline\": 1, \"findings\": [{\"ruleId\": \"x\", \"model\": \"a\", \"clauseKind\": \"nope\"}]}", "clause kind"),
            ("{\"licenselintBaseline\": 1, \"findings\": [{\"ruleId\": \"x\", \"model\": \"a\", \"severity\": \"fatal\"}]}", "severity"),
        ]
        for (text, expected) in cases {
            guard case .failure(let e) = Baseline.parse(bytes: Array(text.utf8), path: "b.json") else {
                Issue.record("accepted: \(text)"); continue
            }
            #expect(e.code == "baseline.invalid")
            #expect(e.message.contains(expected), "\(text): \(e.message)")
        }
        guard case .failure(let missing) = Baseline.load(path: "/nonexistent/baseline.json") else { Issue.record("missing file accepted"); return }
        #expect(missing.code == "baseline.not-found")
    }
}

@Suite struct GitLabReporterTests {
    @Test func emptyAndSuppressedReportsHaveNoIssues() {
        #expect(GitLabReporter.render(report([]), rules: [], options: ReportOptions()) == "[]\n")
        var f = finding("user-cap-exceeded", "a", line: 3, kind: .userCap)
        f.suppressedBy = AppliedException(rule: "user-cap-exceeded", license: nil, model: "a", reason: "r", expires: nil, location: nil, uses: 1)
        #expect(GitLabReporter.render(report([f]), rules: [], options: ReportOptions()) == "[]\n")
        #expect(Reporters.reporter(for: "gitlab")?.format == "gitlab")
    }

    @Test func repeatsGetDistinctFingerprintsThatIgnoreLines() {
        let a = GitLabReporter.document(report([finding("attribution-duty", "a", line: 3, kind: .attribution),
                                                finding("attribution-duty", "a", line: 9, kind: .attribution)]), options: ReportOptions())
        let b = GitLabReporter.document(report([finding("attribution-duty", "a", line: 30, kind: .attribution),
                                                finding("attribution-duty", "a", line: 90, kind: .attribution)]), options: ReportOptions())
        guard case .array(let x) = a, case .array(let y) = b, x.count == 2 else { Issue.record("not an array of two issues"); return }
        #expect(x.map { $0["fingerprint"] } == y.map { $0["fingerprint"] })
        #expect(x[0]["fingerprint"] != x[1]["fingerprint"])
        #expect(x[0]["location"]?["lines"]?["begin"] == .int(3))
    }
}

@Suite struct SBOMTests {
    @Test func readsTheFixtureComponents() throws {
        let doc = try parseBOM(Array(try Data(contentsOf: URL(fileURLWithPath: fixture("Fixtures/sbom/three-models.cdx.json")))))
        #expect(doc.components.map(\.modelName) == ["tiny-classifier@1.0.0", "llama-chat@3.1-8b", "mystery-model@0.3"])
        #expect(doc.components.first?.datasets == ["support-tickets-2025"])
        #expect(doc.components.allSatisfy { $0.line > 1 })
    }

    @Test func fixtureOutcomes() throws {
        let bomPath = fixture("Fixtures/sbom/three-models.cdx.json")
        let startup = Checker(profile: try profile("startup"), catalogue: sharedCatalogue, today: "2026-11-23").check(paths: [], sboms: [bomPath])
        #expect(startup.inputErrors.isEmpty)
        let models = startup.report.models
        #expect(models.count == 3)
        #expect(models.allSatisfy { $0.path == bomPath })
        let tiny = try #require(models.first { $0.name == "tiny-classifier@1.0.0" })
        #expect(tiny.findings.allSatisfy { $0.category == .duty }, "\(tiny.findings.map(\.ruleID))")
        #expect(tiny.licenses.first?.identification?.id == "apache-2.0")
        let llama = try #require(models.first { $0.name == "llama-chat@3.1-8b" })
        #expect(llama.licenses.contains { $0.identification?.id == "llama3.1" })
        #expect(llama.licenses.flatMap(\.clauses).contains { $0.kind == .userCap })
        let mystery = try #require(models.first { $0.name == "mystery-model@0.3" })
        #expect(mystery.findings.contains { $0.ruleID == "license-unknown" && $0.severity == .error })

        let enterprise = Checker(profile: try profile("enterprise"), catalogue: sharedCatalogue, today: "2026-11-23").check(paths: [], sboms: [bomPath])
        let cap = enterprise.report.models.first { $0.name == "llama-chat@3.1-8b" }?.findings.first { $0.ruleID == "user-cap-exceeded" }
        #expect(cap?.severity == .error)
        #expect(cap?.licenseID == "llama3.1")
        #expect(cap?.location?.path == bomPath)
    }

    @Test func licenceForms() throws {
        let text = "Sample Licence\n\nYou may use the model solely for non-commercial purposes.\n"
        let b64 = Data(text.utf8).base64EncodedString()
        let doc = try parseBOM(bom("""
            {"type": "machine-learning-model", "name": "by-id", "licenses": [{"license": {"id": "MIT"}}]},
            {"type": "machine-learning-model", "name": "by-expression", "licenses": [{"expression": "Unknown-1.0 OR Apache-2.0"}]},
            {"type": "machine-learning-model", "name": "and-expression", "licenses": [{"expression": "Apache-2.0 AND Unknown-1.0"}]},
            {"type": "machine-learning-model", "name": "plain-text", "licenses": [{"license": {"name": "Sample", "text": {"content": \(JSON.string(text).render())}}}]},
            {"type": "machine-learning-model", "name": "base64-text", "licenses": [{"license": {"name": "Sample", "text": {"content": "\(b64)", "encoding": "base64"}}}]},
            {"type": "machine-learning-model", "name": "bad-base64", "licenses": [{"license": {"name": "Sample", "text": {"content": "%%%", "encoding": "base64"}}}]},
            {"type": "machine-learning-model", "name": "none"},
            {"type": "library", "name": "not-a-model", "licenses": [{"license": {"id": "MIT"}}]}
            """))
        #expect(doc.components.count == 7)
        let checker = Checker(profile: try profile("enterprise"), catalogue: sharedCatalogue, today: "2026-11-23")
        func judged(_ name: String) throws -> ModelReport {
            let c = try #require(doc.components.first { $0.name == name })
            return checker.evaluate(component: c, bomPath: "bom.json")
        }
        #expect(try judged("by-id").licenses.first?.identification?.id == "mit")
        let choice = try judged("by-expression")
        #expect(choice.licenses.map { $0.identification?.id } == ["apache-2.0"])
        #expect(!choice.findings.contains { $0.ruleID == "license-unknown" })
        let both = try judged("and-expression")
        #expect(both.findings.contains { $0.ruleID == "license-unknown" })
        for name in ["plain-text", "base64-text"] {
            let m = try judged(name)
            #expect(m.licenses.first?.source == .text, "\(name)")
            #expect(m.findings.contains { $0.ruleID == "non-commercial-use" && $0.severity == .error }, "\(name): \(m.findings.map(\.ruleID))")
        }
        #expect(try judged("bad-base64").findings.contains { $0.ruleID == "license-unreadable" })
        let none = try judged("none")
        #expect(none.findings.map(\.ruleID) == ["no-license-found"])
    }

    @Test func badBOMsAreInputErrors() {
        #expect(bomError(Array("<bom/>".utf8))?.code == "sbom.invalid-json")
        #expect(bomError(Array("{\"bomFormat\": \"SPDX\"}".utf8))?.code == "sbom.not-cyclonedx")
        #expect(bomError(bom("", spec: "1.4"))?.code == "sbom.unsupported-version")
        #expect(bomError(bom("{\"type\": \"library\", \"name\": \"x\"}"))?.code == "sbom.no-models")
        #expect(bomError(bom("{\"type\": \"machine-learning-model\", \"name\": \"x\", \"licenses\": {}}"))?.code == "sbom.invalid")
        #expect(bomError(bom("{\"type\": \"machine-learning-model\", \"name\": \"x\", \"licenses\": [{\"license\": {}}]}"))?.code == "sbom.invalid")
        guard case .failure(let e) = SBOM.load(path: "/nonexistent/bom.json") else { Issue.record("missing BOM accepted"); return }
        #expect(e.code == "input.not-found")
    }

    @Test func exceptionsApplyToBOMComponentsAndFolders() throws {
        let p = try profile(yaml: """
            organisation:
              monthly_active_users: 900M
            policy:
              exceptions:
                - rule: user-cap-exceeded
                  license: llama3.1
                  reason: signed separately
            """)
        let r = Checker(profile: p, catalogue: sharedCatalogue, today: "2026-11-23")
            .check(paths: [fixture("Fixtures/models/open-source-olmo-like")], sboms: [fixture("Fixtures/sbom/three-models.cdx.json")])
        #expect(r.report.models.count == 4)
        let cap = r.report.models.first { $0.name == "llama-chat@3.1-8b" }?.findings.first { $0.ruleID == "user-cap-exceeded" }
        #expect(cap?.suppressedBy?.uses == 1)
        #expect(r.report.exceptions.first?.uses == 1)
        #expect(!r.report.generalFindings.contains { $0.ruleID == "exception-unused" })
    }

    @Test func unreadableBOMIsAnInputError() throws {
        let r = Checker(profile: try profile("startup"), catalogue: sharedCatalogue).check(paths: [], sboms: ["/nonexistent/bom.json"])
        #expect(r.inputErrors.map(\.code) == ["input.not-found"])
    }
}
