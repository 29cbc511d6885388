import Testing
import Foundation
@testable import LicenseLint

// Regression tests for inputs that crashed, hung or misread in fuzzing (scripts/fuzz.sh) and in
// PropertyTests. Each input lives in Tests/LicenseLintTests/Regressions/ or, where it is too large
// to keep there, is generated here from a few lines of text. Every test asserts the input is read
// without a trap and gives a clean result or a coded error.

@Suite struct FuzzRegressionTests {
    func regression(_ name: String) throws -> [UInt8] {
        let path = fixture("Tests/LicenseLintTests/Regressions/\(name)")
        return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// Reads bytes the way `licenselint parse` reads a file, and checks the evidence lines.
    func parse(_ raw: [UInt8], catalogue: Catalogue? = nil) throws -> ParsedLicense {
        let source = try SourceFile.decode(path: "LICENSE", raw: raw)
        let parsed = LicenseParser.parse(source: source, catalogue: catalogue)
        for c in parsed.clauses {
            #expect(c.evidence.line >= 1 && c.evidence.line <= c.evidence.endLine && c.evidence.endLine <= source.lineCount)
        }
        _ = ParseReport.json([ParsedDocument(path: "LICENSE", outcome: .success(parsed))]).render()
        return parsed
    }

    // Quantities.words multiplied and added number words in plain Int64 arithmetic: ten "hundred"s
    // (100^10 > Int64.max) trapped with an arithmetic overflow, in the release CLI too (`licenselint
    // parse` died with SIGILL on this 266-byte file). Found by PropertyTests.numberWordsNeverTrap.
    @Test func numberWordsBeyondInt64DoNotTrap() throws {
        let parsed = try parse(try regression("number-words-overflow.txt"))
        for c in parsed.clauses where c.kind == .userCap {
            #expect((c["threshold"]?.intValue ?? 1) > 0, "a threshold that overflowed: \(c.parameters)")
        }
    }

    // Same overflow through a scale word: "hundred" six times then "trillion" (10^12 · 10^12).
    @Test func numberWordScaleBeyondInt64DoesNotTrap() throws {
        let parsed = try parse(try regression("number-words-scale-overflow.txt"))
        for c in parsed.clauses where c.kind == .revenueCap {
            #expect((c["amount"]?.intValue ?? 1) > 0, "an amount that overflowed: \(c.parameters)")
        }
    }

    // Quantities.find directly: number words too large for Int64 are not a quantity (or a sane one).
    @Test func quantitiesOfHugeNumberWords() {
        for text in ["one hundred hundred hundred hundred hundred hundred hundred hundred hundred hundred users",
                     "nine hundred hundred hundred hundred hundred hundred hundred hundred hundred billion",
                     "one hundred hundred hundred hundred hundred hundred trillion dollars",
                     String(repeating: "ninety ", count: 50) + "trillion trillion trillion trillion trillion trillion trillion"] {
            let t = NormalizedText(Array(text.utf8)).lower
            for q in Quantities.find(in: t, from: 0, to: t.count) {
                #expect(q.value >= 0, "\(text): \(q.value)")
            }
        }
    }

    // NormalizedText.endsItem recursed once per closing quote, bracket or asterisk at the end of a
    // line: about 13,000 ')' overflowed a debug test thread's stack (SIGSEGV). Release builds turn
    // the tail call into a loop, so only debug builds (and `swift test`) crashed.
    @Test func longRunOfClosingBracketsAtLineEndDoesNotOverflowTheStack() throws {
        for closer in [")", "\"", "\u{201D}"] {
            let text = "Preamble.\n" + String(repeating: closer, count: 400_000) + "\nYou may not redistribute the Model.\n"
            let parsed = try parse(Array(text.utf8))
            #expect(parsed.clauses.contains { $0.kind == .redistributionBan })
        }
    }

    // SentenceView.prohibits recursed once per lead-in ("x:") above a sentence, without the depth
    // limit `inherits` has: 200,000 lead-ins overflowed a debug test thread's stack, and 1,000,000
    // (a 7 MB file, under the 10 MB limit) crashed the release CLI with SIGSEGV.
    @Test func longChainOfLeadInsDoesNotOverflowTheStack() throws {
        let text = String(repeating: "Terms:\n", count: 200_000) + "Use the model outputs to train any other model.\n"
        _ = try parse(Array(text.utf8))
    }

    // ModelCard.parse split the card on the Character "\n"; in Swift "\r\n" is one Character, so a
    // CRLF card was one "line" and its front matter was silently ignored (licence not read).
    @Test func crlfModelCardFrontMatterIsRead() throws {
        let raw = try regression("model-card-crlf.md")
        let source = try SourceFile.decode(path: "README.md", raw: raw)
        guard case .success(let card) = ModelCard.parse(source) else {
            Issue.record("a CRLF model card was refused"); return
        }
        #expect(card.license?.value == "apache-2.0")
        #expect(card.license?.line == 2)
        #expect(card.title == "Example")
    }

    // MARK: - Work that grows faster than the input (hangs on large files)

    /// Parses a generated text that used to make the parser quadratic. Its speed is measured by
    /// `scripts/bench.sh` ("pathological inputs"), never here: a unit test only guards against a hang,
    /// with a time limit far above the quadratic case's minutes.
    func parsesCompletely(_ text: String, _ what: String) throws {
        let parsed = try parse(Array(text.utf8))
        #expect(!parsed.clauses.isEmpty || parsed.identification == nil, "\(what)")
    }

    // RevenueCapDetector.detect: `money.min(by:)` calls `distance`, which rebuilds `s.hits(.revenue)`
    // for every comparison: O(amounts × hits) per sentence. One 256 KB sentence took 7.8 s in a
    // release build (10 MB, the input limit: about 3.5 hours).
    @Test(.timeLimit(.minutes(1))) func revenueCapOnALongSentenceIsNotQuadratic() throws {
        let text = "If your revenue exceeds the limit " + String(repeating: "revenue of $1000 ", count: 4_500)
            + "you must request a license.\n"
        try parsesCompletely(text, "revenue-cap sentence")
    }

    // UserCapDetector.detect: for each quantity, `users.first(where:)` and `after(q)` scan every
    // users hit of the sentence, and `after` rebuilds `s.hits(.compare)` per candidate: quadratic.
    // 1 MB took 15.5 s in a release build (10 MB: about 25 minutes).
    @Test(.timeLimit(.minutes(1))) func userCapOnALongSentenceIsNotQuadratic() throws {
        let text = "If the total exceeds the limit " + String(repeating: "q", count: 80) + " "
            + String(repeating: "users abcdefghijklm 1000 zzzzzzzzzzzzzz ", count: 4_500) + "you must request a license.\n"
        try parsesCompletely(text, "user-cap sentence")
    }

    // SentenceView.before / near compare every hit of one group with every hit of the other; with no
    // match (all models before all training verbs) that is |a|·|b| per sentence. CompetingModelBan.
    @Test(.timeLimit(.minutes(1))) func trainingVerbsAfterModelsInALongSentenceAreNotQuadratic() throws {
        let text = "You may not use any other " + String(repeating: "model ", count: 22_000)
            + String(repeating: "train ", count: 22_000) + "for anything.\n"
        try parsesCompletely(text, "model/train sentence")
    }

    // Quantities.find calls `words` at every word; `words` reads up to the end of a run of number
    // words and, when the run is no quantity (999 × "one"), the next call starts one word later:
    // O(run²) per run. 400 KB took 3.2 s in a release build (10 MB: about 80 s).
    @Test(.timeLimit(.minutes(1))) func longRunsOfNumberWordsAreNotQuadratic() throws {
        let text = "If the monthly active users are more than "
            + String(repeating: String(repeating: "one ", count: 999) + "x ", count: 150) + "users, you must request a license.\n"
        try parsesCompletely(text, "number-word runs")
    }
}
