import Testing
import Foundation
@testable import LicenseLint

@Suite struct CatalogueTests {
    @Test func everyFileLoads() throws {
        let cat = try #require(sharedCatalogue)
        #expect(cat.entries.count >= 40)
        for id in ["llama2", "llama3", "llama3.1", "llama3.2", "llama3.3", "llama4", "gemma", "apache-2.0", "mit", "bsd-3-clause",
                   "cc-by-4.0", "cc-by-sa-4.0", "cc-by-nc-4.0", "openrail", "openrail++", "creativeml-openrail-m",
                   "bigscience-openrail-m", "bigscience-bloom-rail-1.0", "bigcode-openrail-m"] {
            #expect(cat.entry(for: id)?.id == id, "missing \(id)")
        }
    }

    @Test func idsResolveAcrossVocabularies() throws {
        let cat = try #require(sharedCatalogue)
        #expect(cat.entry(for: "Apache-2.0")?.id == "apache-2.0")
        #expect(cat.entry(for: "MIT")?.id == "mit")
        #expect(cat.entry(for: "no-such-licence") == nil)
    }

    /// A synthetic text carrying a known licence's title but a different cap is identified and its
    /// difference reported; the parsed clause wins.
    @Test func modifiedCapIsReported() throws {
        let cat = try #require(sharedCatalogue)
        let text = """
        LLAMA 3.1 COMMUNITY LICENSE AGREEMENT
        Llama 3.1 Version Release Date: July 23, 2024

        "Llama Materials" means the models and documentation distributed under this Agreement.

        2. Additional Commercial Terms. If the monthly active users of the products or services made available by or
        for Licensee is greater than 100 million monthly active users in the preceding calendar month, you must
        request a license from Meta.
        """
        let parsed = LicenseParser.parse(source: SourceFile(path: "LICENSE", bytes: Array(text.utf8)), catalogue: cat)
        let id = try #require(parsed.identification)
        #expect(id.id == "llama3.1")
        #expect(id.differences.contains("user-cap threshold 100000000 (catalogue: 700000000)"))
        #expect(parsed.clauses.first { $0.kind == .userCap }?["threshold"] == .int(100_000_000))
    }

    @Test func addedAndRemovedClausesAreReported() throws {
        let cat = try #require(sharedCatalogue)
        let text = """
        LLAMA 3.1 COMMUNITY LICENSE AGREEMENT

        2. Additional Commercial Terms. None apply to this edition.

        You will not use the Llama Materials or any output of them to improve any other large language model.
        """
        let parsed = LicenseParser.parse(source: SourceFile(path: "LICENSE", bytes: Array(text.utf8)), catalogue: cat)
        let diffs = try #require(parsed.identification).differences
        #expect(diffs.contains { $0.hasPrefix("adds competing-model-ban") })
        #expect(diffs.contains { $0.hasPrefix("lacks user-cap") })
    }

    @Test func unknownTextIsNotIdentified() throws {
        let cat = try #require(sharedCatalogue)
        let parsed = LicenseParser.parse(source: SourceFile(path: "x", bytes: Array("You may use this model for anything.".utf8)), catalogue: cat)
        #expect(parsed.identification == nil)
    }

    /// The version and date a text states of itself are read from its first lines; a text that states
    /// another version than the catalogue entry it matches is named as another version.
    @Test func theStatedVersionTellsVersionsApart() {
        #expect(StatedVersion.read(Array("Quill Image Non-Commercial License v1.1.1\n\nLast updated: June 26, 2025\n".utf8)) == ("1.1.1", "2025-06-26"))
        #expect(StatedVersion.read(Array("Example License\nVersion 2.0, January 2004\n".utf8)) == ("2.0", nil))
        #expect(StatedVersion.read(Array("Aurora 3.1 Version Release Date: July 23, 2024\n".utf8)) == (nil, "2024-07-23"))
        // A label alone on its line takes the next line's date; a sentence that only uses the word does not.
        #expect(StatedVersion.read(Array("Example Terms\nLast modified:\nApril 1, 2024\n".utf8)) == (nil, "2024-04-01"))
        #expect(StatedVersion.read(Array("Example Terms\nThese terms are effectively a licence.\nSigned on 1 May 2023.\n".utf8)) == (nil, nil))
        #expect(StatedVersion.read(Array("Example Terms\nThe release date of each model\nis 1 May 2023.\n".utf8)) == (nil, nil))
        // "any later version", a "v2" deep in the text: no version stated.
        #expect(StatedVersion.read(Array("Terms\n\nYou may use any later version.\n\n\nThe v2 model is covered.\n".utf8)) == (nil, nil))
        var id = Identification(id: "quill-nc", name: "Quill Image Non-Commercial License", similarity: 1)
        id.version = "1"; id.released = "2024-08-01"
        #expect(!id.isOtherVersion)
        id.statedVersion = "1.0.0"
        #expect(!id.isOtherVersion)
        id.statedVersion = "1.1.1"
        #expect(id.isOtherVersion)
        let l = AppliedLicense(file: "LICENSE", declaredID: nil, identification: id, source: .text, clauses: [])
        #expect(ReportFormatting.licenseName(l) == "another version of Quill Image Non-Commercial License (quill-nc, the text states v1.1.1)")
        #expect(ReportFormatting.licenseIdentity(l).hasPrefix("the text states version 1.1.1; the catalogue holds version 1, released 2024-08-01"))
    }

