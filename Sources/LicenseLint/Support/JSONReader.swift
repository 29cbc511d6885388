/// Reads JSON (RFC 8259) from bytes into `JSON`, keeping object keys in file order.
///
/// Strict: one value, no comments, no trailing commas, no duplicate keys, strings must be valid UTF-8
/// with valid escapes (a lone surrogate escape is an error), nesting at most `maxDepth` deep. Errors
/// give the line and column (1-based, columns in bytes) of the offending byte.
///
/// Written for the catalogue, which every cold run loads: Foundation's JSONSerialization builds
/// bridged `Any` values that then need dynamic casts, several times the cost of this reader.
public struct JSONReader {
    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        public var message: String
        public var line: Int
        public var column: Int
        public var description: String { "\(line):\(column): \(message)" }
    }

    public static let maxDepth = 256

    private let b: UnsafeBufferPointer<UInt8>
    private var i = 0

    private init(_ b: UnsafeBufferPointer<UInt8>) { self.b = b }

    /// Parses a whole document; a UTF-8 byte-order mark is skipped.
    public static func parse(_ bytes: [UInt8]) throws(Failure) -> JSON {
        let result: Result<JSON, Failure> = bytes.withUnsafeBufferPointer { buf in
            var r = JSONReader(buf)
            do throws(Failure) {
                if buf.count >= 3 && buf[0] == 0xEF && buf[1] == 0xBB && buf[2] == 0xBF { r.i = 3 }
                r.skipSpace()
                let v = try r.value(depth: 0)
                r.skipSpace()
                if r.i < buf.count { throw r.fail("unexpected text after the JSON value") }
                return .success(v)
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    private func fail(_ message: String, at offset: Int? = nil) -> Failure {
        let end = min(offset ?? i, b.count)
        var line = 1, lineStart = 0
        for k in 0..<end where b[k] == 0x0A { line += 1; lineStart = k + 1 }
        return Failure(message: message, line: line, column: end - lineStart + 1)
    }

    private mutating func skipSpace() {
        while i < b.count, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09 { i += 1 }
    }

    private mutating func value(depth: Int) throws(Failure) -> JSON {
        guard i < b.count else { throw fail("unexpected end of the file, a value was expected") }
        switch b[i] {
        case UInt8(ascii: "{"): return try object(depth: depth + 1)
        case UInt8(ascii: "["): return try array(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default: throw fail("unexpected character, a value was expected")
        }
    }

    private mutating func literal(_ word: StaticString) throws(Failure) {
        let n = word.utf8CodeUnitCount
        guard i + n <= b.count else { throw fail("unexpected end of the file") }
        for k in 0..<n where b[i + k] != word.utf8Start[k] { throw fail("unexpected character, a value was expected") }
        i += n
    }

    private mutating func object(depth: Int) throws(Failure) -> JSON {
        guard depth <= JSONReader.maxDepth else { throw fail("nested more than \(JSONReader.maxDepth) deep") }
        i += 1
        var pairs: [(String, JSON)] = []
        var keys: Set<String> = []
        skipSpace()
        if i < b.count && b[i] == UInt8(ascii: "}") { i += 1; return .object(pairs) }
        while true {
            guard i < b.count, b[i] == UInt8(ascii: "\"") else { throw fail("expected a key in double quotes") }
            let keyAt = i
            let key = try string()
            guard keys.insert(key).inserted else { throw fail("duplicate key \"\(key)\"", at: keyAt) }
            skipSpace()
            guard i < b.count, b[i] == UInt8(ascii: ":") else { throw fail("expected ':' after the key") }
            i += 1
            skipSpace()
            pairs.append((key, try value(depth: depth)))
            skipSpace()
            guard i < b.count else { throw fail("unexpected end of the file, '}' was expected") }
            if b[i] == UInt8(ascii: ",") { i += 1; skipSpace(); continue }
            if b[i] == UInt8(ascii: "}") { i += 1; return .object(pairs) }
            throw fail("expected ',' or '}'")
        }
    }

    private mutating func array(depth: Int) throws(Failure) -> JSON {
        guard depth <= JSONReader.maxDepth else { throw fail("nested more than \(JSONReader.maxDepth) deep") }
        i += 1
        var items: [JSON] = []
        skipSpace()
        if i < b.count && b[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
        while true {
            items.append(try value(depth: depth))
            skipSpace()
            guard i < b.count else { throw fail("unexpected end of the file, ']' was expected") }
            if b[i] == UInt8(ascii: ",") { i += 1; skipSpace(); continue }
            if b[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
            throw fail("expected ',' or ']'")
        }
    }

    private mutating func string() throws(Failure) -> String {
        i += 1  // the opening quote
        let start = i
        // Fast path: no escapes.
        while i < b.count && b[i] != 0x22 && b[i] != 0x5C && b[i] >= 0x20 { i += 1 }
        if i < b.count && b[i] == 0x22 {
            let s = try decoded(b[start..<i], at: start)
            i += 1
            return s
        }
        var out: [UInt8] = Array(b[start..<i])
        while true {
            guard i < b.count else { throw fail("unterminated string") }
            let c = b[i]
            if c == 0x22 { break }
            if c < 0x20 { throw fail("control character in a string (escape it)") }
            if c != 0x5C { out.append(c); i += 1; continue }
            i += 1
            guard i < b.count else { throw fail("unterminated string") }
            let e = b[i]
            i += 1
            switch e {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if (0xD800...0xDBFF).contains(scalar) {
                    guard i + 1 < b.count, b[i] == 0x5C, b[i + 1] == UInt8(ascii: "u") else {
                        throw fail("lone high surrogate in a \\u escape")
                    }
                    i += 2
                    let low = try hex4()
                    guard (0xDC00...0xDFFF).contains(low) else { throw fail("invalid surrogate pair in a \\u escape") }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    throw fail("lone low surrogate in a \\u escape")
                }
                guard let u = Unicode.Scalar(scalar) else { throw fail("invalid \\u escape") }
                out.append(contentsOf: Array(String(Character(u)).utf8))
            default:
                throw fail("invalid escape '\\\(String(decoding: [e], as: UTF8.self))'", at: i - 2)
            }
        }
        let s = try decoded(out[...], at: start)
        i += 1
        return s
    }

    private func decoded<C: Collection>(_ bytes: C, at offset: Int) throws(Failure) -> String where C.Element == UInt8 {
        guard let s = String(validating: bytes, as: UTF8.self) else { throw fail("a string is not valid UTF-8", at: offset) }
        return s
    }

    private mutating func hex4() throws(Failure) -> UInt32 {
        guard i + 4 <= b.count else { throw fail("unterminated \\u escape") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = b[i]
            let d: UInt8
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = c - 0x30
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = c - 0x61 + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = c - 0x41 + 10
            default: throw fail("a \\u escape needs four hex digits")
            }
            v = v << 4 | UInt32(d)
            i += 1
        }
        return v
    }

    private mutating func number() throws(Failure) -> JSON {
        let start = i
        if b[i] == UInt8(ascii: "-") { i += 1 }
        guard i < b.count, (0x30...0x39).contains(b[i]) else { throw fail("a number needs digits") }
        if b[i] == 0x30 {
            i += 1
            if i < b.count && (0x30...0x39).contains(b[i]) { throw fail("a number may not have a leading zero") }
        } else {
            while i < b.count && (0x30...0x39).contains(b[i]) { i += 1 }
        }
        var integral = true
        if i < b.count && b[i] == UInt8(ascii: ".") {
            integral = false
            i += 1
            guard i < b.count, (0x30...0x39).contains(b[i]) else { throw fail("a digit must follow the decimal point") }
            while i < b.count && (0x30...0x39).contains(b[i]) { i += 1 }
        }
        if i < b.count && (b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E")) {
            integral = false
            i += 1
            if i < b.count && (b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-")) { i += 1 }
            guard i < b.count, (0x30...0x39).contains(b[i]) else { throw fail("a digit must follow the exponent") }
            while i < b.count && (0x30...0x39).contains(b[i]) { i += 1 }
        }
        let text = String(decoding: b[start..<i], as: UTF8.self)
        if integral, let n = Int64(text) { return .int(n) }
        guard let d = Double(text), d.isFinite else { throw fail("number out of range", at: start) }
        return .double(d)
    }
}
