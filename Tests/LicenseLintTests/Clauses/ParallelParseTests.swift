import Testing
import Foundation
@testable import LicenseLint

/// `licenselint parse --jobs N` streams documents in the order given, byte for byte what `--jobs 1` and the
/// one-shot rendering write. (`ParseCommand` is a thin wrapper over `ParseReport.stream`.)
@Suite struct ParallelParseTests {
    /// Fixture licences plus varied copies, an empty file, a binary file and a missing one, in a scratch folder.
    func inputs() throws -> (dir: String, paths: [String]) {
        let dir = NSTemporaryDirectory() + "licenselint-parallel-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let models = fixture("Fixtures/models")
        var texts: [String] = []
        for m in try FileManager.default.contentsOfDirectory(atPath: models).sorted() {
            if let d = FileManager.default.contents(atPath: models + "/" + m + "/LICENSE") {
                texts.append(String(decoding: d, as: UTF8.self))
            }
        }
        #expect(!texts.isEmpty)
        var paths: [String] = []
        for i in 0..<48 {
            let t = texts[i % texts.count]
            var shaped = t
            switch i % 4 {
            case 1: shaped = t.replacingOccurrences(of: "\n", with: "\r\n")
            case 2: shaped = String(repeating: t + "\n\n", count: 1 + i % 5)
            case 3: shaped = t.replacingOccurrences(of: "\"", with: "\u{201C}")
            default: break
            }
            let p = dir + "/doc-\(i).txt"
            try Data(shaped.utf8).write(to: URL(fileURLWithPath: p))
            paths.append(p)
        }
        try Data().write(to: URL(fileURLWithPath: dir + "/empty.txt"))
        try Data([0x41, 0, 0x42]).write(to: URL(fileURLWithPath: dir + "/binary.bin"))
        paths.insert(dir + "/empty.txt", at: 5)
        paths.insert(dir + "/missing.txt", at: 17)
        paths.insert(dir + "/binary.bin", at: 30)
        return (dir, paths)
    }

    func streamed(_ paths: [String], json: Bool, jobs: Int) -> (out: String, errors: [String], failed: Bool) {
        var out = ""
        var errors: [String] = []
        let failed = ParseReport.stream(paths: paths, catalogue: sharedCatalogue, json: json, jobs: jobs,
                                        output: { out += String(decoding: $0, as: UTF8.self) }, failure: { errors.append($0.description) })
        return (out, errors, failed)
    }

    @Test(arguments: [true, false])
    func parallelOutputIsByteIdentical(json: Bool) throws {
        let (dir, paths) = try inputs()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let one = streamed(paths, json: json, jobs: 1)
        let docs = LicenseParser.parse(paths: paths, catalogue: sharedCatalogue)
        let reference = json ? ParseReport.json(docs).render() + "\n" : ParseReport.text(docs)
        #expect(Array(one.out.utf8) == Array(reference.utf8))
        #expect(one.failed)
        #expect(one.errors.count == 3)
        for jobs in [2, 4, 7] {
            let many = streamed(paths, json: json, jobs: jobs)
            #expect(Array(many.out.utf8) == Array(one.out.utf8), "--jobs \(jobs) differs from --jobs 1")
            #expect(many.errors == one.errors)
            #expect(many.failed == one.failed)
        }
    }

    @Test func jsonStreamIsOneValidDocument() throws {
        let (dir, paths) = try inputs()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = streamed(paths, json: true, jobs: 4)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        let documents = try #require(root["documents"] as? [[String: Any]])
        #expect(documents.map { $0["path"] as? String } == paths.map { Optional($0) })
    }

    @Test func orderedMapKeepsOrderWithFewAndManyItems() {
        for count in [0, 1, 3, 100] {
            for jobs in [1, 2, 5] {
                var seen: [Int] = []
                Parallel.orderedMap(count: count, jobs: jobs, transform: { $0 * $0 }, consume: { i, v in
                    #expect(v == i * i)
                    seen.append(i)
                })
                #expect(seen == Array(0..<count))
            }
        }
    }
}

