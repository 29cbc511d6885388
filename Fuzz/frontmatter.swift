// libFuzzer entry point for the `frontmatter` target: ModelCard.parse on a decoded SourceFile.
// Built by scripts/fuzz.sh together with Sources/LicenseLint (LicenseLintYAML built first as a module).

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let raw = Array(UnsafeBufferPointer(start: data, count: size))
    // Decode leniently too: the front-matter reader must cope with whatever SourceFile accepts.
    guard let source = try? SourceFile.decode(path: "README.md", raw: raw) else { return 0 }
    switch ModelCard.parse(source) {
    case .success(let card):
        if let l = card.license, l.line < 1 { fatalError("license located at line \(l.line)") }
    case .failure(let e):
        if e.code.isEmpty { fatalError("uncoded InputError: \(e)") }
        if let loc = e.location, loc.line < 1 || loc.column < 1 { fatalError("bad location: \(e)") }
    }
    return 0
}
