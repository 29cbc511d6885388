import Testing
import Foundation
@testable import LicenseLint
import LicenseLintYAML

// Property tests over generated inputs. Every generator is driven by a SplitMix64 PRNG with a fixed
// seed, so each run sees exactly the same inputs; a failure names the seed and case to replay.
// A trap (overflow, out-of-bounds index, stack overflow) kills the test process: that is the
// "never traps" property failing, and the case that did it is the last one logged by
// `PROPERTY_TRACE=1 swift test --filter PropertyTests`.

/// SplitMix64 (Steele, Lea, Flood 2014): tiny, fast, and the same on every platform.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform-enough integer in 0..<n (modulo bias is irrelevant here); independent of the stdlib's
    /// `random(in:using:)` algorithm, so the inputs do not change with the toolchain.
    mutating func below(_ n: Int) -> Int { n <= 1 ? 0 : Int(next() % UInt64(n)) }
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}

/// Generators of hostile licence-like and YAML-like inputs.
enum Gen {
    static let words: [String] = [
        "You", "you", "may", "not", "shall", "must", "will", "use", "the", "Model", "Materials", "Software", "License",
        "Licence", "Agreement", "commercial", "non-commercial", "research", "evaluation", "production", "purposes",
        "only", "solely", "redistribute", "distribute", "derivative", "works", "outputs", "train", "improve", "other",
        "models", "any", "monthly active users", "daily active users", "users", "customers", "greater than",
        "more than", "fewer than", "exceeds", "in excess of", "700 million", "700,000,000", "100M", "1.5 billion",
        "one hundred million", "hundred", "thousand", "million", "billion", "trillion", "a million", "twenty", "and",
        "revenue", "annual", "turnover", "USD $1,000,000", "US$10 million", "€5,000,000", "£1m", "¥100", "₹1,000",
        "request a license", "separate agreement", "governed by the laws of", "State of California", "courts of",
        "trademark", "name", "prefix", "at the beginning of", "Built with", "copyright notice", "attribution",
        "Acceptable Use Policy", "incorporated by reference", "prohibited", "export", "sanctions", "China", "EU",
        "host", "as a service", "SaaS", "permission", "terminate", "patent", "litigation", "infringes", "own",
        "outputs you generate", "we may update", "from time to time", "remotely", "restrict", "same terms",
        "share alike", "e.g.", "i.e.", "U.S.", "Inc.", "Sec.", "means", "\"Model\" means", "including",
        "without limitation", "except", "provided that", "if", "unless", "no", "cap", "threshold", "up to",
    ]
    static let punctuation: [String] = [
        ". ", ".", ", ", ": ", ":", "; ", "; and", "; or", ", or", "!", "?", "\"", "'", "(", ")", "[", "]", "*",
        "**", "_", "__", "`", "\\.", "\\", "-", " - ", "--", "/", "&", "#", "$", "%", "...", "…",
    ]
    static let markers: [String] = [
        "(a) ", "(b) ", "(iv) ", "(1) ", "(12345) ", "(", "1. ", "2.1 ", "5.1. ", "10) ", "a. ", "b) ", "iv. ",
        "IV. ", "A) ", "2\\. ", "- ", "* ", "+ ", "• ", "‣ ", "# ", "## ", "### ", "---", "***", "| --- | --- |",
        "===", "1.2.3.4.5.6.7. ", "(aaaaaa) ",
    ]
    static let breaks: [String] = ["\n", "\n", "\r\n", "\r", "\n\n", "\r\n\r\n", "\n   ", "\n\t", "\u{2028}", "\u{85}"]
    static let unicode: [String] = [
        "\u{201C}", "\u{201D}", "\u{2018}", "\u{2019}", "\u{00A0}", "\u{00AD}", "\u{2014}", "\u{2013}", "\u{2026}",
        "\u{2022}", "\u{200B}", "\u{FEFF}", "\u{2122}", "\u{00AE}", "\u{3002}", "\u{FF0C}", "\u{FF08}", "\u{FF09}",
        "\u{300C}", "é", "ß", "中文", "\u{1F600}", "\u{0301}", "\u{202F}", "\u{3000}", "\u{FF1A}", "\u{FF1B}",
        "\u{0007}", "\u{000B}", "\u{000C}", "\u{007F}", "\u{0085}", "\u{FFFE}",
    ]