/// The fast paths added for speed give exactly what the general code gives.
@Suite struct FastPathTests {
    /// Strings that exercise the special bytes: spaces, markers, emphasis, hyphens, quotes, non-ASCII.
    static let samples: [String] = {
        var out = Lexicon.compiled.phraseText + [
            "", " ", "  a  b  ", "a. b", "(a) use", "1. x", "- bullet", "* star", "+ plus", "# heading", "ALL CAPS TITLE",
            "non-commercial", "a__b__c", "a_b", "x\\.y", "tab\there", "colon: yes", "rule ---", "|a|b|", "=== x",
            "\u{201C}curly\u{201D}", "caf\u{E9}", "e\u{301}", "wide\u{3000}space", "\" means", "the \"Licensor\"",
        ]
        var rng = SystemRandomNumberGenerator()
        let alphabet = Array("ab AZ09.,;:()-*_`\\#+|=\"'\t!?".unicodeScalars) + ["\u{A0}", "\u{2019}", "\u{301}", "é"]
        for _ in 0..<3000 {
            var s = ""
            for _ in 0..<Int.random(in: 0...12, using: &rng) { s.unicodeScalars.append(alphabet.randomElement(using: &rng)!) }
            out.append(s)
        }
        return out
    }()

    @Test func simplePhraseKeysMatchFullNormalisation() {
        var simple = 0
        for s in FastPathTests.samples {
            guard let key = NormalizedText.simplePhraseKey(s) else { continue }
            simple += 1
            #expect(key == NormalizedText.fullPhraseKey(s), "phrase key of \(s.debugDescription)")
        }
        #expect(simple > 1000)
    }

    @Test func asciiExcerptsMatchCharacterExcerpts() {
        for s in FastPathTests.samples + [String(repeating: "word ", count: 100), String(repeating: "ab\r\n", count: 90) + "x\u{301}"] {
            let f = SourceFile(path: "x", bytes: Array(s.utf8))
            for limit in [0, 1, 3, 5, 300] {
                if let fast = f.asciiExcerpt(from: 0, to: f.bytes.count, limit: limit) {
                    #expect(fast == f.characterExcerpt(from: 0, to: f.bytes.count, limit: limit), "excerpt of \(s.debugDescription), limit \(limit)")
                }
            }
        }
    }

    /// The byte-level excerpt handles common non-ASCII (curly quotes, accents, NBSP, dashes) itself and
    /// must read exactly like the Character-based one wherever it answers; next to combining marks,
    /// joiners, emoji, Hangul or CJK it must decline. Random texts from such pieces, random ranges and limits.
    @Test func excerptsWithCommonNonASCIIMatchCharacterExcerpts() {
        let pieces = ["a", "Model", " ", "  ", "\n", "\r\n", "\t", "\u{A0}", "\u{2003}", "\u{3000}", "\u{85}", "\u{2028}",
                      "é", "ß", "Ł", "\u{AD}", "“", "”", "‘", "’", "—", "–", "•", "…", "©", "®", "™", "§", "€", "→", "‼", "\u{200B}", "\u{2060}", "\u{FEFF}",
                      "\u{301}", "\u{200D}", "\u{FE0F}", "👍", "🇪🇺", "中国", "한", "\u{1100}\u{1161}", "x\u{308}", "\u{0915}\u{093F}"]
        var rng = SplitMix64(seed: 42)
        var answered = 0, declined = 0
        for _ in 0..<3_000 {
            var text = ""
            for _ in 0..<Int(rng.next() % 40) { text += pieces[Int(rng.next() % UInt64(pieces.count))] }
            let f = SourceFile(path: "x", bytes: Array(text.utf8))
            let n = f.bytes.count
            var lo = n == 0 ? 0 : Int(rng.next() % UInt64(n + 1)), hi = n == 0 ? 0 : Int(rng.next() % UInt64(n + 1))
            if lo > hi { swap(&lo, &hi) }
            // Ranges start and end on scalar boundaries, as evidence ranges do.
            while lo > 0 && lo < n && f.bytes[lo] & 0xC0 == 0x80 { lo -= 1 }
            while hi < n && f.bytes[hi] & 0xC0 == 0x80 { hi += 1 }
            let limit = [0, 1, 2, 5, 12, 300][Int(rng.next() % 6)]
            if let fast = f.asciiExcerpt(from: lo, to: hi, limit: limit) {
                answered += 1
                #expect(fast == f.characterExcerpt(from: lo, to: hi, limit: limit), "\(text.debugDescription) \(lo)..<\(hi) limit \(limit)")
            } else {
                declined += 1
            }
        }
        #expect(answered > 500 && declined > 500)
    }

