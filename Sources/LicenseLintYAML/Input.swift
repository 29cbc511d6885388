// Checks run on the raw bytes before scanning: size, encoding, character set.

enum Input {
    /// Validates `bytes` and returns the index of the first byte after an optional UTF-8 byte
    /// order mark. After this succeeds the scanner may assume well-formed UTF-8 with no NUL byte
    /// (it uses 0 as its end-of-input sentinel).
    static func validate(_ bytes: [UInt8], limits: YAMLLimits) throws(YAMLError) -> Int {
        let start = YAMLMark(line: 1, column: 1)
        if bytes.count > limits.maxBytes {
            throw YAMLError(
                code: "yaml.too-large",
                message: "input is \(bytes.count) bytes, more than the limit of \(limits.maxBytes) bytes",
                mark: start)
        }
        let n = bytes.count
        if n >= 4, bytes[0] == 0, bytes[1] == 0, bytes[2] == 0xFE, bytes[3] == 0xFF {
            throw YAMLError.unsupported("UTF-32 encoded input (convert it to UTF-8)", start)
        }
        if n >= 2, (bytes[0] == 0xFE && bytes[1] == 0xFF) || (bytes[0] == 0xFF && bytes[1] == 0xFE) {
            throw YAMLError.unsupported("UTF-16 or UTF-32 encoded input (convert it to UTF-8)", start)
        }
        var i = 0
        if n >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
        let bodyStart = i
        var line = 1
        var lineStart = i
        // Column of byte index `at` on the current line, counted in scalars.
        func column(_ at: Int) -> Int {
            var col = 1
            var k = lineStart
            while k < at {
                if bytes[k] & 0xC0 != 0x80 { col += 1 }
                k += 1
            }
            return col
        }
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                if b >= 0x20 && b != 0x7F {
                    i += 1
                    continue
                }
                switch b {
                case 0x0A:
                    line += 1
                    lineStart = i + 1
                case 0x0D:
                    if i + 1 < n, bytes[i + 1] == 0x0A {
                        i += 1
                    }
                    line += 1
                    lineStart = i + 1
                case 0x09:
                    break
                case 0:
                    throw YAMLError(
                        code: "yaml.binary",
                        message: "NUL byte in input: this looks like binary data, not YAML text",
                        mark: YAMLMark(line: line, column: column(i)))
                default:
                    throw YAMLError(
                        code: "yaml.binary",
                        message: "control character \(hex(UInt32(b))) is not allowed in YAML text",
                        mark: YAMLMark(line: line, column: column(i)))
                }
                i += 1
                continue
            }
            // Multi-byte sequence: strict UTF-8 (no overlong forms, no surrogates, ≤ U+10FFFF).
            var length = 0
            var scalar: UInt32 = 0
            var lowerSecond: UInt8 = 0x80
            var upperSecond: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF:
                length = 2
                scalar = UInt32(b & 0x1F)
            case 0xE0...0xEF:
                length = 3
                scalar = UInt32(b & 0x0F)
                if b == 0xE0 { lowerSecond = 0xA0 }
                if b == 0xED { upperSecond = 0x9F }
            case 0xF0...0xF4:
                length = 4
                scalar = UInt32(b & 0x07)
                if b == 0xF0 { lowerSecond = 0x90 }
                if b == 0xF4 { upperSecond = 0x8F }
            default:
                throw invalidUTF8(line, column(i))
            }
            if i + length > n { throw invalidUTF8(line, column(i)) }
            for k in 1..<length {
                let c = bytes[i + k]
                let lo: UInt8 = k == 1 ? lowerSecond : 0x80
                let hi: UInt8 = k == 1 ? upperSecond : 0xBF
                if c < lo || c > hi { throw invalidUTF8(line, column(i)) }
                scalar = (scalar << 6) | UInt32(c & 0x3F)
            }
            // C1 controls (except NEL) and the non-characters U+FFFE/U+FFFF are outside YAML's
            // printable set.
            if (scalar >= 0x80 && scalar <= 0x9F && scalar != 0x85) || scalar == 0xFFFE || scalar == 0xFFFF {
                throw YAMLError(
                    code: "yaml.binary",
                    message: "character \(hex(scalar)) is not allowed in YAML text",
                    mark: YAMLMark(line: line, column: column(i)))
            }
            i += length
        }
        return bodyStart
    }

    private static func invalidUTF8(_ line: Int, _ column: Int) -> YAMLError {
        YAMLError(code: "yaml.invalid-utf8", message: "invalid UTF-8 byte sequence",
                  mark: YAMLMark(line: line, column: column))
    }

    static func hex(_ v: UInt32) -> String {
        let digits = String(v, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
