
/// What a detector sees: one sentence, its groups and hits, and the list lead-in it belongs to.
struct SentenceView {
    let analysis: Analysis
    let index: Int

    var sentence: Sentence { analysis.sentences[index] }
    var start: Int { sentence.start }
    var end: Int { sentence.end }

    func has(_ g: G) -> Bool { analysis.groups[index].contains(g) }

    /// A hit of the group lying wholly inside `range` (e.g. the words before a phrase).
    func has(_ g: G, in range: Range<Int>) -> Bool {
        hits(g).contains { Int($0.start) >= range.lowerBound && Int($0.end) <= range.upperBound }
    }

    /// A hit of the group starting at `offset`, or one space after it ("credit| card").
    func hitFollows(_ g: G, at offset: Int) -> Bool {
        hits(g).contains { Int($0.start) == offset || Int($0.start) == offset + 1 }
    }

    /// A hit of the group starting exactly at `offset` (a sentence or list item that opens with it).
    func hitStarts(_ g: G, at offset: Int) -> Bool { hits(g).contains { Int($0.start) == offset } }

    /// A hit of the group ending at `offset`, or one space before it ("include| this Agreement").
    func hitPrecedes(_ g: G, at offset: Int) -> Bool {
        hits(g).contains { Int($0.end) == offset || Int($0.end) == offset - 1 }
    }

    /// Whether a hit (of any group) is a phrase of the narrower group `g`.
    func isHit(_ h: PhraseMatcher.Hit, in g: G) -> Bool { Lexicon.phraseGroupSets[Int(h.phrase)].contains(g) }

    /// A comma in part of the sentence ("modify, at any time, this Agreement" is not "modify this Agreement").
    func hasComma(in range: Range<Int>) -> Bool {
        let lo = max(start, range.lowerBound), hi = min(end, range.upperBound)
        return lo < hi && analysis.lower[lo..<hi].contains(0x2C)
    }

    /// A quotation that is the label a definition gives: `(the "Attribution Notice")`.
    func isDefinitionLabel(quoteStart: Int, quoteEnd: Int) -> Bool {
        let b = analysis.lower
        guard quoteEnd < end, b[quoteEnd] == 0x29 else { return false }
        let label = Array(Lexicon.definitionLabelOpening.utf8)
        guard quoteStart >= start + label.count else { return false }
        return Array(b[(quoteStart - label.count)..<quoteStart]) == label
    }

    /// Hits of a group in this sentence, in order of position.
    func hits(_ g: G) -> [PhraseMatcher.Hit] {
        guard has(g) else { return [] }
        let range = analysis.hitRanges[index]
        var out: [PhraseMatcher.Hit] = []
        Lexicon.phraseGroupSets.withUnsafeBufferPointer { sets in
            analysis.hits.withUnsafeBufferPointer { hits in
                for k in range {
                    let hit = hits[k]
                    if sets[Int(hit.phrase)].contains(g) { out.append(hit) }
                }
            }
        }
        return out
    }

    func phrase(of hit: PhraseMatcher.Hit) -> String { analysis.compiled.phraseText[Int(hit.phrase)] }

    /// Whether some hit of `a` ends before some hit of `b` starts, at most `within` bytes apart.
    func before(_ a: G, _ b: G, within: Int = Int.max) -> Bool {
        let ha = hits(a), hb = hits(b)
        for x in ha { for y in hb where y.start >= x.end && Int(y.start - x.end) <= within { return true } }
        return false
    }

    /// Whether hits of `a` and `b` come within `within` bytes of each other, in either order.
    func near(_ a: G, _ b: G, within: Int) -> Bool {
        let ha = hits(a), hb = hits(b)
        for x in ha {
            for y in hb {
                let gap = y.start >= x.end ? Int(y.start - x.end) : (x.start >= y.end ? Int(x.start - y.end) : 0)
                if gap <= within { return true }
            }
        }
        return false
    }

    /// The lead-in sentence ("You agree not to use the Model:") if this one is a list item.
    var lead: SentenceView? { sentence.lead.map { analysis.view($0) } }

    /// Whether this sentence or any lead-in above it has the group.
    func inherits(_ g: G) -> Bool {
        var v: SentenceView? = self
        var depth = 0
        while let cur = v, depth < 8 {
            if cur.has(g) { return true }
            v = cur.lead; depth += 1
        }
        return false
    }

    var isDefinition: Bool { analysis.definition[index] }

    /// The sentence forbids something: a prohibition here or in its lead-in, not cancelled.
    var prohibits: Bool {
        var v = self
        for _ in 0..<8 {
            if v.has(.cancelProhibit) { return false }
            if v.has(.prohibit) { return true }
            guard let l = v.lead, !v.has(.permit) || l.has(.prohibit) else { return false }
            v = l
        }
        return false
    }

    /// The sentence (or its lead-in) imposes a duty.
    var obliges: Bool { inherits(.oblige) }

