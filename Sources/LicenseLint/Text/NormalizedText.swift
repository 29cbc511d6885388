/// How a line-level segment starts: the list marker style, used to tell which items belong to a lead-in.
public enum MarkerStyle: Sendable, Equatable {
    case none, bullet, digit, lowerLetter, upperLetter, roman, parenthesised
}

/// A run of text that starts on its own line: a paragraph, a list item or a heading.
public struct Segment: Sendable {
    /// Range in the normalised bytes (marker included).
    public var start: Int
    /// Where the text after the list marker starts.
    public var bodyStart: Int
    public var end: Int
    /// Indentation of the first line, in columns (a tab counts four).
    public var indent: Int
    public var marker: MarkerStyle
    public var isHeading: Bool
    /// Whether a blank line separates this segment from the previous one.
    public var afterBlankLine: Bool
}

/// The text prepared for matching: one byte per byte of meaning, every byte mapped back to the source.
///
/// Whitespace runs become one space; curly quotes, dashes, non-breaking and zero-width spaces, soft
/// hyphens and Markdown emphasis are normalised away; a word hyphenated across a line break is joined;
/// every hyphen becomes a space (so "non-commercial", "non commercial" and a wrapped "non-\ncommercial"
/// read alike). Case is kept: `lower` is the same text in ASCII lower case.
public struct NormalizedText: Sendable {
    public private(set) var bytes: [UInt8] = []
    public private(set) var lower: [UInt8] = []
    /// For each normalised byte, the offset of the source byte it came from.
    public private(set) var origin: [Int32] = []
    public private(set) var segments: [Segment] = []

    public init(_ source: [UInt8]) { self.init(source, wordParallel: true) }

