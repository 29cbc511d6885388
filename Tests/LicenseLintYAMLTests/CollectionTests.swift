import Testing
@testable import LicenseLintYAML

@Suite("Collections")
struct CollectionTests {
    @Test func blockCollections() {
        #expect(jsonOf("a: 1\nb:\n  c: 2\n  d: [3]\n") == #"{"a":1,"b":{"c":2,"d":[3]}}"#)
        #expect(jsonOf("- a\n-\n- - b\n  - c\n- d: 1\n  e: 2\n") == #"["a",null,["b","c"],{"d":1,"e":2}]"#)
        // A sequence as a mapping value at the same indentation.
        #expect(jsonOf("key:\n- a\n- b\nnext: 1\n") == #"{"key":["a","b"],"next":1}"#)
        #expect(jsonOf("- - - deep\n") == #"[[["deep"]]]"#)
        #expect(jsonOf("a:\n  # comment\n\n  b: 1\n") == #"{"a":{"b":1}}"#)
        #expect(jsonOf("a:\nb:\n") == #"{"a":null,"b":null}"#)
    }

    @Test func explicitKeys() {
        #expect(jsonOf("? a\n: 1\n? b\n") == #"{"a":1,"b":null}"#)
        #expect(jsonOf("? |\n  block key\n: v\n") == #"{"block key\n":"v"}"#)
        #expect(loadError("? [a, b]\n: v\n")?.code == "yaml.unsupported")
        #expect(loadError("? a: b\n: v\n")?.code == "yaml.unsupported")
    }

    @Test func flowCollections() {
        #expect(jsonOf("[a, [b, c], {d: e}, 'f', \"g\"]") == #"["a",["b","c"],{"d":"e"},"f","g"]"#)
        #expect(jsonOf("k: [a,\n  b, {c: d,\n   e: f}]\n") == #"{"k":["a","b",{"c":"d","e":"f"}]}"#)
        #expect(jsonOf("[a, b, ]") == #"["a","b"]"#)
        #expect(jsonOf("{a: 1, b, }") == #"{"a":1,"b":null}"#)
        #expect(jsonOf("[a: b, c]") == #"[{"a":"b"},"c"]"#)
        #expect(jsonOf("[? a : b, : c]") == #"[{"a":"b"},{"null":"c"}]"#)
        #expect(jsonOf(#"{"a":1,"b":[true,null]}"#) == #"{"a":1,"b":[true,null]}"#)
        #expect(jsonOf("{a:1}") == #"{"a:1":null}"#)
        #expect(jsonOf("[a:b, http://x]") == #"["a:b","http://x"]"#)
        #expect(jsonOf("{ a\n  b: c }") == #"{"a b":"c"}"#)
        #expect(jsonOf("[]") == "[]")
        #expect(jsonOf("{}") == "{}")
    }

    @Test(arguments: [
        "[a, , b]", "[, a]", "[a", "{a: b", "[a}", "]", "{a: b: c}", "[a\n : b]", "[- a]", "[a] b",
        "k: [a,\nb]", "{a: 1 b: 2}", "[a, #c\n b]#x", "[ |\n a ]",
    ])
    func invalidFlowIsRejected(text: String) {
        #expect(loadError(text)?.code == "yaml.syntax")
    }

    @Test func anchorsAndAliasesCopyTheAnchoredNode() throws {
        let text = "base: &b {x: 1, y: [2, 3]}\ncopy: *b\nscalar: &s hello\nagain: *s\n"
        #expect(jsonOf(text) == #"{"base":{"x":1,"y":[2,3]},"copy":{"x":1,"y":[2,3]},"scalar":"hello","again":"hello"}"#)
        let root = try YAML.load(text)
        // The copy is marked at the alias; its contents keep the original marks.
        #expect(node(root, ["copy"])?.mark == mark(2, 7))
        #expect(node(root, ["copy", "x"])?.mark == mark(1, 14))
        #expect(jsonOf("a: &x 1\nb: &x 2\nc: *x\n") == #"{"a":1,"b":2,"c":2}"#)
        #expect(jsonOf("&k key: *k\n") == #"{"key":"key"}"#)
        #expect(jsonOf("a: &e\nb: *e\n") == #"{"a":null,"b":null}"#)
    }