    /// Lower-case normalised text of the sentence.
    var lower: String { String(decoding: analysis.text.lower[start..<end], as: UTF8.self) }
    /// Normalised text with case kept.
    var text: String { String(decoding: analysis.text.bytes[start..<end], as: UTF8.self) }

    /// Quantities in the sentence.
    var quantities: [Quantity] { analysis.quantities(index) }

    /// Whether the sentence lays down a rule rather than stating a fact ("we have over 700 million users",
    /// "the Licensor's revenue exceeds $1 billion"): a duty, a ban, a condition, a permission or a licence
    /// to obtain, here or in the next sentence. Caps are read only from rules.
    var statesARule: Bool {
        obliges || prohibits || has(.conditional) || has(.permit) || has(.licenseRequired) || has(.ruleWord)
            || next?.has(.licenseRequired) == true
    }

    /// A list item that starts with a verb of duty, under a lead-in: "If you distribute the Materials:
    /// • Include this Agreement …", "(B) Prominently display …". The item is the duty though no modal says so.
    var isImperativeItem: Bool {
        guard sentence.lead != nil else { return false }
        let seg = analysis.text.segments[sentence.segment]
        let at = seg.start == sentence.start ? seg.bodyStart : sentence.start
        return hitStarts(.dutyVerbLead, at: at)
    }

    /// Whether a limiter here ("only", "solely for", "purposes only") names a term the text defines, just
    /// after it or just before it, whose definition satisfies `test`: "You shall only use … for Research
    /// Purposes", "FOR NON-COMMERCIAL PURPOSES ONLY".
    /// `key` names the test: the terms that pass it are found once per document.
    func limitsUse(toDefinedTermWhere key: Analysis.DefinitionTest, where test: (SentenceView) -> Bool) -> Bool {
        guard !isDefinition else { return false }
        let terms = analysis.definedTerms(key, where: test)
        guard !terms.isEmpty else { return false }
        let limiters = hits(.limiter)
        return terms.contains { (term, _) in
            let n = term.utf8.count
            return limiters.contains { mentions(term, in: Int($0.end)..<(Int($0.end) + 160))
                || mentions(term, in: (Int($0.start) - n - 40)..<Int($0.start)) }
        }
    }

    /// "only use the Models, Derivatives … and Outputs for Research Purposes": a limiter right before the
    /// verb "use", and the group's phrase after it in the same sentence (the objects can be long).
    func limitsUse(to g: G) -> Bool {
        let targets = hits(g)
        return hits(.limiter).contains { l in
            hitFollows(.useWord, at: Int(l.end))
                && targets.contains { Int($0.start) > Int(l.end) && Int($0.start) - Int(l.end) <= 160 }
        }
    }

    /// A title rather than a sentence: a heading, or a line too short to say anything ("**Prohibited Uses**",
    /// "5.3 No Endorsement:"). Where a list or section starts, not a clause.
    var isTitle: Bool { sentence.isHeading || end - start < 30 }

    /// The items of this lead-in's list, nested ones included (at most 200), in order.
    var listItems: [SentenceView] {
        var out: [SentenceView] = []
        var i = index + 1
        let all = analysis.sentences
        while i < all.count && out.count < 200 {
            var lead = all[i].lead
            var under = false
            var depth = 0
            while let l = lead, depth < 8 { if l == index { under = true; break }; lead = all[l].lead; depth += 1 }
            if !under { break }
            out.append(analysis.view(i))
            i += 1
        }
        return out
    }

    /// Double-quoted strings in the sentence (normalised quotes), with their positions. A quotation the
    /// sentence ends inside ("… Copyright (c) Example Cloud. All Rights Reserved.") runs on to its closing
    /// quote, if one comes within 300 bytes in the same paragraph.
    var quoted: [(text: String, start: Int, end: Int)] {
        let b = analysis.bytes
        var out: [(String, Int, Int)] = []
        var k = start
        let paragraphEnd = analysis.text.segments[sentence.segment].end
        while k < end {
            if b[k] == 0x22 {
                var e = closingQuote(after: k, limit: end)
                if e >= end {
                    let limit = min(paragraphEnd, end + 300)
                    e = closingQuote(after: k, limit: limit)
                    if e >= limit {
                        // A quoted block whose closing quote is in a later paragraph: the paragraph it opens.
                        let seg = analysis.text.segments[sentence.segment]
                        guard k == seg.bodyStart || k == seg.start, paragraphEnd - k <= 400 else { break }
                        let s = SentenceView.trimmedWhitespace(b, k + 1, paragraphEnd)
                        // (As if a closing quote followed the paragraph: `end` is one past it, like a real quote's.)
                        if !s.isEmpty { out.append((s, k, min(b.count, paragraphEnd + 1))) }
                        break
                    }
                }
                if e < paragraphEnd {
                    let s = SentenceView.trimmedWhitespace(b, k + 1, e)
                    if !s.isEmpty { out.append((s, k, e + 1)) }
                    k = e + 1
                    continue
                }
                break
            }
            k += 1
        }
        return out
    }

