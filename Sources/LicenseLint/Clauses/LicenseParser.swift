import Dispatch
import Foundation

/// The result of parsing one licence file.
public struct ParsedDocument: Sendable {
    public var path: String
    public var outcome: Result<ParsedLicense, InputError>
}

public struct ParsedLicense: Sendable {
    public var clauses: [Clause]
    public var identification: Identification?
}

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

public enum LicenseParser {
    public static func parse(source: SourceFile, catalogue: Catalogue?) -> ParsedLicense {
        let analysis = Analysis(source: source, catalogue: catalogue)
        let clauses = ClauseExtractor.extract(analysis)
        let id = catalogue?.identify(phrasesFound: analysis.cataloguePhrasesFound, clauses: clauses)
        return ParsedLicense(clauses: clauses, identification: id)
    }

    public static func parse(paths: [String], catalogue: Catalogue?) -> [ParsedDocument] {
        paths.map { parse(path: $0, catalogue: catalogue) }
    }

    /// Reads and parses one file; a file that cannot be read (or is empty) gives a failed document.
    public static func parse(path: String, catalogue: Catalogue?) -> ParsedDocument {
        do throws(InputError) {
            let source = try SourceFile.load(path: path)
            if source.bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
                return ParsedDocument(path: path, outcome: .failure(InputError(code: "input.empty", path: path, message: "the file is empty; expected a licence text")))
            }
            return ParsedDocument(path: path, outcome: .success(parse(source: source, catalogue: catalogue)))
        } catch {
            return ParsedDocument(path: path, outcome: .failure(error))
        }
    }
}

/// The `parse` command's outputs.
public enum ParseReport {
    public static func json(_ docs: [ParsedDocument]) -> JSON {
        .object([
            ("schemaVersion", .int(1)),
            ("documents", .array(docs.map(json))),
        ])
    }

    /// One entry of the "documents" array.
    public static func json(_ d: ParsedDocument) -> JSON {
        switch d.outcome {
        case .success(let p):
            let license: JSON = p.identification.map { id in
                .object([("id", .string(id.id)), ("name", .string(id.name)),
                         ("similarity", .double((id.similarity * 100).rounded() / 100)),
                         ("differences", .array(id.differences.map { .string($0) }))])
            } ?? .null
            return .object([("path", .string(d.path)), ("license", license),
                            ("clauses", .array(p.clauses.map(\.json)))])
        case .failure(let e):
            return .object([("path", .string(d.path)), ("license", .null), ("clauses", .array([])),
                            ("error", .object([("code", .string(e.code)), ("message", .string(e.description))]))])
        }
    }

    // Streaming: `json(docs).render() + "\n"` is exactly `jsonHeader`, then for each document `index`
    // `appendJSONDocument(…, index:)`, then `jsonFooter(count:)`.

    /// The JSON output up to the first document.
    public static let jsonHeader = "{\n  \"schemaVersion\": 1,\n  \"documents\": ["

    /// One document as it appears in the pretty-printed "documents" array, with the separator before it:
    /// the bytes `json(d).write(into:indent: 2)` writes after ",\n    ", written directly (no JSON tree).
    public static func appendJSONDocument(_ d: ParsedDocument, index: Int = 0, to out: inout [UInt8]) {
        if index > 0 { out.append(0x2C) }
        out.append(contentsOf: "\n    ".utf8)
        switch d.outcome {
        case .success(let p):
            out.append(0x7B)
            field(&out, "path", level: 3, first: true); JSON.escape(d.path, into: &out)
            field(&out, "license", level: 3)
            if let id = p.identification {
                out.append(0x7B)
                field(&out, "id", level: 4, first: true); JSON.escape(id.id, into: &out)
                field(&out, "name", level: 4); JSON.escape(id.name, into: &out)
                field(&out, "similarity", level: 4)
                JSON.double((id.similarity * 100).rounded() / 100).write(into: &out, indent: 4)
                field(&out, "differences", level: 4)
                stringArray(&out, id.differences, level: 4)
                close(&out, 0x7D, level: 3)
            } else {
                out.append(contentsOf: "null".utf8)
            }
            field(&out, "clauses", level: 3)
            if p.clauses.isEmpty {
                out.append(contentsOf: "[]".utf8)
            } else {
                out.append(0x5B)
                for (i, c) in p.clauses.enumerated() {
                    if i > 0 { out.append(0x2C) }
                    JSON.newline(&out, 4)
                    appendClause(c, to: &out)
                }
                close(&out, 0x5D, level: 3)
            }
            close(&out, 0x7D, level: 2)
        case .failure(let e):
            out.append(0x7B)
            field(&out, "path", level: 3, first: true); JSON.escape(d.path, into: &out)
            field(&out, "license", level: 3); out.append(contentsOf: "null".utf8)
            field(&out, "clauses", level: 3); out.append(contentsOf: "[]".utf8)
            field(&out, "error", level: 3)
            out.append(0x7B)
            field(&out, "code", level: 4, first: true); JSON.escape(e.code, into: &out)
            field(&out, "message", level: 4); JSON.escape(e.description, into: &out)
            close(&out, 0x7D, level: 3)
            close(&out, 0x7D, level: 2)
        }
    }

