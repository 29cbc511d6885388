/// A sentence of the normalised text, with the list lead-in it belongs to, if any.
public struct Sentence: Sendable {
    public var start: Int
    public var end: Int
    public var segment: Int
    /// The sentence ending in ":" that introduces the list this sentence is an item of.
    public var lead: Int?
    public var endsWithColon: Bool
    public var isHeading: Bool
    /// For a lead-in whose items follow inline, in its own paragraph ("… the Model: (a) to …; (b) to …"),
    /// their marker style: later paragraphs are its items only when they carry the same kind of marker
    /// (a list wrapped so that some items start lines).
    var inlineItemStyle: MarkerStyle? = nil
    /// An item of such a list (it starts at its marker).
    var isInlineItem = false
}

public enum SentenceSplitter {
    /// Words that end in a full stop without ending a sentence.
    static let abbreviations: Set<String> = [
        "e.g", "i.e", "eg", "ie", "inc", "ltd", "co", "corp", "llc", "no", "nos", "u.s", "u.k", "vs", "v",
        "sec", "art", "para", "cf", "st", "mr", "ms", "dr", "jr", "sr", "approx", "incl", "fig", "seq", "al",
        "u.s.a", "p.r.c", "a.k.a", "govt", "dept", "s.a", "n.v", "b.v", "gmbh", "pty", "plc", "ag", "p.c",
    ]

    /// The abbreviations as lower-case ASCII packed into integers (all are at most 8 bytes), sorted.
    static let packedAbbreviations: [UInt64] = abbreviations.compactMap { a -> UInt64? in
        let u = Array(a.utf8)
        guard u.count <= 8 else { return nil }
        return u.reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
    }.sorted()
    /// Abbreviations longer than 8 bytes (none today), checked as strings.
    static let longAbbreviations: Bool = abbreviations.contains { $0.utf8.count > 8 }

    /// Longest sentence, in normalised bytes, before it is cut.
    static let maxSentenceBytes = 4096

