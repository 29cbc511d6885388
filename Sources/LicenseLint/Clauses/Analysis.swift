/// Groups present in one sentence, as a bit set.
struct GroupSet: Sendable {
    private var bits: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    @inline(__always) mutating func insert(_ g: G) {
        let r = g.rawValue
        switch r >> 6 {
        case 0: bits.0 |= 1 << UInt64(r & 63)
        case 1: bits.1 |= 1 << UInt64(r & 63)
        case 2: bits.2 |= 1 << UInt64(r & 63)
        default: bits.3 |= 1 << UInt64(r & 63)
        }
    }
    @inline(__always) func contains(_ g: G) -> Bool {
        let r = g.rawValue
        switch r >> 6 {
        case 0: return bits.0 & (1 << UInt64(r & 63)) != 0
        case 1: return bits.1 & (1 << UInt64(r & 63)) != 0
        case 2: return bits.2 & (1 << UInt64(r & 63)) != 0
        default: return bits.3 & (1 << UInt64(r & 63)) != 0
        }
    }
    init() {}
    init(_ groups: [G]) { for g in groups { insert(g) } }
    @inline(__always) mutating func formUnion(_ o: GroupSet) {
        bits.0 |= o.bits.0; bits.1 |= o.bits.1; bits.2 |= o.bits.2; bits.3 |= o.bits.3
    }
    @inline(__always) func intersects(_ o: GroupSet) -> Bool {
        (bits.0 & o.bits.0) | (bits.1 & o.bits.1) | (bits.2 & o.bits.2) | (bits.3 & o.bits.3) != 0
    }
}

extension Lexicon {
    /// Per phrase of the compiled lexicon, its groups as a bit set.
    static let phraseGroupSets: [GroupSet] = compiled.phraseGroups.map { GroupSet($0) }
}

/// A document read for clauses: normalised text, sentences, and the phrase hits of each sentence.
final class Analysis: @unchecked Sendable {
    let source: SourceFile
    let text: NormalizedText
    let sentences: [Sentence]
    let hits: [PhraseMatcher.Hit]
    /// Per sentence: the range of `hits` inside it.
    let hitRanges: [Range<Int>]
    let groups: [GroupSet]
    let definition: [Bool]
    let compiled = Lexicon.compiled
    /// `text.bytes` and `text.lower`, held directly for the hot paths.
    let bytes: [UInt8]
    let lower: [UInt8]

    /// With a catalogue: which of its identification phrases occur in the text (indexed by the
    /// catalogue's phrase number), found in the same pass as the lexicon's phrases. Empty without one.
    let cataloguePhrasesFound: [Bool]

    init(source: SourceFile, catalogue: Catalogue? = nil) {
        self.source = source
        let text = NormalizedText(source.bytes)
        self.text = text
        self.bytes = text.bytes
        self.lower = text.lower
        let sentences = SentenceSplitter.split(text)
        self.sentences = sentences
        var sorted: [PhraseMatcher.Hit]
        if let catalogue {
            // One pass for both phrase sets: hits of catalogue phrases (numbered after the lexicon's) are
            // taken out here. The lexicon hits that remain are those, in the order, that the lexicon's own
            // matcher reports: at each end, every phrase that is a suffix there, longest first.
            sorted = catalogue.combinedMatcher.matches(in: text.lower)
            let lexiconCount = Int32(Lexicon.compiled.phraseText.count)
            var found = [Bool](repeating: false, count: catalogue.phraseCount)
            var kept = 0
            sorted.withUnsafeMutableBufferPointer { h in
                for k in h.indices {
                    let hit = h[k]
                    if hit.phrase >= lexiconCount { found[Int(hit.phrase - lexiconCount)] = true } else { h[kept] = hit; kept += 1 }
                }
            }
            sorted.removeLast(sorted.count - kept)
            cataloguePhrasesFound = found
        } else {
            sorted = Lexicon.matcher.matches(in: text.lower)
            cataloguePhrasesFound = []
        }
        // Keep hits that lie inside one sentence; order them by start.
        var kept: [PhraseMatcher.Hit] = []
        kept.reserveCapacity(sorted.count)
        Analysis.sortByStart(&sorted)
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(sentences.count)
        var groups: [GroupSet] = []
        groups.reserveCapacity(sentences.count)
        var defs = [Bool](repeating: false, count: sentences.count)
        Lexicon.phraseGroupSets.withUnsafeBufferPointer { phraseSets in
            sorted.withUnsafeBufferPointer { sorted in
                var h = 0
                for (i, s) in sentences.enumerated() {
                    while h < sorted.count && Int(sorted[h].start) < s.start { h += 1 }
                    let lo = kept.count
                    var set = GroupSet()
                    while h < sorted.count && Int(sorted[h].start) < s.end {
                        let hit = sorted[h]
                        if Int(hit.end) <= s.end {
                            let phraseSet = phraseSets[Int(hit.phrase)]
                            // A definition: a quoted term followed by "means" near the start of the sentence
                            // (decided by the first "means" phrase of the sentence).
                            if !set.contains(.means) && phraseSet.contains(.means) && Int(hit.start) - s.start < 160 {
                                defs[i] = true
                            }
                            kept.append(hit)
                            set.formUnion(phraseSet)
                        }
                        h += 1
                    }
                    ranges.append(lo..<kept.count)
                    groups.append(set)
                }
            }
        }
        // The items of a definition written inline ("“X” means any of the following: (i) …; (ii) …") are
        // part of the definition.
        for i in sentences.indices where sentences[i].isInlineItem {
            if let l = sentences[i].lead, defs[l] { defs[i] = true }
        }
        self.hits = kept
        self.hitRanges = ranges
        self.groups = groups
        self.definition = defs
    }

