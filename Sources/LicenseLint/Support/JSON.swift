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

    /// Pretty-printed with two-space indentation, or compact.
    public func render(pretty: Bool = true) -> String {
        var out = ""
        write(into: &out, indent: pretty ? 0 : nil)
        return out
    }

    private func write(into out: inout String, indent: Int?) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d):
            if d.isFinite {
                if d == d.rounded() && abs(d) < 1e15 { out += String(Int64(d)) + ".0" } else { out += "\(d)" }
            } else { out += "null" }
        case .string(let s): JSON.escape(s, into: &out)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                if let n = indent { out += "\n" + String(repeating: "  ", count: n + 1) }
                item.write(into: &out, indent: indent.map { $0 + 1 })
            }
            if let n = indent { out += "\n" + String(repeating: "  ", count: n) }
            out += "]"
        case .object(let pairs):
            if pairs.isEmpty { out += "{}"; return }
            out += "{"
            for (i, (k, v)) in pairs.enumerated() {
                if i > 0 { out += "," }
                if let n = indent { out += "\n" + String(repeating: "  ", count: n + 1) }
                JSON.escape(k, into: &out)
                out += indent == nil ? ":" : ": "
                v.write(into: &out, indent: indent.map { $0 + 1 })
            }
            if let n = indent { out += "\n" + String(repeating: "  ", count: n) }
            out += "}"
        }
    }

    public static func escape(_ s: String, into out: inout String) {
        out += "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 || u.value == 0x2028 || u.value == 0x2029 {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        out += "\""
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