    public static func split(_ text: NormalizedText) -> [Sentence] {
        let b = text.bytes
        var out: [Sentence] = []
        out.reserveCapacity(text.segments.count * 2)
        // Where inline list items start (offsets in the normalised text, in order).
        var itemStarts: [Int] = []
        for (si, seg) in text.segments.enumerated() {
            var s = seg.start
            var k = seg.bodyStart
            // Whether a lead-in of this segment ended in ":" right before an inline list marker
            // ("… the Model: (a) to …; (b) to …"): from then on "; " before a marker starts the next item.
            var inlineList = false
            while k < seg.end {
                // Only ":", ".", "?" and "!" can end a sentence before it is long enough to be cut:
                // skip to the next one, but not past the first byte where a cut can happen.
                let skipEnd = min(seg.end, s + maxSentenceBytes)
                if k < skipEnd {
                    k = nextStop(b, from: k, to: skipEnd, semicolon: inlineList)
                    if k >= seg.end { break }
                }
                let c = b[k]
                // Real sentences are far shorter; an endless one would make every detector's
                // hit-pair checks quadratic. Cut at a space (or anywhere after 256 more bytes).
                if k - s >= maxSentenceBytes && (c == 0x20 || k - s >= maxSentenceBytes + 256) && c & 0xC0 != 0x80 {
                    out.append(Sentence(start: s, end: k, segment: si, lead: nil, endsWithColon: false,
                                        isHeading: seg.isHeading))
                    s = c == 0x20 ? k + 1 : k
                    k = s
                    continue
                }
                if c == 0x3A, k + 2 < seg.end, b[k + 1] == 0x20, let (style, body) = inlineMarker(b, at: k + 2, segEnd: seg.end),
                   isFirstMarker(b, at: k + 2) {
                    // "You agree not to use the Model: (a) to …" — a lead-in, then items written inline. The
                    // item starts at its marker; reading goes on after it (the "." of "1." ends nothing).
                    out.append(Sentence(start: s, end: k + 1, segment: si, lead: nil, endsWithColon: true,
                                        isHeading: seg.isHeading, inlineItemStyle: style))
                    inlineList = true
                    s = k + 2
                    itemStarts.append(s)
                    k = body
                    continue
                }
                if c == 0x3B, inlineList, let (marker, body) = inlineItemAfterSemicolon(b, at: k, segEnd: seg.end) {
                    // "…; (b) to …", "…; and (c) to …": the next inline item.
                    out.append(Sentence(start: s, end: k + 1, segment: si, lead: nil, endsWithColon: false,
                                        isHeading: seg.isHeading))
                    s = marker
                    itemStarts.append(s)
                    k = body
                    continue
                }
                if c == 0x3A, k + 2 < seg.end, b[k + 1] == 0x20, b[k + 2] >= 0x41 && b[k + 2] <= 0x5A {
                    // "you may not: Use our Services …" — a lead-in and its first item on one line.
                    out.append(Sentence(start: s, end: k + 1, segment: si, lead: nil, endsWithColon: true,
                                        isHeading: seg.isHeading))
                    s = k + 2
                    k = k + 2
                    continue
                }
                if c == 0x2E && inlineList, let marker = inlineMarkerStart(b, dot: k, from: s, segEnd: seg.end) {
                    // "… characteristics 10. To exploit …": inside an inline list, a number or letter and a
                    // full stop after a space start the next item (a list that left out its semicolons).
                    out.append(Sentence(start: s, end: marker - 1, segment: si, lead: nil, endsWithColon: false,
                                        isHeading: seg.isHeading))
                    s = marker
                    itemStarts.append(s)
                    k += 2
                    continue
                }
                if c == 0x2E || c == 0x3F || c == 0x21 {
                    // Swallow closing quotes/brackets after the stop.
                    var e = k + 1
                    while e < seg.end && (b[e] == 0x22 || b[e] == 0x27 || b[e] == 0x29 || b[e] == 0x5D) { e += 1 }
                    if e >= seg.end { break }
                    if b[e] == 0x20, isBoundary(b, stop: k, next: e + 1, segEnd: seg.end) {
                        out.append(Sentence(start: s, end: e, segment: si, lead: nil, endsWithColon: false,
                                            isHeading: seg.isHeading))
                        // A full stop ends an inline list: what follows is not one of its items.
                        inlineList = false
                        s = e + 1
                        k = e + 1
                        continue
                    }
                }
                k += 1
            }
            if s < seg.end {
                out.append(Sentence(start: s, end: seg.end, segment: si, lead: nil, endsWithColon: false,
                                    isHeading: seg.isHeading))
            }
        }
        if !itemStarts.isEmpty {
            var q = 0
            for i in out.indices {
                while q < itemStarts.count && itemStarts[q] < out[i].start { q += 1 }
                if q < itemStarts.count && itemStarts[q] == out[i].start { out[i].isInlineItem = true }
            }
        }
        for i in out.indices {
            var e = out[i].end - 1
            while e > out[i].start && (b[e] == 0x20 || b[e] == 0x2A) { e -= 1 }
            out[i].endsWithColon = e >= out[i].start && b[e] == 0x3A
            // A paragraph that breaks off mid-sentence ("… cause any third party to") introduces a list too.
            if !out[i].endsWithColon, i + 1 == out.count || out[i + 1].segment != out[i].segment {
                out[i].endsWithColon = endsWithLeadInWord(b, from: max(out[i].start, e - 8), through: max(out[i].start, e))
            }
        }
        assignLeads(&out, text)
        return out
    }

