#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif


/// The key–value metadata of a GGUF file's header (never its tensors): the licence, name and base models a
/// quantised model declares. Versions 1–3; little-endian. A malformed or truncated header is an error with
/// the byte offset where reading failed; every length is bounded, so a hostile header cannot make the reader
/// allocate or read without limit.
public struct GGUFMetadata: Sendable, Equatable {
    public var version: UInt32
    /// The `general.*` keys with a text or whole-number value, as text.
    public var general: [String: String]

    public var license: String? { general["general.license"] }
    public var licenseName: String? { general["general.license.name"] }
    public var licenseLink: String? { general["general.license.link"] }
    public var name: String? { general["general.name"] }

    /// Base models as Hub ids: "org/name" from `repo_url` on huggingface.co, else organisation and name.
    public var baseModels: [String] {
        guard let n = general["general.base_model.count"].flatMap({ Int($0) }), n > 0 else { return [] }
        return (0..<min(n, 64)).compactMap { i in
            let p = "general.base_model.\(i)."
            if let url = general[p + "repo_url"], let r = url.firstRange(of: "huggingface.co/") {
                let parts = url[r.upperBound...].split(separator: "/").prefix(2)
                if parts.count == 2 { return parts.joined(separator: "/") }
            }
            guard let name = general[p + "name"] else { return nil }
            if let org = general[p + "organization"] { return "\(org)/\(name)" }
            return name
        }
    }
}

public enum GGUF {
    /// The most header bytes read (tokeniser vocabularies live in the header; tensors never are read).
    public static let maxHeaderBytes = 256 << 20
    static let maxKeyBytes = 1 << 16
    static let maxStringBytes = 64 << 20
    static let maxPairs = 1 << 20

    public static func isGGUF(_ name: String) -> Bool { Path.pathExtension(name).lowercased() == "gguf" }

    /// Reads the metadata of a GGUF file: a regular file only (never a FIFO or device), header only.
    public static func read(path: String) -> Result<GGUFMetadata, InputError> {
        var st = stat()
        guard stat(path, &st) == 0 else { return .failure(InputError(code: "input.not-found", path: path, message: "no such file")) }
        guard st.st_mode & S_IFMT == S_IFREG else {
            return .failure(InputError(code: "input.not-regular", path: path, message: "not a regular file; a GGUF model is read only from a file"))
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return .failure(InputError(code: "input.unreadable", path: path, message: String(cString: strerror(errno)))) }
        defer { close(fd) }
        var source = FileSource(fd: fd, size: Int(st.st_size))
        do { return .success(try parse(&source)) }
        catch { return .failure(InputError(code: "gguf.invalid", path: path, message: error.message)) }
    }

    /// Parses a header held in memory (tests, the fuzzer).
    public static func parse(bytes: [UInt8]) -> Result<GGUFMetadata, GGUFError> {
        var source = MemorySource(bytes: bytes)
        do { return .success(try parse(&source)) } catch { return .failure(error) }
    }

    public struct GGUFError: Error, Sendable, Equatable { public var message: String }

    static func parse<S: ByteSource>(_ s: inout S) throws(GGUFError) -> GGUFMetadata {
        var r = Reader(source: s)
        defer { s = r.source }
        let magic = try r.bytes(4)
        guard magic == Array("GGUF".utf8) else { throw GGUFError(message: "not a GGUF file (the first four bytes are not 'GGUF')") }
        let version = try r.u32()
        guard (1...3).contains(version) else { throw GGUFError(message: "GGUF version \(version) is not supported (1 to 3 are)") }
        let wide = version >= 2
        _ = wide ? try r.u64() : UInt64(try r.u32())  // tensor count: the tensors are never read
        let pairs = wide ? try r.u64() : UInt64(try r.u32())
        guard pairs <= UInt64(maxPairs) else { throw GGUFError(message: "the header declares \(pairs) metadata entries, more than \(maxPairs)") }
        var general: [String: String] = [:]
        for _ in 0..<Int(pairs) {
            let key = try r.string(wide: wide, max: maxKeyBytes, what: "a metadata key")
            let type = try r.u32()
            let value = try r.value(type: type, wide: wide, depth: 0)
            if key.hasPrefix("general."), let v = value { general[key] = v }
        }
        return GGUFMetadata(version: version, general: general)
    }

    public protocol ByteSource {
        /// Up to `count` bytes at `offset`; fewer only at the end of the file.
        mutating func read(_ offset: Int, _ count: Int) throws(GGUFError) -> [UInt8]
    }

    struct MemorySource: ByteSource {
        var bytes: [UInt8]
        func read(_ offset: Int, _ count: Int) -> [UInt8] {
            guard offset < bytes.count else { return [] }
            return Array(bytes[offset..<min(bytes.count, offset + count)])
        }
    }