    /// A licence-like text: words, punctuation, list markers, line breaks and unicode in random order.
    static func licence(_ r: inout SplitMix64, maxTokens: Int = 400) -> String {
        var out = ""
        let tokens = r.below(maxTokens) + 1
        var atLineStart = true
        for _ in 0..<tokens {
            switch r.below(100) {
            case 0..<55: out += (atLineStart || out.hasSuffix(" ") ? "" : " ") + r.pick(words); atLineStart = false
            case 55..<70: out += r.pick(punctuation); atLineStart = false
            case 70..<78: out += r.pick(markers); atLineStart = false
            case 78..<90: out += r.pick(breaks); atLineStart = true
            case 90..<98: out += r.pick(unicode); atLineStart = false
            case 98:
                // A run of one word with spaces: "hundred hundred …", "users users …", "(a) (a) …".
                let t = r.pick(words + markers)
                out += " " + Array(repeating: t, count: r.below(60) + 2).joined(separator: " ")
            default:
                // A run of one token: long lines, deep marker runs, repeated quotes.
                let t = r.pick(words + punctuation + unicode)
                out += String(repeating: t, count: r.below(200) + 2)
            }
        }
        return out
    }

    /// Arbitrary bytes, biased towards the bytes that matter to a UTF-8 text reader.
    static func bytes(_ r: inout SplitMix64, maxCount: Int = 2048) -> [UInt8] {
        let n = r.below(maxCount + 1)
        let interesting: [UInt8] = [0x00, 0x09, 0x0A, 0x0D, 0x20, 0x22, 0x28, 0x29, 0x2A, 0x2D, 0x2E, 0x3A, 0x5C,
                                    0x80, 0xA0, 0xAD, 0xBF, 0xC2, 0xE2, 0xEF, 0xBB, 0xF0, 0xF4, 0xF5, 0xFE, 0xFF]
        var out: [UInt8] = []
        out.reserveCapacity(n)
        // Sometimes start with a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE).
        switch r.below(8) {
        case 0: out += [0xEF, 0xBB, 0xBF]
        case 1: out += [0xFF, 0xFE]
        case 2: out += [0xFE, 0xFF]
        case 3: out += [0xFF, 0xFE, 0x00, 0x00]
        default: break
        }
        for _ in 0..<n {
            switch r.below(4) {
            case 0: out.append(UInt8(truncatingIfNeeded: r.next()))
            case 1: out.append(r.pick(interesting))
            default: out.append(UInt8(0x20 + r.below(95)))
            }
        }
        return out
    }

    /// Licence-like text made hostile at the byte level: a few bytes flipped, cut or inserted.
    static func mutated(_ r: inout SplitMix64) -> [UInt8] {
        var b = Array(licence(&r, maxTokens: 200).utf8)
        for _ in 0..<(r.below(4)) where !b.isEmpty {
            let at = r.below(b.count)
            switch r.below(3) {
            case 0: b[at] = UInt8(truncatingIfNeeded: r.next())
            case 1: b.removeSubrange(at..<min(b.count, at + r.below(8) + 1))
            default: b.insert(r.pick([0x00, 0x0D, 0x80, 0xC2, 0xE2, 0xFF]), at: at)
            }
        }
        return b
    }

    /// A very long line (tens of kilobytes, no break), the shape a minified or badly converted file has.
    static func longLine(_ r: inout SplitMix64) -> String {
        var out = ""
        let target = 20_000 + r.below(30_000)
        while out.utf8.count < target {
            out += r.pick(words) + (r.chance(10) ? r.pick(punctuation) : " ")
            if r.chance(2) { out += r.pick(unicode) }
        }
        return r.chance(50) ? out : "Preamble.\n\n" + out + "\nEnd."
    }