    private static func isBoundary(_ b: [UInt8], stop: Int, next: Int, segEnd: Int) -> Bool {
        guard next < segEnd else { return false }
        let n = b[next]
        // A lower-case word after the stop continues the sentence ("e.g. a licence", "U.S. and"),
        // unless it is an inline list marker: "… was modified. b. Use Restrictions. …"
        if n >= 0x61 && n <= 0x7A {
            var k = next
            while k < segEnd && k - next < 5 && b[k] >= 0x61 && b[k] <= 0x7A { k += 1 }
            let token = b[next..<k]
            let isMarker = token.count == 1 || token.allSatisfy { $0 == 0x69 || $0 == 0x76 || $0 == 0x78 }
            guard isMarker, k + 2 < segEnd, b[k] == 0x2E || b[k] == 0x29, b[k + 1] == 0x20,
                  (b[k + 2] >= 0x41 && b[k + 2] <= 0x5A) || b[k + 2] == 0x22 || b[k + 2] == 0x28
                    || (b[k + 2] >= 0x30 && b[k + 2] <= 0x39) else { return false }
        }
        // The word before the stop.
        var w = stop
        while w > 0 {
            let c = b[w - 1]
            let isWord = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x2E
            if !isWord { break }
            w -= 1
        }
        // The word is ASCII letters, digits and dots; compare it in lower case without building a String.
        let length = stop - w
        if length <= 8 {
            var key: UInt64 = 0
            for k in w..<stop {
                let c = b[k]
                key = key << 8 | UInt64(c >= 0x41 && c <= 0x5A ? c | 0x20 : c)
            }
            if binarySearch(packedAbbreviations, key) { return false }
        } else if longAbbreviations {
            if abbreviations.contains(String(decoding: b[w..<stop], as: UTF8.self).lowercased()) { return false }
        }
        // A single letter ("A. Smith", list letters inline) does not end a sentence.
        if length == 1 {
            let f = b[w]
            if (f >= 0x61 && f <= 0x7A) || (f >= 0x41 && f <= 0x5A) { return false }
        }
        return true
    }

    /// A list marker written inline at `p`, and where the item's text starts: `NormalizedText.marker`'s reading
    /// (the one line-level lists use), kept to short markers followed by one space and text — one letter, a
    /// roman numeral of up to four letters, or one or two digits ("(a) ", "iv. ", "12) "; not "2.1. ",
    /// "(see) " or bullets). Nil otherwise.
    static func inlineMarker(_ b: [UInt8], at p: Int, segEnd: Int) -> (style: MarkerStyle, body: Int)? {
        guard p < segEnd,
              let (style, body) = b.withUnsafeBufferPointer({ NormalizedText.marker(in: $0, at: p, lineEnd: segEnd) }),
              style != .bullet, body < segEnd else { return nil }
        let t = b[p] == 0x28 ? p + 1 : p
        var e = t
        while e < body && NormalizedText.isAlnum(b[e]) { e += 1 }
        // The token, its closing "." or ")", one space: nothing else between the marker and the text.
        guard body == e + 2 else { return nil }
        let token = b[t..<e]
        let digits = token.allSatisfy(NormalizedText.isDigit)
        let roman = token.count <= 4 && token.allSatisfy { $0 | 0x20 == 0x69 || $0 | 0x20 == 0x76 || $0 | 0x20 == 0x78 }
        guard (digits && token.count <= 2) || (!digits && token.count == 1) || roman else { return nil }
        return (style, body)
    }

    /// Whether the marker at `from` is one a list starts with: a, A, i, I or 1, bare or in brackets (so
    /// "notice: (c) 2024 Example Corp" opens no list).
    private static func isFirstMarker(_ b: [UInt8], at from: Int) -> Bool {
        var p = from
        if b[p] == 0x28 { p += 1 }
        let c = b[p]
        let next = b[p + 1]
        let single = !((next >= 0x61 && next <= 0x7A) || (next >= 0x41 && next <= 0x5A) || (next >= 0x30 && next <= 0x39))
        return single && (c == 0x61 || c == 0x41 || c == 0x69 || c == 0x49 || c == 0x31)
    }

