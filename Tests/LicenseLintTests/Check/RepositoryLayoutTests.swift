import Testing
import Foundation
@testable import LicenseLint

/// Repository layouts as models are really published, written by the project (no real licence text):
/// model licences under their many names, a code licence beside them, nested model folders, a folder of
/// per-model licences, symlinked model folders and undecodable names. Each asserts what was read.
@Suite struct RepositoryLayoutTests {
    static let capped = "AURORA MODEL LICENSE AGREEMENT\n\nIf the products of Licensee have more than 100 million monthly active users, you must request a license from Example Corp.\n"
    static let codeLicence = "Code licence\n\nYou may use, copy, modify and distribute this code for any purpose. You must retain this copyright notice in all copies of the code.\n"

    func check(_ paths: [String], mau: String = "900M") throws -> Report {
        guard case .success(let p) = ProfileLoader.parse(bytes: Array("organisation:\n  monthly_active_users: \(mau)\ndistribution:\n  weights: false\n  derivatives: false\n".utf8), path: "p.yaml") else { throw E.profile }
        return Checker(profile: p, catalogue: sharedCatalogue, today: "2026-11-23").check(paths: paths).report
    }
    enum E: Error { case profile }

    @Test(arguments: ["MODEL_LICENSE", "LICENSE-MODEL", "LICENSE_MODEL.md", "Aurora LICENSE AGREEMENT", "MODEL_LICENSE_AGREEMENT.txt", "LICENCE-Aurora-Turbo"])
    func aModelLicenceUnderAnyNameDecidesOverTheCodeLicence(_ name: String) throws {
        let s = try LayoutScratch()
        try s.write("m/LICENSE", Self.codeLicence)
        try s.write("m/\(name)", Self.capped)
        try s.write("m/README.md", "---\nlicense: apache-2.0\n---\n# Aurora\n")
        let m = try #require(try check([s.dir + "/m"]).models.first)
        #expect(m.licenses.contains { $0.file?.hasSuffix("/" + name) == true }, "\(name) not read")
        #expect(m.findings.contains { $0.ruleID == "user-cap-exceeded" && $0.severity == .error }, "\(name): \(m.findings.map(\.ruleID))")
        let skipped = try #require(m.findings.first { $0.ruleID == "license-file-skipped" })
        #expect(skipped.location?.path.hasSuffix("m/LICENSE") == true && skipped.category == .information)
        // The card's permissive id over a restrictive text is a contradiction, said as such.
        #expect(m.findings.contains { $0.ruleID == "license-mismatch" }, "\(name)")
    }

    /// The terms quoted in a Hugging Face access gate are a licence text, cited at the card's own lines.
    @Test func aLicenceQuotedInTheAccessGateIsRead() throws {
        let s = try LayoutScratch()
        try s.write("m/README.md", "---\nlicense: other\nextra_gated_prompt: |\n  AURORA GATED TERMS\n\n  If the products of Licensee have more than 100 million monthly active users, you must request a license from Example Corp.\n---\n# Aurora\n")
        try s.write("m/model.safetensors", "")
        let m = try #require(try check([s.dir + "/m"]).models.first)
        let cap = try #require(m.findings.first { $0.ruleID == "user-cap-exceeded" })
        #expect(cap.severity == .error && cap.location?.path.hasSuffix("m/README.md") == true && cap.location?.line == 6, "\(cap.location.map { "\($0.path):\($0.line)" } ?? "nil")")
        #expect(m.licenses.contains { $0.via?.contains("extra_gated_prompt") == true })
        #expect(!m.findings.contains { $0.ruleID == "no-license-found" || $0.ruleID == "license-unknown" })
    }