    /// `wordParallel: false` turns the eight-bytes-at-a-time copying off, for tests that compare the two.
    init(_ source: [UInt8], wordParallel: Bool) {
        // The normaliser reads the source through a pointer that must stay valid while it runs: a copy it
        // owns (a pointer lent by withUnsafeBufferPointer is valid only inside that closure; running the
        // normaliser after the closure returned was a use after free).
        let copy = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, source.count))
        _ = copy.initialize(from: source)
        defer { copy.deallocate() }
        var n = Normalizer(UnsafeBufferPointer(rebasing: copy[0..<source.count]), wordParallel: wordParallel)
        n.run()
        let count = n.count
        let out = n.out, org = n.org
        bytes = Array(UnsafeBufferPointer(start: out, count: count))
        origin = Array(UnsafeBufferPointer(start: org, count: count))
        lower = [UInt8](unsafeUninitializedCapacity: count) { buf, initialized in
            for i in 0..<count {
                let b = out[i]
                buf[i] = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
            }
            initialized = count
        }
        segments = n.segments
        n.deallocate()
    }

    /// Normalises a short phrase the same way as a document, returning lower-case bytes.
    public static func phraseKey(_ phrase: String) -> [UInt8] {
        if let key = simplePhraseKey(phrase) { return key }
        return fullPhraseKey(phrase)
    }

    /// The phrase key of a phrase of plain printable ASCII — letters, digits, spaces and punctuation that
    /// normalisation copies as it is — which is its lower-case text with runs of spaces made one and the
    /// ends trimmed. Nil when any byte is one normalisation treats specially: control characters and
    /// tabs, "-" "*" "`" "_" "\\" (emphasis, hyphens, escapes), "#" "+" (headings, bullets), and
    /// "|" "=" ":" (rules), or anything non-ASCII.
    static func simplePhraseKey(_ phrase: String) -> [UInt8]? {
        var phrase = phrase
        return phrase.withUTF8 { u -> [UInt8]? in
            // Every space written stands for at least one space read, so at most u.count bytes are written.
            var failed = false
            let key = [UInt8](unsafeUninitializedCapacity: u.count) { out, written in
                var n = 0
                var pendingSpace = false
                for b in u {
                    if b == 0x20 { pendingSpace = n > 0; continue }
                    guard b > 0x20 && b < 0x7F && b != 0x2D && b != 0x2A && b != 0x60 && b != 0x5F && b != 0x5C
                            && b != 0x23 && b != 0x2B && b != 0x7C && b != 0x3D && b != 0x3A else { failed = true; break }
                    if pendingSpace { out[n] = 0x20; n += 1; pendingSpace = false }
                    out[n] = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
                    n += 1
                }
                written = failed ? 0 : n
            }
            return failed ? nil : key
        }
    }

    /// The phrase key through the full normalisation.
    static func fullPhraseKey(_ phrase: String) -> [UInt8] {
        let n = NormalizedText(Array(phrase.utf8))
        var out = n.lower
        while let f = out.first, f == 0x0A || f == 0x20 { out.removeFirst() }
        while let l = out.last, l == 0x0A || l == 0x20 { out.removeLast() }
        return out
    }

    /// Source byte offset of normalised position `i` (the end maps to the last byte + 1).
    public func sourceOffset(_ i: Int) -> Int {
        if origin.isEmpty { return 0 }
        if i >= origin.count { return Int(origin[origin.count - 1]) + 1 }
        return Int(origin[max(0, i)])
    }

    static func isAlnum(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
    }
    static func isLowerLetter(_ b: UInt8) -> Bool { b >= 0x61 && b <= 0x7A }
    static func isUpperLetter(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }
    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// Recognises a list marker at `j`; returns its style and the offset just after it (and its spaces).
    static func marker(in s: UnsafeBufferPointer<UInt8>, at j: Int, lineEnd: Int) -> (MarkerStyle, Int)? {
        func afterSpaces(_ k: Int) -> Int? {
            var k = k
            guard k < lineEnd, s[k] == 0x20 || s[k] == 0x09 else { return k >= lineEnd ? k : nil }
            while k < lineEnd && (s[k] == 0x20 || s[k] == 0x09) { k += 1 }
            return k
        }
        guard j < lineEnd else { return nil }
        let c = s[j]
        // Bullets: - * + •
        if c == 0x2D || c == 0x2A || c == 0x2B {
            if j + 1 < lineEnd && (s[j + 1] == 0x20 || s[j + 1] == 0x09), let k = afterSpaces(j + 1) { return (.bullet, k) }
            return nil
        }
        if c == 0xE2 && j + 2 < lineEnd && s[j + 1] == 0x80 && (s[j + 2] == 0xA2 || s[j + 2] == 0xA3) {
            if let k = afterSpaces(j + 3) { return (.bullet, k) }
            return nil
        }
        // (a) (iv) (1)
        if c == 0x28 {
            var k = j + 1
            while k < lineEnd && k - j <= 5 && isAlnum(s[k]) { k += 1 }
            if k > j + 1 && k < lineEnd && s[k] == 0x29, let e = afterSpaces(k + 1) { return (.parenthesised, e) }
            return nil
        }
        // 1. 2.1 5.1. a. iv. A) 2\.
        var k = j
        while k < lineEnd && k - j < 8 && (isAlnum(s[k]) || (s[k] == 0x2E && k + 1 < lineEnd && isDigit(s[k + 1]) && isDigit(s[k - (k > j ? 1 : 0)]))) { k += 1 }
        guard k > j else { return nil }
        var p = k
        if p < lineEnd && s[p] == 0x5C { p += 1 }  // Markdown escape "2\."
        guard p < lineEnd, s[p] == 0x2E || s[p] == 0x29 else { return nil }
        p += 1
        if p < lineEnd && s[p] == 0x2E { p += 1 }
        guard p >= lineEnd || s[p] == 0x20 || s[p] == 0x09 else { return nil }
        guard let e = afterSpaces(p) else { return nil }
        let token = UnsafeBufferPointer(rebasing: s[j..<k])
        if token.allSatisfy({ isDigit($0) || $0 == 0x2E }) { return token.count <= 6 ? (.digit, e) : nil }
        let lowered = token.map { $0 | 0x20 }
        if lowered.allSatisfy({ $0 == 0x69 || $0 == 0x76 || $0 == 0x78 }) && token.count <= 5 {
            // "i." is ambiguous (letter i or roman one): call it roman.
            return (.roman, e)
        }
        if token.count == 1 {
            return (isUpperLetter(token[0]) ? .upperLetter : .lowerLetter, e)
        }
        return nil
    }

    /// Whether a line ending at `t` can be followed by a new list item: it ends a sentence or clause
    /// (". : ; ! ?"), or ends in "; and" / ", or".
    static func endsItem(_ s: UnsafeBufferPointer<UInt8>, _ j: Int, _ t: Int) -> Bool {
        var t = t
        // Closing quotes, brackets and emphasis are skipped (a loop: a line of them can be megabytes long).
        while true {
            let c = s[t]
            if c == 0x22 || c == 0x29 || c == 0x2A, t > j { t -= 1; continue }
            if c == 0x80 || c == 0x9D, t >= j + 2, s[t - 2] == 0xE2 {
                if t - 3 >= j { t -= 3; continue }
                return false
            }
            break
        }
        let c = s[t]
        if c == 0x2E || c == 0x3A || c == 0x3B || c == 0x21 || c == 0x3F { return true }
        // "; and" / "; or"
        var w = t + 1
        while w > j && isLowerLetter(s[w - 1]) { w -= 1 }
        let word = s[w..<(t + 1)]
        if w > j && (word.elementsEqual("and".utf8) || word.elementsEqual("or".utf8)) {
            var k = w - 1
            while k > j && s[k] == 0x20 { k -= 1 }
            return s[k] == 0x3B || s[k] == 0x2C
        }
        return false
    }

}