    /// At a "." inside an inline list: where its marker starts, when the stop ends a marker ("10." in
    /// "… characteristics 10. To …") that follows a space, well after the item's own start, and a space
    /// and something other than a space follow it.
    private static func inlineMarkerStart(_ b: [UInt8], dot k: Int, from s: Int, segEnd: Int) -> Int? {
        var w = k
        while w > s && k - w < 5 && ((b[w - 1] >= 0x61 && b[w - 1] <= 0x7A) || (b[w - 1] >= 0x30 && b[w - 1] <= 0x39)) { w -= 1 }
        guard w < k, w - 1 > s, b[w - 1] == 0x20, b[w - 2] != 0x3B else { return nil }
        guard let (_, body) = inlineMarker(b, at: w, segEnd: segEnd), body == k + 2 else { return nil }
        // A lower-case word is a marker only when it is one letter or a roman numeral; a lone "a." or
        // "i." after a space reads as a marker only before a capital letter.
        let n = b[body]
        guard (n >= 0x41 && n <= 0x5A) || b[w] <= 0x39 else { return nil }
        return w
    }

    /// At a ";" inside an inline list: the marker's offset and where the item's text starts, when "; ",
    /// "; and " or "; or " comes before a list marker.
    private static func inlineItemAfterSemicolon(_ b: [UInt8], at k: Int, segEnd: Int) -> (Int, Int)? {
        guard k + 2 < segEnd, b[k + 1] == 0x20 else { return nil }
        var m = k + 2
        for word in [[UInt8]("and ".utf8), [UInt8]("or ".utf8)] where m + word.count < segEnd {
            if zip(word, b[m..<(m + word.count)]).allSatisfy({ $0 == ($1 >= 0x41 && $1 <= 0x5A ? $1 | 0x20 : $1) }) {
                m += word.count
                break
            }
        }
        guard let (_, body) = inlineMarker(b, at: m, segEnd: segEnd) else { return nil }
        return (m, body)
    }

    /// The first offset in `from..<to` holding ":", ".", "?" or "!" (or ";" too, with `semicolon`), or `to`.
    @inline(__always) private static func nextStop(_ b: [UInt8], from: Int, to: Int, semicolon: Bool) -> Int {
        b.withUnsafeBufferPointer { u in
            var k = from
            // With `semicolon` off, ":" stands in for ";" (so the checks below need no branch).
            let extra: UInt8 = semicolon ? 0x3B : 0x3A
            if let base = u.baseAddress {
                while k + 8 <= to {
                    let x = SWAR.load(base + k)
                    if SWAR.has(x, 0x3A) || SWAR.has(x, 0x2E) || SWAR.has(x, 0x3F) || SWAR.has(x, 0x21) || SWAR.has(x, extra) { break }
                    k += 8
                }
            }
            while k < to {
                let c = u[k]
                if c == 0x3A || c == 0x2E || c == 0x3F || c == 0x21 || c == extra { break }
                k += 1
            }
            return k
        }
    }

