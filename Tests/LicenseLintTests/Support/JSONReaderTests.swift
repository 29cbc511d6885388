import Testing
import Foundation
@testable import LicenseLint

@Suite struct JSONReaderTests {
    func parse(_ s: String) throws -> JSON { try JSONReader.parse(Array(s.utf8)) }

    func failure(_ s: String) -> JSONReader.Failure? {
        do { _ = try JSONReader.parse(Array(s.utf8)); return nil } catch { return error }
    }

    @Test func readsEveryKindOfValueAndKeepsKeyOrder() throws {
        let v = try parse(#"{"b": [1, -2, 3.5, 1e3, true, false, null], "a": "x\"y\\z\u00e9\ud83d\ude00", "c": {}}"#)
        guard case .object(let pairs) = v else { Issue.record("not an object"); return }
        #expect(pairs.map(\.0) == ["b", "a", "c"])
        #expect(v["b"] == .array([.int(1), .int(-2), .double(3.5), .double(1000), .bool(true), .bool(false), .null]))
        #expect(v["a"] == .string("x\"y\\zé😀"))
        #expect(v["c"] == .object([]))
    }

    @Test func agreesWithFoundationOnStringsAndNumbers() throws {
        let samples = [#""plain""#, #""tab\tnew\nline\/slash\b\f\r""#, #""\u0041\u00DF\u4E2D\uD834\uDD1E""#,
                       "0", "-0", "123456789012345678", "9223372036854775807", "-9223372036854775808",
                       "9223372036854775808", "0.5", "-1.25e-3", "6.02E23", #""日本語 ünïcödé""#]
        for s in samples {
            let ours = try JSONReader.parse(Array(s.utf8))
            let theirs = try JSONSerialization.jsonObject(with: Data(s.utf8), options: .fragmentsAllowed)
            switch ours {
            case .string(let x): #expect(x == theirs as? String, "\(s)")
            case .int(let x): #expect(NSNumber(value: x) == theirs as? NSNumber, "\(s)")
            case .double(let x): #expect(x == (theirs as? NSNumber)?.doubleValue, "\(s)")
            default: Issue.record("unexpected value for \(s)")
            }
        }
    }

    @Test func skipsAByteOrderMark() throws {
        #expect(try JSONReader.parse([0xEF, 0xBB, 0xBF] + Array("[1]".utf8)) == .array([.int(1)]))
    }

    @Test(arguments: [
        ("{\"a\": 1,}", 1, 9, "expected a key"),
        ("[1, 2,]", 1, 7, "a value was expected"),
        ("{\n  \"a\": 1\n  \"b\": 2\n}", 3, 3, "expected ',' or '}'"),
        ("{\"a\": 1, \"a\": 2}", 1, 10, "duplicate key"),
        ("\"abc", 1, 5, "unterminated string"),
        ("\"a\u{1}b\"", 1, 3, "control character"),
        ("\"\\x\"", 1, 2, "invalid escape"),
        ("\"\\ud800\"", 1, 8, "lone high surrogate"),
        ("\"\\udc00\"", 1, 8, "lone low surrogate"),
        ("01", 1, 2, "leading zero"),
        ("1.", 1, 3, "decimal point"),
        ("1e", 1, 3, "exponent"),
        ("-", 1, 2, "needs digits"),
        ("tru", 1, 1, "end of the file"),
        ("nul!", 1, 1, "a value was expected"),
        ("[1] x", 1, 5, "after the JSON value"),
        ("", 1, 1, "a value was expected"),
        ("// comment\n{}", 1, 1, "a value was expected"),
        ("1e999", 1, 1, "out of range"),
    ])
    func rejectsMalformedInputWithItsPosition(_ c: (String, Int, Int, String)) {
        let f = failure(c.0)
        #expect(f != nil, "\(c.0) was accepted")
        #expect(f?.line == c.1 && f?.column == c.2, "\(c.0): \(String(describing: f))")
        #expect(f?.message.contains(c.3) == true, "\(c.0): \(String(describing: f))")
    }

    @Test func rejectsInvalidUTF8InStrings() {
        let f: JSONReader.Failure?
        do { _ = try JSONReader.parse([0x22, 0x61, 0xFF, 0x22]); f = nil } catch { f = error }
        #expect(f?.message.contains("not valid UTF-8") == true)
    }

    @Test func limitsNestingInsteadOfOverflowingTheStack() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(failure(deep)?.message.contains("nested more than") == true)
        let ok = String(repeating: "[", count: JSONReader.maxDepth) + String(repeating: "]", count: JSONReader.maxDepth)
        #expect(failure(ok) == nil)
    }

    @Test func readsEveryCatalogueFile() throws {
        let dir = fixture("Licenses")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".json") }
        #expect(names.count > 40)
        for name in names {
            let data = try #require(FileManager.default.contents(atPath: dir + "/" + name))
            let ours = try JSONReader.parse([UInt8](data))
            let theirs = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            #expect(ours["id"]?.stringValue == theirs["id"] as? String, "\(name)")
            if case .object(let pairs) = ours { #expect(Set(pairs.map(\.0)) == Set(theirs.keys), "\(name)") }
        }
    }
}