/// The normalisation pass: reads the source once, line by line, and writes normalised bytes and their
/// source offsets into buffers it owns (grown by doubling; every write is after a capacity check).
private struct Normalizer {
    let s: UnsafeBufferPointer<UInt8>
    private(set) var out: UnsafeMutablePointer<UInt8>
    private(set) var org: UnsafeMutablePointer<Int32>
    private(set) var count = 0
    private var capacity: Int
    private var pendingSpace = false
    private var pendingSpaceOrigin: Int32 = 0
    private(set) var segments: [Segment] = []

    let wordParallel: Bool

    init(_ s: UnsafeBufferPointer<UInt8>, wordParallel: Bool = true) {
        self.s = s
        self.wordParallel = wordParallel
        capacity = s.count + s.count / 8 + 64
        out = .allocate(capacity: capacity)
        org = .allocate(capacity: capacity)
    }

    func deallocate() {
        out.deallocate()
        org.deallocate()
    }

    /// Makes room for `extra` more bytes.
    private mutating func reserve(_ extra: Int) {
        guard count + extra > capacity else { return }
        let newCapacity = max(capacity * 2, count + extra)
        let newOut = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        let newOrg = UnsafeMutablePointer<Int32>.allocate(capacity: newCapacity)
        newOut.update(from: out, count: count)
        newOrg.update(from: org, count: count)
        out.deallocate()
        org.deallocate()
        out = newOut
        org = newOrg
        capacity = newCapacity
    }

    @inline(__always) private mutating func put(_ b: UInt8, _ o: Int32) {
        if count >= capacity { reserve(1) }
        out[count] = b
        org[count] = o
        count += 1
    }

    @inline(__always) private var last: UInt8? { count > 0 ? out[count - 1] : nil }

    @inline(__always) private mutating func flushPendingSpace() {
        if pendingSpace {
            pendingSpace = false
            if count > 0 {
                let l = out[count - 1]
                if l != 0x20 && l != 0x0A { put(0x20, pendingSpaceOrigin) }
            }
        }
    }

    @inline(__always) private mutating func emit(_ b: UInt8, _ o: Int) {
        flushPendingSpace()
        put(b, Int32(truncatingIfNeeded: o))
    }

    @inline(__always) private mutating func space(_ o: Int) {
        if !pendingSpace { pendingSpace = true; pendingSpaceOrigin = Int32(truncatingIfNeeded: o) }
    }

    private mutating func breakSegment(_ o: Int) {
        pendingSpace = false
        if count > 0 && out[count - 1] == 0x20 { count -= 1 }
        if count > 0 && out[count - 1] == 0x0A { return }
        if count > 0 { put(0x0A, Int32(truncatingIfNeeded: o)) }
    }

    /// Printable ASCII that is copied as it is: everything from "!" to DEL except the bytes `emitChar`
    /// treats specially ("-", "*", "`", "_", "\\"). Bit `c` of (low, high) for c in 0..<128.
    private static let plainLow: UInt64 = ~UInt64(0) << 0x21 & ~(UInt64(1) << 0x2A | UInt64(1) << 0x2D)
    private static let plainHigh: UInt64 = ~(UInt64(1) << (0x5C - 0x40) | UInt64(1) << (0x5F - 0x40) | UInt64(1) << (0x60 - 0x40))

    @inline(__always) private static func isPlain(_ c: UInt8) -> Bool {
        if c < 0x40 { return plainLow >> UInt64(c) & 1 == 1 }
        if c < 0x80 { return plainHigh >> UInt64(c &- 0x40) & 1 == 1 }
        return false
    }

