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
    public init(id: String, name: String, similarity: Double, differences: [String] = []) {
        self.id = id; self.name = name; self.similarity = similarity; self.differences = differences
    }
}

public enum LicenseParser {
    public static func parse(source: SourceFile, catalogue: Catalogue?) -> ParsedLicense {
        let analysis = Analysis(source: source)
        let clauses = ClauseExtractor.extract(analysis)
        let id = catalogue?.identify(normalizedLower: analysis.text.lower, clauses: clauses)
        return ParsedLicense(clauses: clauses, identification: id)
    }

    public static func parse(paths: [String], catalogue: Catalogue?) -> [ParsedDocument] {
        paths.map { path in
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
}

/// The `parse` command's outputs.
public enum ParseReport {
    public static func json(_ docs: [ParsedDocument]) -> JSON {
        .object([
            ("schemaVersion", .int(1)),
            ("documents", .array(docs.map { d in
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
            })),
        ])
    }

    public static func text(_ docs: [ParsedDocument]) -> String {
        var out = ""
        for d in docs {
            guard case .success(let p) = d.outcome else { continue }
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
        return out
    }
}

import Foundation
