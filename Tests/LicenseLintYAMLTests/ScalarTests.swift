import Testing
@testable import LicenseLintYAML

@Suite("Scalars")
struct ScalarTests {
    /// YAML 1.2 core schema on plain scalars; anything else stays a string.
    @Test(arguments: [
        ("null", "null"), ("Null", "null"), ("NULL", "null"), ("~", "null"), ("", "null"),
        ("true", "true"), ("True", "true"), ("TRUE", "true"), ("false", "false"), ("FALSE", "false"),
        ("0", "0"), ("42", "42"), ("-17", "-17"), ("+12", "12"), ("007", "7"),
        ("0x1F", "31"), ("0xff", "255"), ("0o17", "15"),
        ("9223372036854775807", "9223372036854775807"), ("-9223372036854775808", "-9223372036854775808"),
        ("1.5", "1.5"), ("-0.25", "-0.25"), ("1e3", "1000.0"), (".5", "0.5"), ("2.", "2.0"),
        ("+1.0e-2", "0.01"), ("-.5", "-0.5"), ("6.02E+23", "6.02e+23"),
        // Not core schema: strings.
        ("900_000_000", "\"900_000_000\""), ("yes", "\"yes\""), ("no", "\"no\""), ("on", "\"on\""),
        ("1.2B", "\"1.2B\""), ("-0x1F", "\"-0x1F\""), ("0o8", "\"0o8\""), ("0xG", "\"0xG\""),
        ("1e", "\"1e\""), (".", "\".\""), ("nULL", "\"nULL\""), ("tRUE", "\"tRUE\""), ("12:30", "\"12:30\""),
        ("2001-12-14", "\"2001-12-14\""), ("1_000.5", "\"1_000.5\""), ("~x", "\"~x\""), ("--", "\"--\""), ("a]", "\"a]\""),
    ])
    func coreSchema(text: String, json: String) {
        #expect(jsonOf("v: \(text)") == "{\"v\":\(json)}")
    }

    @Test func quotedAndBlockScalarsAreAlwaysStrings() {
        #expect(jsonOf("- '12'\n- \"true\"\n- |\n  null\n- >-\n  0x1F\n") == #"["12","true","null\n","0x1F"]"#)
    }

    @Test(arguments: ["99999999999999999999", "-9223372036854775809", "0x8000000000000000", "0o7777777777777777777777"])
    func integerOverflowIsDeclinedNotWrapped(text: String) {
        #expect(loadError(text)?.code == "yaml.unsupported")
    }

    @Test(arguments: ["1e400", "-1e999", "1e-400"])
    func floatOutOfRangeIsDeclined(text: String) {
        #expect(loadError(text)?.code == "yaml.unsupported")
    }

    @Test func infinityAndNaNLoadButHaveNoJSON() throws {
        let node = try YAML.load("[.inf, -.Inf, .NaN]")
        guard case .sequence(let items) = node.content, items.count == 3,
              case .float(let a) = items[0].content, case .float(let b) = items[1].content,
              case .float(let c) = items[2].content else {
            Issue.record("unexpected \(node.content)")
            return
        }
        #expect(a == .infinity && b == -.infinity && c.isNaN)
        #expect(jsonOf(".inf") == "ERROR yaml.unsupported @1:1")
    }

    @Test func styleAndRawOfEachScalarStyle() throws {
        let text = """
            plain: 900_000_000
            single: 'it''s'
            double: "a\\tb"
            literal: |
              line
            folded: >
              one
              two
            """
        let root = try YAML.load(text)
        let expected: [(String, YAMLScalarStyle, String, String)] = [
            ("plain", .plain, "900_000_000", "900_000_000"),
            ("single", .singleQuoted, "it''s", "it's"),
            ("double", .doubleQuoted, "a\\tb", "a\tb"),
            ("literal", .literal, "  line", "line\n"),
            ("folded", .folded, "  one\n  two", "one two\n"),
        ]
        for (key, style, raw, value) in expected {
            let n = try #require(node(root, [key]))
            #expect(n.style == style, "\(key)")
            #expect(n.raw == raw, "\(key)")
            guard case .string(let s) = n.content else {
                Issue.record("\(key) is not a string")
                continue
            }
            #expect(s == value, "\(key)")
        }
        #expect(root.style == nil && root.raw == nil)
    }