    struct FileSource: ByteSource {
        var fd: Int32
        var size: Int
        func read(_ offset: Int, _ count: Int) throws(GGUFError) -> [UInt8] {
            let n = max(0, min(count, size - offset))
            guard n > 0 else { return [] }
            var buf = [UInt8](repeating: 0, count: n)
            var done = 0
            while done < n {
                let got = buf.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + done, n - done, off_t(offset + done)) }
                if got < 0 && errno == EINTR { continue }
                if got < 0 { throw GGUFError(message: "cannot read the header: \(String(cString: strerror(errno)))") }
                if got == 0 { break }
                done += got
            }
            return Array(buf.prefix(done))
        }
    }

    /// Sequential little-endian reads over a source, buffered, within `maxHeaderBytes`.
    struct Reader<S: ByteSource> {
        var source: S
        var offset = 0
        var buffer: [UInt8] = []
        var bufferStart = 0

        mutating func bytes(_ n: Int) throws(GGUFError) -> [UInt8] {
            guard n >= 0, offset + n <= GGUF.maxHeaderBytes else {
                throw GGUFError(message: "the header is larger than \(GGUF.maxHeaderBytes >> 20) MB (at byte \(offset))")
            }
            if offset < bufferStart || offset + n > bufferStart + buffer.count {
                bufferStart = offset
                buffer = try source.read(offset, max(n, 1 << 16))
            }
            let start = offset - bufferStart
            guard start + n <= buffer.count else { throw GGUFError(message: "the header ends early (at byte \(offset), \(n) more bytes expected)") }
            offset += n
            return Array(buffer[start..<start + n])
        }

        mutating func skip(_ n: UInt64) throws(GGUFError) {
            guard n <= UInt64(GGUF.maxHeaderBytes), offset + Int(n) <= GGUF.maxHeaderBytes else {
                throw GGUFError(message: "the header is larger than \(GGUF.maxHeaderBytes >> 20) MB (at byte \(offset))")
            }
            // Read through what is skipped in pieces, so that a truncated file is still an error.
            var left = Int(n)
            while left > 0 { let k = min(left, 1 << 16); _ = try bytes(k); left -= k }
        }

        mutating func u32() throws(GGUFError) -> UInt32 {
            let b = try bytes(4)
            return UInt32(b[0]) | UInt32(b[1]) << 8 | UInt32(b[2]) << 16 | UInt32(b[3]) << 24
        }

        mutating func u64() throws(GGUFError) -> UInt64 {
            let b = try bytes(8)
            var v: UInt64 = 0
            for i in 0..<8 { v |= UInt64(b[i]) << (8 * UInt64(i)) }
            return v
        }

        mutating func string(wide: Bool, max: Int, what: String) throws(GGUFError) -> String {
            let at = offset
            let n = wide ? try u64() : UInt64(try u32())
            guard n <= UInt64(max) else { throw GGUFError(message: "\(what) at byte \(at) is \(n) bytes long, more than \(max)") }
            let b = try bytes(Int(n))
            guard let s = String(validating: b, as: UTF8.self) else { throw GGUFError(message: "\(what) at byte \(at) is not valid UTF-8") }
            return s
        }

        /// A value of `type`: text and whole numbers are returned as text, the rest read past.
        mutating func value(type: UInt32, wide: Bool, depth: Int) throws(GGUFError) -> String? {
            switch type {
            case 0, 1, 7: let b = try bytes(1); return type == 7 ? (b[0] != 0 ? "true" : "false") : String(type == 1 ? Int(Int8(bitPattern: b[0])) : Int(b[0]))
            case 2, 3: let b = try bytes(2); let v = UInt16(b[0]) | UInt16(b[1]) << 8; return String(type == 3 ? Int(Int16(bitPattern: v)) : Int(v))
            case 4: return String(try u32())
            case 5: return String(Int32(bitPattern: try u32()))
            case 6: _ = try bytes(4); return nil
            case 8: return try string(wide: wide, max: GGUF.maxStringBytes, what: "a text value")
            case 9:
                guard depth < 2 else { throw GGUFError(message: "arrays nested too deep (at byte \(offset))") }
                let elementType = try u32()
                let count = wide ? try u64() : UInt64(try u32())
                guard count <= UInt64(GGUF.maxHeaderBytes) else { throw GGUFError(message: "an array of \(count) elements (at byte \(offset))") }
                if let width = fixedWidth(elementType) { try skip(count * UInt64(width)); return nil }
                guard elementType == 8 || elementType == 9 else { throw GGUFError(message: "unknown value type \(elementType) (at byte \(offset))") }
                for _ in 0..<count { _ = try value(type: elementType, wide: wide, depth: depth + 1) }
                return nil
            case 10: return String(try u64())
            case 11: return String(Int64(bitPattern: try u64()))
            case 12: _ = try bytes(8); return nil
            default: throw GGUFError(message: "unknown value type \(type) (at byte \(offset - 4))")
            }
        }

        func fixedWidth(_ type: UInt32) -> Int? {
            switch type {
            case 0, 1, 7: return 1
            case 2, 3: return 2
            case 4, 5, 6: return 4
            case 10, 11, 12: return 8
            default: return nil
            }
        }
    }
}
