/// A JSON value with ordered object keys, written deterministically (same value, same bytes).
public indirect enum JSON: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([JSON])
    case object([(String, JSON)])

    public static func == (a: JSON, b: JSON) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case let (.bool(x), .bool(y)): return x == y
        case let (.int(x), .int(y)): return x == y
        case let (.double(x), .double(y)): return x == y
        case let (.string(x), .string(y)): return x == y
        case let (.array(x), .array(y)): return x == y
        case let (.object(x), .object(y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    public subscript(key: String) -> JSON? {
        if case .object(let pairs) = self { return pairs.first { $0.0 == key }?.1 }
        return nil
    }

    public var stringValue: String? { if case .string(let s) = self { return s } else { return nil } }
    public var arrayValue: [JSON]? { if case .array(let a) = self { return a } else { return nil } }

    /// Pretty-printed with two-space indentation, or compact.
    public func render(pretty: Bool = true) -> String {
        var out: [UInt8] = []
        write(into: &out, indent: pretty ? 0 : nil)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the rendering to a byte buffer: pretty-printed as if nested `indent` levels deep (the
    /// first line is not indented; later lines are), or compact when `indent` is nil.
    public func write(into out: inout [UInt8], indent: Int?) {
        switch self {
        case .null: JSON.append("null", to: &out)
        case .bool(let b): JSON.append(b ? "true" : "false", to: &out)
        case .int(let i): JSON.appendInt(i, to: &out)
        case .double(let d):
            if d.isFinite {
                if d == d.rounded() && abs(d) < 1e15 { JSON.appendInt(Int64(d), to: &out); JSON.append(".0", to: &out) }
                else { JSON.append("\(d)", to: &out) }
            } else { JSON.append("null", to: &out) }
        case .string(let s): JSON.escape(s, into: &out)
        case .array(let items):
            if items.isEmpty { JSON.append("[]", to: &out); return }
            out.append(0x5B)  // [
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(0x2C) }
                if let n = indent { JSON.newline(&out, n + 1) }
                item.write(into: &out, indent: indent.map { $0 + 1 })
            }
            if let n = indent { JSON.newline(&out, n) }
            out.append(0x5D)  // ]
        case .object(let pairs):
            if pairs.isEmpty { JSON.append("{}", to: &out); return }
            out.append(0x7B)  // {
            for (i, (k, v)) in pairs.enumerated() {
                if i > 0 { out.append(0x2C) }
                if let n = indent { JSON.newline(&out, n + 1) }
                JSON.escape(k, into: &out)
                out.append(0x3A)  // :
                if indent != nil { out.append(0x20) }
                v.write(into: &out, indent: indent.map { $0 + 1 })
            }
            if let n = indent { JSON.newline(&out, n) }
            out.append(0x7D)  // }
        }
    }

    @inline(__always) static func append(_ s: String, to out: inout [UInt8]) { out.append(contentsOf: s.utf8) }

    private static let lineBreakAndSpaces: StaticString = "\n                                                                "

    /// A line break and two spaces per level.
    @inline(__always) static func newline(_ out: inout [UInt8], _ level: Int) {
        let n = 1 + 2 * level
        if n <= lineBreakAndSpaces.utf8CodeUnitCount {
            out.append(contentsOf: UnsafeBufferPointer(start: lineBreakAndSpaces.utf8Start, count: n))
        } else {
            out.append(0x0A)
            out.append(contentsOf: repeatElement(0x20, count: 2 * level))
        }
    }

    static func appendInt(_ i: Int64, to out: inout [UInt8]) {
        if i >= 0 && i < 10 { out.append(0x30 &+ UInt8(i)); return }
        append(String(i), to: &out)
    }

    public static func escape(_ s: String, into out: inout String) {
        var bytes: [UInt8] = []
        escape(s, into: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `s` as a JSON string: quotes, backslashes and control characters escaped, and U+2028 and
    /// U+2029 written as escapes (they end lines in JavaScript); everything else is copied as UTF-8.
    public static func escape(_ s: String, into out: inout [UInt8]) {
        out.append(0x22)
        var s = s
        s.withUTF8 { u in
            let n = u.count
            var i = 0
            var runStart = 0
            while i < n {
                // Eight bytes at a time while none needs a look: no control byte, quote, backslash or 0xE2.
                if let base = u.baseAddress {
                    while i + 8 <= n {
                        let x = SWAR.load(base + i)
                        if SWAR.hasLess(x, 0x20) || SWAR.has(x, 0x22) || SWAR.has(x, 0x5C) || SWAR.has(x, 0xE2) { break }
                        i += 8
                    }
                    if i >= n { break }
                }
                let b = u[i]
                // Bytes that never need escaping: printable ASCII other than " and \, and UTF-8 bytes other
                // than the lead byte of U+2028/U+2029 (E2 80 A8 / E2 80 A9).
                if (b >= 0x20 && b != 0x22 && b != 0x5C && b != 0xE2) {
                    i += 1
                    continue
                }
                if b == 0xE2 {
                    if i + 2 < n && u[i + 1] == 0x80 && (u[i + 2] == 0xA8 || u[i + 2] == 0xA9) {
                        out.append(contentsOf: UnsafeBufferPointer(rebasing: u[runStart..<i]))
                        append(u[i + 2] == 0xA8 ? "\\u2028" : "\\u2029", to: &out)
                        i += 3
                        runStart = i
                    } else {
                        i += 1
                    }
                    continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: u[runStart..<i]))
                switch b {
                case 0x22: append("\\\"", to: &out)
                case 0x5C: append("\\\\", to: &out)
                case 0x0A: append("\\n", to: &out)
                case 0x0D: append("\\r", to: &out)
                case 0x09: append("\\t", to: &out)
                default:
                    // Other control characters: \u00XX, lower-case hex.
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    append("\\u00", to: &out)
                    out.append(hex[Int(b >> 4)])
                    out.append(hex[Int(b & 0x0F)])
                }
                i += 1
                runStart = i
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: u[runStart..<n]))
        }
        out.append(0x22)
    }
}

extension ParameterValue {
    public var json: JSON {
        switch self {
        case .int(let v): return .int(v)
        case .string(let s): return .string(s)
        case .list(let l): return .array(l.map { .string($0) })
        }
    }
}

extension Clause {
    public var json: JSON {
        .object([
            ("kind", .string(kind.rawValue)),
            ("parameters", .object(parameters.map { ($0.0, $0.1.json) })),
            ("evidence", .object([
                ("line", .int(Int64(evidence.line))), ("column", .int(Int64(evidence.column))),
                ("endLine", .int(Int64(evidence.endLine))), ("text", .string(evidence.text)),
            ])),
        ])
    }
}
