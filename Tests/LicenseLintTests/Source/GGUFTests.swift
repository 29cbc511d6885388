import Testing
import Foundation
@testable import LicenseLint

/// GGUF headers built by hand: the licence and base models are read from the metadata, never the tensors;
/// broken headers are clear errors.
@Suite struct GGUFTests {
    /// A GGUF v3 header (or v1 with 32-bit lengths) with the given key–value pairs.
    struct Builder {
        var version: UInt32 = 3
        var pairs: [[UInt8]] = []
        func n(_ v: Int) -> [UInt8] { version >= 2 ? le(UInt64(v)) : le(UInt32(v)) }
        func le<T: FixedWidthInteger>(_ v: T) -> [UInt8] { withUnsafeBytes(of: v.littleEndian) { Array($0) } }
        func str(_ s: String) -> [UInt8] { n(s.utf8.count) + Array(s.utf8) }
        mutating func text(_ k: String, _ v: String) { pairs.append(str(k) + le(UInt32(8)) + str(v)) }
        mutating func u32(_ k: String, _ v: UInt32) { pairs.append(str(k) + le(UInt32(4)) + le(v)) }
        mutating func tokens(_ k: String, _ items: [String]) { pairs.append(str(k) + le(UInt32(9)) + le(UInt32(8)) + n(items.count) + items.flatMap(str)) }
        mutating func floats(_ k: String, _ count: Int) { pairs.append(str(k) + le(UInt32(9)) + le(UInt32(6)) + n(count) + Array(repeating: 0, count: 4 * count)) }
        var bytes: [UInt8] { Array("GGUF".utf8) + le(version) + n(0) + n(pairs.count) + pairs.flatMap { $0 } }
    }

    static func aurora(license: String? = "llama3.1") -> Builder {
        var b = Builder()
        b.text("general.architecture", "llama")
        b.text("general.name", "Aurora 8B Q4")
        if let license { b.text("general.license", license) }
        b.tokens("tokenizer.ggml.tokens", ["<s>", "</s>", "hello"])
        b.floats("tokenizer.ggml.scores", 3)
        b.u32("general.base_model.count", 2)
        b.text("general.base_model.0.name", "Llama 3.1 8B Instruct")
        b.text("general.base_model.0.repo_url", "https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct")
        b.text("general.base_model.1.name", "aurora-base")
        b.text("general.base_model.1.organization", "example-org")
        return b
    }

    @Test func metadataIsRead() throws {
        let meta = try GGUF.parse(bytes: Self.aurora().bytes).get()
        #expect(meta.version == 3 && meta.license == "llama3.1" && meta.name == "Aurora 8B Q4")
        #expect(meta.baseModels == ["meta-llama/Llama-3.1-8B-Instruct", "example-org/aurora-base"])
        var v1 = Builder(version: 1)
        v1.text("general.license", "apache-2.0")
        #expect(try GGUF.parse(bytes: v1.bytes).get().license == "apache-2.0")
    }

    @Test func brokenHeadersAreErrors() {
        let good = Self.aurora().bytes
        func error(_ b: [UInt8]) -> String? { if case .failure(let e) = GGUF.parse(bytes: b) { return e.message }; return nil }
        #expect(error(Array("GGML".utf8) + good.dropFirst(4))?.contains("not a GGUF file") == true)
        #expect(error(Array(good.prefix(good.count - 3)))?.contains("ends early") == true)
        for cut in stride(from: 0, to: good.count, by: 7) { #expect(error(Array(good.prefix(cut))) != nil, "cut at \(cut)") }
        var v9 = good; v9[4] = 9
        #expect(error(v9)?.contains("version 9") == true)
        var huge = Builder()
        huge.pairs.append(huge.str("general.license") + huge.le(UInt32(8)) + huge.le(UInt64.max) + Array("x".utf8))
        #expect(error(huge.bytes)?.contains("more than") == true)
        var unknown = Builder()
        unknown.pairs.append(unknown.str("general.x") + unknown.le(UInt32(77)))
        #expect(error(unknown.bytes)?.contains("unknown value type 77") == true)
    }

    func check(_ path: String) throws -> ModelReport {
        guard case .success(let p) = ProfileLoader.load(path: fixture("Fixtures/profiles/enterprise.yaml")) else { throw E.profile }
        let table = try BaseModelTable.load(catalogueDirectory: fixture("Licenses"))
        return try #require(Checker(profile: p, catalogue: sharedCatalogue, today: "2026-11-23", baseModels: table).check(paths: [path]).report.models.first)
    }
    enum E: Error { case profile }

    @Test func aGGUFIsCheckedUnderItsDeclaredLicence() throws {
        let s = try LayoutScratch()
        let path = try s.write("q/aurora-8b-q4.gguf", Self.aurora().bytes + Array(repeating: 0xAB, count: 4096))
        let m = try check(path)
        #expect(m.licenses.first?.identification?.id == "llama3.1")
        #expect(m.licenses.first?.via?.contains("GGUF metadata") == true)
        #expect(m.findings.contains { $0.ruleID == "user-cap-exceeded" && $0.severity == .error })
        // The second base model is unknown: said, never dropped.
        #expect(m.findings.contains { $0.ruleID == "base-model-unknown" && $0.message.contains("example-org/aurora-base") })
        // In a folder, the GGUF's metadata stands in for the card.
        let folder = try check(s.dir + "/q")
        #expect(folder.licenses.first?.identification?.id == "llama3.1")
    }

    @Test func aGGUFWithoutLicenceOrWithABrokenHeaderIsNeverAPass() throws {
        let s = try LayoutScratch()
        let none = try check(try s.write("a/none.gguf", Self.aurora(license: nil).bytes))
        #expect(none.findings.contains { $0.ruleID == "no-license-found" && $0.message.contains("GGUF metadata") })
        #expect(none.findings.filter { $0.ruleID == "no-license-found" }.count == 1, "\(none.findings.map(\.message))")
        let broken = try check(try s.write("b/broken.gguf", Array(Self.aurora().bytes.prefix(40))))
        #expect(broken.findings.contains { $0.ruleID == "license-unreadable" && $0.message.contains("gguf.invalid") })
        #expect(broken.verdict == .blocked)
    }
}