    /// A text file named for nothing in particular is read when its first line is a licence title; found
    /// that way, it never displaces a licence found by name, and a licence-like name with a code or data
    /// extension is listed as not read.
    @Test func aFileTitledAsALicenceIsRead() throws {
        let s = try LayoutScratch()
        try s.write("m/AGREEMENT.md", "# Aurora Research Agreement\n\nYou may use the Model solely for non-commercial research purposes.\n")
        try s.write("m/NOTES.md", "# Release notes\n\nThe licence did not change.\n")
        try s.write("m/license_utils.py", "print('x')\n")
        let m = try #require(try check([s.dir + "/m"]).models.first)
        #expect(m.licenses.map { ($0.file ?? "").components(separatedBy: "/").last ?? "" } == ["AGREEMENT.md"])
        #expect(m.findings.contains { $0.ruleID == "non-commercial-use" })
        let skipped = m.findings.filter { $0.ruleID == "license-file-skipped" }
        #expect(skipped.count == 1 && skipped.first?.message.hasPrefix("license_utils.py is not read") == true, "\(skipped.map(\.message))")
        // Beside a restrictive LICENSE, a titled permissive text is read too, and the restriction stands.
        let t = try LayoutScratch()
        try t.write("m/LICENSE", Self.capped)
        try t.write("m/CODE-TERMS.txt", "Permissive Code Licence\n\n" + Self.codeLicence)
        let n = try #require(try check([t.dir + "/m"]).models.first)
        #expect(n.licenses.count == 2 && n.findings.contains { $0.ruleID == "user-cap-exceeded" && $0.severity == .error }, "\(n.findings.map(\.ruleID))")
        #expect(ModelDiscovery.role("CODE-TERMS.txt") == .code && ModelDiscovery.role("AGREEMENT.md") == .generic)
    }

    /// Ids ending in "+" are kept whole ("openrail++" is its own licence); an unknown "x+" is version x.
    @Test func plusIdsAreKeptWhole() throws {
        #expect(SPDXExpression.ids("openrail++ OR mit") == ["openrail++", "mit"])
        let cat = try #require(sharedCatalogue)
        #expect(cat.entry(for: "openrail++")?.id == "openrail++")
        #expect(cat.entry(for: "apache-2.0+")?.id == "apache-2.0")
        let s = try LayoutScratch()
        try s.write("m/README.md", "---\nlicense: openrail++\n---\n# Diffusion\n")
        let m = try #require(try check([s.dir + "/m"]).models.first)
        #expect(m.licenses.first?.identification?.id == "openrail++", "\(m.findings.map(\.message))")
    }

    /// A catalogue licence with a clause added is named as a modification of it, never as the licence.
    @Test func aModifiedLicenceIsNamedAsSuch() throws {
        let s = try LayoutScratch()
        try s.write("m/LICENSE", "Aurora Permissive Licence\n\nYou may use, copy and share the Model free of charge and without restriction.\n\nYou must retain the above copyright notice in all copies of the Model that you distribute, and give every recipient a copy of this licence.\n\nIf the products of Licensee have more than 100 million monthly active users, you must request a license from Example Corp.\n")
        let m = try #require(try check([s.dir + "/m"]).models.first)
        let l = try #require(m.licenses.first)
        #expect(l.identification?.id == "mit")
        #expect(ReportFormatting.licenseName(l) == "a modified MIT License (based on mit)")
        #expect(l.identification?.differences == ["adds user-cap (not in the catalogue entry)"])
        #expect(m.findings.contains { $0.ruleID == "user-cap-exceeded" })
    }

    /// A quantized model is its base model's own weights: every term of the base licence applies.
    @Test func aQuantizedModelTakesItsBaseLicenceWhole() throws {
        let s = try LayoutScratch()
        try s.write("models/org--aurora/LICENSE", Self.capped + "\nThis licence does not grant permission to use the trade names, trademarks or service marks of the Licensor.\n")
        try s.write("models/aurora-q4/README.md", "---\nlicense: other\nbase_model: org/aurora\nbase_model_relation: quantized\n---\n# Aurora Q4\n")
        try s.write("models/aurora-tuned/README.md", "---\nlicense: other\nbase_model: org/aurora\nbase_model_relation: finetune\n---\n# Aurora tuned\n")
        let r = try check([s.dir + "/models/aurora-q4", s.dir + "/models/aurora-tuned"])
        let q = try #require(r.models.first { $0.name == "aurora-q4" })
        #expect(q.lineage.contains { $0.contains("org/aurora (quantized)") }, "\(q.lineage)")
        #expect(q.findings.contains { $0.ruleID == "user-cap-exceeded" && $0.severity == .error })
        // Every term, the trademark clause included; a fine-tune takes only the terms that bind derivatives.
        let inheritedKinds = { (m: ModelReport) in Set(m.licenses.filter { $0.source == .inherited }.flatMap { $0.clauses.map(\.kind) }) }
        #expect(inheritedKinds(q).contains(.trademarkRestriction), "\(inheritedKinds(q))")
        let t = try #require(r.models.first { $0.name == "aurora-tuned" })
        #expect(!inheritedKinds(t).contains(.trademarkRestriction) && inheritedKinds(t).contains(.userCap), "\(inheritedKinds(t))")
    }