    static let yamlScalars = ["1", "-2", "3.5", "1e9", ".nan", "-.inf", "0o17", "0x1F", "true", "False", "NULL",
                              "~", "''", "\"\"", "\"a\\nb\\u00e9\\x41\\U0001F600\"", "'it''s'", "plain text",
                              "!!str 12", "!!int 3", "!!float 1", "!!bool true", "!!null ''", "\u{00E9}t\u{00E9}",
                              "9223372036854775807", "1_000", "+12", "-0", ".5", "2001-12-14", "\u{201C}q\u{201D}",
                              "[a, b, [c]]", "{a: 1, b: [2, 3]}", "[]", "{}", "\"multi\n  line\"", "a # comment"]

    /// Well-formed YAML: nested block mappings and sequences with consistent indentation, flow
    /// collections, quoted and block scalars, anchors defined before their aliases.
    static func wellFormedYAML(_ r: inout SplitMix64, indent: Int = 0, depth: Int = 0, anchors: inout Int) -> String {
        let pad = String(repeating: " ", count: indent)
        var out = ""
        let mapping = r.chance(60)
        var used = Set<String>()
        for i in 0..<(r.below(5) + 1) {
            var key = r.pick(["name", "version", "regions", "a", "b", "c", "x y", "\"quoted key\"", "'single'",
                              "1", "true", "null", "k\(i)", "deployment", "use_cases", "\u{00E9}l\u{00E8}ve"])
            if used.contains(key) { key = "k\(i)_\(depth)" }
            used.insert(key)
            out += pad + (mapping ? key + ":" : "-")
            var prop = ""
            if r.chance(10) { prop = " &n\(anchors)"; anchors += 1 }
            if depth < 5 && r.chance(35) {
                out += prop + "\n" + wellFormedYAML(&r, indent: indent + (mapping ? 2 : 2), depth: depth + 1, anchors: &anchors)
            } else if r.chance(10) {
                let style = r.pick(["|", "|-", "|+", ">", ">-", "|2"])
                out += prop + " " + style + "\n"
                for _ in 0..<(r.below(4) + 1) { out += pad + "    " + r.pick(yamlScalars) + "\n" }
            } else if anchors > 0 && r.chance(10) {
                out += " *n\(r.below(anchors))\n"
            } else {
                out += prop + " " + r.pick(yamlScalars) + "\n"
            }
        }
        return out
    }

