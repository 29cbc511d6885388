// Public entry points.
//
// A YAML 1.2 loader for one document. The rule it keeps: a value it returns is the value the
// file states; what it cannot represent faithfully is refused with a YAMLError, never guessed.
//
// Read: block and flow collections (including compact `- - a`, `key:` followed by `- a` at the
// same indentation, single pairs `[a: b]`, JSON-like `{"a":1}`), plain / single-quoted /
// double-quoted scalars (all escapes, line folding), literal and folded block scalars (chomping
// and indentation indicators), comments, `---` / `...`, `%YAML 1.2`, `%TAG`, anchors and
// aliases (copied, with a budget), explicit `? ` keys whose key is a scalar.
//
// Declined with `yaml.unsupported`: several documents in one stream, `%YAML` other than 1.2,
// tags other than !!str !!int !!float !!bool !!null !!seq !!map and `!`, collections used as
// keys, plain `<<` merge keys, integers outside Int, floats outside Double, UTF-16/UTF-32 input,
// and an indentation indicator on a top-level block scalar where the two readings in use differ.
//
// Rejected as invalid (`yaml.syntax`): what the YAML 1.2 grammar does not allow, including tabs
// used as indentation, flow content and quoted-scalar continuation lines not indented past the
// enclosing block, implicit keys spanning lines (outside flow mappings) or longer than 1024
// characters, comments not preceded by whitespace, and `{a:[b]}` (a plain key needs a space
// after its ':' before a flow value).
//
// The last line of a block scalar counts as ended by a line break even at the end of the input.

public enum YAML {
    /// Loads exactly one document. An empty document (only comments or whitespace) gives a node
    /// with content `.null`. Several documents in one stream are declined with
    /// `yaml.unsupported`.
    ///
    /// Plain scalars resolve with the YAML 1.2 core schema; quoted and block scalars are strings.
    /// The tags `!!str`, `!!int`, `!!float`, `!!bool`, `!!null`, `!!seq`, `!!map` and `!` are
    /// honoured; any other tag is declined (`yaml.unsupported`).
    public static func load(_ bytes: [UInt8], limits: YAMLLimits = .default) throws(YAMLError) -> YAMLNode {
        let start = try Input.validate(bytes, limits: limits)
        let result = bytes.withUnsafeBufferPointer { (buffer) -> Result<YAMLNode, YAMLError> in
            var parser = Parser(buffer: buffer, start: start, limits: limits)
            do throws(YAMLError) {
                return .success(try parser.parseStream())
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// Loads exactly one document from text (see `load(_:limits:)` for bytes).
    public static func load(_ text: String, limits: YAMLLimits = .default) throws(YAMLError) -> YAMLNode {
        let count = text.utf8.count
        if count > limits.maxBytes {
            throw YAMLError(
                code: "yaml.too-large",
                message: "input is \(count) bytes, more than the limit of \(limits.maxBytes) bytes",
                mark: YAMLMark(line: 1, column: 1))
        }
        return try load(Array(text.utf8), limits: limits)
    }

    /// Compact, deterministic JSON of the node: mapping keys in document order, strings escaped
    /// per RFC 8259, floats in their shortest round-tripping form. A null, bool, int or float key
    /// is written as a string holding its JSON text (`1` → `"1"`). Throws `yaml.unsupported` where
    /// JSON cannot hold the value faithfully: infinities and NaN, collection keys, and two keys
    /// that would become the same JSON key (`1` and `"1"`).
    public static func json(_ node: YAMLNode) throws(YAMLError) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        try JSONWriter.write(node, into: &out)
        return String(decoding: out, as: UTF8.self)
    }
}

enum JSONWriter {
    static func write(_ node: YAMLNode, into out: inout [UInt8]) throws(YAMLError) {
        switch node.content {
        case .null:
            out.append(contentsOf: "null".utf8)
        case .bool(let b):
            out.append(contentsOf: (b ? "true" : "false").utf8)
        case .int(let i):
            out.append(contentsOf: String(i).utf8)
        case .float(let d):
            out.append(contentsOf: try floatText(d, mark: node.mark).utf8)
        case .string(let s):
            writeString(s, into: &out)
        case .sequence(let items):
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                try write(item, into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .mapping(let pairs):
            out.append(UInt8(ascii: "{"))
            var used: Set<String> = []
            for (i, pair) in pairs.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                let key = try keyText(pair.key)
                if !used.insert(key).inserted {
                    throw YAMLError.unsupported(
                        "two keys of one mapping become the same JSON key \"\(key)\"", pair.key.mark)
                }
                writeString(key, into: &out)
                out.append(UInt8(ascii: ":"))
                try write(pair.value, into: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func keyText(_ key: YAMLNode) throws(YAMLError) -> String {
        switch key.content {
        case .string(let s): return s
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .float(let d): return try floatText(d, mark: key.mark)
        case .sequence, .mapping:
            throw YAMLError.unsupported("a sequence or mapping used as a mapping key has no JSON form", key.mark)
        }
    }

    private static func floatText(_ d: Double, mark: YAMLMark) throws(YAMLError) -> String {
        guard d.isFinite else {
            throw YAMLError.unsupported("\(d.isNaN ? "NaN" : "infinity") has no JSON form", mark)
        }
        // Swift prints the shortest text that reads back as the same Double ("0.1", "1e-05",
        // "1.0", "-0.0"); all of these are valid JSON numbers.
        return d.description
    }

    private static func writeString(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for c in s.utf8 {
            switch c {
            case UInt8(ascii: "\""): out.append(contentsOf: [0x5C, 0x22])
            case UInt8(ascii: "\\"): out.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0x08: out.append(contentsOf: [0x5C, UInt8(ascii: "b")])
            case 0x0C: out.append(contentsOf: [0x5C, UInt8(ascii: "f")])
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(c >> 4)], hex[Int(c & 0xF)]])
            default:
                out.append(c)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
