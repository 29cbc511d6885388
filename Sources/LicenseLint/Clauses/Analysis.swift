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
