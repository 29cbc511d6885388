
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
            out += "  licence: \(id.name) (\(id.id), similarity \(ReportFormatting.similarity(id.similarity)))\n"
            for diff in id.differences { out += "    differs: \(diff)\n" }
        } else {
            out += "  licence: not identified (clauses read from the text)\n"
        }
        if p.clauses.isEmpty { out += "  no clauses found\n" }
        for c in p.clauses {
            let params = c.parameters.filter { if case .list(let l) = $0.1 { return !l.isEmpty }; return true }
                .map { "\($0.0)=\($0.1)" }.joined(separator: " ")
            out += "  \(String(repeating: " ", count: max(0, 4 - String(c.evidence.line).count)) + String(c.evidence.line))  \(c.kind.rawValue.padded(to: 26)) \(params)\n"
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
        Parallel.orderedMap(count: paths.count, jobs: jobs, transform: { index -> Rendered in
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
