import Testing
import Foundation
@testable import LicenseLint

/// The ML-BOM written from a check: CycloneDX 1.6 in shape, deterministic, and read back by `check --sbom`
/// to the same verdicts and the same findings that decide them, under every fixture profile.
@Suite struct BOMWriterTests {
    func checker(_ profile: String) throws -> Checker {
        guard case .success(let p) = ProfileLoader.load(path: fixture("Fixtures/profiles/\(profile).yaml")) else { throw E.profile }
        let table = try BaseModelTable.load(catalogueDirectory: fixture("Licenses"))
        return Checker(profile: p, catalogue: sharedCatalogue, today: "2026-11-23", baseModels: table)
    }
    enum E: Error { case profile }

    /// What decides a model: its verdict and the rules of its findings above notes.
    func decisions(_ r: Report) -> [String: String] {
        Dictionary(uniqueKeysWithValues: r.models.map { m in
            (m.name, m.verdict.rawValue + " " + Set(m.findings.filter { $0.severity != .note && $0.suppressedBy == nil }.map(\.ruleID)).sorted().joined(separator: ","))
        })
    }

    @Test(arguments: ["enterprise", "startup", "research-lab", "public-sector"])
    func checkingTheBOMDecidesAsCheckingTheModels(_ profile: String) throws {
        let c = try checker(profile)
        let direct = c.check(paths: [fixture("Fixtures/models"), fixture("Fixtures/gguf/aurora-8b-q4.gguf")]).report
        let bom = BOMWriter.render(direct, verdicts: true)
        let s = try LayoutScratch()
        let path = try s.write("models.cdx.json", Array(bom.utf8))
        let viaBOM = c.check(paths: [], sboms: [path])
        #expect(viaBOM.inputErrors.isEmpty, "\(viaBOM.inputErrors)")
        let a = decisions(direct), b = decisions(viaBOM.report)
        #expect(a.count == 11)
        for (name, d) in a { #expect(b[name] == d, "\(profile) \(name): folder \(d), BOM \(b[name] ?? "missing")") }
    }

    /// An application repository: models named in code (an unresolved one included) keep their verdicts.
    @Test func anApplicationsModelsKeepTheirVerdictsThroughTheBOM() throws {
        let s = try ModelReferenceTests().repo()
        let c = try checker("startup")
        let direct = c.check(paths: [s.dir + "/app"]).report
        let path = try s.write("app.cdx.json", Array(BOMWriter.render(direct, verdicts: true).utf8))
        let viaBOM = c.check(paths: [], sboms: [path]).report
        let a = decisions(direct), b = decisions(viaBOM)
        #expect(a.count >= 8 && a.keys.contains { $0.hasPrefix("model loaded at") })
        for (name, d) in a { #expect(b[name] == d, "\(name): code \(d), BOM \(b[name] ?? "missing")") }
    }

    @Test func theBOMIsCycloneDX16AndDeterministic() throws {
        let c = try checker("enterprise")
        let report = c.check(paths: [fixture("Fixtures/models")]).report
        let text = BOMWriter.render(report, verdicts: true)
        #expect(text == BOMWriter.render(c.check(paths: [fixture("Fixtures/models")]).report, verdicts: true))
        let doc = try JSONReader.parse(Array(text.utf8))
        #expect(doc["bomFormat"]?.stringValue == "CycloneDX" && doc["specVersion"]?.stringValue == "1.6" && doc["version"] == .int(1))
        #expect(doc["serialNumber"] == nil && doc["metadata"]?["timestamp"] == nil)
        let components = try #require(doc["components"]?.arrayValue)
        #expect(components.count == report.models.count)
        for comp in components {
            #expect(comp["type"]?.stringValue == "machine-learning-model" && comp["bom-ref"]?.stringValue != nil)
            for l in comp["licenses"]?.arrayValue ?? [] {
                // A licence choice: an SPDX id, or a name (with a URL or an embedded base64 text).
                let lic = try #require(l["license"])
                #expect((lic["id"] != nil) != (lic["name"] != nil))
                if let t = lic["text"] { #expect(t["encoding"]?.stringValue == "base64" && t["content"]?.stringValue != nil) }
            }
            for p in comp["properties"]?.arrayValue ?? [] { #expect(p["name"]?.stringValue?.hasPrefix("licenselint:") == true && p["value"]?.stringValue != nil) }
        }
        // Apache and MIT are written as SPDX ids; a catalogue licence without one by name and URL.
        let olmo = try #require(components.first { $0["name"]?.stringValue == "open-source-olmo-like" })
        #expect(olmo["licenses"]?.arrayValue?.first?["license"]?["id"]?.stringValue == "Apache-2.0")
        #expect(olmo["modelCard"]?["modelParameters"]?["datasets"]?.arrayValue?.count == 2)
        #expect(olmo["externalReferences"]?.arrayValue?.first?["type"]?.stringValue == "vcs")
        // A derivative names its base model, with the licence that binds it.
        let tuned = try #require(components.first { $0["name"]?.stringValue == "aurora-finetune-relabelled" })
        #expect(tuned["pedigree"]?["ancestors"]?.arrayValue?.first?["name"]?.stringValue == "example-org/aurora-community-chat")
        #expect(tuned["properties"]?.arrayValue?.contains { $0["name"]?.stringValue == "licenselint:verdict" && $0["value"]?.stringValue == "blocked" } == true)
    }
}
