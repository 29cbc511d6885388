import Testing
import Foundation
@testable import LicenseLint

/// One table of declarations, judged as a model card's `license:` (a folder with no licence text) and as a
/// BOM component's expression: the same licences apply and the same findings come out.
private let declarations = [
    "mit", "foo-unknown", "foo-unknown OR mit", "mit OR foo-unknown", "mit AND foo-unknown", "llama3.1",
    "llama3.1 OR apache-2.0", "apache-2.0 OR llama3.1", "apache-2.0 AND llama3.1", "(mit OR foo-unknown) AND llama3.1",
    "cc-by-nc-4.0 OR foo-unknown", "gemma OR mit", "(apache-2.0)", "mit OR", "foo-unknown OR bar-unknown",
]

@Suite struct LicenseResolverTests {
    private func profile(_ name: String) throws -> Profile {
        guard case .success(let p) = ProfileLoader.load(path: fixture("Fixtures/profiles/\(name).yaml")) else { throw CancellationError() }
        return p
    }

    /// What a verdict rests on: the licences applied and each finding's rule and severity.
    private func outcome(_ m: ModelReport) -> [String] {
        m.licenses.map { "licence " + ($0.identification?.id ?? "?") }.sorted()
            + m.findings.map { "\($0.ruleID) \($0.severity.rawValue)" }.sorted()
    }

    @Test(arguments: ["enterprise", "startup", "research-lab"])
    func folderAndBOMResolveDeclarationsAlike(_ profileName: String) throws {
        let checker = Checker(profile: try profile(profileName), catalogue: sharedCatalogue, today: "2026-11-23")
        let dir = NSTemporaryDirectory() + "licenselint-resolver-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var components: [String] = []
        for (n, d) in declarations.enumerated() {
            let folder = "\(dir)/m\(n)"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try Data("---\nlicense: \(d)\n---\n# Model \(n)\n".utf8).write(to: URL(fileURLWithPath: folder + "/README.md"))
            components.append("{\"type\": \"machine-learning-model\", \"name\": \"m\(n)\", \"licenses\": [{\"expression\": \(JSON.string(d).render())}]}")
        }
        let bom = "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.6\", \"components\": [\(components.joined(separator: ",\n"))]}"
        guard case .success(let doc) = SBOM.parse(bytes: Array(bom.utf8), path: "bom.json") else { Issue.record("BOM did not parse"); return }
        for (n, d) in declarations.enumerated() {
            let folder = checker.check(paths: ["\(dir)/m\(n)"]).report.models.first
            let component = try #require(doc.components.first { $0.name == "m\(n)" })
            let fromBOM = checker.evaluate(component: component, bomPath: "bom.json")
            #expect(folder.map(outcome) == outcome(fromBOM), "'\(d)' under \(profileName)")
        }
    }

    @Test func aChoiceTakesTheAlternativeThePlanMeetsAndSaysWhich() throws {
        let checker = Checker(profile: try profile("enterprise"), catalogue: sharedCatalogue, today: "2026-11-23")
        let bom = """
        {"bomFormat": "CycloneDX", "specVersion": "1.6", "components": [
         {"type": "machine-learning-model", "name": "a", "licenses": [{"expression": "llama3.1 OR apache-2.0"}]},
         {"type": "machine-learning-model", "name": "b", "licenses": [{"expression": "foo-unknown OR mit"}]},
         {"type": "machine-learning-model", "name": "c", "licenses": [{"expression": "mit AND foo-unknown"}]},
         {"type": "machine-learning-model", "name": "d", "licenses": [{"expression": "llama3.1 OR foo-unknown"}]},
         {"type": "machine-learning-model", "name": "e", "licenses": [{"expression": "(foo-unknown OR bar-unknown) AND mit"}]}]}
        """
        guard case .success(let doc) = SBOM.parse(bytes: Array(bom.utf8), path: "bom.json") else { Issue.record("BOM did not parse"); return }
        func judged(_ n: String) -> ModelReport { checker.evaluate(component: doc.components.first { $0.name == n }!, bomPath: "bom.json") }
        // 900M monthly users: Llama 3.1's cap is exceeded, Apache's terms are met; the note says so.
        let a = judged("a")
        #expect(a.licenses.compactMap { $0.identification?.id } == ["apache-2.0"])
        let note = try #require(a.findings.first { $0.ruleID == "license-choice" })
        #expect(note.message.contains("apache-2.0 is applied") && note.severity == .note)
        #expect(!a.findings.contains { $0.severity == .error })
        // An unknown alternative is named, not passed over in silence, and does not block a known one.
        let b = judged("b")
        #expect(b.licenses.compactMap { $0.identification?.id } == ["mit"])
        #expect(b.findings.contains { $0.ruleID == "license-choice" && $0.details.contains { $0.contains("foo-unknown") } })
        #expect(!b.findings.contains { $0.ruleID == "license-unknown" })
        // AND applies both: the unknown one is unknown terms.
        #expect(judged("c").findings.contains { $0.ruleID == "license-unknown" && $0.severity == .error })
        // The only known alternative conflicts with the plan and the other is unread: a question, with the conflict.
        let d = judged("d")
        #expect(d.findings.contains { $0.ruleID == "user-cap-exceeded" && $0.severity == .error })
        #expect(d.findings.contains { $0.ruleID == "license-unknown" && $0.severity == .warning && $0.category == .undecided })
        // An id named in every alternative applies once, and each unknown id is reported once.
        let e = judged("e")
        #expect(e.licenses.compactMap { $0.identification?.id } == ["mit"])
        #expect(e.findings.filter { $0.ruleID == "license-unknown" }.count == 2)
    }

    @Test func expressionsReadAsAlternatives() {
        #expect(SPDXExpression.alternatives("A OR B") == [["A"], ["B"]])
        #expect(SPDXExpression.alternatives("A AND B") == [["A", "B"]])
        #expect(SPDXExpression.alternatives("A OR (B AND C)") == [["A"], ["B", "C"]])
        #expect(SPDXExpression.alternatives("(A OR B) AND C") == [["A", "C"], ["B", "C"]])
        #expect(SPDXExpression.alternatives("A OR B AND C") == [["A"], ["B", "C"]])
        #expect(SPDXExpression.alternatives("GPL-2.0 WITH Classpath-exception-2.0 OR MIT") == [["GPL-2.0"], ["MIT"]])
        #expect(SPDXExpression.alternatives("openrail++") == [["openrail++"]])
        // Not an expression: every id applies together (the stricter reading), never an invented choice.
        #expect(SPDXExpression.alternatives("A OR") == [["A"]])
        #expect(SPDXExpression.alternatives("(A OR B") == [["A", "B"]])
        #expect(SPDXExpression.alternatives("") == [])
        #expect(SPDXExpression.distinctIDs("(A OR B) AND C") == ["A", "C", "B"])
        #expect(SPDXExpression.distinctIDs("A AND A") == ["A"])
        let deep = String(repeating: "(", count: 100) + "A" + String(repeating: ")", count: 100)
        #expect(SPDXExpression.alternatives(deep) == [["A"]])
    }
}