    /// Openness facts come from evidence: training code needs a field or a link described as training code,
    /// and a reason names only the licences that are not OSI-approved.
    @Test func opennessFactsComeFromEvidence() throws {
        func card(_ text: String) throws -> ModelCard {
            guard case .success(let c) = ModelCard.parse(SourceFile(path: "README.md", bytes: Array(text.utf8))) else { throw E.profile }
            return c
        }
        #expect(try !card("# M\n\nInference code is on GitHub: https://github.com/org/serve\n").declaresTrainingCode)
        #expect(try !card("---\nrepository: https://github.com/org/serve\n---\n# M\n").declaresTrainingCode)
        #expect(try card("# M\n\nTraining code: https://github.com/org/train\n").declaresTrainingCode)
        #expect(try card("# M\n\nTraining code and checkpoints:\nhttps://github.com/org/train\n").declaresTrainingCode)
        #expect(try card("---\ntraining_code: https://github.com/org/train\n---\n").declaresTrainingCode)
        let s = try LayoutScratch()
        try s.write("m/README.md", "---\nlicense: apache-2.0 AND llama3.1\n---\n# M\n")
        let m = try #require(try check([s.dir + "/m"]).models.first)
        #expect(m.openness.reasons.contains("licence is not OSI-approved (llama3.1, llama3.1-aup)"), "\(m.openness.reasons)")
    }

