/// The result of parsing one licence file.
public struct ParsedDocument: Sendable {
    public var path: String
    public var outcome: Result<ParsedLicense, InputError>
}

public struct ParsedLicense: Sendable {
    public var clauses: [Clause]
    public var identification: Identification?
}

public enum LicenseParser {
    public static func parse(source: SourceFile, catalogue: Catalogue?) -> ParsedLicense {
        let analysis = Analysis(source: source, catalogue: catalogue)
        let clauses = ClauseExtractor.extract(analysis)
        var id = catalogue?.identify(phrasesFound: analysis.cataloguePhrasesFound, clauses: clauses)
        if id != nil { (id!.statedVersion, id!.statedDate) = StatedVersion.read(source.bytes) }
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
