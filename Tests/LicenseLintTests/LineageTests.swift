import Testing
import Foundation
@testable import LicenseLint

@Suite struct LineageTests {
    func check(_ paths: [String], profile: String = "enterprise") throws -> Report {
        guard case .success(let p) = ProfileLoader.load(path: fixture("Fixtures/profiles/\(profile).yaml")) else { throw E.profile }
        let table = try BaseModelTable.load(catalogueDirectory: fixture("Licenses"))
        return Checker(profile: p, catalogue: sharedCatalogue, today: "2026-11-23", baseModels: table).check(paths: paths).report
    }
    enum E: Error { case profile }

    @Test func relabelledDerivativeIsCaughtAtTheCardLines() throws {
        let r = try check([fixture("Fixtures/models/aurora-finetune-relabelled")])
        let m = try #require(r.models.first)
        #expect(m.lineage.first?.contains("via base_model example-org/aurora-community-chat") == true)
        let relabel = try #require(m.findings.first { $0.ruleID == "license-relabelled" })
        #expect(relabel.location?.path.hasSuffix("aurora-finetune-relabelled/README.md") == true)
        #expect(relabel.location?.line == 2)
        #expect(m.findings.contains { $0.ruleID == "notice-missing" && $0.message.contains("Made with Aurora") })
        let naming = try #require(m.findings.first { $0.ruleID == "naming-requirement" && $0.location?.path.hasSuffix("README.md") == true })
        #expect(naming.location?.line == 4)
        #expect(m.findings.contains { $0.ruleID == "license-copy-missing" })
        // The inherited cap binds the derivative too.
        #expect(m.findings.contains { $0.ruleID == "user-cap-exceeded" })
    }

    @Test func compliantDerivativeHasNoLineageFindings() throws {
        let r = try check([fixture("Fixtures/models/aurora-finetune-compliant")])
        let m = try #require(r.models.first)
        for id in ["license-relabelled", "notice-missing", "license-copy-missing", "restrictions-not-passed-on", "base-model-unknown"] {
            #expect(!m.findings.contains { $0.ruleID == id }, "\(id)")
        }
        #expect(!m.findings.contains { $0.ruleID == "naming-requirement" && $0.location?.path.hasSuffix("README.md") == true })
    }

    @Test func unknownBaseModelCannotBeDecided() throws {
        let dir = NSTemporaryDirectory() + "ll-lineage-\(UUID().uuidString)/derived"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: (dir as NSString).deletingLastPathComponent) }
        try "---\nlicense: mit\nbase_model: nobody/unheard-of-7b\n---\n# Derived\n".write(toFile: dir + "/README.md", atomically: true, encoding: .utf8)
        let r = try check([dir])
        let f = try #require(r.models.first?.findings.first { $0.ruleID == "base-model-unknown" })
        #expect(f.severity == .warning)
        #expect(f.message.contains("nobody/unheard-of-7b"))
        #expect(f.location?.line == 3)
    }

    @Test func knownBaseModelResolvesThroughTheCatalogue() throws {
        let dir = NSTemporaryDirectory() + "ll-lineage-\(UUID().uuidString)/derived"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: (dir as NSString).deletingLastPathComponent) }
        try "---\nlicense: apache-2.0\nbase_model: meta-llama/Llama-3.1-8B\nmodel_name: Tuned-8B\n---\n".write(toFile: dir + "/README.md", atomically: true, encoding: .utf8)
        let r = try check([dir])
        let m = try #require(r.models.first)
        #expect(m.lineage.contains { $0.contains("Llama 3.1") && $0.contains("meta-llama/Llama-3.1-8B") })
        #expect(m.findings.contains { $0.ruleID == "license-relabelled" })
        #expect(m.findings.contains { $0.ruleID == "user-cap-exceeded" })
    }

    @Test func globPatterns() {
        #expect(BaseModelTable.glob("meta-llama/llama-3.1-*", "meta-llama/llama-3.1-8b-instruct"))
        #expect(!BaseModelTable.glob("meta-llama/llama-3.1-*", "meta-llama/llama-3.2-1b"))
    }
}