    /// With a catalogue, the lexicon's and the catalogue's phrases are found in one pass; the lexicon
    /// hits must be exactly the lexicon-only pass's, and the catalogue phrases found exactly the
    /// catalogue matcher's.
    @Test func oneCombinedPassFindsWhatTwoPassesFind() throws {
        let catalogue = try #require(sharedCatalogue)
        var texts = FastPathTests.samples
        for dir in ["Fixtures/models"] {
            let root = fixture(dir)
            for case let rel as String in FileManager.default.enumerator(atPath: root)?.allObjects ?? [] {
                guard rel.hasSuffix("LICENSE") || rel.hasSuffix(".md") || rel.hasSuffix(".txt") else { continue }
                if let d = FileManager.default.contents(atPath: root + "/" + rel) { texts.append(String(decoding: d, as: UTF8.self)) }
            }
        }
        #expect(texts.count > 15)
        for t in texts {
            let source = SourceFile(path: "x", bytes: Array(t.utf8))
            let alone = Analysis(source: source)
            let combined = Analysis(source: source, catalogue: catalogue)
            #expect(combined.hits == alone.hits)
            #expect(combined.hitRanges == alone.hitRanges)
            let found = combined.cataloguePhrasesFound
            #expect(found == PhraseMatcher(phrases: catalogue.identificationPhrases).occurring(in: alone.lower))
            #expect(catalogue.identify(phrasesFound: found, clauses: []) == catalogue.identify(normalizedLower: alone.lower, clauses: []))
        }
    }