    /// YAML-ish text: indentation, block and flow indicators, quotes, anchors, aliases, block scalars.
    static func yaml(_ r: inout SplitMix64) -> String {
        if r.chance(40) {
            var anchors = 0
            var text = (r.chance(20) ? "%YAML 1.2\n---\n" : r.chance(20) ? "--- # doc\n" : "")
            text += wellFormedYAML(&r, anchors: &anchors)
            if r.chance(30) {
                // One hostile edit of a well-formed document.
                var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                let at = r.below(lines.count)
                switch r.below(5) {
                case 0: lines[at] = "\t" + lines[at]
                case 1: lines[at] = " " + lines[at]
                case 2: lines[at] += r.pick([" :", ": [", " {", " \"", " '", " &", " *", " |", " - x", " #"])
                case 3: lines.insert(lines[at], at: at)
                default: lines[at] = String(lines[at].dropFirst(r.below(4)))
                }
                text = lines.joined(separator: r.chance(20) ? "\r\n" : "\n")
            }
            return text
        }
        let keys = ["a", "b", "key", "version", "deployment", "regions", "x y", "\"q\"", "'s'", "? c", "1", "null",
                    "true", "~", "<<", "-1", ".inf", "0x1F", "k:v", "#c", "&a a", "*a", "!!str k", "[k]", "{k: v}"]
        let scalars = ["1", "-2", "3.5", "1e9", ".nan", "-.inf", "0o17", "0x_", "true", "False", "NULL", "~", "''",
                       "\"\"", "\"a\\nb\\u00e9\\x41\\U0001F600\"", "\"\\q\"", "\"unterminated", "'it''s'",
                       "'unterminated", "plain text", "a: b", "- c", "#comment", "&a v", "*a", "*b", "!!int 3",
                       "!!int x", "!!bool yes", "!!float 1", "!!null ''", "!local v", "! v", "!!map {}", "!!seq []",
                       "|", "|-", "|+", ">", ">-", "|2", ">1", "[a, b, [c]]", "{a: 1, b: [2, 3]}", "[", "]", "{", "}",
                       "{a", "[a,", ",", "@x", "`x", "%x", "\u{00E9}", "\u{FEFF}", "\t", "9223372036854775808",
                       "0b101", "1_000", "+12", "-0", "0.", ".5", "2001-12-14", "\u{201C}quoted\u{201D}"]
        var out = ""
        let lines = r.below(40) + 1
        var anchors = 0
        for _ in 0..<lines {
            let indent = r.pick([0, 0, 0, 1, 2, 2, 3, 4, 4, 6, 8])
            out += String(repeating: r.chance(3) ? "\t" : " ", count: indent)
            switch r.below(14) {
            case 0, 1, 2: out += r.pick(keys) + ": " + r.pick(scalars)
            case 3, 4: out += r.pick(keys) + ":"
            case 5, 6: out += "- " + r.pick(scalars)
            case 7: out += "- " + r.pick(keys) + ": " + r.pick(scalars)
            case 8: out += r.pick(["---", "...", "--- |", "--- >-", "%YAML 1.2", "%TAG ! tag:x,2000:", "%FOO bar"])
            case 9:
                anchors += 1
                out += r.pick(keys) + ": &a\(r.below(3)) " + r.pick(["[*a0, *a0]", "{x: *a1}", "v", "- z", ""])
            case 10: out += r.pick(keys) + ": " + r.pick(["*a0", "*a1", "*a2", "[*a0, *a0, *a0]"])
            case 11: out += "  " + r.pick(scalars) + " " + r.pick(scalars)
            case 12:
                // Deep flow nesting.
                let depth = r.below(300)
                out += r.pick(keys) + ": " + String(repeating: "[", count: depth) + String(repeating: "]", count: r.below(depth + 2))
            default:
                out += String(repeating: r.pick(["- ", "? ", ": ", "[", "{", "\"", "'", "|", ">"]), count: r.below(6) + 1)
            }
            if r.chance(10) { out += " #" + r.pick(scalars) }
            out += r.pick(["\n", "\n", "\n", "\r\n", "\r", ""])
        }
        _ = anchors
        return out
    }
}

@Suite struct PropertyTests {
    static let trace = ProcessInfo.processInfo.environment["PROPERTY_TRACE"] != nil

    /// Parses raw bytes the way `licenselint parse` does a file; returns the source and result, or the coded error.
    func parse(_ raw: [UInt8], path: String = "LICENSE", catalogue: Catalogue? = nil) -> (SourceFile, ParsedLicense)? {
        do throws(InputError) {
            let source = try SourceFile.decode(path: path, raw: raw)
            return (source, LicenseParser.parse(source: source, catalogue: catalogue))
        } catch {
            #expect(error.code.hasPrefix("input."), "uncoded error \(error)")
            #expect(!error.message.isEmpty)
            #expect(error.path == path)
            if let loc = error.location { #expect(loc.line >= 1 && loc.column >= 1, "bad location \(error)") }
            return nil
        }
    }

    /// Property 2 for one parsed document.
    func checkEvidence(_ source: SourceFile, _ parsed: ParsedLicense, _ label: String) {
        for c in parsed.clauses {
            let e = c.evidence
            #expect(e.line >= 1 && e.line <= source.lineCount, "\(label): \(c.kind) line \(e.line) of \(source.lineCount)")
            #expect(e.endLine >= e.line && e.endLine <= source.lineCount,
                    "\(label): \(c.kind) lines \(e.line)...\(e.endLine) of \(source.lineCount)")
            #expect(e.column >= 1, "\(label): \(c.kind) column \(e.column)")
        }
    }

