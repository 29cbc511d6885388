// libFuzzer entry point for the `gguf` target: GGUF.parse on the bytes (a model file's header).
// Built by scripts/fuzz.sh together with Sources/LicenseLint (LicenseLintYAML built first as a module).

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let raw = Array(UnsafeBufferPointer(start: data, count: size))
    switch GGUF.parse(bytes: raw) {
    case .success(let meta):
        if !(1...3).contains(meta.version) { fatalError("accepted version \(meta.version)") }
        _ = meta.baseModels
    case .failure(let e):
        if e.message.isEmpty { fatalError("an error without a message") }
    }
    return 0
}
