// libFuzzer entry point for the `parser` target: SourceFile.decode, LicenseParser.parse (no catalogue),
// ClauseExtractor.extract, and the JSON rendering of the result.
// Built by scripts/fuzz.sh together with Sources/LicenseLint (LicenseLintYAML built first as a module).

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let raw = Array(UnsafeBufferPointer(start: data, count: size))
    let source: SourceFile
    do throws(InputError) {
        source = try SourceFile.decode(path: "FUZZ", raw: raw)
    } catch {
        if error.code.isEmpty { fatalError("uncoded InputError: \(error)") }
        return 0
    }
    let parsed = LicenseParser.parse(source: source, catalogue: nil)
    let clauses = ClauseExtractor.extract(source)
    if clauses.count != parsed.clauses.count { fatalError("extract and parse disagree") }
    for c in parsed.clauses {
        let e = c.evidence
        if e.line < 1 || e.line > source.lineCount || e.endLine < e.line || e.endLine > source.lineCount || e.column < 1 {
            fatalError("evidence out of range: \(e.line)-\(e.endLine):\(e.column) of \(source.lineCount) lines")
        }
    }
    let doc = ParsedDocument(path: "FUZZ", outcome: .success(parsed))
    _ = ParseReport.json([doc]).render()
    _ = ParseReport.text([doc])
    return 0
}
