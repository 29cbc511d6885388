// Tokens passed from the scanner to the parser.

/// A position in the byte buffer. `line` is 1-based, `col` is 0-based (Unicode scalars).
struct Pos {
    var index: Int
    var line: Int
    var col: Int
    /// Byte index of the first byte of `line`.
    var lineStart: Int

    var mark: YAMLMark { YAMLMark(line: line, column: col + 1) }
}

enum TokenType: UInt8 {
    case streamEnd
    case versionDirective, tagDirective, reservedDirective
    case documentStart, documentEnd
    case blockSequenceStart, blockMappingStart, blockEnd
    case flowSequenceStart, flowSequenceEnd, flowMappingStart, flowMappingEnd
    case blockEntry, flowEntry, key, value
    case alias, anchor, tag, scalar

    /// How the token reads in an error message.
    var display: String {
        switch self {
        case .streamEnd: return "end of input"
        case .versionDirective: return "%YAML directive"
        case .tagDirective: return "%TAG directive"
        case .reservedDirective: return "directive"
        case .documentStart: return "'---'"
        case .documentEnd: return "'...'"
        case .blockSequenceStart: return "block sequence"
        case .blockMappingStart: return "block mapping"
        case .blockEnd: return "end of block collection"
        case .flowSequenceStart: return "'['"
        case .flowSequenceEnd: return "']'"
        case .flowMappingStart: return "'{'"
        case .flowMappingEnd: return "'}'"
        case .blockEntry: return "'-'"
        case .flowEntry: return "','"
        case .key: return "mapping key"
        case .value: return "':'"
        case .alias: return "alias"
        case .anchor: return "anchor"
        case .tag: return "tag"
        case .scalar: return "scalar"
        }
    }
}

struct Token {
    var type: TokenType
    var start: Pos
    var end: Pos
    /// Scalar value; alias or anchor name; tag handle; %TAG handle; %YAML version "1.2".
    var text: String = ""
    /// Tag suffix; %TAG prefix.
    var text2: String = ""
    /// Scalar source text.
    var raw: String = ""
    var style: YAMLScalarStyle = .plain
}