    func view(_ i: Int) -> SentenceView { SentenceView(analysis: self, index: i) }

    /// Sorts hits by (start, end), keeping the order of equal ones: what the stable
    /// `sort { ($0.start, $0.end) < ($1.start, $1.end) }` gives. The matcher reports hits in order of end
    /// and phrases are short, so each hit moves back only past the few that end within its length: an
    /// insertion sort does it in one pass.
    static func sortByStart(_ hits: inout [PhraseMatcher.Hit]) {
        hits.withUnsafeMutableBufferPointer { h in
            guard h.count > 1 else { return }
            for i in 1..<h.count {
                let x = h[i]
                var j = i
                while j > 0 {
                    let y = h[j - 1]
                    guard y.start > x.start || (y.start == x.start && y.end > x.end) else { break }
                    h[j] = y
                    j -= 1
                }
                h[j] = x
            }
        }
    }

    /// The normalised text of `from..<to`, trimmed, with each space that stands for a hyphen of the source
    /// written as the hyphen again: for parameters quoted back to the user ("Non-Commercial", not
    /// "Non Commercial").
    func textWithHyphens(from: Int, to: Int) -> String {
        let lo = max(0, from), hi = min(bytes.count, to)
        guard lo < hi else { return "" }
        let src = source.bytes
        var out = Array(bytes[lo..<hi])
        for k in out.indices where out[k] == 0x20 {
            let o = Int(text.origin[lo + k])
            if o < src.count && src[o] == 0x2D { out[k] = 0x2D }
        }
        return SentenceView.trimmedWhitespace(out, 0, out.count)
    }

    /// Terms the text defines ("“Research Purposes” means …"), lower case, with the defining sentence;
    /// found on first use.
    private var definedTermCache: [(term: String, sentence: Int)]? = nil

    var definedTerms: [(term: String, sentence: Int)] {
        if let d = definedTermCache { return d }
        var out: [(term: String, sentence: Int)] = []
        for i in sentences.indices where definition[i] {
            // The first quoted term near the start of the sentence, of a few words.
            let s = sentences[i]
            var open = s.start
            let openLimit = min(s.end, s.start + 160)
            while open < openLimit && lower[open] != 0x22 { open += 1 }
            guard open < openLimit else { continue }
            var close = open + 1
            let closeLimit = min(s.end, open + 62)
            while close < closeLimit && lower[close] != 0x22 { close += 1 }
            guard close < closeLimit else { continue }
            let term = SentenceView.trimmedWhitespace(lower, open + 1, close)
            if !term.isEmpty { out.append((term, i)) }
        }
        definedTermCache = out
        return out
    }

    /// What a defined term's definition is asked about, by the detectors that read terms through it.
    enum DefinitionTest: Int, CaseIterable { case nonCommercial, research, revenueThreshold, multimodal }

    /// Per test, the defined terms whose definition passes it: worked out once per document.
    private var qualifyingTermCache = [[(term: String, sentence: Int)]?](repeating: nil, count: DefinitionTest.allCases.count)

    func definedTerms(_ key: DefinitionTest, where test: (SentenceView) -> Bool) -> [(term: String, sentence: Int)] {
        if let t = qualifyingTermCache[key.rawValue] { return t }
        let t = definedTerms.filter { test(view($0.sentence)) }
        qualifyingTermCache[key.rawValue] = t
        return t
    }

    /// Quantities per sentence, found on first use (several detectors ask for the same sentence's).
    /// An Analysis belongs to one document and one thread at a time.
    private var quantityCache: [[Quantity]?] = []

    func quantities(_ i: Int) -> [Quantity] {
        if quantityCache.isEmpty { quantityCache = Array(repeating: nil, count: sentences.count) }
        if let q = quantityCache[i] { return q }
        let q = Quantities.find(in: lower, from: sentences[i].start, to: sentences[i].end)
        quantityCache[i] = q
        return q
    }
}

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
        guard quoteStart >= start + 5, quoteEnd < end, b[quoteEnd] == 0x29 else { return false }
        return Array(b[(quoteStart - 5)..<quoteStart]) == Array("(the ".utf8)
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

import Foundation

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

    /// `String(decoding: b[from..<to]).trimmingCharacters(in: .whitespaces)`, without Foundation when the
    /// ends are ASCII: trims spaces and tabs, and falls back when a non-ASCII scalar could be at an end.
    static func trimmedWhitespace(_ b: [UInt8], _ from: Int, _ to: Int) -> String {
        var lo = from, hi = to
        while lo < hi && (b[lo] == 0x20 || b[lo] == 0x09) { lo += 1 }
        while hi > lo && (b[hi - 1] == 0x20 || b[hi - 1] == 0x09) { hi -= 1 }
        if lo == hi || (b[lo] < 0x80 && b[hi - 1] < 0x80) {
            return String(decoding: b[lo..<hi], as: UTF8.self)
        }
        return String(decoding: b[from..<to], as: UTF8.self).trimmingCharacters(in: .whitespaces)
    }
}