    /// The catalogue compiled into licenselint is the Licenses/ folder: the folder loads strictly, its
    /// files' digest is the one compiled in, and every entry and base-model row is the same (regenerate with
    /// `python3 scripts/embed-catalogue.py`).
    @Test func theCompiledInCatalogueIsTheLicensesFolder() throws {
        let folder = try Catalogue.load(directory: packageRoot + "/Licenses")
        let compiled = Catalogue.embedded()
        #expect(compiled.version == folder.version, "Licenses/ changed: run python3 scripts/embed-catalogue.py")
        func canonical(_ e: LicenseEntry) -> String {
            var e = e
            e.file = (e.file as NSString).lastPathComponent
            return String(reflecting: e)
        }
        #expect(compiled.entries.map(canonical) == folder.entries.map(canonical), "run python3 scripts/embed-catalogue.py")
        let table = try BaseModelTable.load(catalogueDirectory: packageRoot + "/Licenses", knownLicenses: Set(folder.entries.map(\.id)))
        #expect(BaseModelTable.embedded().entries.map { String(reflecting: $0) } == table.entries.map { String(reflecting: $0) })
        #expect(compiled.version.hasPrefix("\(folder.entries.count) licences, sha256 "))
    }

    // MARK: A strict catalogue: every key, parameter and value is checked where it is written.

    /// Loads a catalogue made of `files` (name → JSON text) and returns the error's text, or nil if it loads.
    private func loadError(_ files: [String: String], subfolders: [String] = []) throws -> String? {
        let dir = NSTemporaryDirectory() + "licenselint-strict-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for f in subfolders { try FileManager.default.createDirectory(atPath: dir + "/" + f, withIntermediateDirectories: true) }
        for (name, text) in files { FileManager.default.createFile(atPath: dir + "/" + name, contents: Data(text.utf8)) }
        do throws(CatalogueError) {
            let c = try Catalogue.load(directory: dir)
            _ = try BaseModelTable.load(catalogueDirectory: dir, knownLicenses: Set(c.entries.map(\.id)))
            return nil
        } catch {
            return error.description
        }
    }

    private func entry(_ id: String, type: String = "model-license", extra: String = "", clauses: String = "") -> String {
        """
        {
          "id": "\(id)",
          "name": "Test \(id)",
          "type": "\(type)",\(extra)
          "clauses": [\(clauses)
          ]
        }
        """
    }

    @Test func aWellFormedEntryLoads() throws {
        let ok = entry("a", extra: "\n  \"policies\": [\"a-aup\"],", clauses: """

            {"kind": "user-cap", "parameters": {"threshold": 5, "metric": "monthly-active-users", "consequence": "license-required"}}
        """)
        #expect(try loadError(["a.json": ok, "a-aup.json": entry("a-aup", type: "use-policy")]) == nil)
    }

    @Test func unknownTopLevelKeyIsAnErrorAtItsLine() throws {
        let e = try #require(try loadError(["a.json": entry("a", extra: "\n  \"licence_url\": \"x\",")]))
        #expect(e.contains("a.json:5:3: unknown key \"licence_url\""))
        #expect(e.contains("[catalogue.unknown-key]"))
    }

