import Foundation
import Testing
@testable import LicenseLint

/// Terms drift: clauses compared by kind and parameters, never by wording.
@Suite struct TermsDiffTests {
    func clauses(_ text: String) -> [Clause] {
        LicenseParser.parse(source: SourceFile(path: "L", bytes: Array(text.utf8)), catalogue: nil).clauses
    }

    static let v1 = """
    AURORA LICENCE

    If the products of Licensee have more than 700 million monthly active users, you must request a license from Example Corp.

    You will not use the outputs of the Model to improve any other large language model.

    This Agreement is governed by the laws of the State of California.
    """

    @Test func rewrappingReorderingAndQuotesAreNotDifferences() {
        let v1b = """
        AURORA LICENCE

        This Agreement is governed by the laws of the
        State of California.

        If the products of Licensee have more than 700 million monthly
        active users, you must request a license from Example Corp.

        You will not use the outputs of the Model to improve any other
        large language model.
        """
        let d = TermsDiff.compare(old: clauses(Self.v1), new: clauses(v1b))
        #expect(d.isEmpty, "\(d.added.map(\.kind)) \(d.removed.map(\.kind)) \(d.changed.map(\.kind))")
    }

    @Test func aChangedCapARemovedBanAndANewLaw() {
        let v2 = """
        AURORA LICENCE

        If the products of Licensee have more than 1 billion monthly active users, you must request a license from Example Corp.

        This Agreement is governed by the laws of Ireland.
        """
        let d = TermsDiff.compare(old: clauses(Self.v1), new: clauses(v2))
        let cap = d.changed.first { $0.kind == .userCap }
        #expect(cap?.parameters.contains { $0.0 == "threshold" && $0.1 == "700000000" && $0.2 == "1000000000" } == true)
        #expect(d.changed.contains { $0.kind == .governingLaw && $0.parameters.contains { $0.1 == "US-CA" && $0.2 == "IE" } })
        #expect(d.removed.map(\.kind) == [.competingModelBan])
        #expect(d.added.isEmpty)
    }

    static let title = "AURORA LICENCE\n\n"

    /// Every clause kind, from the detector tests' sentence for it: added to a licence that lacks it, and
    /// removed from one that has it — and nothing else differs.
    @Test(arguments: ClauseKind.allCases)
    func everyKindAddedAndRemoved(_ kind: ClauseKind) throws {
        let c = try #require(positiveCases.first { $0.kind == kind }, "no detector sentence for \(kind.rawValue)")
        let sentence = c.text.replacingOccurrences(of: "⟦", with: "")
        let without = clauses(Self.title), with = clauses(Self.title + sentence)
        #expect(!with.filter { $0.kind == kind }.isEmpty)
        let added = TermsDiff.compare(old: without, new: with)
        #expect(added.added.contains { $0.kind == kind }, "\(kind.rawValue) not reported as added")
        #expect(added.removed.isEmpty && added.changed.isEmpty)
        let removed = TermsDiff.compare(old: with, new: without)
        #expect(removed.removed.contains { $0.kind == kind }, "\(kind.rawValue) not reported as removed")
        #expect(removed.added.isEmpty && removed.changed.isEmpty)
        #expect(removed.lines.contains { $0.hasPrefix("removed \(kind.rawValue)") })
    }

