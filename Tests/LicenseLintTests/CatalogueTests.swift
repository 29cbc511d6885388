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

    @Test func catalogueIsFoundFromTheCheckout() {
        #expect(Catalogue.locate(environment: [:], executable: "/nonexistent/bin/x", currentDirectory: packageRoot) != nil)
    }
}
