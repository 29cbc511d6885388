import Foundation

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
        self.currentDirectory = currentDirectory ?? FileManager.default.currentDirectoryPath
    }

    /// The process's own standard streams.
    public static var standard: Console {
        Console(out: { s in FileHandle.standardOutput.write(Data(s.utf8)) },
                err: { s in FileHandle.standardError.write(Data(s.utf8)) },
                outBytes: { bytes in writeAll(1, bytes) },
                isTerminal: isatty(1) == 1,
                environment: ProcessInfo.processInfo.environment)
    }

    /// Writes all of `bytes` to a file descriptor, retrying short writes and interrupted calls; gives up
    /// silently on any other error, as FileHandle-based output does (a closed pipe ends the process by SIGPIPE).
    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { buf in
            guard let base = buf.baseAddress else { return }
            var done = 0
            while done < buf.count {
                let r = write(fd, base + done, buf.count - done)
                if r > 0 { done += r } else if r < 0 && errno == EINTR { continue } else { return }
            }
        }
    }

    /// Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org).
    public var useColor: Bool {
        isTerminal && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
    }
}
