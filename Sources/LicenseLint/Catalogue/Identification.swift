
/// The best catalogue match for a text.
public struct Identification: Sendable, Equatable {
    public var id: String
    public var name: String
    public var similarity: Double
    /// Differences between the text's clauses and the catalogue entry's ("user-cap threshold …").
    public var differences: [String]
    /// What the catalogue records of the identified terms: their version, release date and canonical URL.
    public var version: String?
    public var released: String?
    public var url: String?
    /// The SPDX id of the identified licence, where it has one.
    public var spdx: String?
    /// A newer catalogue version of these terms, and what changed (nil when this is the newest).
    public var newerVersion: VersionNote?
    /// The version and date the text states of itself ("v1.1.1", "Last modified: April 1, 2024" as
    /// 2024-04-01), when it states them.
    public var statedVersion: String?
    public var statedDate: String?

    /// The text states a version or date other than the catalogue entry's: it is another version of these
    /// terms (its own clauses decide; the name says which version it is).
    public var isOtherVersion: Bool {
        if let s = statedVersion, let v = version, StatedVersion.normal(s) != StatedVersion.normal(v) { return true }
        if let d = statedDate, let r = released, d != r { return true }
        return false
    }
    public init(id: String, name: String, similarity: Double, differences: [String] = []) {
        self.id = id; self.name = name; self.similarity = similarity; self.differences = differences
    }
    init(_ e: LicenseEntry, similarity: Double, differences: [String] = []) {
        self.init(id: e.id, name: e.name, similarity: similarity, differences: differences)
        version = e.version; released = e.released; url = e.url; spdx = e.spdxID
    }
}

/// A newer version of identified terms in the catalogue: which one, and the clauses it changed.
public struct VersionNote: Sendable, Equatable {
    public var id: String
    public var name: String
    public var version: String?
    public var released: String?
    /// "in 3.1: removed competing-model-ban", "in 3.1: changed naming-requirement: prefix Llama 3 → Llama".
    public var changes: [String]

    /// "Llama 3.1 Community License Agreement (llama3.1), version 3.1, released 2024-07-23".
    public var title: String {
        var s = "\(name) (\(id))"
        if let v = version { s += ", version \(v)" }
        if let r = released { s += ", released \(r)" }
        return s
    }
}

/// The version and date a licence text states of itself, read from its first lines: "Version 2.0, January
/// 2004", "… Non-Commercial License v1.1.1", "Llama 3.1 Version Release Date: July 23, 2024", "Last modified:
/// April 1, 2024", "Effective: December 11, 2024".
public enum StatedVersion {
    public static func read(_ bytes: [UInt8]) -> (version: String?, date: String?) {
        // The first 40 lines with something on them, lower-cased (ASCII letters only: the words looked for
        // are ASCII), read as bytes: cheap on any text.
        var lines: [String] = []
        var start = 0
        let head = bytes.prefix(8192)
        while start < head.count && lines.count < 40 {
            var end = start
            while end < head.count && head[end] != 0x0A && head[end] != 0x0D { end += 1 }
            let line = head[start..<end]
            if line.contains(where: { $0 != 0x20 && $0 != 0x09 }) {
                lines.append(String(decoding: line.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self))
            }
            start = end + 1
        }
        var version: String?, date: String?
        for (n, line) in lines.enumerated() {
            let words = line.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "(" || $0 == ")" || $0 == ":" || $0 == "[" || $0 == "]" })
            if version == nil {
                for (i, w) in words.enumerated() {
                    if w == Lexicon.versionWord, i + 1 < words.count, isNumber(words[i + 1]) { version = String(words[i + 1]); break }
                    // "v1.1.1" in the title lines only.
                    if n < 3, w.count > 2, w.first == "v", isNumber(w.dropFirst()), w.contains(".") { version = String(w.dropFirst()); break }
                }
            }
            if date == nil, let label = Lexicon.dateLabels.first(where: { line.contains($0) }) {
                // The date on the label's line, or on the next when the label ends its line ("Last modified:").
                var rest = Substring(line)
                if let r = line.firstRange(of: label) { rest = line[r.upperBound...] }
                let labelEndsLine = rest.allSatisfy { $0 == " " || $0 == ":" || $0 == "\t" }
                date = Quantities.firstDate(line) ?? (labelEndsLine && n + 1 < lines.count ? Quantities.firstDate(lines[n + 1]) : nil)
            }
        }
        return (version, date)
    }

    /// A version number: digits with dots between, at most 12 characters ("2.0", "1.1.1", "3").
    static func isNumber<S: StringProtocol>(_ s: S) -> Bool {
        guard let f = s.first, f.isASCII, f.isNumber, s.count <= 12, s.last?.isNumber == true else { return false }
        return s.allSatisfy { ($0.isASCII && $0.isNumber) || $0 == "." }
    }

    /// "v1.0.0" and "1" name the same version.
    static func normal(_ v: String) -> String {
        var s = v.lowercased()
        if s.hasPrefix("v") { s.removeFirst() }
        while s.hasSuffix(".0") { s.removeLast(2) }
        return s
    }
}
