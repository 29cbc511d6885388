import Testing
import Foundation
@testable import LicenseLint

@Suite struct CheckTests {
    func run(_ profile: String, _ paths: [String], today: String = "2026-11-23") throws -> Checker.Result {
        guard case .success(let p) = ProfileLoader.load(path: fixture("Fixtures/profiles/\(profile).yaml")) else {
            throw CheckTestError.profile
        }
        return Checker(profile: p, catalogue: sharedCatalogue, today: today).check(paths: paths.map(fixture))
    }
    enum CheckTestError: Error { case profile }

    func model(_ r: Checker.Result, _ name: String) -> ModelReport? { r.report.models.first { $0.name == name } }

    @Test func todayIsWorkedOutWithoutICU() {
        #expect(Checker.isoDate(daysSince1970: 0) == "1970-01-01")
        #expect(Checker.isoDate(daysSince1970: 10_956) == "1999-12-31")
        #expect(Checker.isoDate(daysSince1970: 11_016) == "2000-02-29")
        #expect(Checker.isoDate(daysSince1970: 20_780) == "2026-11-23")
        #expect(Checker.isoDate(daysSince1970: 47_541) == "2100-03-01")
        // Against Foundation's formatter, every 13th day for three centuries.
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd"
        for day in stride(from: -25_000, to: 85_000, by: 13) {
            let expected = f.string(from: Date(timeIntervalSince1970: Double(day) * 86_400 + 43_200))
            #expect(Checker.isoDate(daysSince1970: day) == expected, "day \(day)")
        }
        #expect(Checker.todayUTC().count == 10)
    }

    @Test func enterpriseProfileConflictsWithTheCommunityAndResearchModels() throws {
        let r = try run("enterprise", ["Fixtures/models"])
        let aurora = try #require(model(r, "aurora-community-chat"))
        let cap = try #require(aurora.findings.first { $0.ruleID == "user-cap-exceeded" })
        #expect(cap.severity == .error)
        #expect(cap.location?.line == 31)
        #expect(cap.profileLocation?.line == 6)
        // The message states both figures; the details say how the cap counts.
        #expect(cap.message.hasPrefix("900,000,000 monthly active users exceed the cap of 700,000,000"))
        #expect(cap.details == ["counted over the products and services of the licensee and its affiliates"])
        #expect(aurora.findings.contains { $0.ruleID == "competing-model-training" })
        #expect(aurora.findings.contains { $0.ruleID == "naming-requirement" })
        let research = try #require(model(r, "noncommercial-research-vision"))
        #expect(research.findings.contains { $0.ruleID == "non-commercial-use" })
        #expect(!r.report.failing.isEmpty)
    }

    @Test func startupProfileDiffers() throws {
        let r = try run("startup", ["Fixtures/models"])
        let aurora = try #require(model(r, "aurora-community-chat"))
        #expect(!aurora.findings.contains { $0.ruleID == "user-cap-exceeded" })
        #expect(!aurora.findings.contains { $0.ruleID == "competing-model-training" })
        let cascade = try #require(model(r, "community-revenue-cap"))
        #expect(cascade.findings.contains { $0.ruleID == "hosting-restricted" })
        #expect(!cascade.findings.contains { $0.ruleID == "revenue-cap-exceeded" })
    }

    @Test func opennessLevels() throws {
        let r = try run("public-sector", ["Fixtures/models"])
        #expect(model(r, "open-source-olmo-like")?.openness.level == .openSource)
        #expect(model(r, "open-source-pythia-like")?.openness.level == .openSource)
        #expect(model(r, "aurora-community-chat")?.openness.level == .openWeightsRestricted)
        #expect(model(r, "api-only-closed")?.openness.level == .closed)
        #expect(model(r, "aurora-community-chat")?.findings.contains { $0.ruleID == "openness-below-required" } == true)
        #expect(model(r, "open-source-olmo-like")?.findings.contains { $0.ruleID == "openness-below-required" } == false)
    }

    @Test func aModelWithoutALicenceIsAFinding() throws {
        let r = try run("startup", ["Fixtures/models/no-license-found"])
        #expect(r.report.failing.contains { $0.ruleID == "no-license-found" })
    }

    @Test func missingPathIsAnInputError() throws {
        let r = try run("startup", ["Fixtures/models/does-not-exist"])
        #expect(r.inputErrors.first?.code == "input.not-found")
    }