    @Test func codeAndDataFilesAreNotLicences() {
        for name in ["license_utils.py", "terms.json", "model_license.safetensors", "README.md", "NOTICE"] { #expect(!ModelDiscovery.isLicenseFile(name), "\(name)") }
        for name in ["LICENSE", "LICENSE.pdf", "LICENSE-CODE", "COPYING", "USE_POLICY.md", "TERMS_OF_USE.md", "model_licenses_v2.txt"] { #expect(ModelDiscovery.isLicenseFile(name), "\(name)") }
    }

    /// A root with a LICENSE and README does not hide the models below it; a weights-only folder belongs to
    /// the model above it; a folder of per-model licences gives one model per licence.
    @Test func nestedModelsAndAFolderOfLicences() throws {
        let s = try LayoutScratch()
        try s.write("repo/LICENSE", Self.codeLicence)
        try s.write("repo/README.md", "# A repository of models\n")
        try s.write("repo/models/aurora-8b/README.md", "---\nlicense: other\n---\n# Aurora 8B\n")
        try s.write("repo/models/aurora-8b/LICENSE", Self.capped)
        try s.write("repo/original/params.json", "{}")
        try s.write("repo/model_licenses/LICENSE-A", Self.capped)
        try s.write("repo/model_licenses/LICENSE-B", "You may use the Model solely for non-commercial purposes.\n")
        let r = try check([s.dir + "/repo"])
        let names = Set(r.models.map(\.name))
        #expect(names == ["repo", "aurora-8b", "LICENSE-A", "LICENSE-B"], "\(names)")
        #expect(r.models.first { $0.name == "aurora-8b" }?.findings.contains { $0.ruleID == "user-cap-exceeded" } == true)
    }

    /// A folder of per-model licences whose names say which model folder they belong to: each licence is
    /// read as that model's licence; one that names no folder is checked on its own, never merged.
    @Test func perModelLicencesAreMatchedToTheirModelsByName() throws {
        let s = try LayoutScratch()
        try s.write("repo/LICENSE", Self.codeLicence)
        try s.write("repo/README.md", "# Generative models\n")
        try s.write("repo/model_licenses/LICENSE-AURORA-XL1.0", Self.capped)
        try s.write("repo/model_licenses/LICENCE-Quill_Turbo.md", "You may use the Model solely for non-commercial purposes.\n")
        try s.write("repo/model_licenses/LICENSE-Unreleased", "You may use the Model solely for non-commercial purposes.\n")
        try s.write("repo/aurora-xl-1.0/README.md", "---\npipeline_tag: text-to-image\n---\n# Aurora XL 1.0\n")
        try s.write("repo/quill-turbo/README.md", "---\npipeline_tag: text-to-image\n---\n# Quill Turbo\n")
        let r = try check([s.dir + "/repo"])
        #expect(Set(r.models.map(\.name)) == ["repo", "aurora-xl-1.0", "quill-turbo", "LICENSE-Unreleased"], "\(r.models.map(\.name))")
        let aurora = try #require(r.models.first { $0.name == "aurora-xl-1.0" })
        #expect(aurora.licenses.contains { $0.file?.hasSuffix("model_licenses/LICENSE-AURORA-XL1.0") == true })
        #expect(aurora.findings.contains { $0.ruleID == "user-cap-exceeded" })
        let quill = try #require(r.models.first { $0.name == "quill-turbo" })
        #expect(quill.findings.contains { $0.ruleID == "non-commercial-use" })
        #expect(!quill.findings.contains { $0.ruleID == "no-license-found" })

        // "1.0" in a licence's name is its version, not an extension: beside a 1.1 folder, the licence of 1.0
        // goes to 1.0 only. Two licences that name one folder are not guessed between.
        try s.write("repo/aurora-xl-1.1/README.md", "---\npipeline_tag: text-to-image\n---\n# Aurora XL 1.1\n")
        try s.write("repo/model_licenses/LICENSE-Quill-Turbo.txt", "You may use the Model for any purpose.\n")
        let again = try check([s.dir + "/repo"])
        let names = Set(again.models.map(\.name))
        #expect(names.isSuperset(of: ["aurora-xl-1.0", "aurora-xl-1.1", "quill-turbo", "LICENCE-Quill_Turbo.md", "LICENSE-Quill-Turbo.txt"]), "\(names)")
        #expect(again.models.first { $0.name == "aurora-xl-1.0" }?.licenses.contains { $0.file?.hasSuffix("LICENSE-AURORA-XL1.0") == true } == true)
        #expect(again.models.first { $0.name == "aurora-xl-1.1" }?.findings.contains { $0.ruleID == "no-license-found" } == true)
        #expect(again.models.first { $0.name == "quill-turbo" }?.findings.contains { $0.ruleID == "no-license-found" } == true)
    }

    /// The report names every file it read for a model: the card, the licence texts and the NOTICE files.
    @Test func theFilesReadAreListed() throws {
        let s = try LayoutScratch()
        try s.write("m/README.md", "---\nlicense: other\n---\n# m\n")
        try s.write("m/LICENSE", Self.capped)
        try s.write("m/NOTICE", "Aurora is made by Example Labs.\n")
        try s.write("m/model.safetensors", "")
        let m = try #require(try check([s.dir + "/m"]).models.first)
        #expect(Set(m.filesRead.map { ($0 as NSString).lastPathComponent }) == ["README.md", "LICENSE", "NOTICE"], "\(m.filesRead)")
        let text = Reporters.render(format: "text", report: try check([s.dir + "/m"]), rules: RuleRegistry.descriptions, options: ReportOptions()) ?? ""
        #expect(text.contains("  files read: README.md, LICENSE, NOTICE\n"))
    }

    @Test func aSymlinkedModelFolderIsChecked() throws {
        let s = try LayoutScratch()
        try s.write("cache/aurora/LICENSE", Self.capped)
        try FileManager.default.createDirectory(atPath: s.dir + "/models", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: s.dir + "/models/aurora", withDestinationPath: s.dir + "/cache/aurora")
        try s.write("models/plain/LICENSE", Self.codeLicence)
        let r = try check([s.dir + "/models"])
        #expect(r.models.contains { $0.name == "aurora" && $0.findings.contains { $0.ruleID == "user-cap-exceeded" } }, "\(r.models.map(\.name))")
    }

    /// `license: [a, b]` and `license: a AND b` name licences that all apply; the cap of the second binds.
    @Test(arguments: ["[apache-2.0, llama3.1]", "apache-2.0 AND llama3.1"])
    func everyDeclaredLicenceApplies(_ declared: String) throws {
        let s = try LayoutScratch()
        try s.write("m/README.md", "---\nlicense: \(declared)\n---\n# m\n")
        let m = try #require(try check([s.dir + "/m"]).models.first)
        let ids: Set<String> = Set(m.licenses.compactMap { $0.identification?.id })
        #expect(ids.contains("apache-2.0") && ids.contains("llama3.1"), "\(ids)")
        #expect(m.findings.contains { $0.ruleID == "user-cap-exceeded" })
    }

    /// A hub cache: models--org--name/refs/main names the snapshot, whose files are symlinks into blobs/.
    @Test func aHubCacheIsCheckedAsNamedModels() throws {
        let s = try LayoutScratch()
        let repo = "hub/models--example--aurora-8b"
        try s.write("\(repo)/blobs/aaa", Self.capped)
        try s.write("\(repo)/blobs/bbb", "---\nlicense: other\n---\n# Aurora\n")
        try s.write("\(repo)/refs/main", "rev2\n")
        for rev in ["rev1", "rev2"] {
            try FileManager.default.createDirectory(atPath: s.dir + "/\(repo)/snapshots/\(rev)", withIntermediateDirectories: true)
        }
        try FileManager.default.createSymbolicLink(atPath: s.dir + "/\(repo)/snapshots/rev2/LICENSE", withDestinationPath: "../../blobs/aaa")
        try FileManager.default.createSymbolicLink(atPath: s.dir + "/\(repo)/snapshots/rev2/README.md", withDestinationPath: "../../blobs/bbb")
        try s.write("hub/models--example--bare/snapshots/rev1/config.json", "{}")
        let r = try check([s.dir + "/hub"])
        #expect(Set(r.models.map(\.name)) == ["example/aurora-8b", "example/bare"], "\(r.models.map(\.name))")
        let aurora = try #require(r.models.first { $0.name == "example/aurora-8b" })
        #expect(aurora.path.hasSuffix("snapshots/rev2"))
        #expect(aurora.findings.contains { $0.ruleID == "user-cap-exceeded" })
        #expect(r.models.first { $0.name == "example/bare" }?.findings.contains { $0.ruleID == "no-license-found" } == true)
    }

    /// A card's license_link to a file in the folder makes that file a licence text; one to a file that
    /// is not there is an error, never a pass.
    @Test func aLicenceLinkToAFileIsRead() throws {
        let s = try LayoutScratch()
        try s.write("m/README.md", "---\nlicense: other\nlicense_link: legal/aurora-terms.txt\n---\n# m\n")
        try s.write("m/legal/aurora-terms.txt", Self.capped)
        var m = try #require(try check([s.dir + "/m"]).models.first)
        #expect(m.findings.contains { $0.ruleID == "user-cap-exceeded" }, "\(m.findings.map(\.ruleID))")
        try s.write("n/README.md", "---\nlicense: other\nlicense_link: ./TERMS.txt\n---\n# n\n")
        m = try #require(try check([s.dir + "/n"]).models.first)
        #expect(m.findings.contains { $0.ruleID == "license-unreadable" && $0.message.contains("TERMS.txt") })
    }

    @Test func aNameThatIsNotUTF8IsAnErrorNotASkip() throws {
        let s = try LayoutScratch()
        try s.write("m/README.md", "---\nlicense: mit\n---\n")
        let bad = s.dir + "/m/LICENSE-\u{FFFD}"
        // Make the name with a raw 0xFF byte.
        var raw = Array((s.dir + "/m/LICENSE-").utf8); raw.append(0xFF); raw.append(0)
        let fd = raw.withUnsafeBufferPointer { buf in buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: raw.count) { open($0, O_CREAT | O_WRONLY, 0o644) } }
        #expect(fd >= 0); close(fd)
        _ = bad
        let m = try #require(try check([s.dir + "/m"]).models.first)
        #expect(m.findings.contains { $0.ruleID == "license-unreadable" && $0.message.contains("UTF-8") }, "\(m.findings.map(\.message))")
    }
}

/// A temporary folder for one test, removed afterwards.
final class LayoutScratch {
    let dir: String
    init() throws {
        dir = NSTemporaryDirectory() + "licenselint-layout-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(atPath: dir) }
    func write(_ name: String, _ text: String) throws {
        let path = dir + "/" + name
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: false, encoding: .utf8)
    }
    @discardableResult func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let path = dir + "/" + name
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }
}