    /// Where the quotation opened at `open` closes (before `limit`, else `limit`): at the next quote, except
    /// that where the source used curly quotes, a left one opens a nested quotation that its right one
    /// closes ("“X is licensed … The trademark rights of “X” are owned by …”"). Unbalanced curly quotes fall
    /// back to the next quote.
    func closingQuote(after open: Int, limit: Int) -> Int {
        let b = analysis.bytes, src = analysis.source.bytes, origin = analysis.text.origin
        // 0x9C for “, 0x9D for ”, 0 for anything else.
        func curly(_ i: Int) -> UInt8 {
            let o = Int(origin[i])
            return o + 2 < src.count && src[o] == 0xE2 && src[o + 1] == 0x80 ? src[o + 2] : 0
        }
        var e = open + 1
        while e < limit && b[e] != 0x22 { e += 1 }
        let first = e
        guard first < limit, curly(open) == 0x9C, curly(first) == 0x9C else { return first }
        var depth = 0
        e = open + 1
        while e < limit {
            if b[e] == 0x22 {
                let c = curly(e)
                if c == 0x9C { depth += 1 } else if c == 0x9D && depth > 0 { depth -= 1 } else { return e }
            }
            e += 1
        }
        return first
    }
}


extension SentenceView {
    /// Whether the lower-case text at `offset` begins with `prefix`, the whole prefix lying before `limit`
    /// (and inside the sentence).
    func startsWith(_ prefix: String, at offset: Int, limit: Int) -> Bool {
        let hi = min(end, limit)
        let n = prefix.utf8.count
        guard offset >= start, offset + n <= hi else { return false }
        let b = analysis.lower
        var k = offset
        for c in prefix.utf8 {
            if b[k] != c { return false }
            k += 1
        }
        return true
    }

    /// Byte search of `needle` within part of this sentence (e.g. the words before a phrase).
    func mentions(_ needle: String, in range: Range<Int>) -> Bool {
        let lo = max(start, range.lowerBound), hi = min(end, range.upperBound)
        guard lo < hi else { return false }
        if let found = needle.utf8.withContiguousStorageIfAvailable({ contains($0, lo, hi) }) { return found }
        return Array(needle.utf8).withUnsafeBufferPointer { contains($0, lo, hi) }
    }

    private func contains(_ n: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        let m = n.count
        guard m > 0, end - start >= m else { return false }
        let first = n[0], lastByte = n[m - 1]
        let last = end - m  // the last start position: buf[k ..< k + m] stays inside start..<end
        return analysis.lower.withUnsafeBufferPointer { buf -> Bool in
            @inline(__always) func matches(at k: Int) -> Bool {
                var q = 1
                while q < m && buf[k + q] == n[q] { q += 1 }
                return q == m
            }
            var i = start
            // Eight start positions at a time: flag those whose first byte is the needle's first byte and
            // whose byte m - 1 on is the needle's last (every such position is flagged; a flag can be
            // false, which the full comparison rejects), and try them in order. Two bytes rule out far
            // more positions than one: a needle starting with a space or a common letter is the usual case.
            if let base = buf.baseAddress {
                let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
                let p1 = UInt64(first) &* ones, p2 = UInt64(lastByte) &* ones
                while i <= last && i + m - 1 + 8 <= buf.count {
                    let x = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) ^ p1
                    let y = UInt64(littleEndian: UnsafeRawPointer(base + i + m - 1).loadUnaligned(as: UInt64.self)) ^ p2
                    var flags = ((x &- ones) & ~x & highs) & ((y &- ones) & ~y & highs)
                    while flags != 0 {
                        let k = i + flags.trailingZeroBitCount / 8
                        if k > last { return false }
                        if matches(at: k) { return true }
                        flags &= flags &- 1
                    }
                    i += 8
                }
            }
            while i <= last {
                if buf[i] == first && matches(at: i) { return true }
                i += 1
            }
            return false
        }
    }

    /// `String(decoding: b[from..<to]).trimmingSpaces()`, without Foundation when the
    /// ends are ASCII: trims spaces and tabs, and falls back when a non-ASCII scalar could be at an end.
    static func trimmedWhitespace(_ b: [UInt8], _ from: Int, _ to: Int) -> String {
        var lo = from, hi = to
        while lo < hi && (b[lo] == 0x20 || b[lo] == 0x09) { lo += 1 }
        while hi > lo && (b[hi - 1] == 0x20 || b[hi - 1] == 0x09) { hi -= 1 }
        if lo == hi || (b[lo] < 0x80 && b[hi - 1] < 0x80) {
            return String(decoding: b[lo..<hi], as: UTF8.self)
        }
        return String(decoding: b[from..<to], as: UTF8.self).trimmingSpaces()
    }
}