    /// A clause object nested four levels deep, as `Clause.json` renders there.
    private static func appendClause(_ c: Clause, to out: inout [UInt8]) {
        out.append(0x7B)
        field(&out, "kind", level: 5, first: true); JSON.escape(c.kind.rawValue, into: &out)
        field(&out, "parameters", level: 5)
        if c.parameters.isEmpty {
            out.append(contentsOf: "{}".utf8)
        } else {
            out.append(0x7B)
            for (i, (k, v)) in c.parameters.enumerated() {
                if i > 0 { out.append(0x2C) }
                JSON.newline(&out, 6)
                JSON.escape(k, into: &out)
                out.append(contentsOf: ": ".utf8)
                switch v {
                case .int(let n): JSON.appendInt(n, to: &out)
                case .string(let str): JSON.escape(str, into: &out)
                case .list(let l): stringArray(&out, l, level: 6)
                }
            }
            close(&out, 0x7D, level: 5)
        }
        field(&out, "evidence", level: 5)
        out.append(0x7B)
        field(&out, "line", level: 6, first: true); JSON.appendInt(Int64(c.evidence.line), to: &out)
        field(&out, "column", level: 6); JSON.appendInt(Int64(c.evidence.column), to: &out)
        field(&out, "endLine", level: 6); JSON.appendInt(Int64(c.evidence.endLine), to: &out)
        field(&out, "text", level: 6); JSON.escape(c.evidence.text, into: &out)
        close(&out, 0x7D, level: 5)
        close(&out, 0x7D, level: 4)
    }

    /// `,` (unless first), a line break, the indentation of `level`, then `"name": `.
    @inline(__always) private static func field(_ out: inout [UInt8], _ name: StaticString, level: Int, first: Bool = false) {
        if !first { out.append(0x2C) }
        JSON.newline(&out, level)
        out.append(0x22)
        out.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        out.append(contentsOf: "\": ".utf8)
    }

    /// A line break, the indentation of `level`, then the closing bracket.
    @inline(__always) private static func close(_ out: inout [UInt8], _ bracket: UInt8, level: Int) {
        JSON.newline(&out, level)
        out.append(bracket)
    }

    /// An array of strings whose opening bracket is at `level` (items one level deeper).
    private static func stringArray(_ out: inout [UInt8], _ items: [String], level: Int) {
        if items.isEmpty { out.append(contentsOf: "[]".utf8); return }
        out.append(0x5B)
        for (i, item) in items.enumerated() {
            if i > 0 { out.append(0x2C) }
            JSON.newline(&out, level + 1)
            JSON.escape(item, into: &out)
        }
        close(&out, 0x5D, level: level)
    }

    /// The JSON output after the last of `count` documents, with the final line break.
    public static func jsonFooter(count: Int) -> String { count == 0 ? "]\n}\n" : "\n  ]\n}\n" }

    public static func text(_ docs: [ParsedDocument]) -> String {
        var out = ""
        for d in docs { text(d, into: &out) }
        return out
    }

    /// The text output for one document (nothing for a failed one); `text(docs)` is these concatenated.
    public static func text(_ d: ParsedDocument, into out: inout String) {
        guard case .success(let p) = d.outcome else { return }
        out += "\(d.path)\n"
        if let id = p.identification {
            out += "  licence: \(id.name) (\(id.id), similarity \(String(format: "%.2f", id.similarity)))\n"
            for diff in id.differences { out += "    differs: \(diff)\n" }
        } else {
            out += "  licence: not identified (clauses read from the text)\n"
        }
        if p.clauses.isEmpty { out += "  no clauses found\n" }
        for c in p.clauses {
            let params = c.parameters.filter { if case .list(let l) = $0.1 { return !l.isEmpty }; return true }
                .map { "\($0.0)=\($0.1)" }.joined(separator: " ")
            out += "  \(String(format: "%4d", c.evidence.line))  \(c.kind.rawValue.padding(toLength: 26, withPad: " ", startingAt: 0)) \(params)\n"
            out += "        \(c.evidence.text.prefix(160))\n"
        }
        out += "\n"
    }
}


// MARK: - Streaming, parallel parse

