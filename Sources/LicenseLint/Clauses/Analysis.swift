/// Groups present in one sentence, as a bit set.
struct GroupSet: Sendable {
    private var bits: (UInt64, UInt64, UInt64) = (0, 0, 0)
    @inline(__always) mutating func insert(_ g: G) {
        let r = g.rawValue
        switch r >> 6 {
        case 0: bits.0 |= 1 << UInt64(r & 63)
        case 1: bits.1 |= 1 << UInt64(r & 63)
        default: bits.2 |= 1 << UInt64(r & 63)
        }
    }
    @inline(__always) func contains(_ g: G) -> Bool {
        let r = g.rawValue
        switch r >> 6 {
        case 0: return bits.0 & (1 << UInt64(r & 63)) != 0
        case 1: return bits.1 & (1 << UInt64(r & 63)) != 0
        default: return bits.2 & (1 << UInt64(r & 63)) != 0
        }
    }
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

    init(source: SourceFile) {
        self.source = source
        let text = NormalizedText(source.bytes)
        self.text = text
        let sentences = SentenceSplitter.split(text)
        self.sentences = sentences
        let raw = Lexicon.compiled.matcher.matches(in: text.lower)
        // Keep hits that lie inside one sentence; order them by start.
        var kept: [PhraseMatcher.Hit] = []
        kept.reserveCapacity(raw.count)
        var sorted = raw
        sorted.sort { ($0.start, $0.end) < ($1.start, $1.end) }
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(sentences.count)
        var groups: [GroupSet] = []
        groups.reserveCapacity(sentences.count)
        var h = 0
        let phraseGroups = Lexicon.compiled.phraseGroups
        for s in sentences {
            while h < sorted.count && Int(sorted[h].start) < s.start { h += 1 }
            let lo = kept.count
            var set = GroupSet()
            while h < sorted.count && Int(sorted[h].start) < s.end {
                let hit = sorted[h]
                if Int(hit.end) <= s.end {
                    kept.append(hit)
                    for g in phraseGroups[Int(hit.phrase)] { set.insert(g) }
                }
                h += 1
            }
            ranges.append(lo..<kept.count)
            groups.append(set)
        }
        self.hits = kept
        self.hitRanges = ranges
        self.groups = groups
        // A definition: a quoted term followed by "means" near the start of the sentence.
        var defs = [Bool](repeating: false, count: sentences.count)
        for (i, s) in sentences.enumerated() {
            for k in ranges[i] where Lexicon.compiled.phraseGroups[Int(kept[k].phrase)].contains(.means) {
                if Int(kept[k].start) - s.start < 160 { defs[i] = true }
                break
            }
        }
        self.definition = defs
    }

    func view(_ i: Int) -> SentenceView { SentenceView(analysis: self, index: i) }
}

/// What a detector sees: one sentence, its groups and hits, and the list lead-in it belongs to.
struct SentenceView {
    let analysis: Analysis
    let index: Int

    var sentence: Sentence { analysis.sentences[index] }
    var start: Int { sentence.start }
    var end: Int { sentence.end }

    func has(_ g: G) -> Bool { analysis.groups[index].contains(g) }
    func hasAny(_ gs: G...) -> Bool { gs.contains { has($0) } }
    func hasAll(_ gs: G...) -> Bool { gs.allSatisfy { has($0) } }

    /// Hits of a group in this sentence, in order of position.
    func hits(_ g: G) -> [PhraseMatcher.Hit] {
        guard has(g) else { return [] }
        let pg = analysis.compiled.phraseGroups
        return analysis.hitRanges[index].compactMap { k in
            let hit = analysis.hits[k]
            return pg[Int(hit.phrase)].contains(g) ? hit : nil
        }
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
    var quantities: [Quantity] { Quantities.find(in: analysis.text.lower, from: start, to: end) }

    /// Double-quoted strings in the sentence (normalised quotes), with their positions.
    var quoted: [(text: String, start: Int, end: Int)] {
        let b = analysis.text.bytes
        var out: [(String, Int, Int)] = []
        var k = start
        while k < end {
            if b[k] == 0x22 {
                var e = k + 1
                while e < end && b[e] != 0x22 { e += 1 }
                if e < end {
                    let s = String(decoding: b[(k + 1)..<e], as: UTF8.self).trimmingCharacters(in: .whitespaces)
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
}

import Foundation

extension SentenceView {
    /// Whether the sentence's lower-case text contains `needle` (ASCII, lower case): a byte search with no
    /// String built, for the hot path.
    func mentions(_ needle: String) -> Bool {
        let n = Array(needle.utf8)
        guard let first = n.first, end - start >= n.count else { return false }
        return analysis.text.lower.withUnsafeBufferPointer { buf -> Bool in
            var i = start
            let last = end - n.count
            while i <= last {
                if buf[i] == first {
                    var k = 1
                    while k < n.count && buf[i + k] == n[k] { k += 1 }
                    if k == n.count { return true }
                }
                i += 1
            }
            return false
        }
    }
}
