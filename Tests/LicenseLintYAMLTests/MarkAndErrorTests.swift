import Testing
@testable import LicenseLintYAML

@Suite("Marks and errors")
struct MarkAndErrorTests {
    @Test func nodeMarks() throws {
        let text = """
            name: "Model"
            limits:
              users: 700_000_000
              tags: [a, 'b']
            items:
            - first
            -   second: 2
            é: ü
            """
        let root = try YAML.load(text)
        #expect(root.mark == mark(1, 1))
        #expect(node(root, ["name"])?.mark == mark(1, 7))
        #expect(node(root, ["limits"])?.mark == mark(3, 3))
        #expect(node(root, ["limits", "users"])?.mark == mark(3, 10))
        #expect(node(root, ["limits", "users"])?.raw == "700_000_000")
        #expect(node(root, ["limits", "tags"])?.mark == mark(4, 9))
        #expect(node(root, ["limits", "tags", 1])?.mark == mark(4, 13))
        #expect(node(root, ["items"])?.mark == mark(6, 1))
        #expect(node(root, ["items", 1])?.mark == mark(7, 5))
        #expect(node(root, ["items", 1, "second"])?.mark == mark(7, 13))
        // Columns count Unicode scalars.
        #expect(node(root, ["é"])?.mark == mark(8, 4))
        guard case .mapping(let pairs) = root.content else {
            Issue.record("root is not a mapping")
            return
        }
        #expect(pairs.map { $0.key.mark } == [mark(1, 1), mark(2, 1), mark(5, 1), mark(8, 1)])
    }

    @Test func emptyValuesAreMarkedWhereTheyWouldStart() throws {
        let mapping = try YAML.load("a:\nb:   # c\n")
        #expect(node(mapping, ["a"])?.mark == mark(1, 3))
        #expect(node(mapping, ["b"])?.mark == mark(2, 3))
        #expect(node(mapping, ["b"])?.raw == "")
        let seq = try YAML.load("- \n- x\n")
        #expect(node(seq, [0])?.mark == mark(1, 2))
        #expect(node(seq, [0])?.style == .plain)
    }

    @Test func errorMarksPointAtTheProblem() {
        let cases: [(String, String, YAMLMark)] = [
            ("a: 1\n b: 2\n", "yaml.syntax", mark(2, 3)),
            ("a: b: c\n", "yaml.syntax", mark(1, 5)),
            ("a:\n  - 1\n - 2\n", "yaml.syntax", mark(3, 2)),
            ("a: 'x\n", "yaml.syntax", mark(1, 4)),
            ("a: [1, 2\n", "yaml.syntax", mark(2, 1)),
            // A tab is named where it is, not after it.
            ("a: 1\n\tb: 2\n", "yaml.syntax", mark(2, 1)),
            ("a:\n  b: 1\n  \t\tc: 2\n", "yaml.syntax", mark(3, 3)),
            ("-\t- a\n", "yaml.syntax", mark(1, 2)),
            ("a:\n\t- b\n", "yaml.syntax", mark(2, 1)),
            ("key: \"x\"y\n", "yaml.syntax", mark(1, 9)),
            ("a: 1\nb\n", "yaml.syntax", mark(2, 1)),
            ("a: 1\na: 2\n", "yaml.duplicate-key", mark(2, 1)),
            ("x: !custom 1\n", "yaml.unsupported", mark(1, 4)),
            ("x: `cmd`\n", "yaml.syntax", mark(1, 4)),
            ("x: \"a\"#c\n", "yaml.syntax", mark(1, 7)),
        ]
        for (text, code, where_) in cases {
            let error = loadError(text)
            #expect(error?.code == code, "\(text.debugDescription)")
            #expect(error?.mark == where_, "\(text.debugDescription): \(error?.description ?? "no error")")
        }
    }

    @Test func descriptions() {
        #expect(mark(3, 14).description == "3:14")
        let error = loadError("a: !foo x")
        #expect(error?.description == "1:4: unsupported YAML feature: tag !foo")
    }

    @Test(arguments: [
        "a:\n  b\n  c: d\n", "- a\nb: c\n", "a: |\n  x\n b: 1\n", "- a\n  -b: c\n  d\n",
        "a: -\tb\n- c", "-\t- a\n", "? a\n\t: b\n", "a:\n\t- b\n", "'a' 'b'\n", "a: &x &y b\n",
        "a: !!str !!int 1\n", "%FOO\n", "--- a: b\n", "...\n---\n- a\n--- x\n", "[a]: [b]: c\n",
        "a\n  : b\n", "a:\n  - b\n  -c\n",
    ])
    func invalidDocumentsAreRejected(text: String) {
        #expect(loadError(text) != nil)
    }
}

@Suite("JSON")
struct JSONTests {
    @Test func exactOutput() throws {
        let text = """
            # licence profile
            name: "Llama \\"3\\""
            users: 700_000_000
            cap: 700000000
            ratio: 0.5
            big: 1e20
            small: 1e-7
            neg: -0.0
            ok: true
            none: ~
            list: [1, two, 3.0]
            text: |
              line 1
              line\ttab
            nested: {a: {b: []}}
            1: int key
            false: bool key
            ~: null key
            """
        let json = try YAML.json(YAML.load(text))
        #expect(json == #"{"name":"Llama \"3\"","users":"700_000_000","cap":700000000,"ratio":0.5,"big":1e+20,"small":1e-07,"neg":-0.0,"ok":true,"none":null,"list":[1,"two",3.0],"text":"line 1\nline\ttab\n","nested":{"a":{"b":[]}},"1":"int key","false":"bool key","null":"null key"}"#)
    }

    @Test func stringsAreEscapedPerRFC8259() {
        #expect(jsonOf(#""q\" b\\ \u0001 \u001f \b\f é 😀 \u2028""#) == "\"q\\\" b\\\\ \\u0001 \\u001f \\b\\f é 😀 \u{2028}\"")
    }

    @Test func valuesWithoutFaithfulJSONThrow() {
        #expect(jsonOf("a: .nan") == "ERROR yaml.unsupported @1:4")
        #expect(jsonOf(".inf: a") == "ERROR yaml.unsupported @1:1")
        #expect(jsonOf("1: a\n'1': b") == "ERROR yaml.unsupported @2:1")
        #expect(jsonOf("true: a\n'true': b") == "ERROR yaml.unsupported @2:1")
    }

    @Test func floatsRoundTrip() throws {
        for text in ["0.1", "1.0000000000000002", "123456789.123", "5e-324", "1.7976931348623157e308", "-2.5e-5"] {
            let json = try YAML.json(YAML.load(text))
            let back = try YAML.load(json)
            guard case .float(let a) = try YAML.load(text).content, case .float(let b) = back.content else {
                Issue.record("\(text) did not load as a float")
                continue
            }
            #expect(a == b, "\(text) -> \(json)")
        }
    }
}