    /// Per byte: 1 for a plain byte (`isPlain`), 2 for a space, 0 otherwise.
    private static let runTable: [UInt8] = (0..<256).map { isPlain(UInt8($0)) ? 1 : ($0 == 0x20 ? 2 : 0) }

    /// Emits the body of a line from `k` up to `le`, stopping at the first character boundary at or
    /// after `stop`; returns where it stopped.
    @inline(__always) private mutating func emitRun(from start: Int, to le: Int, stop: Int) -> Int {
        var k = start
        let end = min(le, stop)
        Normalizer.runTable.withUnsafeBufferPointer { table in
            while k < end {
                let c = s[k]
                if table[Int(c)] == 1 {
                    flushPendingSpace()
                    // A run of plain bytes with single spaces between them: `space` then `emit` would
                    // write each such space where it is, the byte before it being plain. A space that is
                    // not followed by a plain byte (a second space, other bytes, the end) is left for
                    // `emitChar`. At most `end - k` bytes are written; room is made first.
                    reserve(end - k)
                    let o = out, g = org
                    var n = count
                    var q = k
                    var afterSpace = false
                    let base = wordParallel ? s.baseAddress : nil
                    while q < end {
                        // Eight bytes at a time when the byte loop below would copy them all and end
                        // after a plain byte: each is plain or a space, no two spaces touch (nor the first
                        // with a space just copied), and the last is not a space.
                        if q + 8 <= end, let base {
                            let x = SWAR.load(base + q)
                            let spaces = SWAR.equalMask(x, 0x20)
                            if !SWAR.hasHigh(x) && !SWAR.hasLess(x, 0x20) && !SWAR.has(x, 0x2D) && !SWAR.has(x, 0x2A)
                                && !SWAR.has(x, 0x60) && !SWAR.has(x, 0x5F) && !SWAR.has(x, 0x5C)
                                && spaces & (spaces << 8) == 0 && spaces >> 56 == 0 && !(afterSpace && spaces & 0x80 != 0) {
                                (o + n).update(from: base + q, count: 8)
                                for k in 0..<8 { g[n &+ k] = Int32(truncatingIfNeeded: q &+ k) }
                                n &+= 8
                                q &+= 8
                                afterSpace = false
                                continue
                            }
                        }
                        let b = s[q]
                        let t = table[Int(b)]
                        if t == 0 || (t == 2 && afterSpace) { break }
                        o[n] = b
                        g[n] = Int32(truncatingIfNeeded: q)
                        n &+= 1
                        q &+= 1
                        afterSpace = t == 2
                    }
                    if afterSpace { n &-= 1; q &-= 1 }
                    count = n
                    k = q
                    continue
                }
                k = emitChar(k, le)
            }
        }
        return k
    }