    private static func binarySearch(_ a: [UInt64], _ key: UInt64) -> Bool {
        var lo = 0, hi = a.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if a[mid] < key { lo = mid + 1 } else { hi = mid }
        }
        return lo < a.count && a[lo] == key
    }

    /// Whether `b[from...through]`, read as lower-case text, ends with " to", " not", " shall", " must",
    /// " will" or " may" (a paragraph that breaks off before its list). The window is at most 9 bytes, so
    /// the longer " the following" never matches. Plain ASCII is compared byte by byte; anything else
    /// takes the String route, which decides how characters combine.
    private static func endsWithLeadInWord(_ b: [UInt8], from: Int, through: Int) -> Bool {
        var ascii = true
        for k in from...through where b[k] >= 0x80 { ascii = false; break }
        guard ascii else {
            let tail = String(decoding: b[from...through], as: UTF8.self).lowercased()
            return [" to", " not", " shall", " must", " will", " may", " the following"].contains { tail.hasSuffix($0) }
        }
        func endsWith(_ suffix: StaticString) -> Bool {
            let n = suffix.utf8CodeUnitCount
            guard through - from + 1 >= n else { return false }
            let p = suffix.utf8Start
            for q in 0..<n {
                let c = b[through - n + 1 + q]
                if (c >= 0x41 && c <= 0x5A ? c | 0x20 : c) != p[q] { return false }
            }
            return true
        }
        return endsWith(" to") || endsWith(" not") || endsWith(" shall") || endsWith(" must") || endsWith(" will")
            || endsWith(" may") || endsWith(" the following")
    }

    /// Items of a list follow a lead-in ending in ":"; an item is indented deeper, or carries the
    /// same marker style as the first item, or (unmarked lists) is a short single-sentence paragraph.
    private static func assignLeads(_ sentences: inout [Sentence], _ text: NormalizedText) {
                var stack: [Frame] = []
        var lastSegment = -1
        var segmentBelongs = [Int](repeating: -1, count: text.segments.count)  // segment → lead sentence
        for i in sentences.indices {
            let segIdx = sentences[i].segment
            let seg = text.segments[segIdx]
            if segIdx != lastSegment {
                lastSegment = segIdx
                if seg.isHeading && seg.marker == .none {
                    stack.removeAll()
                } else {
                    while let top = stack.last {
                        if top.segment == segIdx { break }
                        if top.closedWithSegment && seg.marker == .none { stack.removeLast(); continue }
                        if belongs(seg, to: &stack[stack.count - 1], text) { break }
                        stack.removeLast()
                    }
                    if let top = stack.last, top.segment != segIdx { segmentBelongs[segIdx] = top.sentence }
                }
            }
            if segmentBelongs[segIdx] >= 0 { sentences[i].lead = segmentBelongs[segIdx] }
            if sentences[i].endsWithColon {
                stack.append(Frame(sentence: i, indent: seg.indent, itemStyle: sentences[i].inlineItemStyle, segment: segIdx,
                                   closedWithSegment: sentences[i].inlineItemStyle != nil))
                // Later sentences of the lead's own segment are its items too ("…as follows: (a) …").
            } else if let top = stack.last, top.segment == segIdx, top.sentence != i,
                      !top.closedWithSegment || sentences[i].isInlineItem {
                sentences[i].lead = top.sentence
            }
        }

    }

    struct Frame {
        var sentence: Int; var indent: Int; var itemStyle: MarkerStyle?; var segment: Int
        /// An inline list's lead-in: later paragraphs are its items only if marked like them.
        var closedWithSegment = false
        var items = 0
    }

    private static func belongs(_ seg: Segment, to frame: inout Frame, _ text: NormalizedText) -> Bool {
        let yes = belongsTest(seg, to: &frame, text)
        if yes { frame.items += 1 }
        return yes
    }

    private static func belongsTest(_ seg: Segment, to frame: inout Frame, _ text: NormalizedText) -> Bool {
        if seg.indent > frame.indent {
            // Indented items set the list's marker style too, so that a later unmarked paragraph at the
            // lead-in's own indentation ("Section 3: Additional Commercial Terms") is not taken for an item.
            if frame.itemStyle == nil && seg.marker != .none { frame.itemStyle = seg.marker }
            return true
        }
        // The paragraph right after a lead-in is its first item, however long.
        if frame.items == 0 && seg.marker == .none { frame.itemStyle = MarkerStyle.none; return true }
        if seg.marker != .none {
            if let style = frame.itemStyle { return style == seg.marker || (style == .roman && seg.marker == .lowerLetter) }
            frame.itemStyle = seg.marker
            return true
        }
        if frame.itemStyle != nil && frame.itemStyle != MarkerStyle.none { return false }
        // Unmarked items: short paragraphs of one sentence.
        let length = seg.end - seg.start
        var stops = 0
        var k = seg.start
        let b = text.bytes
        while k + 1 < seg.end { if b[k] == 0x2E && b[k + 1] == 0x20 { stops += 1 }; k += 1 }
        if length < 600 && stops == 0 {
            frame.itemStyle = MarkerStyle.none
            return true
        }
        return false
    }
}
