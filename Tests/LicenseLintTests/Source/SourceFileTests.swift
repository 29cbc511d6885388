import Testing
import Foundation
@testable import LicenseLint

@Suite struct SourceFileTests {
    /// A range that ends (or starts) inside a character's bytes takes the whole character: the closing
    /// quotation mark of a notice was shown as U+FFFD.
    @Test func excerptsNeverCutACharacter() {
        let text = "You must keep this notice: \u{201C}Aurora is licensed, All Rights Reserved.\u{201D} Thanks."
        let src = SourceFile(path: "L", bytes: Array(text.utf8))
        let close = Array(text.utf8).firstIndex(of: 0xE2).map { _ in Array(text.utf8).lastIndex(of: 0x9D)! }!
        for end in [close - 1, close, close + 1] {
            let e = src.excerpt(from: 0, to: end)
            #expect(!e.contains("\u{FFFD}"), "\(end): \(e)")
        }
        #expect(src.excerpt(from: 0, to: close).hasSuffix("Reserved.\u{201D}"))
        #expect(!src.excerpt(from: 28, to: 40).contains("\u{FFFD}"))
    }

    /// Random multi-byte text cut at every position, with small and large limits: never a replacement
    /// character, never a broken character, and an excerpt cut at its limit ends at a word or clause boundary
    /// of the text, marked " …".
    @Test func excerptsOfRandomMultibyteTextCutCleanly() {
        let pieces = ["licence", "Model", "“Aurora”", "é", "ça", "🦙", "👩‍💻", "e\u{301}", "模型", "许可", ",", ";", ":", "—", "über", "™"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int { state = state &* 6364136223846793005 &+ 1442695040888963407; return Int(state >> 33) }
        func collapse(_ s: String) -> String { s.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        for round in 0..<12 {
            var text = ""
            for _ in 0..<(20 + next() % 30) { text += pieces[next() % pieces.count] + (next() % 3 == 0 ? "" : " ") }
            let bytes = Array(text.utf8)
            let src = SourceFile(path: "r\(round)", bytes: bytes)
            let whole = collapse(text)
            for limit in [12, 40, 300] {
                for end in 0...bytes.count {
                    let e = src.excerpt(from: 0, to: end, limit: limit)
                    #expect(!e.contains("\u{FFFD}"), "round \(round), end \(end): \(e)")
                    #expect(String(decoding: Array(e.utf8), as: UTF8.self) == e)
                    guard e.hasSuffix(" …") else { continue }
                    let body = String(e.dropLast(2))
                    #expect(whole.hasPrefix(body), "round \(round), end \(end), limit \(limit): \(e)")
                    // The text does not go on inside the word the cut ends in.
                    let after = whole.dropFirst(body.count).first
                    let inside = body.last.map(SourceFile.isWordCharacter) == true && after.map(SourceFile.isWordCharacter) == true
                    #expect(!inside, "cut inside a word: \(e)")
                }
            }
        }
    }

    @Test func aCutExcerptEndsAtAClauseOrWordBoundary() {
        let long = "If the monthly active users exceed 700 million, you must request a license from the Licensor, and until it is granted you may not exercise any rights under this Agreement."
        let src = SourceFile(path: "L", bytes: Array(long.utf8))
        let e = src.excerpt(from: 0, to: long.utf8.count, limit: 120)
        #expect(e == "If the monthly active users exceed 700 million, you must request a license from the Licensor …")
        #expect(SourceFile.endAtABoundary("short and whole") == "short and whole")
        #expect(SourceFile.endAtABoundary("one two three four fiv…") == "one two three four …")
        // A sentence that itself ends in "…", or that ends exactly at the limit, is whole: nothing is cut.
        let trailing = "Show the notice Built with Orion…"
        #expect(SourceFile(path: "L", bytes: Array(trailing.utf8)).excerpt(from: 0, to: trailing.utf8.count, limit: 300) == trailing)
        let exact = "one two three"
        #expect(SourceFile(path: "L", bytes: Array((exact + "  \n").utf8)).excerpt(from: 0, to: exact.utf8.count + 3, limit: exact.count) == exact)
        #expect(SourceFile(path: "L", bytes: Array("one two three four".utf8)).excerpt(from: 0, to: 18, limit: 13) == "one two …")
    }

    @Test func utf8WithBOMIsReadWithoutTheMark() throws {
        let f = try SourceFile.decode(path: "x", raw: [0xEF, 0xBB, 0xBF] + Array("Line one\nLine two".utf8))
        #expect(f.lineText(1) == "Line one")
        #expect(f.lineCount == 2)
    }

    @Test func utf16WithBOMIsConverted() throws {
        var raw: [UInt8] = [0xFF, 0xFE]
        for u in "Licence\nsecond".utf16 { raw.append(UInt8(u & 0xFF)); raw.append(UInt8(u >> 8)) }
        let f = try SourceFile.decode(path: "x", raw: raw)
        #expect(f.lineText(2) == "second")
    }

    @Test(arguments: [true, false]) func utf32WithBOMIsConverted(little: Bool) throws {
        let text = "Licence “Orion” ©\nsecond line 🙂"
        var raw: [UInt8] = little ? [0xFF, 0xFE, 0, 0] : [0, 0, 0xFE, 0xFF]
        for u in text.unicodeScalars {
            let v = u.value
            let bytes = [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 24)]
            raw += little ? bytes : bytes.reversed()
        }
        let f = try SourceFile.decode(path: "x", raw: raw)
        #expect(f.bytes == Array(text.utf8))
        #expect(f.lineText(2) == "second line 🙂")
    }

    @Test func utf32WithASurrogateOrBadLengthIsAnError() {
        let surrogate: [UInt8] = [0xFF, 0xFE, 0, 0, 0x41, 0, 0, 0, 0x00, 0xD8, 0, 0]
        do { _ = try SourceFile.decode(path: "s", raw: surrogate); Issue.record("expected an error") }
        catch { #expect(error.code == "input.invalid-utf32") }
        do { _ = try SourceFile.decode(path: "s", raw: [0xFF, 0xFE, 0, 0, 0x41, 0]); Issue.record("expected an error") }
        catch { #expect(error.code == "input.invalid-utf32") }
    }

    @Test func invalidUTF8IsAnErrorAtItsLineAndColumn() {
        do {
            _ = try SourceFile.decode(path: "bad.txt", raw: Array("ok\nab".utf8) + [0xFF] + Array("c".utf8))
            Issue.record("expected an error")
        } catch {
            #expect(error.code == "input.invalid-utf8")
            #expect(error.location == SourceLocation(line: 2, column: 3))
            #expect(error.description.hasPrefix("bad.txt:2:3: "))
        }
    }

    @Test func binaryIsRefused() {
        #expect(throws: InputError.self) { _ = try SourceFile.decode(path: "b", raw: [0x7F, 0x45, 0x4C, 0x46, 0, 0, 1, 2]) }
    }

    @Test func utf16WithoutBOMIsNamed() {
        var raw: [UInt8] = []
        for u in "Licence text here".utf16 { raw.append(UInt8(u & 0xFF)); raw.append(UInt8(u >> 8)) }
        do { _ = try SourceFile.decode(path: "u", raw: raw); Issue.record("expected an error") }
        catch { #expect(error.code == "input.utf16-without-bom") }
    }

    @Test func crlfLinesAreCountedOnce() {
        let f = SourceFile(path: "x", bytes: Array("a\r\nb\r\nc".utf8))
        #expect(f.lineCount == 3)
        #expect(f.location(ofByte: 6) == SourceLocation(line: 3, column: 1))
    }

    @Test func missingFileIsNotFound() {
        do { _ = try SourceFile.load(path: "/nonexistent/licence"); Issue.record("expected an error") }
        catch { #expect(error.code == "input.not-found") }
    }
}

@Suite struct NormalizationTests {
    @Test func quotesSpacesAndHyphensNormaliseButOffsetsStay() {
        let src = Array("You may not use it for non-\ncommercial\u{00A0}purposes, \u{201C}Built\u{00AD}with\u{201D}.".utf8)
        let n = NormalizedText(src)
        let s = String(decoding: n.lower, as: UTF8.self)
        #expect(s.contains("noncommercial purposes"))
        #expect(s.contains("\"builtwith\""))
        // Every normalised byte maps back into the source.
        #expect(n.origin.allSatisfy { Int($0) >= 0 && Int($0) < src.count })
        let at = s.range(of: "purposes").map { s.utf8.distance(from: s.startIndex, to: $0.lowerBound) } ?? 0
        let sourceOffset = n.sourceOffset(at)
        #expect(String(decoding: src[sourceOffset..<(sourceOffset + 8)], as: UTF8.self) == "purposes")
    }

    @Test func listItemsBelongToTheirLeadIn() {
        let text = "You agree not to use the Model:\n\n(a) to harass anyone;\n\n(b) to spread disinformation.\n\n5. Other terms. Nothing else."
        let a = Analysis(source: SourceFile(path: "x", bytes: Array(text.utf8)))
        let items = a.sentences.filter { $0.lead == 0 }
        #expect(items.count == 2)
        #expect(a.sentences.last?.lead == nil)
    }

    /// "…: (a) …; (b) …; and (c) …." in one paragraph reads like the same list written one item a line:
    /// each item is a sentence under the lead-in, and the list ends with its full stop and its paragraph.
    @Test func inlineListItemsBelongToTheirLeadIn() {
        let text = "You agree not to use the Model: (a) to harass anyone; (b) to spread disinformation; and (c) to track people. Nothing else follows.\n\nA later paragraph about fees."
        let a = Analysis(source: SourceFile(path: "x", bytes: Array(text.utf8)))
        let body = { (s: Sentence) in String(decoding: a.bytes[s.start..<s.end], as: UTF8.self) }
        #expect(a.sentences.map(body) == ["You agree not to use the Model:", "(a) to harass anyone;", "(b) to spread disinformation;",
                                          "(c) to track people.", "Nothing else follows.", "A later paragraph about fees."])
        #expect(a.sentences.map(\.lead) == [nil, 0, 0, 0, nil, nil])
        #expect(a.sentences[0].endsWithColon)
    }

    @Test func inlineNumberedItemsSplitEvenWithoutSemicolons() {
        let text = "You agree not to use the Model: 1. To harass anyone 2. To spread disinformation; 3. To track people."
        let a = Analysis(source: SourceFile(path: "x", bytes: Array(text.utf8)))
        #expect(a.sentences.count == 4)
        #expect(a.sentences.dropFirst().allSatisfy { $0.lead == 0 && $0.isInlineItem })
    }

    @Test func aColonBeforeOrdinaryTextOpensNoInlineList() {
        // "(i)" mid-sentence, a colon before a quotation, "Section 2." and "e.g." are not markers here.
        let text = "You must provide (i) a copy of this License and (ii) the following notice: \"Built with Nimbus\". See Section 2. (e.g. the README). Keep this line: (c) 2024 Example Corp. Read Part: 3. Fees apply."
        let a = Analysis(source: SourceFile(path: "x", bytes: Array(text.utf8)))
        #expect(!a.sentences.contains { $0.isInlineItem || $0.inlineItemStyle != nil })
    }

    /// An inline list under a definition is part of the definition; a paragraph after it is not an item.
    @Test func inlineItemsOfADefinitionAreDefinitions() {
        let text = "\u{201C}Research Purpose\u{201D} means any of the following: (i) academic study; (ii) evaluation by a university.\n\nYou may use the Model for Research Purposes only."
        let a = Analysis(source: SourceFile(path: "x", bytes: Array(text.utf8)))
        #expect(a.sentences.count == 4)
        #expect(a.definition == [true, true, true, false])
        #expect(a.sentences[3].lead == nil)
    }
}

@Suite struct QuantityTests {
    @Test(arguments: [
        ("700 million", Int64(700_000_000), nil as String?), ("700,000,000", 700_000_000, nil), ("100M", 100_000_000, nil),
        ("one hundred million", 100_000_000, nil), ("seven hundred million", 700_000_000, nil), ("1.2B", 1_200_000_000, nil),
        ("US$1,000,000", 1_000_000, "USD"), ("USD 1 million", 1_000_000, "USD"), ("$1M", 1_000_000, "USD"),
        ("usd $1,000,000", 1_000_000, "USD"), ("€2.5 million", 2_500_000, "EUR"), ("5000000 USD", 5_000_000, "USD"),
    ])
    func reads(_ text: String, _ value: Int64, _ currency: String?) {
        let b = Array(text.lowercased().utf8)
        let q = Quantities.find(in: b, from: 0, to: b.count)
        #expect(q.count == 1)
        #expect(q.first?.value == value)
        #expect(q.first?.currency == currency)
    }

    @Test func ordinalsAreNotQuantities() {
        let b = Array("the 2nd and 3rd parties".utf8)
        #expect(Quantities.find(in: b, from: 0, to: b.count).isEmpty)
    }
}

/// SHA-256 against the FIPS 180-4 examples (and the padding edge of a 56-byte message).
@Test func sha256MatchesTheStandardVectors() {
    #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
}