    /// Every kind that has parameters, with each parameter changed: one change of that clause, naming the
    /// parameter with its old and new value — never a removal and an addition.
    static let changes: [(ClauseKind, String, String, [String: (String?, String?)])] = [
        (.userCap, "If the products of the Licensee have more than 300 million monthly active users in a calendar month, you must request a license from Provider.",
         "If the products of the Licensee have more than 500 million daily active users in a calendar month, you must request a license from Provider.",
         ["threshold": ("300000000", "500000000"), "metric": ("monthly-active-users", "daily-active-users")]),
        (.revenueCap, "If your organisation generates more than US$5,000,000 in annual revenue, you must obtain a commercial license.",
         "If your organisation generates more than US$10,000,000 in monthly revenue, you must obtain a commercial license.",
         ["amount": ("5000000", "10000000"), "period": ("annual", "monthly")]),
        (.revenueCap, "Entities with annual revenue above EUR 10 million must obtain an enterprise license.",
         "Entities with annual revenue above USD 10 million must obtain an enterprise license.", ["currency": ("EUR", "USD")]),
        (.competingModelBan, "You agree not to use the Model, or any Derivative of it, for the purpose of training another foundation model.",
         "You will not use the outputs of the Materials to improve any other large language model.", ["scope": ("model", "both")]),
        (.namingRequirement, "If you distribute a fine-tuned model, you shall include \"Nimbus\" at the beginning of the name of that model.",
         "If you distribute a fine-tuned model, you shall include \"Cirrus\" at the beginning of the name of that model.", ["prefix": ("Nimbus", "Cirrus")]),
        (.attribution, "If you make the Materials available, you shall prominently display \"Powered by Nimbus\" on your website.",
         "If you make the Materials available, you shall prominently display \"Built with Nimbus\" on your website.", ["notice": ("Powered by Nimbus", "Built with Nimbus")]),
        (.acceptableUse, "Your use of the Model must comply with the Acceptable Use Policy, which is hereby incorporated by reference.",
         "You must not use the Model to create malware or to conduct cyberattacks, or to harass any person.",
         ["policy": ("incorporated", "inline"), "categories": ("[]", "[harassment, malware-cyberattack]")]),
        (.geographicRestriction, "THIS AGREEMENT DOES NOT APPLY IN THE EUROPEAN UNION, THE UNITED KINGDOM OR SOUTH KOREA.",
         "THIS AGREEMENT DOES NOT APPLY IN THE EUROPEAN UNION OR THE UNITED KINGDOM.", ["regions": ("[EU, GB, KR]", "[EU, GB]")]),
        (.governingLaw, "This Agreement is governed by Swiss law.", "This Agreement is governed by the laws of the Republic of Singapore.",
         ["jurisdiction": ("CH", "SG")]),
        (.outputOwnership, "We do not claim ownership of the content you generate with the Model.", "You own the outputs you generate with the Model.",
         ["owner": ("unclaimed", "licensee")]),
        (.contractScope, "These Terms apply to your use of our services for individuals.", "These Terms apply to your use of our services for businesses.",
         ["covers": ("[individuals]", nil), "excludes": (nil, "[business-use]")]),
    ]

    @Test func everyParameterChangeIsAChangeOfThatClause() {
        for (kind, old, new, want) in Self.changes {
            let d = TermsDiff.compare(old: clauses(Self.title + old), new: clauses(Self.title + new))
            #expect(d.added.isEmpty && d.removed.isEmpty, "\(kind.rawValue): \(d.lines)")
            let change = d.changed.first { $0.kind == kind }
            #expect(change != nil, "\(kind.rawValue): no change reported: \(d.lines)")
            for (name, (a, b)) in want {
                #expect(change?.parameters.contains { $0.0 == name && $0.1 == a && $0.2 == b } == true,
                        "\(kind.rawValue).\(name): want \(a ?? "—") → \(b ?? "—"), got \(change?.parameters.map { "\($0.0) \($0.1 ?? "—") → \($0.2 ?? "—")" } ?? [])")
            }
        }
        // Kinds with parameters all have a case here.
        let covered = Set(Self.changes.map(\.0))
        for c in positiveCases where !c.parameters.isEmpty { #expect(covered.contains(c.kind), "\(c.kind.rawValue) has no parameter-change case") }
    }

    /// The catalogue knows which entry replaces which: an older Llama licence is reported with the newest
    /// version and what each version changed.
    @Test func olderCatalogueVersionsNameTheNewestAndTheChanges() throws {
        let cat = try #require(sharedCatalogue)
        let note = try #require(cat.versionNote(for: "llama3"))
        #expect(note.id == "llama4")
        #expect(note.changes.contains("in 3.1: removed competing-model-ban (except Meta Llama 3 or derivative works thereof, scope both)"), "\(note.changes)")
        #expect(note.changes.contains("in 3.1: changed naming-requirement: prefix Llama 3 → Llama"), "\(note.changes)")
        // The newest version has no note; an entry nothing replaces has none either.
        #expect(cat.versionNote(for: note.id) == nil)
        #expect(cat.versionNote(for: "apache-2.0") == nil)
        // A text identified as Llama 3 (our own sentences with its title phrases) carries the note.
        let text = "AURORA TERMS UNDER THE LLAMA 3 COMMUNITY LICENSE\n\n\"Llama Materials\" means the model.\n\nAdditional Commercial Terms. None.\n"
        let parsed = LicenseParser.parse(source: SourceFile(path: "L", bytes: Array(text.utf8)), catalogue: cat)
        #expect(parsed.identification?.id == "llama3")
        #expect(parsed.identification?.newerVersion?.id == "llama4")
    }

    @Test func aSupersededIdMustBeInTheCatalogue() throws {
        let dir = NSTemporaryDirectory() + "licenselint-supersedes-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Array("{\"id\": \"apache-2.0\", \"name\": \"A\", \"type\": \"open-source\"}".utf8).withUnsafeBytes { try Data($0).write(to: URL(fileURLWithPath: dir + "/apache-2.0.json")) }
        try Array("{\"id\": \"b\", \"name\": \"B\", \"type\": \"model-license\", \"supersedes\": \"nowhere\"}".utf8).withUnsafeBytes { try Data($0).write(to: URL(fileURLWithPath: dir + "/b.json")) }
        #expect(throws: CatalogueError.self) { try Catalogue.load(directory: dir) }
    }
}