    @Test func unknownKeyInsideIdsIsAnError() throws {
        let e = try #require(try loadError(["a.json": entry("a", extra: "\n  \"ids\": {\"spdx\": \"A\", \"hf\": \"a\"},")]))
        #expect(e.contains("unknown key \"hf\" in \"ids\"") && e.contains("a.json:5:"))
    }

    @Test func unknownParameterIsAnErrorAtItsLine() throws {
        let e = try #require(try loadError(["a.json": entry("a", clauses: """

            {"kind": "non-commercial"},
            {"kind": "user-cap",
             "parameters": {"threshold": 5, "treshold": 7}}
        """)]))
        #expect(e.contains("a.json:8:"), "the line of the misspelt parameter: \(e)")
        #expect(e.contains("clause 2 (user-cap): unknown parameter 'treshold'"))
        #expect(e.contains("[catalogue.unknown-parameter]"))
    }

    @Test func parameterOfAKindThatTakesNoneIsAnError() throws {
        let e = try #require(try loadError(["a.json": entry("a", clauses: "\n    {\"kind\": \"non-commercial\", \"parameters\": {\"scope\": \"all\"}}")]))
        #expect(e.contains("this kind takes none"))
    }

    @Test func valueOutsideItsVocabularyIsAnError() throws {
        for (param, value) in [("metric", "\"monthly-users\""), ("consequence", "\"oblige\""), ("threshold", "\"700M\"")] {
            let e = try #require(try loadError(["a.json": entry("a", clauses: "\n    {\"kind\": \"user-cap\", \"parameters\": {\"\(param)\": \(value)}}")]))
            #expect(e.contains("parameter '\(param)'") && e.contains("[catalogue.invalid-parameter]"), "\(e)")
        }
        let cat = try #require(try loadError(["a.json": entry("a", clauses: "\n    {\"kind\": \"acceptable-use\", \"parameters\": {\"categories\": [\"military\", \"weapons\"]}}")]))
        #expect(cat.contains("'weapons' is not one of"))
    }

    @Test func unknownClauseKeyAndKindAreErrors() throws {
        let key = try #require(try loadError(["a.json": entry("a", clauses: "\n    {\"kind\": \"user-cap\", \"params\": {}}")]))
        #expect(key.contains("unknown key \"params\""))
        let kind = try #require(try loadError(["a.json": entry("a", clauses: "\n    {\"kind\": \"user-capp\"}")]))
        #expect(kind.contains("unknown kind 'user-capp'") && kind.contains("a.json:6:"))
    }

    @Test func wrongValueTypesAreErrorsNotDefaults() throws {
        let flag = try #require(try loadError(["a.json": entry("a", extra: "\n  \"openness\": {\"osiApproved\": \"yes\"},")]))
        #expect(flag.contains("\"osiApproved\" must be true or false"))
        let text = try #require(try loadError(["a.json": entry("a", extra: "\n  \"url\": 3,")]))
        #expect(text.contains("\"url\" must be a text"))
    }

    @Test func policiesMustNameUsePoliciesOfTheCatalogue() throws {
        let missing = try #require(try loadError(["a.json": entry("a", extra: "\n  \"policies\": [\"a-aupp\"],")]))
        #expect(missing.contains("'a-aupp' is not an entry") && missing.contains("[catalogue.unknown-policy]") && missing.contains("a.json:5:"))
        let notPolicy = try #require(try loadError(["a.json": entry("a", extra: "\n  \"policies\": [\"b\"],"), "b.json": entry("b")]))
        #expect(notPolicy.contains("'b' is not a use-policy entry"))
    }

    @Test func baseModelsMustNameCatalogueLicences() throws {
        let table = """
        {"baseModels": [
          {"pattern": "org/ok-*", "license": "a", "source": "https://example.org/ok"},
          {"pattern": "org/bad-*", "license": "a-typo", "source": "https://example.org/bad"}
        ]}
        """
        let e = try #require(try loadError(["a.json": entry("a"), "base-models/t.json": table], subfolders: ["base-models"]))
        #expect(e.contains("base model 'org/bad-*': licence 'a-typo' is not an entry") && e.contains("t.json:3:"))
    }

    @Test func theShippedCatalogueIsStrictlyValid() throws {
        let dir = packageRoot + "/Licenses"
        let c = try Catalogue.load(directory: dir)
        let table = try BaseModelTable.load(catalogueDirectory: dir, knownLicenses: Set(c.entries.map(\.id)))
        #expect(c.entries.count > 40 && !table.entries.isEmpty)
    }
}