    func render(_ path: String, _ parsed: ParsedLicense) -> String {
        ParseReport.json([ParsedDocument(path: path, outcome: .success(parsed))]).render()
    }

    /// The inputs of properties 1–3: random bytes, mutated licence text, licence-like text, long lines.
    func generatedInputs(seed: UInt64, count: Int) -> [(label: String, raw: [UInt8])] {
        var r = SplitMix64(seed: seed)
        var out: [(String, [UInt8])] = []
        for i in 0..<count {
            let raw: [UInt8]
            switch i % 10 {
            case 0, 1: raw = Gen.bytes(&r)
            case 2, 3: raw = Gen.mutated(&r)
            case 4: raw = Array(Gen.longLine(&r).utf8)
            default: raw = Array(Gen.licence(&r).utf8)
            }
            out.append(("seed \(seed) case \(i)", raw))
        }
        return out
    }

    // (1) + (2): never traps; clauses or a coded InputError; evidence lines within the file.
    @Test func parsingNeverTrapsAndEvidenceLiesInTheFile() {
        var parsedCount = 0, refused = 0
        for (label, raw) in generatedInputs(seed: 0x11CE_45E1, count: 400) {
            if Self.trace { print("[property] parse \(label) (\(raw.count) bytes)") }
            if let (source, parsed) = parse(raw) {
                parsedCount += 1
                checkEvidence(source, parsed, label)
            } else {
                refused += 1
            }
        }
        // The generators must exercise both outcomes, or the property says little.
        #expect(parsedCount >= 200)
        #expect(refused >= 40)
    }

    // (1) with the catalogue attached: identification must not trap either.
    @Test func parsingWithTheCatalogueNeverTraps() throws {
        let catalogue = try #require(sharedCatalogue)
        var r = SplitMix64(seed: 0xCA7A_1064)
        for i in 0..<120 {
            let raw = i % 3 == 0 ? Gen.mutated(&r) : Array(Gen.licence(&r).utf8)
            if Self.trace { print("[property] catalogue case \(i)") }
            if let (source, parsed) = parse(raw, catalogue: catalogue) {
                checkEvidence(source, parsed, "catalogue case \(i)")
                if let id = parsed.identification { #expect(id.similarity >= 0 && id.similarity <= 1.0 + 1e-9) }
            }
        }
    }

    // (1) aimed at the number reader: runs of number words in a user-cap or revenue-cap sentence never
    // trap, and every quantity read is non-negative and lies inside the text.
    @Test func numberWordsNeverTrap() {
        let numberWords = ["one", "two", "nine", "twelve", "ninety", "a", "and", "hundred", "hundred", "hundred",
                           "thousand", "million", "billion", "trillion", "millions", "1", "999", "1,000", "1.5",
                           "9223372036854775807", "100m", "5k", "$", "usd", "dollars"]
        var r = SplitMix64(seed: 0x4E0_3B3E)
        for i in 0..<300 {
            // Half the runs are number words only (hundreds weighted up), so long valid numbers occur.
            let pureRun = i % 2 == 0
            let run = (0..<(r.below(30) + 1)).map { _ in
                pureRun ? (r.chance(40) ? "hundred" : r.pick(Array(numberWords[0..<14]))) : r.pick(numberWords)
            }.joined(separator: " ")
            let lower = NormalizedText(Array(run.utf8)).lower
            if Self.trace { print("[property] number words case \(i): \(run)") }
            for q in Quantities.find(in: lower, from: 0, to: lower.count) {
                #expect(q.value >= 0 && q.start >= 0 && q.start < q.end && q.end <= lower.count, "case \(i): \(run) → \(q)")
            }
            let text = r.chance(50)
                ? "If the monthly active users are greater than \(run) monthly active users, you must request a license."
                : "If your annual revenue exceeds \(run) in revenue, you must obtain a commercial license."
            if let (source, parsed) = parse(Array(text.utf8)) { checkEvidence(source, parsed, "number words case \(i)") }
        }
    }

    // (3): the same bytes give byte-identical JSON, run after run.
    @Test func outputIsByteIdenticalAcrossRuns() throws {
        let catalogue = try #require(sharedCatalogue)
        for (n, (label, raw)) in generatedInputs(seed: 0xD3_7E_41, count: 200).enumerated() {
            guard let (_, first) = parse(raw, catalogue: n % 4 == 0 ? catalogue : nil) else { continue }
            guard let (_, second) = parse(raw, catalogue: n % 4 == 0 ? catalogue : nil) else {
                Issue.record("\(label): parsed once, refused the second time"); continue
            }
            let a = render("LICENSE", first), b = render("LICENSE", second)
            #expect(a == b, "\(label): two runs rendered different JSON")
            #expect(ParseReport.text([ParsedDocument(path: "LICENSE", outcome: .success(first))])
                    == ParseReport.text([ParsedDocument(path: "LICENSE", outcome: .success(second))]))
        }
    }

