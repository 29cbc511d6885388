import Testing
import Foundation
@testable import LicenseLint

/// The reports of the fixture models under each fixture profile, in text, Markdown and JSON, pinned byte for
/// byte in Tests/Golden/ (paths relative to the package). A change in what a report says shows up as a
/// diff of these files in review; `LICENSELINT_UPDATE_GOLDEN=1 swift test --filter Golden` rewrites them.
@Suite struct GoldenTests {
    static let formats = [("text", "txt"), ("markdown", "md"), ("json", "json")]

    @Test(arguments: ["enterprise", "startup", "research-lab", "public-sector"])
    func reportsMatchTheGoldenFiles(_ profile: String) throws {
        // Absolute paths (whatever the test's working folder), written relative to the package below.
        guard case .success(var p) = ProfileLoader.load(path: fixture("Fixtures/profiles/\(profile).yaml")) else { Issue.record("profile"); return }
        p.path = fixture("Fixtures/profiles/\(profile).yaml")
        let table = try BaseModelTable.load(catalogueDirectory: fixture("Licenses"))
        let report = Checker(profile: p, catalogue: sharedCatalogue, today: "2026-11-23", toolVersion: "golden", baseModels: table)
            .check(paths: [fixture("Fixtures/models")]).report
        let update = ProcessInfo.processInfo.environment["LICENSELINT_UPDATE_GOLDEN"] == "1"
        for (format, ext) in Self.formats {
            var out = try #require(Reporters.render(format: format, report: report, rules: RuleRegistry.descriptions, options: ReportOptions()))
            out = out.replacingOccurrences(of: packageRoot + "/", with: "")
            let path = fixture("Tests/Golden/\(profile).\(ext)")
            if update {
                try out.write(toFile: path, atomically: true, encoding: .utf8)
                continue
            }
            let golden = try String(contentsOfFile: path, encoding: .utf8)
            if out != golden {
                let a = out.split(separator: "\n", omittingEmptySubsequences: false), b = golden.split(separator: "\n", omittingEmptySubsequences: false)
                let n = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
                Issue.record("\(profile).\(ext) differs from the golden file at line \(n + 1):\n  now:    \(n < a.count ? String(a[n]) : "(end)")\n  golden: \(n < b.count ? String(b[n]) : "(end)")\nreview, then regenerate with LICENSELINT_UPDATE_GOLDEN=1")
            }
            // No replacement character and no control character but line breaks in any report.
            #expect(!out.contains("\u{FFFD}"), "\(profile).\(ext)")
        }
    }

    /// The review report reads in a few minutes: before the appendix, at most 25,000 bytes for the ten
    /// fixture models under each profile, rendered as the CLI writes it (with links); the summary table
    /// comes first, with one row and one verdict per model.
    @Test(arguments: ["enterprise", "startup", "research-lab", "public-sector"])
    func theReviewReportFitsItsBudget(_ profile: String) throws {
        guard case .success(let p) = ProfileLoader.load(path: fixture("Fixtures/profiles/\(profile).yaml")) else { Issue.record("profile"); return }
        let report = Checker(profile: p, catalogue: sharedCatalogue, today: "2026-11-23").check(paths: [fixture("Fixtures/models")]).report
        let md = MarkdownReporter.render(report, rules: RuleRegistry.descriptions, options: ReportOptions(baseDirectory: packageRoot, linkBase: packageRoot))
        let parts = md.components(separatedBy: "\n## Appendix\n")
        #expect(parts.count == 2)
        #expect(parts[0].utf8.count <= 25_000, "\(profile): \(parts[0].utf8.count) bytes before the appendix")
        let table = try #require(md.range(of: "| Model | Licence | Openness | Verdict | Decisive reason | Duties |"))
        let firstSection = try #require(md.range(of: "\n## \(report.models[0].name)\n"))
        #expect(table.lowerBound < firstSection.lowerBound)
        // Every conflict says what resolves it for this licence and plan (the Actions list shows it).
        for f in report.allFindings where f.severity == .error && f.category == .conflict {
            #expect(!(f.remedy ?? "").isEmpty, "\(profile): \(f.ruleID) has no remedy: \(f.message)")
        }
        let titles = Verdict.allCases.map { "**\($0.title)**" }
        for m in report.models {
            let row = md.split(separator: "\n").first { $0.hasPrefix("| \(m.name) | ") }
            #expect(row.map { r in titles.filter { r.contains($0) }.count == 1 } == true, "\(m.name): \(row ?? "no row")")
            #expect(row?.contains("**\(m.verdict.title)**") == true)
        }
    }
}
