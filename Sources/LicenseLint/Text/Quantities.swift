/// A number found in text: "700 million", "700,000,000", "100M", "one hundred million", "US$1,000,000".
public struct Quantity: Sendable, Equatable {
    public var value: Int64
    /// Range in the searched bytes.
    public var start: Int
    public var end: Int
    /// ISO 4217 code when a currency sign or word is attached.
    public var currency: String?
}

public enum Quantities {
    private static let ones: [String: Int64] = [
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
        "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
        "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "a": 1,
    ]
    private static let scales: [String: Int64] = [
        "hundred": 100, "thousand": 1_000, "million": 1_000_000, "millions": 1_000_000,
        "billion": 1_000_000_000, "billions": 1_000_000_000, "trillion": 1_000_000_000_000,
        "lakh": 100_000, "lakhs": 100_000, "crore": 10_000_000, "crores": 10_000_000,
    ]
    private static let attachedScales: [String: Int64] = [
        "k": 1_000, "m": 1_000_000, "mm": 1_000_000, "mn": 1_000_000, "b": 1_000_000_000, "bn": 1_000_000_000,
        "mil": 1_000_000,
    ]
    private static let months = ["january", "february", "march", "april", "may", "june", "july", "august",
                                 "september", "october", "november", "december"]

    /// The first "Month D, YYYY" (or "D Month YYYY") in lower-case text, as yyyy-mm-dd.
    static func firstDate(_ text: String) -> String? {
        let words = text.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        func day(_ w: String) -> Int? { Int(w).flatMap { (1...31).contains($0) ? $0 : nil } }
        func year(_ w: String) -> Int? { Int(w).flatMap { (1900...2999).contains($0) ? $0 : nil } }
        for (i, w) in words.enumerated() {
            guard let m = months.firstIndex(of: w) else { continue }
            var d: Int?, y: Int?
            if i + 2 < words.count, let dd = day(words[i + 1]), let yy = year(words[i + 2]) { d = dd; y = yy }
            else if i >= 1, i + 1 < words.count, let dd = day(words[i - 1]), let yy = year(words[i + 1]) { d = dd; y = yy }
            guard let d, let y else { continue }
            func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
            return "\(y)-\(two(m + 1))-\(two(d))"
        }
        return nil
    }

    /// The currency a revenue figure is read in when the text names none.
    static let defaultCurrency = "USD"

    private static let currencyWords: [String: String] = [
        "usd": "USD", "dollars": "USD", "dollar": "USD", "eur": "EUR", "euro": "EUR", "euros": "EUR",
        "gbp": "GBP", "pounds": "GBP", "rmb": "CNY", "cny": "CNY", "yuan": "CNY", "renminbi": "CNY",
        "jpy": "JPY", "yen": "JPY", "inr": "INR", "rupees": "INR", "chf": "CHF", "krw": "KRW", "won": "KRW",
        "cad": "CAD", "aud": "AUD", "sgd": "SGD",
    ]

