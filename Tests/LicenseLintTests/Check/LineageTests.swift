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
        // "Made with Aurora" is owed on the product's website or documentation, not in the folder: a duty with
        // its place, never a missing-notice error about the README.
        #expect(!m.findings.contains { $0.ruleID == "notice-missing" })
        let credit = try #require(m.findings.first { $0.ruleID == "attribution-duty" && $0.message.contains("Made with Aurora") })
        #expect(credit.category == .duty && credit.message.contains("website"))
        let naming = try #require(m.findings.first { $0.ruleID == "naming-requirement" && $0.location?.path.hasSuffix("README.md") == true })
        #expect(naming.location?.line == 4)
        #expect(m.findings.contains { $0.ruleID == "license-copy-missing" })
        // The inherited cap binds the derivative too.
        #expect(m.findings.contains { $0.ruleID == "user-cap-exceeded" })
    }

    /// A third party's relabelled fine-tune that the plan only runs: one provenance warning (not an error),
    /// no error about the name its publisher chose, and the ancestor's terms still applied.
    @Test func aThirdPartysRelabellingIsProvenanceWhenThePlanOnlyRunsIt() throws {
        let r = try check([fixture("Fixtures/models/aurora-finetune-relabelled")], profile: "startup")
        let m = try #require(r.models.first)
        let relabel = m.findings.filter { $0.ruleID == "license-relabelled" }
        #expect(relabel.count == 1)
        #expect(relabel.first?.severity == .warning && relabel.first?.message.contains("provenance") == true)
        #expect(!m.findings.contains { $0.ruleID == "naming-requirement" && $0.severity == .error })
        #expect(!m.findings.contains { $0.ruleID == "license-copy-missing" })
    }

    /// A derivative whose own licence drops the use restrictions its base requires to flow down: a conflict
    /// when the plan distributes it, nothing of its own when the plan only runs it (the base's terms bind).
    @Test func droppedRestrictionsConflictOnlyInWhatThePlanShips() throws {
        let root = NSTemporaryDirectory() + "ll-flowdown-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/meridian-base", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: fixture("Fixtures/models/rail-style-diffusion/LICENSE"), toPath: root + "/meridian-base/LICENSE")
        try FileManager.default.createDirectory(atPath: root + "/meridian-tuned", withIntermediateDirectories: true)
        try "---\nlicense: apache-2.0\nbase_model: meridian-base\n---\n# meridian-tuned\n".write(toFile: root + "/meridian-tuned/README.md", atomically: true, encoding: .utf8)
        func dropped(_ profile: String) throws -> [Finding] {
            try check([root + "/meridian-tuned"], profile: profile).models.first?.findings.filter {
                $0.ruleID == "restrictions-not-passed-on" && $0.message.contains("derivative's licence has none")
            } ?? []
        }
        let shipped = try dropped("enterprise")
        #expect(shipped.count == 1 && shipped.first?.severity == .error && shipped.first?.profileLocation != nil)
        #expect(try dropped("startup").isEmpty)
    }

    /// A derivative the plan publishes owes its ancestor's licence text; the finding names that licence, not
    /// the one the card declares. The ancestor's choice of law binds it too.
    @Test func aPublishedDerivativeOwesTheAncestorsLicenceAndLaw() throws {
        let root = NSTemporaryDirectory() + "ll-owed-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        let base = root + "/acme--base", derived = root + "/derived"
        for d in [base, derived] { try FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true) }
        try """
        SYNTHETIC BASE LICENCE
        You may copy, modify and distribute the Model. You must give every recipient of the Model or a derivative a copy of this Licence.
        You may use the Model and its derivatives only for non-commercial purposes.
        This Licence is governed by the laws of the State of California.
        """.write(toFile: base + "/LICENSE", atomically: true, encoding: .utf8)
        try "---\nlicense: other\n---\n# Base\n".write(toFile: base + "/README.md", atomically: true, encoding: .utf8)
        try "---\nlicense: mit\nbase_model: acme/base\n---\n# Derived\n".write(toFile: derived + "/README.md", atomically: true, encoding: .utf8)
        let file = root + "/p.yaml"
        try "distribution:\n  weights: false\n  derivatives: true\npolicy:\n  allowed_jurisdictions: [IE]\n".write(toFile: file, atomically: true, encoding: .utf8)
        guard case .success(let p) = ProfileLoader.load(path: file) else { throw E.profile }
        let findings = Checker(profile: p, catalogue: sharedCatalogue, today: "2026-11-23").check(paths: [derived]).report.models.first?.findings ?? []
        let missing = try #require(findings.first { $0.ruleID == "license-copy-missing" })
        #expect(missing.location?.path.hasSuffix("acme--base/LICENSE") == true, "\(String(describing: missing.location))")
        #expect(findings.contains { $0.ruleID == "governing-law-not-allowed" && $0.severity == .error })
        let relabel = findings.filter { $0.ruleID == "license-relabelled" }
        #expect(relabel.count == 1 && relabel.first?.severity == .error)
    }

    /// One profile, two plans: the base model is only run; the fine-tune's entry publishes it. Only the
    /// published one owes what publishing triggers.
    @Test func aModelsEntryPlansForItsModelOnly() throws {
        let base = fixture("Fixtures/models/aurora-community-chat"), tuned = fixture("Fixtures/models/aurora-finetune-relabelled")
        let file = NSTemporaryDirectory() + "ll-plan-\(UUID().uuidString).yaml"
        defer { try? FileManager.default.removeItem(atPath: file) }
        try """
        distribution:
          weights: false
          derivatives: false
        models:
          - \(base)
          - path: \(tuned)
            distribution:
              derivatives: true
              derivative_name: Helpdesk-Tuned-8B
        """.write(toFile: file, atomically: true, encoding: .utf8)
        guard case .success(let p) = ProfileLoader.load(path: file) else { throw E.profile }
        let table = try BaseModelTable.load(catalogueDirectory: fixture("Licenses"))
        let r = Checker(profile: p, catalogue: sharedCatalogue, today: "2026-11-23", baseModels: table).check(paths: [base, tuned]).report
        let b = try #require(r.models.first { $0.path == base }), t = try #require(r.models.first { $0.path == tuned })
        #expect(t.findings.contains { $0.ruleID == "license-relabelled" && $0.severity == .error })
        #expect(t.findings.filter { $0.ruleID == "naming-requirement" && $0.severity == .error }.count == 1)
        #expect(!b.findings.contains { $0.ruleID == "naming-requirement" || ($0.ruleID == "license-copy-duty" && $0.category == .duty) })
        #expect(t.findings.contains { $0.ruleID == "license-copy-duty" && $0.category == .duty })
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

    /// A notice owed in a "Notice" file of distributed copies: an error only for a folder the plan ships
    /// (a derivative it publishes); present in NOTICE it is satisfied; a plan that publishes nothing owes nothing.
    @Test func noticeFileIsCheckedOnlyInWhatThePlanShips() throws {
        let root = NSTemporaryDirectory() + "ll-notice-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        let base = root + "/acme--base", derived = root + "/derived"
        for d in [base, derived] { try FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true) }
        try """
        SYNTHETIC BASE LICENCE
        You may copy and distribute the Model. If you distribute copies of the Model or a derivative, you must \
        include the following notice in a "Notice" text file distributed with such copies: "Base Model is licensed \
        under the Synthetic Base Licence".
        """.write(toFile: base + "/LICENSE", atomically: true, encoding: .utf8)
        try "---\nlicense: other\n---\n# Base\n".write(toFile: base + "/README.md", atomically: true, encoding: .utf8)
        try "---\nlicense: other\nbase_model: acme/base\n---\n# Derived\n".write(toFile: derived + "/README.md", atomically: true, encoding: .utf8)
        try "see the base licence".write(toFile: derived + "/LICENSE", atomically: true, encoding: .utf8)
        func findings(_ profile: String, _ path: String) throws -> [Finding] {
            let file = root + "/p.yaml"
            try profile.write(toFile: file, atomically: true, encoding: .utf8)
            guard case .success(let p) = ProfileLoader.load(path: file) else { throw E.profile }
            return Checker(profile: p, catalogue: sharedCatalogue, today: "2026-11-23").check(paths: [path]).report.models.first?.findings ?? []
        }
        let publishes = "distribution:\n  weights: false\n  derivatives: true\n"
        let missing = try #require(try findings(publishes, derived).first { $0.ruleID == "notice-missing" })
        #expect(missing.severity == .error && missing.message.contains("Notice"))
        // The upstream folder, only run: nothing to check in it.
        #expect(!(try findings(publishes, base)).contains { $0.ruleID == "notice-missing" })
        // Nothing published: nothing owed.
        #expect(!(try findings("distribution:\n  weights: false\n  derivatives: false\n", derived)).contains { $0.ruleID == "notice-missing" })
        // The notice shipped in NOTICE: satisfied.
        try "Base Model is licensed under the Synthetic Base Licence\n".write(toFile: derived + "/NOTICE", atomically: true, encoding: .utf8)
        #expect(!(try findings(publishes, derived)).contains { $0.ruleID == "notice-missing" })
    }

    /// Lineages that cannot be followed to their end are said, never dropped: a base folder with only
    /// weights, a model that names itself, a cycle, and a chain longer than five.
    @Test func unfollowableLineagesAreSaid() throws {
        let root = NSTemporaryDirectory() + "ll-chain-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        func folder(_ name: String, base: String?, licence: Bool = true) throws {
            let d = root + "/" + name
            try FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true)
            try "---\nlicense: other\n\(base.map { "base_model: \($0)\n" } ?? "")---\n# \(name)\n".write(toFile: d + "/README.md", atomically: true, encoding: .utf8)
            if licence { try "You may use the Model solely for non-commercial purposes.\n".write(toFile: d + "/LICENSE", atomically: true, encoding: .utf8) }
        }
        func unknown(_ name: String) throws -> [Finding] {
            let r = try check([root + "/" + name])
            return r.models.first?.findings.filter { $0.ruleID == "base-model-unknown" } ?? []
        }
        try FileManager.default.createDirectory(atPath: root + "/weights-only", withIntermediateDirectories: true)
        try "x".write(toFile: root + "/weights-only/model.safetensors", atomically: true, encoding: .utf8)
        try folder("on-weights", base: "weights-only")
        #expect(try unknown("on-weights").contains { $0.message.contains("no licence and no model card") })
        try folder("selfish", base: "selfish")
        #expect(try unknown("selfish").contains { $0.message.contains("cycle") })
        try folder("ping", base: "pong"); try folder("pong", base: "ping")
        #expect(try unknown("ping").contains { $0.message.contains("cycle") && $0.message.contains("ping → pong → ping") })
        for i in 0..<7 { try folder("hop\(i)", base: i < 6 ? "hop\(i + 1)" : nil) }
        #expect(try unknown("hop0").contains { $0.message.contains("beyond five") })
        // A base whose licence is read but whose use policy is not: what was read is inherited, the rest said.
        try folder("partial", base: nil)
        try "Lorem ipsum dolor sit amet.\n".write(toFile: root + "/partial/USE_POLICY.md", atomically: true, encoding: .utf8)
        try folder("on-partial", base: "partial")
        #expect(try check([root + "/partial"]).models.first?.findings.contains { $0.category == .input && $0.severity == .error } == true)
        #expect(try unknown("on-partial").contains { $0.message.contains("part of its terms could not be read") })
        #expect(try check([root + "/on-partial"]).models.first?.lineage.contains { $0.contains("base_model partial") } == true)
    }

    /// The base-model table: every entry names its source and a licence the catalogue holds, or the terms it
    /// lacks; distilled Llama models are Llama derivatives; research-licensed sizes are never mapped to the
    /// commercial licence of their family.
    @Test func baseModelTableFacts() throws {
        let table = try BaseModelTable.load(catalogueDirectory: fixture("Licenses"))
        let cat = try #require(sharedCatalogue)
        for e in table.entries {
            #expect(!e.source.isEmpty, "\(e.pattern)")
            if let id = e.license { #expect(cat.entry(for: id) != nil, "\(e.pattern): \(id) is not in the catalogue") }
            else { #expect(e.terms?.isEmpty == false, "\(e.pattern)") }
        }
        #expect(table.license(for: "deepseek-ai/DeepSeek-R1-Distill-Llama-8B") == "llama3.1")
        #expect(table.license(for: "deepseek-ai/DeepSeek-R1-Distill-Llama-70B") == "llama3.3")
        #expect(table.license(for: "deepseek-ai/DeepSeek-R1-Distill-Qwen-7B") == "mit")
        #expect(table.entry(for: "Qwen/Qwen2.5-3B-Instruct")?.license == nil)
        #expect(table.entry(for: "stabilityai/stable-diffusion-xl-base-0.9")?.license == nil)
        #expect(table.license(for: "stabilityai/stable-diffusion-xl-base-1.0") == "openrail++")
        #expect(table.license(for: "Qwen/Qwen2.5-7B-Instruct") == "apache-2.0")
        #expect(table.license(for: "Qwen/Qwen2.5-72B-Instruct") == "qwen")
    }

    /// A base model under terms the catalogue lacks is a "cannot decide" naming those terms and the source.
    @Test func aBaseModelUnderTermsTheCatalogueLacksCannotBeDecided() throws {
        let dir = NSTemporaryDirectory() + "ll-lineage-\(UUID().uuidString)/derived"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: (dir as NSString).deletingLastPathComponent) }
        try "---\nlicense: apache-2.0\nbase_model: Qwen/Qwen2.5-3B-Instruct\n---\n# Tuned\n".write(toFile: dir + "/README.md", atomically: true, encoding: .utf8)
        let r = try check([dir])
        let f = try #require(r.models.first?.findings.first { $0.ruleID == "base-model-unknown" })
        #expect(f.message.contains("Qwen Research License") && f.message.contains("huggingface.co/Qwen/Qwen2.5-3B"), "\(f.message)")
        #expect(r.models.first?.lineage.isEmpty == true)
    }

    @Test func globPatterns() {
        #expect(BaseModelTable.glob("meta-llama/llama-3.1-*", "meta-llama/llama-3.1-8b-instruct"))
        #expect(!BaseModelTable.glob("meta-llama/llama-3.1-*", "meta-llama/llama-3.2-1b"))
    }
}
