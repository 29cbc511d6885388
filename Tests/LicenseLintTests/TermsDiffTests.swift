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
}
