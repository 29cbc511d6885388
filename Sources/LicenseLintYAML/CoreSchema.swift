// YAML 1.2 core schema: how plain scalars resolve to null, bool, int, float or string, and what
// the standard tags (!!int, !!float, ...) accept.

enum CoreSchema {
    enum IntMatch {
        case notInt
        case value(Int)
        case outOfRange
    }

    /// Resolves an untagged plain scalar.
    static func resolvePlain(_ text: String, mark: YAMLMark) throws(YAMLError) -> YAMLNode.Content {
        guard let first = text.utf8.first else { return .null }
        // Fast path: every non-string form starts with one of these characters.
        switch first {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."),
             UInt8(ascii: "~"), UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "t"), UInt8(ascii: "T"),
             UInt8(ascii: "f"), UInt8(ascii: "F"):
            break
        default:
            return .string(text)
        }
        if isNull(text) { return .null }
        if let b = bool(text) { return .bool(b) }
        var copy = text
        let result = copy.withUTF8 { (u: UnsafeBufferPointer<UInt8>) -> Result<YAMLNode.Content, YAMLError> in
            do throws(YAMLError) {
                return .success(try resolveNumber(u, text: text, mark: mark))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    private static func resolveNumber(_ u: UnsafeBufferPointer<UInt8>, text: String, mark: YAMLMark) throws(YAMLError) -> YAMLNode.Content {
        switch int(u) {
        case .value(let v):
            return .int(v)
        case .outOfRange:
            throw YAMLError.unsupported(
                "integer \(text) does not fit in a 64-bit signed integer (quote it to read it as a string)", mark)
        case .notInt:
            break
        }
        if let d = try float(u, text: text, mark: mark) { return .float(d) }
        return .string(text)
    }

    /// `int(_:)` for a string.
    static func int(_ text: String) -> IntMatch {
        var copy = text
        return copy.withUTF8 { int($0) }
    }

    /// `float(_:text:mark:)` for a string.
    static func float(_ text: String, mark: YAMLMark) throws(YAMLError) -> Double? {
        var copy = text
        let result = copy.withUTF8 { (u: UnsafeBufferPointer<UInt8>) -> Result<Double?, YAMLError> in
            do throws(YAMLError) {
                return .success(try float(u, text: text, mark: mark))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    static func isNull(_ s: String) -> Bool {
        let count = s.utf8.count
        if count != 0 && count != 1 && count != 4 { return false }
        return s.isEmpty || s == "~" || s == "null" || s == "Null" || s == "NULL"
    }

    static func bool(_ s: String) -> Bool? {
        let count = s.utf8.count
        if count != 4 && count != 5 { return nil }
        switch s {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: return nil
        }
    }

    /// `[-+]?[0-9]+`, `0o[0-7]+`, `0x[0-9a-fA-F]+`.
    static func int(_ u: UnsafeBufferPointer<UInt8>) -> IntMatch {
        let n = u.count
        if n > 2 && u[0] == UInt8(ascii: "0") && (u[1] == UInt8(ascii: "x") || u[1] == UInt8(ascii: "o")) {
            let radix = u[1] == UInt8(ascii: "x") ? 16 : 8
            var v = 0
            for c in u[2...] {
                let d: Int
                switch c {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): d = Int(c - 0x30)
                case UInt8(ascii: "a")...UInt8(ascii: "f"): d = Int(c - 0x61 + 10)
                case UInt8(ascii: "A")...UInt8(ascii: "F"): d = Int(c - 0x41 + 10)
                default: return .notInt
                }
                if d >= radix { return .notInt }
                let (m, o1) = v.multipliedReportingOverflow(by: radix)
                let (s, o2) = m.addingReportingOverflow(d)
                if o1 || o2 {
                    // Keep validating the digits so that "0x1G..." stays a string.
                    return u[2...].allSatisfy({ isRadixDigit($0, radix) }) ? .outOfRange : .notInt
                }
                v = s
            }
            return .value(v)
        }
        var i = 0
        var negative = false
        if n > 0 && (u[0] == UInt8(ascii: "-") || u[0] == UInt8(ascii: "+")) {
            negative = u[0] == UInt8(ascii: "-")
            i = 1
        }
        if i >= n { return .notInt }
        var v = 0
        var overflow = false
        while i < n {
            let c = u[i]
            guard c >= 0x30 && c <= 0x39 else { return .notInt }
            if !overflow {
                let d = Int(c - 0x30)
                let (m, o1) = v.multipliedReportingOverflow(by: 10)
                let (s, o2) = negative ? m.subtractingReportingOverflow(d) : m.addingReportingOverflow(d)
                if o1 || o2 { overflow = true } else { v = s }
            }
            i += 1
        }
        return overflow ? .outOfRange : .value(v)
    }

    private static func isRadixDigit(_ c: UInt8, _ radix: Int) -> Bool {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "7"): return true
        case UInt8(ascii: "8"), UInt8(ascii: "9"): return radix == 16
        case UInt8(ascii: "a")...UInt8(ascii: "f"), UInt8(ascii: "A")...UInt8(ascii: "F"): return radix == 16
        default: return false
        }
    }

    /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`, `[-+]?\.(inf|Inf|INF)`,
    /// `\.(nan|NaN|NAN)`. Returns nil when the text is not a float. A finite literal that does not
    /// fit a Double (overflow to infinity, or a non-zero value that rounds to zero) is declined.
    static func float(_ u: UnsafeBufferPointer<UInt8>, text: String, mark: YAMLMark) throws(YAMLError) -> Double? {
        let n = u.count
        if (n == 4 || n == 5) && (u[0] == UInt8(ascii: ".") || u[1] == UInt8(ascii: ".")) {
            switch text {
            case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return Double.infinity
            case "-.inf", "-.Inf", "-.INF": return -Double.infinity
            case ".nan", ".NaN", ".NAN": return Double.nan
            default: break
            }
        }
        var i = 0
        if i < n && (u[i] == UInt8(ascii: "-") || u[i] == UInt8(ascii: "+")) { i += 1 }
        var intDigits = 0
        var fracDigits = 0
        var nonZeroMantissa = false
        while i < n && u[i] >= 0x30 && u[i] <= 0x39 {
            if u[i] != 0x30 { nonZeroMantissa = true }
            i += 1
            intDigits += 1
        }
        if i < n && u[i] == UInt8(ascii: ".") {
            i += 1
            while i < n && u[i] >= 0x30 && u[i] <= 0x39 {
                if u[i] != 0x30 { nonZeroMantissa = true }
                i += 1
                fracDigits += 1
            }
            // "." alone, or ".e5", is not a number; "1." is.
            if intDigits == 0 && fracDigits == 0 { return nil }
        } else if intDigits == 0 {
            return nil
        }
        if i < n && (u[i] == UInt8(ascii: "e") || u[i] == UInt8(ascii: "E")) {
            i += 1
            if i < n && (u[i] == UInt8(ascii: "-") || u[i] == UInt8(ascii: "+")) { i += 1 }
            var expDigits = 0
            while i < n && u[i] >= 0x30 && u[i] <= 0x39 {
                i += 1
                expDigits += 1
            }
            if expDigits == 0 { return nil }
        }
        if i != n { return nil }
        // Swift's parser wants a digit after the point; "1." and "1.e3" mean "1.0" and "1.0e3".
        var literal = Array(u)
        if let dot = literal.firstIndex(of: UInt8(ascii: ".")) {
            let after = dot + 1
            if after == literal.count || !(literal[after] >= 0x30 && literal[after] <= 0x39) {
                literal.insert(UInt8(ascii: "0"), at: after)
            }
            if dot == 0 || !(literal[dot - 1] >= 0x30 && literal[dot - 1] <= 0x39) {
                literal.insert(UInt8(ascii: "0"), at: dot)
            }
        }
        guard let d = Double(String(decoding: literal, as: UTF8.self)) else {
            throw YAMLError.unsupported("number \(text) cannot be read as a float", mark)
        }
        if d.isInfinite || (d == 0 && nonZeroMantissa) {
            throw YAMLError.unsupported(
                "number \(text) is outside the range of a 64-bit float (quote it to read it as a string)", mark)
        }
        return d
    }
}
