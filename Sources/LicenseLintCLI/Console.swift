import LicenseLint
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Where a command writes, and what it knows of the terminal. Tests pass their own.
public struct Console: Sendable {
    public var out: @Sendable (String) -> Void
    public var err: @Sendable (String) -> Void
    /// Standard output is a terminal (colour allowed unless NO_COLOR is set).
    public var isTerminal: Bool
    public var environment: [String: String]
    public var currentDirectory: String

    /// Writes UTF-8 bytes to the same place as `out`, for output produced as bytes (`parse`): no String
    /// is built and validated on the way.
    public var outBytes: @Sendable ([UInt8]) -> Void

    public init(out: @escaping @Sendable (String) -> Void, err: @escaping @Sendable (String) -> Void,
                outBytes: (@Sendable ([UInt8]) -> Void)? = nil,
                isTerminal: Bool = false, environment: [String: String] = [:], currentDirectory: String? = nil) {
        self.out = out; self.err = err; self.isTerminal = isTerminal; self.environment = environment
        self.outBytes = outBytes ?? { bytes in out(String(decoding: bytes, as: UTF8.self)) }
        self.currentDirectory = currentDirectory ?? FileSystem.currentDirectory()
    }

    /// The process's own standard streams. A failed write to standard output (a full disk, a closed
    /// descriptor) is remembered, and the process then exits 2 with a message instead of reporting
    /// success for output nobody got (a closed pipe still ends the process by SIGPIPE, as usual).
    public static var standard: Console {
        Console(out: { s in writeStandardOutput(s) },
                err: { s in _ = OutputFile.writeAll(2, s) },
                outBytes: { bytes in writeStandardOutput(bytes) },
                isTerminal: isatty(1) == 1,
                environment: FileSystem.environment())
    }

    /// The errno of the first failed write to standard output, or 0.
    static let standardOutputError = Atomic<Int32>(0)

    static func writeStandardOutput(_ bytes: [UInt8]) {
        guard standardOutputError.load(ordering: .relaxed) == 0 else { return }
        if let e = OutputFile.writeAll(1, bytes) { standardOutputError.store(e, ordering: .relaxed) }
    }

    static func writeStandardOutput(_ text: String) {
        guard standardOutputError.load(ordering: .relaxed) == 0 else { return }
        if let e = OutputFile.writeAll(1, text) { standardOutputError.store(e, ordering: .relaxed) }
    }

    /// Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org).
    public var useColor: Bool {
        isTerminal && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
    }
}
