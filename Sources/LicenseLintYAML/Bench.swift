public enum _YAMLBench {
    /// Scratch-only: every document of a stream.
    public static func loadAll(_ bytes: [UInt8]) throws(YAMLError) -> [YAMLNode] {
        let start = try Input.validate(bytes, limits: .default)
        let result = bytes.withUnsafeBufferPointer { (buffer) -> Result<[YAMLNode], YAMLError> in
            var parser = Parser(buffer: buffer, start: start, limits: .default)
            do throws(YAMLError) {
                return .success(try parser.parseDocuments(allowMultiple: true))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    public static func scanOnly(_ bytes: [UInt8]) -> Int {
        guard let start = try? Input.validate(bytes, limits: .default) else { return -1 }
        return bytes.withUnsafeBufferPointer { buf in
            var s = Scanner(buffer: buf, start: start, maxDepth: 256)
            var count = 0
            while true {
                guard let t = try? s.take() else { return -2 }
                count += 1
                if t.type == .streamEnd { break }
            }
            return count
        }
    }
    public static func validateOnly(_ bytes: [UInt8]) -> Int {
        (try? Input.validate(bytes, limits: .default)) ?? -1
    }
}
