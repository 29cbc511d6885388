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
}