    @Test func aliasErrors() {
        #expect(loadError("a: *nothing\n")?.code == "yaml.undefined-alias")
        #expect(loadError("a: *nothing\n")?.mark == mark(1, 4))
        // An alias inside its own anchored node is not defined yet.
        #expect(loadError("&a [*a]")?.code == "yaml.undefined-alias")
        #expect(loadError("a: &x *y")?.code == "yaml.syntax")
    }

    @Test(.timeLimit(.minutes(1))) func aliasBombIsRefused() {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1...9 {
            let refs = Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ")
            text += "a\(i): &a\(i) [\(refs)]\n"
        }
        #expect(loadError(text)?.code == "yaml.alias-limit")
        // A smaller limit applies to ordinary reuse too.
        let limits = YAMLLimits(maxAliasExpansion: 3)
        #expect(loadError("a: &a [1, 2, 3]\nb: *a\n", limits: limits)?.code == "yaml.alias-limit")
        #expect(loadError("a: &a [1, 2]\nb: *a\n", limits: limits) == nil)
    }

    @Test func duplicateKeysAreRefused() {
        #expect(loadError("a: 1\nb: 2\na: 3\n")?.code == "yaml.duplicate-key")
        #expect(loadError("a: 1\nb: 2\na: 3\n")?.mark == mark(3, 1))
        #expect(loadError("{a: 1, 'a': 2}")?.code == "yaml.duplicate-key")
        #expect(loadError("1: a\n0x1: b\n")?.code == "yaml.duplicate-key")
        #expect(loadError("? a\n? a\n")?.code == "yaml.duplicate-key")
        #expect(loadError("a: &k x\n*k : y\nx: z\n")?.code == "yaml.duplicate-key")
        // Same text, different types: not duplicates in YAML (but the same JSON key).
        #expect(loadError("1: a\n\"1\": b\n") == nil)
        #expect(jsonOf("1: a\n\"1\": b\n") == "ERROR yaml.unsupported @2:1")
        // Canonically equivalent but different scalars: different keys.
        #expect(loadError("\"\u{E9}\": 1\n\"e\u{301}\": 2\n") == nil)
    }

    @Test func mergeKeysAreDeclined() {
        #expect(loadError("base: &b {x: 1}\nderived:\n  <<: *b\n")?.code == "yaml.unsupported")
        #expect(jsonOf("\"<<\": 1") == #"{"<<":1}"#)
    }

    @Test func tagsAreHonouredOrDeclined() {
        #expect(jsonOf("a: !!str 123\nb: !!int \"0x10\"\nc: !!float 1\nd: !!bool 'true'\ne: !!null ''\n")
            == #"{"a":"123","b":16,"c":1.0,"d":true,"e":null}"#)
        #expect(jsonOf("a: ! 12\nb: !!str\n") == #"{"a":"12","b":""}"#)
        #expect(jsonOf("!!map {a: !!seq [x]}") == #"{"a":["x"]}"#)
        #expect(jsonOf("a: !<tag:yaml.org,2002:str> 1") == #"{"a":"1"}"#)
        #expect(jsonOf("%TAG !e! tag:yaml.org,2002:\n---\na: !e!int 7\n") == #"{"a":7}"#)
        #expect(loadError("a: !foo bar")?.code == "yaml.unsupported")
        #expect(loadError("a: !foo bar")?.message == "unsupported YAML feature: tag !foo")
        #expect(loadError("a: !!binary aGVsbG8=")?.code == "yaml.unsupported")
        #expect(loadError("a: !!int twelve")?.code == "yaml.tag")
        #expect(loadError("a: !!str [x]")?.code == "yaml.tag")
        #expect(loadError("a: !e!x y")?.code == "yaml.syntax")
    }

    @Test func documents() {
        #expect(jsonOf("") == "null")
        #expect(jsonOf("# only a comment\n\n") == "null")
        #expect(jsonOf("---\n") == "null")
        #expect(jsonOf("--- a\n...\n") == #""a""#)
        #expect(jsonOf("%YAML 1.2\n---\na: 1\n") == #"{"a":1}"#)
        #expect(jsonOf("a: 1\n---\nb: 2\n") == "ERROR yaml.unsupported @2:1")
        #expect(loadError("a\n...\nb\n")?.message == "unsupported YAML feature: multiple documents in one stream (only one document is supported)")
        #expect(loadError("%YAML 1.1\n---\nyes\n")?.code == "yaml.unsupported")
        #expect(loadError("%YAML 1.2\n%YAML 1.2\n---\n")?.code == "yaml.syntax")
        #expect(loadError("%YAML 1.2\na\n")?.code == "yaml.syntax")
    }
}
