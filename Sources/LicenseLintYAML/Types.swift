// Public value types of the YAML loader.

/// A position in the source text.
///
/// `line` and `column` are 1-based. `column` counts Unicode scalars (not bytes, not grapheme
/// clusters) from the start of the line; a tab counts as one column. A leading UTF-8 byte order
/// mark is not counted.
public struct YAMLMark: Sendable, Hashable, CustomStringConvertible {
    public let line: Int
    public let column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// `"line:column"`.
    public var description: String { "\(line):\(column)" }
}

/// How a scalar was written.
public enum YAMLScalarStyle: Sendable, Hashable {
    case plain, singleQuoted, doubleQuoted, literal, folded
}

/// One node of the loaded document.
public struct YAMLNode: Sendable {
    public enum Content: Sendable {
        case null
        case bool(Bool)
        case int(Int)
        case float(Double)
        case string(String)
        case sequence([YAMLNode])
        /// Entries in document order. Duplicate keys are refused at load time.
        case mapping([YAMLPair])
    }

    public let content: Content
    /// Where the node starts: for a scalar, its first character (the opening quote of a quoted
    /// scalar, the `|` or `>` of a block scalar); for a block collection, its first entry (the
    /// `-` of the first item, the first character of the first key); for a flow collection, its
    /// `[` or `{`. Properties (`&anchor`, `!tag`) written before a node are not part of its mark.
    /// An empty (omitted) value is marked where it would have started: after the `:` or `-`
    /// that introduces it, or at its properties. A node produced by an alias is marked at the
    /// alias; the nodes inside it keep the marks of the anchored original.
    public let mark: YAMLMark
    /// The scalar style; `nil` for collections. An omitted value is `.plain`.
    public let style: YAMLScalarStyle?
    /// For scalars, the source text of the scalar exactly as written: the plain text, the text
    /// between the quotes (escapes and line breaks not processed), or the content lines of a block
    /// scalar after its header line (indentation included); `""` for an omitted value.
    /// `nil` for collections.
    public let raw: String?

    init(content: Content, mark: YAMLMark, style: YAMLScalarStyle?, raw: String?) {
        self.content = content
        self.mark = mark
        self.style = style
        self.raw = raw
    }

    /// Same node, marked elsewhere (used for alias copies).
    func moved(to mark: YAMLMark) -> YAMLNode {
        YAMLNode(content: content, mark: mark, style: style, raw: raw)
    }
}

/// One key/value entry of a mapping.
public struct YAMLPair: Sendable {
    public let key: YAMLNode
    public let value: YAMLNode

    init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }
}

/// A load or conversion failure. `code` is a stable identifier:
///
/// | code                    | meaning                                                        |
/// |-------------------------|----------------------------------------------------------------|
/// | `yaml.syntax`           | the text is not valid YAML                                     |
/// | `yaml.unsupported`      | valid YAML that this loader declines (tags, complex keys, ...) |
/// | `yaml.depth`            | collections nested deeper than `YAMLLimits.maxDepth`           |
/// | `yaml.alias-limit`      | aliases expand to more than `YAMLLimits.maxAliasExpansion` nodes |
/// | `yaml.undefined-alias`  | `*name` with no `&name` before it                              |
/// | `yaml.too-large`        | input longer than `YAMLLimits.maxBytes`                        |
/// | `yaml.invalid-utf8`     | bytes that are not UTF-8                                       |
/// | `yaml.binary`           | NUL or another control character outside the YAML character set |
/// | `yaml.duplicate-key`    | the same key twice in one mapping                              |
/// | `yaml.tag`              | a `!!int`, `!!bool`, ... tag on a value it cannot describe     |
public struct YAMLError: Error, Sendable, CustomStringConvertible {
    public let code: String
    public let message: String
    public let mark: YAMLMark

    public init(code: String, message: String, mark: YAMLMark) {
        self.code = code
        self.message = message
        self.mark = mark
    }

    /// `"line:column: message"`.
    public var description: String { "\(mark): \(message)" }
}

/// Resource limits applied while loading.
public struct YAMLLimits: Sendable {
    /// Largest accepted input, in bytes (checked before anything else is read).
    public var maxBytes: Int
    /// Deepest accepted nesting of collections (the root collection is level 1).
    public var maxDepth: Int
    /// Most nodes that aliases may produce in total (each `*a` counts every node of the copy).
    public var maxAliasExpansion: Int

    public init(maxBytes: Int = 10 << 20, maxDepth: Int = 256, maxAliasExpansion: Int = 10_000) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
        self.maxAliasExpansion = maxAliasExpansion
    }

    public static let `default` = YAMLLimits()
}

extension YAMLError {
    static func syntax(_ message: String, _ mark: YAMLMark) -> YAMLError {
        YAMLError(code: "yaml.syntax", message: message, mark: mark)
    }

    static func unsupported(_ what: String, _ mark: YAMLMark) -> YAMLError {
        YAMLError(code: "yaml.unsupported", message: "unsupported YAML feature: \(what)", mark: mark)
    }
}