    // (4): each document's result is independent of the order (and company) of the paths given.
    @Test func resultsDoNotDependOnPathOrder() throws {
        let catalogue = try #require(sharedCatalogue)
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("licenselint-property-\(ProcessInfo.processInfo.processIdentifier)-order")
        try? FileManager.default.removeItem(at: dir)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }

        var r = SplitMix64(seed: 0x0BDE_2024)
        var documents = 0
        for round in 0..<50 {
            var paths: [String] = []
            let files = 3 + r.below(4)
            for f in 0..<files {
                let raw: [UInt8]
                switch r.below(8) {
                case 0: raw = Gen.bytes(&r, maxCount: 512)
                case 1: raw = Gen.mutated(&r)
                case 2: raw = r.chance(50) ? [] : Array(" \n\t\r\n".utf8)
                default: raw = Array(Gen.licence(&r, maxTokens: 250).utf8)
                }
                let path = dir.appendingPathComponent("r\(round)-f\(f).txt").path
                try Data(raw).write(to: URL(fileURLWithPath: path))
                paths.append(path)
            }
            if r.chance(20) { paths.append(dir.appendingPathComponent("r\(round)-missing.txt").path) }
            if r.chance(20) { paths.append(dir.path) }  // a folder given as a file
            var shuffled = paths
            for i in stride(from: shuffled.count - 1, to: 0, by: -1) { shuffled.swapAt(i, r.below(i + 1)) }
            if shuffled == paths { shuffled.reverse() }

            let cat: Catalogue? = round % 2 == 0 ? catalogue : nil
            let one = LicenseParser.parse(paths: paths, catalogue: cat)
            let two = LicenseParser.parse(paths: shuffled, catalogue: cat)
            #expect(one.map(\.path) == paths, "round \(round): documents not in the order given")
            #expect(two.map(\.path) == shuffled, "round \(round): documents not in the order given")
            func byPath(_ docs: [ParsedDocument]) -> [String: String] {
                Dictionary(docs.map { ($0.path, ParseReport.json([$0]).render()) }, uniquingKeysWith: { a, _ in a })
            }
            let a = byPath(one), b = byPath(two)
            #expect(a.count == Set(paths).count)
            for (path, json) in a {
                #expect(b[path] == json, "round \(round): \((path as NSString).lastPathComponent) differs with the order")
            }
            documents += paths.count
        }
        #expect(documents >= 200)
    }

    // (5): the YAML loader never traps on YAML-ish text; it returns a node or a YAMLError with a mark.
    @Test func yamlLoaderNeverTrapsOnYAMLishText() {
        var r = SplitMix64(seed: 0x9A31_0001)
        var loaded = 0, refused = 0
        let tight = YAMLLimits(maxBytes: 4096, maxDepth: 8, maxAliasExpansion: 50)
        for i in 0..<600 {
            var text = Gen.yaml(&r)
            if i % 7 == 6 {
                // Byte-level damage too: the loader must refuse it cleanly, not trap.
                var b = Array(text.utf8)
                if !b.isEmpty { b[r.below(b.count)] = UInt8(truncatingIfNeeded: r.next()) }
                text = String(decoding: b, as: UTF8.self)
            }
            let limits = i % 5 == 4 ? tight : YAMLLimits.default
            if Self.trace { print("[property] yaml case \(i): \(text.debugDescription.prefix(200))") }
            do throws(YAMLError) {
                let node = try YAML.load(Array(text.utf8), limits: limits)
                loaded += 1
                #expect(node.mark.line >= 1 && node.mark.column >= 1, "yaml case \(i): node marked \(node.mark)")
                do throws(YAMLError) {
                    _ = try YAML.json(node)
                } catch {
                    #expect(error.code == "yaml.unsupported", "yaml case \(i): json failed with \(error.code)")
                    #expect(error.mark.line >= 1, "yaml case \(i): \(error)")
                }
            } catch {
                refused += 1
                #expect(error.code.hasPrefix("yaml."), "yaml case \(i): uncoded error \(error)")
                #expect(error.mark.line >= 1, "yaml case \(i): error at line \(error.mark.line): \(error)")
                #expect(error.mark.column >= 1, "yaml case \(i): error at column \(error.mark.column): \(error)")
                #expect(!error.message.isEmpty)
            }
        }
        #expect(loaded >= 30, "the generator should produce some loadable YAML (\(loaded) loaded)")
        #expect(refused >= 30)
    }

    // (5) on raw bytes, including invalid UTF-8, control characters and byte-order marks.
    @Test func yamlLoaderNeverTrapsOnRandomBytes() {
        var r = SplitMix64(seed: 0x9A31_0002)
        for i in 0..<300 {
            let raw = i % 2 == 0 ? Gen.bytes(&r, maxCount: 512) : Gen.mutated(&r)
            do throws(YAMLError) {
                let node = try YAML.load(raw)
                _ = try? YAML.json(node)
            } catch {
                #expect(error.code.hasPrefix("yaml."), "bytes case \(i): \(error)")
                #expect(error.mark.line >= 1 && error.mark.column >= 1, "bytes case \(i): \(error)")
            }
        }
    }

    // Model-card front matter: never traps; a refusal is coded and located on a real line.
    @Test func modelCardFrontMatterNeverTraps() {
        var r = SplitMix64(seed: 0xCA2D_0003)
        for i in 0..<250 {
            let body = r.chance(70) ? "---" + r.pick(["\n", "\r\n", "\n"]) + Gen.yaml(&r) + r.pick(["\n---\n", "\n...\n", "\n", "---"])
                : Gen.licence(&r, maxTokens: 100)
            let text = body + "\n# " + r.pick(Gen.words) + "\n" + Gen.licence(&r, maxTokens: 60)
            let source = SourceFile(path: "README.md", bytes: Array(text.utf8))
            switch ModelCard.parse(source) {
            case .success(let card):
                for l in [card.license, card.licenseName, card.licenseLink, card.modelName].compactMap({ $0 }) + card.baseModels {
                    #expect(l.line >= 1 && l.line <= source.lineCount, "card case \(i): value at line \(l.line) of \(source.lineCount)")
                }
            case .failure(let e):
                #expect(e.code.hasPrefix("card."), "card case \(i): \(e)")
                if let loc = e.location {
                    #expect(loc.line >= 1 && loc.line <= source.lineCount + 1 && loc.column >= 1, "card case \(i): \(e)")
                }
            }
        }
    }
}
