// libFuzzer entry point for the `yaml` target: YAML.load on the raw bytes, then YAML.json on success.
// Built by scripts/fuzz.sh together with Sources/LicenseLintYAML as one module (internal access).

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    do throws(YAMLError) {
        let node = try YAML.load(bytes)
        _ = try? YAML.json(node)
    } catch {
        // A clean, coded error is the expected outcome for bad input; a bad mark is a bug.
        if error.mark.line < 1 || error.mark.column < 1 || error.code.isEmpty { fatalError("bad YAMLError: \(error)") }
    }
    return 0
}