    // Word look-ups without building Strings: a word of a–z letters packed five bits a letter (up to 12
    // letters; every key above is shorter, and longer words get a key no table holds).
    private struct WordTable<Value: Sendable>: Sendable {
        var keys: [UInt64] = []
        var values: [Value] = []
        init(_ d: [String: Value]) {
            for (k, v) in d.sorted(by: { Quantities.pack($0.key) < Quantities.pack($1.key) }) {
                keys.append(Quantities.pack(k)); values.append(v)
            }
        }
        @inline(__always) subscript(_ key: UInt64) -> Value? {
            var lo = 0, hi = keys.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if keys[mid] < key { lo = mid + 1 } else { hi = mid }
            }
            return lo < keys.count && keys[lo] == key ? values[lo] : nil
        }
    }
    private static let onesTable = WordTable(ones)
    private static let scalesTable = WordTable(scales)
    private static let attachedScalesTable = WordTable(attachedScales)
    private static let keyA = pack("a"), keyAnd = pack("and"), keyHundred = pack("hundred")
    private static let noKey = UInt64.max

    /// The packed key of a word of a–z letters (0 for the empty word).
    static func pack(_ w: String) -> UInt64 {
        let b = Array(w.utf8)
        return b.withUnsafeBufferPointer { packedWord($0, 0, $0.count).key }
    }

    /// The word of a–z letters at `i` (possibly empty) as a packed key, and where it ends.
    @inline(__always) private static func packedWord(_ t: UnsafeBufferPointer<UInt8>, _ i: Int, _ to: Int) -> (key: UInt64, end: Int) {
        var e = i
        var key: UInt64 = 0
        while e < to && isLetter(t[e]) {
            if e - i < 12 { key = key << 5 | UInt64(t[e] - 0x60) }
            e += 1
        }
        return (e - i > 12 ? noKey : key, e)
    }

    @inline(__always) private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    @inline(__always) private static func isLetter(_ b: UInt8) -> Bool { b >= 0x61 && b <= 0x7A }

    /// Finds quantities in lower-case normalised bytes between `from` and `to`.
    public static func find(in t: [UInt8], from: Int, to: Int) -> [Quantity] {
        t.withUnsafeBufferPointer { find(t, $0, from: from, to: to) }
    }

    private static func find(_ array: [UInt8], _ t: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> [Quantity] {
        var out: [Quantity] = []
        var i = from
        while i < to {
            let c = t[i]
            let prevIsWord = i > from && (isDigit(t[i - 1]) || isLetter(t[i - 1]))
            if isDigit(c) && !prevIsWord {
                if var q = numeral(t, i, to) {
                    attachCurrency(array, &q, from, to)
                    out.append(q)
                    i = q.end
                    continue
                }
            } else if isLetter(c) && !prevIsWord {
                if var q = words(t, i, to) {
                    attachCurrency(array, &q, from, to)
                    out.append(q)
                    i = q.end
                    continue
                }
                while i < to && isLetter(t[i]) { i += 1 }
                continue
            }
            i += 1
        }
        return out
    }

    private static func word(_ t: [UInt8], _ i: Int, _ to: Int) -> (String, Int) {
        var e = i
        while e < to && isLetter(t[e]) { e += 1 }
        return (String(decoding: t[i..<e], as: UTF8.self), e)
    }

    /// The end of a digit run grouped in threes by one separator used throughout — "700 000 000",
    /// "700.000.000", "700'000'000", "700_000_000" — and its value; nil when the digits at `i` are not so
    /// grouped. A dot groups only with two or more groups ("1.500" stays a decimal).
    private static func grouped(_ t: UnsafeBufferPointer<UInt8>, _ i: Int, _ to: Int) -> (value: Int64, end: Int)? {
        var e = i
        var value: Int64 = 0
        while e < to && isDigit(t[e]) && e - i < 4 { value = value * 10 + Int64(t[e] - 0x30); e += 1 }
        guard e - i >= 1 && e - i <= 3, e < to else { return nil }
        let sep = t[e]
        guard sep == 0x20 || sep == 0x2E || sep == 0x27 || sep == 0x5F else { return nil }
        var groups = 0
        while e + 3 < to && t[e] == sep && isDigit(t[e + 1]) && isDigit(t[e + 2]) && isDigit(t[e + 3])
                && (e + 4 >= to || !isDigit(t[e + 4])) {
            let (m, o) = value.multipliedReportingOverflow(by: 1000)
            if o { return nil }
            value = m + Int64(t[e + 1] - 0x30) * 100 + Int64(t[e + 2] - 0x30) * 10 + Int64(t[e + 3] - 0x30)
            e += 4; groups += 1
        }
        guard groups >= (sep == 0x2E ? 2 : 1) else { return nil }
        // "700 000 000" at the end of a sentence: a dot after the last group is not a decimal point.
        if sep != 0x2E && e + 1 < to && (t[e] == 0x2E || t[e] == 0x2C) && isDigit(t[e + 1]) { return nil }
        return (value, e)
    }

    /// "× 10^8", "x 10^8", "*10^8", "× 10⁸" after a number: the power of ten, and where it ends.
    private static func powerOfTen(_ t: UnsafeBufferPointer<UInt8>, _ i: Int, _ to: Int) -> (Int, Int)? {
        var e = i
        if e < to && t[e] == 0x20 { e += 1 }
        if e + 1 < to && t[e] == 0xC3 && t[e + 1] == 0x97 { e += 2 }            // ×
        else if e < to && (t[e] == 0x78 || t[e] == 0x2A) { e += 1 }             // x, *
        else { return nil }
        if e < to && t[e] == 0x20 { e += 1 }
        guard e + 1 < to, t[e] == 0x31, t[e + 1] == 0x30 else { return nil }
        e += 2
        var exp = 0, digits = 0
        if e < to && t[e] == 0x5E {                                             // ^8
            e += 1
            while e < to && isDigit(t[e]) && digits < 2 { exp = exp * 10 + Int(t[e] - 0x30); e += 1; digits += 1 }
        } else {                                                                // ⁸ (U+2070…U+2079, ¹ ² ³)
            while e + 1 < to && digits < 2 {
                if t[e] == 0xC2 && (t[e + 1] == 0xB9 || t[e + 1] == 0xB2 || t[e + 1] == 0xB3) {
                    exp = exp * 10 + (t[e + 1] == 0xB9 ? 1 : t[e + 1] == 0xB2 ? 2 : 3); e += 2; digits += 1
                } else if e + 2 < to && t[e] == 0xE2 && t[e + 1] == 0x81 && t[e + 2] >= 0xB0 && t[e + 2] <= 0xB9 && t[e + 2] != 0xB1 {
                    exp = exp * 10 + Int(t[e + 2] - 0xB0); e += 3; digits += 1
                } else { break }
            }
        }
        guard digits > 0, exp <= 18 else { return nil }
        return (exp, e)
    }

    /// "700,000,000", "1.2", "100m", "700 million", "1.5 billion", "7 hundred million", "700 000 000",
    /// "7 × 10^8", "(700) million"
    private static func numeral(_ t: UnsafeBufferPointer<UInt8>, _ i: Int, _ to: Int) -> Quantity? {
        if let (v, ge) = grouped(t, i, to) {
            var value = Double(v), end = ge
            if end + 1 < to && t[end] == 0x20 && isLetter(t[end + 1]) {
                let (w, we) = packedWord(t, end + 1, to)
                if let s = scalesTable[w] { value *= Double(s); end = we }
            }
            guard value < 9.2e18 else { return nil }
            return Quantity(value: Int64(value), start: i, end: end, currency: nil)
        }
        var e = i
        var intPart: Int64 = 0
        var fraction: Double = 0
        var fracScale: Double = 1
        var sawDot = false
        var overflow = false
        while e < to {
            let c = t[e]
            if isDigit(c) {
                if sawDot { fracScale /= 10; fraction += Double(c - 0x30) * fracScale }
                else {
                    let (m, o1) = intPart.multipliedReportingOverflow(by: 10)
                    let (a, o2) = m.addingReportingOverflow(Int64(c - 0x30))
                    if o1 || o2 { overflow = true }
                    intPart = a
                }
                e += 1
            } else if c == 0x2C && !sawDot && e + 3 < to && isDigit(t[e + 1]) && isDigit(t[e + 2]) && isDigit(t[e + 3])
                        && (e + 4 >= to || !isDigit(t[e + 4])) {
                e += 1  // thousands separator
            } else if c == 0x2E && !sawDot && e + 1 < to && isDigit(t[e + 1]) {
                sawDot = true; e += 1
            } else { break }
        }
        if overflow { return nil }
        var value = Double(intPart) + fraction
        var end = e
        // Attached scale: "100M", "1.2B", "5k"
        if let (exp, pe) = powerOfTen(t, end, to) {
            value *= pow10(exp); end = pe
        } else if end < to && isLetter(t[end]) {
            let (w, we) = packedWord(t, end, to)
            if let s = attachedScalesTable[w] ?? scalesTable[w] { value *= Double(s); end = we }
            else { return nil }  // "2nd", "3rd", "5g": not a quantity
        } else {
            // "(700) million": the figure of "seven hundred (700) million".
            var at = end
            if at < to && t[at] == 0x29 && i > 0 && t[i - 1] == 0x28 { at += 1 }
            // "7 hundred million": a scale word, then a larger one.
            var last: Int64 = 0
            while at + 1 < to && t[at] == 0x20 && isLetter(t[at + 1]) {
                let (w, we) = packedWord(t, at + 1, to)
                guard let s = scalesTable[w], last == 0 || s > last else { break }
                value *= Double(s); last = s; at = we; end = we
            }
        }
        guard value.isFinite, value < 9.2e18 else { return nil }
        return Quantity(value: Int64(value.rounded()), start: i, end: end, currency: nil)
    }

    private static func pow10(_ n: Int) -> Double { var v = 1.0; for _ in 0..<n { v *= 10 }; return v }

    /// Longest run of number words read as one number ("seven hundred and fifty two thousand three
    /// hundred and forty one" is 12); bounds the work when a run is no number.
    static let maxNumberWords = 16

    /// "one hundred million", "seven hundred million"
    private static func words(_ t: UnsafeBufferPointer<UInt8>, _ i: Int, _ to: Int) -> Quantity? {
        var total: Int64 = 0
        var current: Int64 = 0
        var any = false
        var sawScale = false
        var e = i
        var lastGood = i
        var count = 0
        while e < to && count < maxNumberWords {
            count += 1
            let (w, we) = packedWord(t, e, to)
            if w == 0 { break }
            if let v = onesTable[w], !(w == keyA && any) {
                if w == keyA {
                    // "a million" only
                    let n = we + 1 < to ? packedWord(t, we + 1, to).key : 0
                    guard scalesTable[n] != nil && n != keyHundred else { break }
                }
                let (sum, o) = current.addingReportingOverflow(v)
                if o { return nil }
                current = sum; any = true
            } else if let s = scalesTable[w], any || w != keyHundred {
                if !any { break }
                let (scaled, o1) = max(current, 1).multipliedReportingOverflow(by: s)
                if o1 { return nil }
                if s == 100 { current = scaled }
                else {
                    let (sum, o2) = total.addingReportingOverflow(scaled)
                    if o2 { return nil }
                    total = sum; current = 0; sawScale = true
                }
                any = true
            } else if w == keyAnd && any {
                // "one hundred and fifty"
            } else { break }
            lastGood = we
            e = we
            if e < to && t[e] == 0x20 { e += 1 } else { break }
        }
        guard any, sawScale || current >= 100 else { return nil }
        let (value, o) = total.addingReportingOverflow(current)
        guard !o, value >= 1000 else { return nil }
        return Quantity(value: value, start: i, end: lastGood, currency: nil)
    }

    private static func attachCurrency(_ t: [UInt8], _ q: inout Quantity, _ from: Int, _ to: Int) {
        // Prefix: "$", "us$", "usd $", "usd", "€", "£", "¥"
        var p = q.start
        while p > from && t[p - 1] == 0x20 { p -= 1 }
        if p > from && t[p - 1] == 0x24 {  // $
            var code = "USD"
            var s = p - 1
            // Letters glued to the sign: "us$", "c$", "a$", "s$"; or a code before it: "usd $".
            var w = s
            while w > from && isLetter(t[w - 1]) { w -= 1 }
            let glued = String(decoding: t[w..<s], as: UTF8.self)
            switch glued {
            case "us", "usd": s = w
            case "c", "ca", "cad": code = "CAD"; s = w
            case "a", "au", "aud": code = "AUD"; s = w
            case "s", "sg", "sgd": code = "SGD"; s = w
            case "hk", "hkd": code = "HKD"; s = w
            default:
                var k = s
                while k > from && t[k - 1] == 0x20 { k -= 1 }
                var w2 = k
                while w2 > from && isLetter(t[w2 - 1]) { w2 -= 1 }
                let before = String(decoding: t[w2..<k], as: UTF8.self)
                if let c = currencyWords[before], before == c.lowercased() { code = c; s = w2 }
            }
            q.currency = code; q.start = s
            return
        }
        if p >= from + 3 && t[p - 3] == 0xE2 && t[p - 2] == 0x82 && t[p - 1] == 0xAC { q.currency = "EUR"; q.start = p - 3; return }
        if p >= from + 2 && t[p - 2] == 0xC2 && t[p - 1] == 0xA3 { q.currency = "GBP"; q.start = p - 2; return }
        if p >= from + 2 && t[p - 2] == 0xC2 && t[p - 1] == 0xA5 { q.currency = "JPY"; q.start = p - 2; return }
        if p >= from + 3 && t[p - 3] == 0xE2 && t[p - 2] == 0x82 && t[p - 1] == 0xB9 { q.currency = "INR"; q.start = p - 3; return }
        // Word before: "usd 1 million"
        var w = p
        while w > from && isLetter(t[w - 1]) { w -= 1 }
        if w < p, let code = currencyWords[String(decoding: t[w..<p], as: UTF8.self)], code.count == 3,
           String(decoding: t[w..<p], as: UTF8.self) == code.lowercased() {
            q.currency = code; q.start = w; return
        }
        // Suffix: "1,000,000 usd", "5 million dollars", "1 million u.s. dollars"
        var s = q.end
        while s < to && t[s] == 0x20 { s += 1 }
        if s + 5 <= to && String(decoding: t[s..<min(to, s + 5)], as: UTF8.self) == "u.s. " { s += 5 }
        if s + 3 <= to && String(decoding: t[s..<min(to, s + 3)], as: UTF8.self) == "us " { s += 3 }
        let (next, ne) = word(t, s, to)
        if let code = currencyWords[next] { q.currency = code; q.end = ne }
    }
}
