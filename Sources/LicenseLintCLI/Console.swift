import Foundation

/// Where a command writes, and what it knows of the terminal. Tests pass their own.
public struct Console: Sendable {
    public var out: @Sendable (String) -> Void
    public var err: @Sendable (String) -> Void
    /// Standard output is a terminal (colour allowed unless NO_COLOR is set).
    public var isTerminal: Bool
    public var environment: [String: String]
    public var currentDirectory: String

    public init(out: @escaping @Sendable (String) -> Void, err: @escaping @Sendable (String) -> Void,
                isTerminal: Bool = false, environment: [String: String] = [:], currentDirectory: String? = nil) {
        self.out = out; self.err = err; self.isTerminal = isTerminal; self.environment = environment
        self.currentDirectory = currentDirectory ?? FileManager.default.currentDirectoryPath
    }

    /// The process's own standard streams.
    public static var standard: Console {
        Console(out: { s in FileHandle.standardOutput.write(Data(s.utf8)) },
                err: { s in FileHandle.standardError.write(Data(s.utf8)) },
                isTerminal: isatty(1) == 1,
                environment: ProcessInfo.processInfo.environment)
    }

    /// Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org).
    public var useColor: Bool {
        isTerminal && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
    }
}