extension ParseReport {
    /// Parses `paths` on up to `jobs` threads and writes the `parse` output as it goes: `output` receives
    /// consecutive pieces whose concatenation is exactly `json(docs).render() + "\n"` (or `text(docs)`),
    /// `failure` each unreadable file's error, both in the order of `paths`, on the calling thread.
    /// Memory holds a few documents per thread, not the corpus. Returns whether any file failed.
    public static func stream(paths: [String], catalogue: Catalogue?, json: Bool, jobs: Int,
                              output: ([UInt8]) -> Void, failure: (InputError) -> Void) -> Bool {
        struct Rendered: Sendable { var bytes: [UInt8]; var error: InputError? }
        var failed = false
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 16)
        func flush() {
            if !buffer.isEmpty { output(buffer); buffer.removeAll(keepingCapacity: true) }
        }
        if json { buffer.append(contentsOf: jsonHeader.utf8) }
        LicenseParser.orderedMap(count: paths.count, jobs: jobs, transform: { index -> Rendered in
            let doc = LicenseParser.parse(path: paths[index], catalogue: catalogue)
            var bytes: [UInt8] = []
            if json {
                appendJSONDocument(doc, index: index, to: &bytes)
            } else {
                var s = ""
                text(doc, into: &s)
                bytes.append(contentsOf: s.utf8)
            }
            if case .failure(let e) = doc.outcome { return Rendered(bytes: bytes, error: e) }
            return Rendered(bytes: bytes, error: nil)
        }, consume: { _, r in
            if let e = r.error { failed = true; failure(e) }
            buffer.append(contentsOf: r.bytes)
            if buffer.count >= 1 << 16 { flush() }
        })
        if json { buffer.append(contentsOf: jsonFooter(count: paths.count).utf8) }
        flush()
        return failed
    }
}

extension LicenseParser {
    /// Runs `transform` for 0..<count on up to `jobs` threads and hands each result to `consume` in index
    /// order, on the calling thread, as soon as it and all before it are done. Workers run at most a small
    /// window ahead of `consume`, so only that many results are held at once.
    public static func orderedMap<T: Sendable>(count: Int, jobs: Int, transform: @escaping @Sendable (Int) -> T,
                                               consume: (Int, T) -> Void) {
        let workers = max(1, min(jobs, count))
        if workers == 1 {
            for i in 0..<count { consume(i, transform(i)) }
            return
        }
        let queue = OrderedWindow<T>(count: count, window: workers * 32)
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) {
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                while let i = queue.claim() { queue.deliver(i, transform(i)) }
            }
        }
        for i in 0..<count { consume(i, queue.take(i)) }
        group.wait()
    }
}

/// Results of a parallel loop, taken in index order. A worker may claim index `i` only while
/// `i < taken + window`, so slot `i % window` is free when `i` is delivered and holds only `i`'s result.
/// Wake-ups are few: a taker that finds its result missing sleeps until a batch of results from there
/// on is in (or the rest, near the end), and workers are woken only when the window moves while one of
/// them waits. The batch is smaller than the window, so the workers can always fill it.
private final class OrderedWindow<T: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var slots: [T?]
    private let count: Int
    private let batch: Int
    private var nextClaim = 0
    private var taken = 0
    private var workersWaiting = 0
    /// While the taker sleeps: the end of the run of results it waits for.
    private var wantedEnd = -1

    init(count: Int, window: Int) {
        self.count = count
        slots = Array(repeating: nil, count: max(1, window))
        batch = max(1, window / 4)
    }

    /// The next index to work on, waiting while the window is full; nil when every index is claimed.
    func claim() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while nextClaim < count && nextClaim >= taken + slots.count {
            workersWaiting += 1
            condition.wait()
            workersWaiting -= 1
        }
        guard nextClaim < count else { return nil }
        nextClaim += 1
        return nextClaim - 1
    }

    /// Whether results `taken ..< end` are all in.
    private func ready(upTo end: Int) -> Bool {
        var k = taken
        while k < end { if slots[k % slots.count] == nil { return false }; k += 1 }
        return true
    }

    func deliver(_ i: Int, _ r: T) {
        condition.lock()
        slots[i % slots.count] = r
        if wantedEnd >= 0 && i < wantedEnd && ready(upTo: wantedEnd) { condition.broadcast() }
        condition.unlock()
    }

    /// Waits for result `i` (taken in order 0, 1, 2, …) and frees its slot.
    func take(_ i: Int) -> T {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let r = slots[i % slots.count] {
                slots[i % slots.count] = nil
                taken = i + 1
                if workersWaiting > 0 { condition.broadcast() }
                return r
            }
            wantedEnd = min(count, i + batch)
            while !ready(upTo: wantedEnd) { condition.wait() }
            wantedEnd = -1
        }
    }
}