    @Test func plainMultiLineFolding() {
        #expect(jsonOf("a b\n  c\n\n  d\n") == #""a b c\nd""#)
        #expect(jsonOf("k: one\n  two\n   three\n") == #"{"k":"one two three"}"#)
        #expect(jsonOf("k: a # comment\n") == #"{"k":"a"}"#)
        #expect(jsonOf("k: a#b\n") == #"{"k":"a#b"}"#)
        #expect(jsonOf("- a\n  - b\n") == #"["a - b"]"#)
    }

    @Test func doubleQuotedEscapes() {
        #expect(jsonOf(#""\x41\u00e9\U0001F600""#) == "\"Aé😀\"")
        #expect(jsonOf(#""\t\n\r\"\\\/\e\0""#) == #""\t\n\r\"\\/\u001b\u0000""#)
        #expect(jsonOf(#""\N\_\L\P""#) == "\"\u{85}\u{A0}\u{2028}\u{2029}\"")
        #expect(jsonOf(#""a\ b""#) == #""a b""#)
        #expect(jsonOf(#""\q""#) == "ERROR yaml.syntax @1:2")
        #expect(jsonOf(#""\uD800""#) == "ERROR yaml.syntax @1:2")
        #expect(jsonOf(#""\x4""#) == "ERROR yaml.syntax @1:2")
    }

    @Test func quotedLineFolding() {
        #expect(jsonOf("\"a\n  b\n\n  c\"") == #""a b\nc""#)
        #expect(jsonOf("'a  \n  b'") == #""a b""#)
        #expect(jsonOf("\"a \\\n    b\"") == #""a b""#)
        #expect(jsonOf("\"a\\\n\n  b\"") == #""a\nb""#)
        #expect(jsonOf("k: 'x\n  y'") == #"{"k":"x y"}"#)
        // Continuation lines must be indented more than the mapping.
        #expect(jsonOf("k: 'x\ny'") == "ERROR yaml.syntax @2:1")
        #expect(jsonOf("'open") == "ERROR yaml.syntax @1:1")
        #expect(jsonOf("\"a\n---\nb\"") == "ERROR yaml.syntax @2:1")
    }

    @Test func blockScalarChomping() {
        #expect(jsonOf("a: |\n  x\n\n\nb: 1\n") == #"{"a":"x\n","b":1}"#)
        #expect(jsonOf("a: |-\n  x\n\n\nb: 1\n") == #"{"a":"x","b":1}"#)
        #expect(jsonOf("a: |+\n  x\n\n\nb: 1\n") == #"{"a":"x\n\n\n","b":1}"#)
        #expect(jsonOf("a: >\n  x\n  y\n\n  z\n") == #"{"a":"x y\nz\n"}"#)
        #expect(jsonOf("a: >-\n  x\n\n    indented\n  y\n") == #"{"a":"x\n\n  indented\ny"}"#)
        #expect(jsonOf("a: >+\n  x\n\n") == #"{"a":"x\n\n"}"#)
        #expect(jsonOf("a: |\n") == #"{"a":""}"#)
        // The last line counts as ended even without a final line break.
        #expect(jsonOf("a: |\n  x") == #"{"a":"x\n"}"#)
    }

    @Test func blockScalarIndentation() {
        #expect(jsonOf("a: |2\n   x\n  y\n") == #"{"a":" x\ny\n"}"#)
        #expect(jsonOf("- |1\n  x\n") == #"[" x\n"]"#)
        #expect(jsonOf("a: |\n\n  x\n") == #"{"a":"\nx\n"}"#)
        #expect(jsonOf("--- |\nzero indented\n") == #""zero indented\n""#)
        // A leading empty line longer than the first content line.
        #expect(jsonOf("a: |\n    \n  x\n") == "ERROR yaml.syntax @1:4")
        // Tabs cannot indent.
        #expect(jsonOf("a: |\n\tx\n").hasPrefix("ERROR yaml.syntax"))
        #expect(jsonOf("a: |0\n  x\n") == "ERROR yaml.syntax @1:5")
        #expect(jsonOf("a: | x\n") == "ERROR yaml.syntax @1:6")
    }

    @Test func topLevelIndentationIndicatorIsOnlyAcceptedWhenUnambiguous() {
        #expect(jsonOf("--- |1-\n") == #""""#)
        #expect(loadError("--- |2\n  text\n")?.code == "yaml.unsupported")
    }
}