    /// `mentions` (a word-parallel byte search) against a plain search, on random texts over a small
    /// alphabet (so needles occur often, overlap and sit at sentence edges), random needles and ranges.
    @Test func mentionsFindsExactlyWhatAPlainSearchFinds() {
        let alphabet = Array("ab .".utf8)
        var rng = SplitMix64(seed: 7)
        var found = 0, missed = 0
        for _ in 0..<400 {
            let len = Int(rng.next() % 120) + 1
            var text: [UInt8] = (0..<len).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }
            text.append(contentsOf: Array(" end.".utf8))
            let analysis = Analysis(source: SourceFile(path: "x", bytes: text))
            let lower = analysis.lower
            for i in analysis.sentences.indices {
                let view = analysis.view(i)
                for _ in 0..<20 {
                    let m = Int(rng.next() % 6) + 1
                    let needle = String(decoding: (0..<m).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }, as: UTF8.self)
                    let a = view.start + Int(rng.next() % UInt64(view.end - view.start + 1))
                    let b = view.start + Int(rng.next() % UInt64(view.end - view.start + 1))
                    let range = min(a, b)..<max(a, b)
                    let n = Array(needle.utf8)
                    var expected = false
                    if range.count >= n.count {
                        for k in range.lowerBound...(range.upperBound - n.count) where Array(lower[k..<k + n.count]) == n { expected = true; break }
                    }
                    #expect(view.mentions(needle, in: range) == expected, "\(needle.debugDescription) in \(range) of \(String(decoding: lower, as: UTF8.self).debugDescription)")
                    if expected { found += 1 } else { missed += 1 }
                }
            }
        }
        #expect(found > 1000 && missed > 1000)
    }

    /// Normalisation copies runs of plain bytes eight at a time; it must give exactly what the byte loop
    /// gives (bytes, origins, segments), on random texts rich in what the fast path must not swallow.
    @Test func wordParallelNormalisationMatchesTheByteLoop() {
        let pieces = ["word", "Model", " ", "  ", "\n", "\n\n", "\r\n", "\t", "-", "--", "*", "**", "_", "`", "\\", ".", ",",
                      ":", "(a)", "1.", "•", "“", "”", "\u{A0}", "\u{AD}", "é", "non-\ncommercial", "# ", "\u{7F}", "\u{1}", "ALL CAPS"]
        var rng = SplitMix64(seed: 11)
        for _ in 0..<2_000 {
            var text = ""
            for _ in 0..<Int(rng.next() % 60) { text += pieces[Int(rng.next() % UInt64(pieces.count))] }
            let bytes = Array(text.utf8)
            let fast = NormalizedText(bytes, wordParallel: true), slow = NormalizedText(bytes, wordParallel: false)
            #expect(fast.bytes == slow.bytes && fast.origin == slow.origin, "\(text.debugDescription)")
            #expect(fast.segments.map { [$0.start, $0.bodyStart, $0.end, $0.indent] } == slow.segments.map { [$0.start, $0.bodyStart, $0.end, $0.indent] })
        }
    }

    @Test func quotedTextTrimsLikeFoundation() {
        for s in FastPathTests.samples {
            let b = Array(s.utf8)
            #expect(SentenceView.trimmedWhitespace(b, 0, b.count) == String(decoding: b, as: UTF8.self).trimmingCharacters(in: .whitespaces))
        }
    }

    @Test func httpPrefixTestReadsLikeLowercasedHasPrefix() {
        let cases = ["http", "HTTP://x", "Https://example.com", "htt", "", "h", "hTtP", "http\u{301}x", "HTTP\u{301}",
                     "httpé", "http “quoted”", "ftp://x", " http", "Built with Example", "ＨＴＴＰ", "htt\u{0070}\u{0323}"]
        for t in cases + FastPathTests.samples {
            #expect(Lexicon.isWebAddress(t) == t.lowercased().hasPrefix("http"), "\(t.debugDescription)")
        }
    }

    @Test func matcherFindsTheSameHitsCompactAndFull() {
        // Past the threshold the matcher switches to its full table; the hits must not change.
        let m = PhraseMatcher(phrases: ["use", "use policy", "commerc*", "non commercial", "the model", "model"])
        let text = Array(String(repeating: "You may not use the Model for non-commercial use; see the use policy. ", count: 40).lowercased().utf8)
        let before = m.matches(in: text)
        let filler = [UInt8](repeating: 0x20, count: PhraseMatcher.fullTableAfter + 1)
        _ = m.matches(in: filler)
        #expect(m.matches(in: text) == before)
        #expect(!before.isEmpty)
    }
}

extension FastPathTests {
    @Test func hitSortMatchesStableSort() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            var hits: [PhraseMatcher.Hit] = []
            var end: Int32 = 0
            for _ in 0..<Int.random(in: 0...60, using: &rng) {
                end += Int32.random(in: 0...3, using: &rng)
                let start = max(0, end - Int32.random(in: 1...12, using: &rng))
                hits.append(PhraseMatcher.Hit(phrase: Int32.random(in: 0...5, using: &rng), start: start, end: end))
            }
            var fast = hits
            Analysis.sortByStart(&fast)
            let reference = hits.enumerated().sorted { a, b in
                (a.element.start, a.element.end, a.offset) < (b.element.start, b.element.end, b.offset)
            }.map(\.element)
            #expect(fast == reference)
        }
    }
}