    mutating func run() {
        let n = s.count
        var i = 0
        var blankLines = 0
        var previousLineEndedWithColon = false
        var previousLineAllowsItem = true
        var previousLineHyphenated = false
        var openSegment: Segment? = nil
        var first = true

        func lineEnd(from k: Int) -> Int {
            var e = k
            // Eight bytes at a time while none is below 0x0E (so none is a CR or LF).
            if let base = s.baseAddress {
                while e + 8 <= n && !SourceFile.hasByteBelow14(UnsafeRawPointer(base + e).loadUnaligned(as: UInt64.self)) {
                    e += 8
                }
            }
            while e < n {
                let c = s[e]
                if c == 0x0A || c == 0x0D { break }
                e += 1
            }
            return e
        }

        while i < n {
            // Start of a line.
            let le = lineEnd(from: i)
            var j = i
            var indent = 0
            while j < le && (s[j] == 0x20 || s[j] == 0x09 || (s[j] == 0xC2 && j + 1 < le && s[j + 1] == 0xA0)) {
                indent += s[j] == 0x09 ? 4 : 1
                j += s[j] == 0xC2 ? 2 : 1
            }
            var next = le
            if next < n && s[next] == 0x0D { next += 1 }
            if next < n && s[next] == 0x0A && (next == le || s[next - 1] == 0x0D) { next += 1 }
            if j >= le {
                blankLines += 1
                i = max(next, i + 1)
                continue
            }
            // Markdown horizontal rules and table separators carry no words.
            if isRule(j, le) { blankLines += 1; i = max(next, i + 1); continue }

            var heading = false
            var bodyFrom = j
            var style = MarkerStyle.none
            if s[j] == 0x23 {  // '#'
                var k = j
                while k < le && s[k] == 0x23 { k += 1 }
                if k < le && s[k] == 0x20 { heading = true; bodyFrom = k + 1 }
            }
            var markerEnd = bodyFrom
            if !heading, let (st, e) = NormalizedText.marker(in: s, at: j, lineEnd: le) {
                style = st; markerEnd = e
            }
            // A marker or an all-capitals line starts a segment only where the previous line could end
            // one; a re-wrapped "(i) any commercial…" in running text stays in its sentence.
            let boundaryAllowed = first || blankLines > 0 || previousLineAllowsItem
            if !boundaryAllowed { style = .none; markerEnd = bodyFrom }
            let headingLine = boundaryAllowed && looksLikeHeading(j, le)
            let startsSegment = first || blankLines > 0 || heading || style != .none || previousLineEndedWithColon
                || headingLine
            if startsSegment {
                if var seg = openSegment { seg.end = count; if seg.end > seg.start { segments.append(seg) } }
                breakSegment(j)
                let segStart = count
                openSegment = Segment(start: segStart, bodyStart: segStart, end: segStart, indent: indent,
                                      marker: style, isHeading: heading || headingLine,
                                      afterBlankLine: blankLines > 0)
            } else {
                // Continuation line: join, undoing a hyphenated line break ("com-\nmercial").
                if previousLineHyphenated, j < le, NormalizedText.isLowerLetter(s[j]) {
                    pendingSpace = false
                } else {
                    space(i)
                }
            }
            first = false
            blankLines = 0
            // Body of the line.
            var k = j
            if heading { k = bodyFrom }
            if style == .bullet {
                k = markerEnd  // drop the bullet itself
                if var seg = openSegment, startsSegment { seg.bodyStart = count; openSegment = seg }
            }
            if startsSegment && style != .none && style != .bullet {
                // The body starts after the marker: note where, at the character boundary that is exactly
                // `markerEnd` (if the characters before it end there).
                k = emitRun(from: k, to: le, stop: markerEnd)
                if k < le && k == markerEnd, var seg = openSegment {
                    pendingSpace = false
                    seg.bodyStart = count + (last == 0x20 ? 0 : 1)
                    openSegment = seg
                    space(k)
                }
            }
            k = emitRun(from: k, to: le, stop: le)
            if startsSegment && style != .none && style != .bullet && markerEnd >= le, var seg = openSegment {
                seg.bodyStart = count; openSegment = seg
            }
            // Did the line end with a colon (a lead-in to a list)?
            var t = le - 1
            while t > j && (s[t] == 0x20 || s[t] == 0x09) { t -= 1 }
            previousLineEndedWithColon = t >= j && s[t] == 0x3A
            previousLineAllowsItem = t >= j && NormalizedText.endsItem(s, j, t)
            previousLineHyphenated = t > j && s[t] == 0x2D && NormalizedText.isLowerLetter(s[t - 1])
            i = max(next, i + 1)
            if next == le { i = le + 1 }
        }
        if var seg = openSegment { seg.end = count; if seg.end > seg.start { segments.append(seg) } }
        pendingSpace = false
        while count > 0 && (out[count - 1] == 0x20 || out[count - 1] == 0x0A) { count -= 1 }
        if let lastIndex = segments.indices.last { segments[lastIndex].end = min(segments[lastIndex].end, count) }
        // Drop the one-byte separators from segment ranges and make bodyStart sane.
        for idx in segments.indices {
            var seg = segments[idx]
            if seg.start < count && out[seg.start] == 0x0A { seg.start += 1 }
            seg.bodyStart = min(max(seg.bodyStart, seg.start), seg.end)
            segments[idx] = seg
        }
    }

    private func isRule(_ j: Int, _ le: Int) -> Bool {
        var k = j
        var count = 0
        while k < le {
            let c = s[k]
            if c == 0x2D || c == 0x3D || c == 0x5F || c == 0x2A || c == 0x7C || c == 0x3A { count += 1 }
            else if c != 0x20 && c != 0x09 { return false }
            k += 1
        }
        return count >= 3
    }

    /// An all-capitals short line ("LIMITATION OF LIABILITY") reads as a heading.
    private func looksLikeHeading(_ j: Int, _ le: Int) -> Bool {
        guard le - j <= 80 else { return false }
        var letters = 0
        for k in j..<le {
            let c = s[k]
            if NormalizedText.isLowerLetter(c) { return false }
            if NormalizedText.isUpperLetter(c) { letters += 1 }
            if c == 0x2E && k + 1 < le && s[k + 1] == 0x20 && k > j + 4 { return false }
        }
        return letters >= 4
    }