    @Test func exceptionsSilenceAndExpire() throws {
        let dir = NSTemporaryDirectory() + "licenselint-exc-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let profile = """
        organisation:
          monthly_active_users: 900M
        policy:
          exceptions:
            - rule: user-cap-exceeded
              model: aurora-community-chat
              reason: Separate licence signed, ref 42
              expires: 2027-01-31
            - rule: non-commercial-use
              model: aurora-community-chat
              reason: stale entry
              expires: 2025-01-01
        """
        guard case .success(let p) = ProfileLoader.parse(bytes: Array(profile.utf8), path: "p.yaml") else { Issue.record("profile"); return }
        let r = Checker(profile: p, catalogue: sharedCatalogue, today: "2026-11-23").check(paths: [fixture("Fixtures/models/aurora-community-chat")])
        let cap = try #require(r.report.allFindings.first { $0.ruleID == "user-cap-exceeded" })
        #expect(cap.suppressedBy?.reason == "Separate licence signed, ref 42")
        #expect(!r.report.failing.contains { $0.ruleID == "user-cap-exceeded" })
        #expect(r.report.failing.contains { $0.ruleID == "exception-expired" })
        #expect(r.report.exceptions.first?.uses == 1)
    }

    @Test func outputIsIndependentOfPathOrder() throws {
        let a = try run("enterprise", ["Fixtures/models/aurora-community-chat", "Fixtures/models/rail-style-diffusion"])
        let b = try run("enterprise", ["Fixtures/models/rail-style-diffusion", "Fixtures/models/aurora-community-chat"])
        let ra = Reporters.render(format: "json", report: a.report, rules: RuleRegistry.descriptions, options: ReportOptions())
        let rb = Reporters.render(format: "json", report: b.report, rules: RuleRegistry.descriptions, options: ReportOptions())
        // The report is the same document whatever order the paths are given in (models by path).
        #expect(a.report.models.map(\.name) == ["aurora-community-chat", "rail-style-diffusion"])
        #expect(ra != nil && ra == rb)
        for format in Reporters.formats {
            let x = Reporters.render(format: format, report: a.report, rules: RuleRegistry.descriptions, options: ReportOptions())
            let y = Reporters.render(format: format, report: b.report, rules: RuleRegistry.descriptions, options: ReportOptions())
            #expect(x == y, "\(format) differs with the path order")
        }
    }

    /// Every excerpt of every fixture licence, in every format under every fixture profile: no replacement
    /// character, and clauses taken from the catalogue are cited as the catalogue entry, not quoted.
    @Test(arguments: ["enterprise", "startup", "research-lab", "public-sector"])
    func everyExcerptRendersCleanly(_ profile: String) throws {
        let r = try run(profile, ["Fixtures/models"])
        for format in Reporters.formats {
            let out = Reporters.render(format: format, report: r.report, rules: RuleRegistry.descriptions, options: ReportOptions(baseDirectory: packageRoot)) ?? ""
            #expect(!out.isEmpty && !out.contains("\u{FFFD}"), "\(format) under \(profile)")
        }
        let md = Reporters.render(format: "markdown", report: r.report, rules: RuleRegistry.descriptions, options: ReportOptions(baseDirectory: packageRoot, linkBase: packageRoot)) ?? ""
        let body = md.components(separatedBy: "\n## Appendix\n")[0]
        #expect(!body.contains(Catalogue.evidenceMarker), "a catalogue clause quoted as if it were text in the folder")
    }

    /// The verdict's decisive reason is the weightiest conflict: a cap that withholds the grant outweighs a
    /// naming condition on publishing, whatever their order in the report.
    @Test func theDecisiveReasonIsTheWeightiestConflict() throws {
        let r = try run("enterprise", ["Fixtures/models/aurora-community-chat", "Fixtures/models/api-only-closed"])
        let aurora = try #require(r.report.models.first { $0.name == "aurora-community-chat" })
        #expect(aurora.findings.contains { $0.ruleID == "naming-requirement" && $0.severity == .error })
        #expect(aurora.decisive?.ruleID == "user-cap-exceeded")
        let md = Reporters.render(format: "markdown", report: r.report, rules: RuleRegistry.descriptions, options: ReportOptions()) ?? ""
        #expect(md.contains("| aurora-community-chat | unidentified licence | open-weights-restricted | **Blocked** | `user-cap-exceeded` (user-cap): "))
        #expect(md.contains("**Verdict: Blocked**, decided by `user-cap-exceeded`."))
        // A catalogue clause cites the entry, linked to its canonical URL, and says it is not in the folder.
        let cite = try #require(md.split(separator: "\n").first { $0.contains("Licence: catalogue entry [`openai-terms-of-use`][") })
        #expect(cite.contains("], not in the folder; declared at"))
        let n = cite.split(separator: "[`openai-terms-of-use`][")[1].prefix { $0 != "]" }
        #expect(md.contains("\n[\(n)]: <https://openai.com/policies/terms-of-use/>\n"))
    }

    /// A duty carries the act that triggers it as a field of its own, not only in its sentence: reporters
    /// group duties by it without reading the message back.
    @Test func dutiesCarryTheirTrigger() throws {
        let r = try run("enterprise", ["Fixtures/models"])
        let duties = r.report.models.flatMap(\.findings).filter { $0.category == .duty }
        #expect(duties.count > 10)
        for d in duties where d.message.contains(" — because ") {
            let t = try #require(d.trigger, "\(d.ruleID): \(d.message)")
            #expect(d.action + " — because " + t == d.message)
            #expect(!d.action.contains(" — because "))
        }
    }

    /// Every rule that can block a model or leave a question has a deliberate weight for the decisive
    /// reason (the profile's own findings, such as an expired exception, are not a model's).
    @Test func everyBlockingRuleHasAWeight() {
        let general: Set<String> = ["exception-expired", "exception-unused"]
        for d in RuleRegistry.descriptions where d.severity != .note && !general.contains(d.id) {
            #expect(ModelReport.weight(ruleID: d.id) != nil, "\(d.id) has no weight in ModelReport.weight")
        }
    }

    @Test func everyFormatRendersTheFixtures() throws {
        let r = try run("enterprise", ["Fixtures/models"])
        for format in Reporters.formats {
            let out = Reporters.render(format: format, report: r.report, rules: RuleRegistry.descriptions, options: ReportOptions(baseDirectory: packageRoot))
            #expect(out?.isEmpty == false, "\(format) rendered nothing")
        }
        let md = Reporters.render(format: "markdown", report: r.report, rules: RuleRegistry.descriptions, options: ReportOptions()) ?? ""
        #expect(md.contains("- [ ]"))
        #expect(md.contains("| Clause |"))
    }
}
