
/// A 1-based position in a source file, as people count: line, and column in characters.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) { self.line = line; self.column = column }
    public var description: String { "\(line):\(column)" }
    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }
}

/// Why an input could not be read. Every case carries a stable code, shown to users and pinned by tests.
public struct InputError: Error, Sendable, Equatable, CustomStringConvertible {
    public var code: String
    public var path: String
    public var location: SourceLocation?
    public var message: String

    public init(code: String, path: String, location: SourceLocation? = nil, message: String) {
        self.code = code; self.path = path; self.location = location; self.message = message
    }

    /// `path:line:column: message [code]`, the shape compilers and editors understand.
    public var description: String {
        let loc = location.map { ":\($0.line):\($0.column)" } ?? ""
        // Paths come from the file system and may hold line breaks or escape sequences: shown escaped.
        return "\(ReadableText.clean(path))\(loc): \(ReadableText.clean(message)) [\(code)]"
    }
}

/// Limits on what licenselint reads. Named so errors can say which one was hit.
public enum InputLimits {
    /// A licence text larger than this is refused (real licences are under 100 KB).
    public static let maxLicenseBytes = 10 << 20
    /// A profile larger than this is refused.
    public static let maxProfileBytes = 1 << 20
    /// A model-card front matter larger than this is refused.
    public static let maxFrontMatterBytes = 256 << 10
    /// At most this many files are looked at when walking a folder.
    public static let maxFilesWalked = 20_000
}