    /// Emits the normalised form of the character at `k`; returns the next offset.
    private mutating func emitChar(_ k: Int, _ le: Int) -> Int {
        let c = s[k]
        if c < 0x80 {
            switch c {
            case 0x20, 0x09, 0x0B, 0x0C: space(k)
            case 0x2D: space(k)                 // hyphen reads as a word break
            case 0x2A, 0x60: break              // Markdown emphasis and code ticks
            case 0x5F:                          // "__" emphasis goes, a single underscore stays
                if k + 1 < le && s[k + 1] == 0x5F { return k + 2 }
                emit(c, k)
            case 0x5C:                          // Markdown escape: "\." → "."
                if k + 1 < le && s[k + 1] < 0x80 && !NormalizedText.isAlnum(s[k + 1]) && s[k + 1] != 0x20 {
                    emit(s[k + 1], k + 1); return k + 2
                }
                emit(c, k)
            default:
                if c < 0x20 { space(k) } else { emit(c, k) }
            }
            return k + 1
        }
        // Decode one scalar.
        var len = 1
        var v: UInt32 = 0
        if c & 0xE0 == 0xC0 { len = 2; v = UInt32(c & 0x1F) }
        else if c & 0xF0 == 0xE0 { len = 3; v = UInt32(c & 0x0F) }
        else if c & 0xF8 == 0xF0 { len = 4; v = UInt32(c & 0x07) }
        if k + len > le { emit(c, k); return k + 1 }
        for q in 1..<len { v = v << 6 | UInt32(s[k + q] & 0x3F) }
        switch v {
        case 0xA0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000, 0x2028, 0x2029:
            space(k)
        case 0xAD, 0x200B...0x200D, 0x2060, 0xFEFF, 0x2122, 0xAE, 0x2063:
            break
        case 0x2010...0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D:
            space(k)
        case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0xFF07:
            emit(0x27, k)
        case 0x201C, 0x201D, 0x201E, 0x201F, 0xAB, 0xBB, 0x2033, 0xFF02, 0x300C, 0x300D:
            emit(0x22, k)
        case 0x2026:
            emit(0x2E, k); emit(0x2E, k); emit(0x2E, k)
        case 0x3002, 0xFF0E:
            emit(0x2E, k); space(k)
        case 0xFF0C, 0x3001:
            emit(0x2C, k); space(k)
        case 0xFF1B:
            emit(0x3B, k); space(k)
        case 0xFF1A:
            emit(0x3A, k); space(k)
        case 0xFF08:
            space(k); emit(0x28, k)
        case 0xFF09:
            emit(0x29, k); space(k)
        case 0x2022, 0x25AA, 0x25E6:
            space(k)
        default:
            for q in 0..<len { emit(s[k + q], k + q) }
        }
        return k + len
    }
}

/// Eight-bytes-at-a-time tests (SWAR) for the byte scanners. Each answers "might any byte of the word be
/// one of these?": never no when the answer is yes (a false yes only sends the caller to its byte loop).
enum SWAR {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highs: UInt64 = 0x8080_8080_8080_8080

    /// The eight bytes at `p`, byte 0 in the low bits on every platform.
    @inline(__always) static func load(_ p: UnsafePointer<UInt8>) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(p).loadUnaligned(as: UInt64.self))
    }
    /// Whether some byte of `x` is zero.
    @inline(__always) static func hasZero(_ x: UInt64) -> Bool { (x &- ones) & ~x & highs != 0 }
    /// Whether some byte of `x` equals `b`.
    @inline(__always) static func has(_ x: UInt64, _ b: UInt8) -> Bool { hasZero(x ^ (UInt64(b) &* ones)) }
    /// Whether some byte of `x` is below `n` (n ≤ 128).
    @inline(__always) static func hasLess(_ x: UInt64, _ n: UInt8) -> Bool { (x &- UInt64(n) &* ones) & ~x & highs != 0 }
    /// 0x80 in each byte of `x` that equals `b`, 0 elsewhere (exact: no borrow crosses bytes).
    @inline(__always) static func equalMask(_ x: UInt64, _ b: UInt8) -> UInt64 {
        let t = x ^ (UInt64(b) &* ones)
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return ~(((t & low7) &+ low7) | t) & highs
    }
    /// Whether some byte of `x` has its top bit set.
    @inline(__always) static func hasHigh(_ x: UInt64) -> Bool { x & highs != 0 }
}
