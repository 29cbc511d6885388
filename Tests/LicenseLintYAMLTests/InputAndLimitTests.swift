import Testing
@testable import LicenseLintYAML

@Suite("Input and limits")
struct InputAndLimitTests {
    @Test func invalidUTF8IsRefusedAtTheBadByte() {
        let bytes: [UInt8] = Array("a: 1\nb: x".utf8) + [0xC3, 0x28] + Array("\n".utf8)
        let error = loadError(bytes: bytes)
        #expect(error?.code == "yaml.invalid-utf8")
        #expect(error?.mark == mark(2, 5))
        // Overlong form, surrogate, truncated sequence.
        #expect(loadError(bytes: [0x61, 0xC0, 0xAF])?.code == "yaml.invalid-utf8")
        #expect(loadError(bytes: [0xED, 0xA0, 0x80])?.code == "yaml.invalid-utf8")
        #expect(loadError(bytes: [0x61, 0xE2, 0x82])?.code == "yaml.invalid-utf8")
        // Columns count scalars: "é" is one column.
        #expect(loadError(bytes: Array("é: ".utf8) + [0xFF])?.mark == mark(1, 4))
    }

    @Test func nulAndControlCharactersAreBinary() {
        let error = loadError(bytes: Array("a: 1\nb: \u{0}\n".utf8))
        #expect(error?.code == "yaml.binary")
        #expect(error?.mark == mark(2, 4))
        #expect(loadError(bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])?.code == "yaml.invalid-utf8")
        #expect(loadError("a: \u{7}")?.code == "yaml.binary")
        #expect(loadError("a: \u{85}x\u{9F}")?.code == "yaml.binary")
    }

    @Test func byteOrderMarks() {
        #expect(jsonOf("\u{FEFF}a: 1") == #"{"a":1}"#)
        #expect(loadError(bytes: [0xFF, 0xFE, 0x61, 0x00])?.code == "yaml.unsupported")
        #expect(loadError(bytes: [0xFE, 0xFF, 0x00, 0x61])?.code == "yaml.unsupported")
    }

    @Test func lineBreaks() {
        #expect(jsonOf("a: |\r\n  x\r\n  y\r\nb: 'p\r\n  q'\r\n") == #"{"a":"x\ny\n","b":"p q"}"#)
        #expect(jsonOf("a: 1\rb: 2\r") == #"{"a":1,"b":2}"#)
    }

    @Test func tooLargeIsCheckedBeforeParsing() {
        let limits = YAMLLimits(maxBytes: 10)
        #expect(loadError("a: [1, 2, 3]", limits: limits)?.code == "yaml.too-large")
        #expect(loadError(bytes: Array("[[[[[[[[[[[[".utf8), limits: limits)?.code == "yaml.too-large")
        #expect(loadError("a: 1", limits: limits) == nil)
        // Refused on its size, before any scanning (its speed is in scripts/bench.sh).
        let big = [UInt8](repeating: 0x5B, count: 11 << 20)
        #expect(loadError(bytes: big)?.code == "yaml.too-large")
    }

    @Test(.timeLimit(.minutes(1))) func deepFlowNestingIsRefusedAtTheLimit() {
        let error = loadError(String(repeating: "[", count: 100_000))
        #expect(error?.code == "yaml.depth")
        #expect(error?.mark == mark(1, 257))
        #expect(loadError(String(repeating: "{a: ", count: 100_000))?.code == "yaml.depth")
    }

    @Test(.timeLimit(.minutes(1))) func deepBlockNestingIsRefusedAtTheLimit() {
        let compact = loadError(String(repeating: "- ", count: 100_000) + "x\n")
        let indented = loadError((0..<3_000).map { String(repeating: " ", count: $0 % 1_000) + "-" }.joined(separator: "\n"))
        let keys = loadError((0..<1_000).map { String(repeating: " ", count: $0) + "k:" }.joined(separator: "\n"))
        #expect(compact?.code == "yaml.depth")
        #expect(indented?.code == "yaml.depth")
        #expect(keys?.code == "yaml.depth")
        #expect(keys?.mark == mark(257, 257))
    }

    @Test func depthLimitIsConfigurable() {
        let limits = YAMLLimits(maxDepth: 2)
        #expect(loadError("a: [1]", limits: limits) == nil)
        #expect(loadError("a: [[1]]", limits: limits)?.code == "yaml.depth")
        #expect(loadError("a:\n  b:\n    c: 1\n", limits: limits)?.code == "yaml.depth")
        #expect(loadError("a:\n- - 1\n", limits: limits)?.code == "yaml.depth")
    }

    /// Mutated documents must load or throw, never trap or hang.
    @Test func mutatedInputsNeverTrap() {
        let seeds = [
            "a: [1, {b: 'c'}]\n- x\n? k\n: v\n",
            "k: |\n  text\n   more\n\"q\\u00e9\": &a *a\n",
            "--- !!str\n%YAML 1.2\n... # c\n{a: b, c: [d, e]}: f\n",
            "- - a\n  - b: c\n    d: >-\n      e\n\n      f\n",
        ].map { Array($0.utf8) }
        let alphabet = Array("-?:,[]{}#&*!|>'\"%@ \t\n\r.0x1~\\".utf8) + [0xC3, 0xA9, 0xFF]
        var state: UInt64 = 42
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: state >> 33)
        }
        var outcomes = 0
        for seed in seeds {
            for _ in 0..<1_500 {
                var b = seed
                for _ in 0..<(1 + next() % 3) {
                    let at = next() % (b.count + 1)
                    let c = alphabet[next() % alphabet.count]
                    switch next() % 3 {
                    case 0: b.insert(c, at: at)
                    case 1: if at < b.count { b.remove(at: at) }
                    default: if at < b.count { b[at] = c }
                    }
                }
                if let node = try? YAML.load(b) {
                    _ = try? YAML.json(node)
                }
                outcomes += 1
            }
        }
        #expect(outcomes == seeds.count * 1_500)
    }
}
