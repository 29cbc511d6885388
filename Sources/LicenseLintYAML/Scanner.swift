// Scanner: UTF-8 bytes → tokens.
//
// Tokens are produced on demand. An implicit key ("a: b") is only known to be a key when its
// ':' is seen, so the scanner remembers where a key could have started ("possible simple key")
// and inserts KEY (and, for a new block mapping, BLOCK-MAPPING-START) tokens there afterwards.
// Tokens are not handed to the parser while such an insertion is still possible before them.
//
// The input has been validated (well-formed UTF-8, no NUL), so byte 0 means end of input.

private let SPACE: UInt8 = 0x20
private let TAB: UInt8 = 0x09
private let LF: UInt8 = 0x0A
private let CR: UInt8 = 0x0D

@inline(__always) private func isBlank(_ c: UInt8) -> Bool { c == SPACE || c == TAB }
@inline(__always) private func isBreak(_ c: UInt8) -> Bool { c == LF || c == CR }
@inline(__always) private func isBreakOrEnd(_ c: UInt8) -> Bool { c == LF || c == CR || c == 0 }
@inline(__always) private func isBlankOrEnd(_ c: UInt8) -> Bool {
    c == SPACE || c == TAB || c == LF || c == CR || c == 0
}
@inline(__always) private func isFlowIndicator(_ c: UInt8) -> Bool {
    c == UInt8(ascii: ",") || c == UInt8(ascii: "[") || c == UInt8(ascii: "]")
        || c == UInt8(ascii: "{") || c == UInt8(ascii: "}")
}
@inline(__always) private func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
@inline(__always) private func isWordChar(_ c: UInt8) -> Bool {
    (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x2D
}
@inline(__always) private func isHex(_ c: UInt8) -> Bool {
    (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66)
}
private func hexValue(_ c: UInt8) -> UInt32 {
    if c >= 0x30 && c <= 0x39 { return UInt32(c - 0x30) }
    if c >= 0x41 && c <= 0x46 { return UInt32(c - 0x41 + 10) }
    return UInt32(c - 0x61 + 10)
}
/// Characters allowed in a URI (tags, %TAG prefixes), '%' escapes checked separately.
private func isURIChar(_ c: UInt8) -> Bool {
    if isWordChar(c) { return true }
    switch c {
    case UInt8(ascii: "#"), UInt8(ascii: ";"), UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: ":"),
         UInt8(ascii: "@"), UInt8(ascii: "&"), UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "$"),
         UInt8(ascii: ","), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "~"),
         UInt8(ascii: "*"), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["),
         UInt8(ascii: "]"), UInt8(ascii: "%"):
        return true
    default:
        return false
    }
}

func appendUTF8(_ v: UInt32, to out: inout [UInt8]) {
    if v < 0x80 {
        out.append(UInt8(v))
    } else if v < 0x800 {
        out.append(UInt8(0xC0 | (v >> 6)))
        out.append(UInt8(0x80 | (v & 0x3F)))
    } else if v < 0x10000 {
        out.append(UInt8(0xE0 | (v >> 12)))
        out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
        out.append(UInt8(0x80 | (v & 0x3F)))
    } else {
        out.append(UInt8(0xF0 | (v >> 18)))
        out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
        out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
        out.append(UInt8(0x80 | (v & 0x3F)))
    }
}

struct Scanner {
    private struct SimpleKey {
        var possible = false
        /// In block context at the indentation of the current mapping: it must be a key.
        var required = false
        /// Absolute number of the first token of the key.
        var tokenNumber = 0
        var pos = Pos(index: 0, line: 1, col: 0, lineStart: 0)
        /// A tab precedes it on its line: if it turns out to be a block key, that is an error.
        var afterTab = false
    }

    /// The input. Only valid during `YAML.load`, which owns the array it points into.
    private let b: UnsafeBufferPointer<UInt8>
    private let n: Int
    private let maxDepth: Int
    private var pos: Pos

    /// A queued token without its strings: plain data, so that queue operations copy no
    /// reference-counted values. `payload` indexes `payloads`, or is -1.
    private struct QueuedToken {
        var type: TokenType
        var style: YAMLScalarStyle
        var start: Pos
        var end: Pos
        var payload: Int
    }

    private struct Payload {
        var text: String
        var text2: String
        var raw: String
    }

    // Token queue.
    private var queue: [QueuedToken] = []
    private var payloads: [Payload] = []
    private var head = 0
    /// Number of tokens already handed to the parser.
    private var tokensTaken = 0
    private var streamEndProduced = false
    private var lastType: TokenType?
    /// The last token is a JSON-like node (quoted scalar, closed flow collection): in flow
    /// context a ':' right after it is a value indicator even without a following space.
    private var lastIsJSONLike = false

    // Context.
    private var flowLevel = 0
    /// For each open flow collection: true for a mapping, false for a sequence.
    private var flowIsMapping: [Bool] = []
    /// For each flow level (index 0 = block context): an explicit '?' key awaits its ':'.
    private var explicitKey: [Bool] = [false]
    private var indent = -1
    private var indents: [Int] = []
    private var simpleKeyAllowed = true
    private var simpleKeys: [SimpleKey] = [SimpleKey()]
    /// The levels whose simple key is possible, ascending (usually zero to two entries, so the
    /// per-token checks do not depend on the nesting depth).
    private var possibleLevels: [Int] = []
    /// For each open flow collection, where it starts.
    private var flowStarts: [Pos] = []
    /// Where the most recently closed flow collection started.
    private var lastClosedFlowStart: Pos?
    /// No token has been produced yet on the current line.
    private var atLineStart = true
    /// The whitespace just before the current token (on its line) contains a tab.
    private var tabInWhitespace = false
    /// Where the first tab of the current run of whitespace is (the column an error about it names).
    private var tabPos: Pos? = nil

    init(buffer: UnsafeBufferPointer<UInt8>, start: Int, maxDepth: Int) {
        b = buffer
        n = buffer.count
        self.maxDepth = maxDepth
        pos = Pos(index: start, line: 1, col: 0, lineStart: start)
    }

    // MARK: - Parser interface

    private mutating func ensureToken() throws(YAMLError) {
        while needMoreTokens() {
            try fetchNextToken()
        }
    }

    /// The type of the next token, without consuming it.
    mutating func peekType() throws(YAMLError) -> TokenType {
        try ensureToken()
        return head < queue.count ? queue[head].type : .streamEnd
    }

    /// Where the next token starts.
    mutating func peekStart() throws(YAMLError) -> Pos {
        try ensureToken()
        return head < queue.count ? queue[head].start : pos
    }

    /// Consumes and returns the next token.
    mutating func take() throws(YAMLError) -> Token {
        try ensureToken()
        guard head < queue.count else { return Token(type: .streamEnd, start: pos, end: pos) }
        let q = queue[head]
        var t = Token(type: q.type, start: q.start, end: q.end)
        t.style = q.style
        if q.payload >= 0 {
            var p = Payload(text: "", text2: "", raw: "")
            swap(&p, &payloads[q.payload])
            t.text = p.text
            t.text2 = p.text2
            t.raw = p.raw
        }
        head += 1
        tokensTaken += 1
        if head == queue.count {
            queue.removeAll(keepingCapacity: true)
            if !payloads.isEmpty { payloads.removeAll(keepingCapacity: true) }
            head = 0
        } else if head >= 1024 && head * 2 >= queue.count {
            queue.removeFirst(head)
            head = 0
        }
        return t
    }

    private mutating func needMoreTokens() -> Bool {
        if streamEndProduced { return false }
        if head == queue.count { return true }
        // A KEY may still have to be inserted before the head token.
        for level in possibleLevels where simpleKeys[level].tokenNumber == tokensTaken {
            return true
        }
        return false
    }

    // MARK: - Low-level reading

    @inline(__always) private func peekByte(_ k: Int = 0) -> UInt8 {
        let j = pos.index + k
        return j < n ? b[j] : 0
    }

    /// Advances over one character (all bytes of a UTF-8 sequence).
    @inline(__always) private mutating func advance() {
        guard pos.index < n else { return }
        pos.index += 1
        pos.col += 1
        // Continuation bytes of a multi-byte character do not start a new column.
        while pos.index < n && b[pos.index] & 0xC0 == 0x80 { pos.index += 1 }
    }

    /// Advances over one line break (LF, CR or CR LF).
    private mutating func consumeBreak() {
        if peekByte() == CR && peekByte(1) == LF {
            pos.index += 2
        } else {
            pos.index += 1
        }
        pos.line += 1
        pos.col = 0
        pos.lineStart = pos.index
    }

    private func isBOM() -> Bool {
        peekByte() == 0xEF && peekByte(1) == 0xBB && peekByte(2) == 0xBF
    }

    /// `---` or `...` at the start of a line, followed by whitespace or the end.
    @inline(__always) private func atDocumentMarker() -> Bool {
        guard pos.index == pos.lineStart else { return false }
        let c = peekByte()
        guard c == UInt8(ascii: "-") || c == UInt8(ascii: ".") else { return false }
        return peekByte(1) == c && peekByte(2) == c && isBlankOrEnd(peekByte(3))
    }

    /// Number of spaces at the start of the current line.
    private func leadingSpaces() -> Int {
        var k = pos.lineStart
        while k < n && b[k] == SPACE { k += 1 }
        return k - pos.lineStart
    }

    private func text(_ from: Int, _ to: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: b[from..<to]), as: UTF8.self)
    }

    private func error(_ message: String, _ at: Pos) -> YAMLError {
        YAMLError.syntax(message, at.mark)
    }

    // MARK: - Token queue helpers

    private mutating func append(_ t: consuming Token) {
        let type = t.type
        let style = t.style
        var payload = -1
        if !(t.text.isEmpty && t.text2.isEmpty && t.raw.isEmpty) {
            payload = payloads.count
            // Move the strings rather than copy them.
            var p = Payload(text: "", text2: "", raw: "")
            swap(&p.text, &t.text)
            swap(&p.text2, &t.text2)
            swap(&p.raw, &t.raw)
            payloads.append(p)
        }
        queue.append(QueuedToken(type: type, style: style, start: t.start, end: t.end, payload: payload))
        lastType = type
        lastIsJSONLike = type == .flowSequenceEnd || type == .flowMappingEnd
            || (type == .scalar && (style == .singleQuoted || style == .doubleQuoted))
        atLineStart = false
    }

    private mutating func appendScalar(_ style: YAMLScalarStyle, start: Pos, end: Pos,
                                       text: consuming String, raw: consuming String) {
        queue.append(QueuedToken(type: .scalar, style: style, start: start, end: end, payload: payloads.count))
        payloads.append(Payload(text: text, text2: "", raw: raw))
        lastType = .scalar
        lastIsJSONLike = style == .singleQuoted || style == .doubleQuoted
        atLineStart = false
    }

    /// Inserts a KEY or BLOCK-MAPPING-START token (no strings) before a queued token.
    private mutating func insert(_ type: TokenType, at p: Pos, number: Int) {
        let at = head + (number - tokensTaken)
        let t = QueuedToken(type: type, style: .plain, start: p, end: p, payload: -1)
        queue.insert(t, at: max(head, min(at, queue.count)))
    }

    private var nextTokenNumber: Int { tokensTaken + (queue.count - head) }

    // MARK: - Simple keys, indentation, flow levels

    private mutating func staleSimpleKeys() throws(YAMLError) {
        for level in possibleLevels {
            // Implicit keys of flow mappings may span lines; all others are limited to one line
            // and 1024 characters.
            if level > 0 && flowIsMapping[level - 1] { continue }
            let k = simpleKeys[level]
            if k.pos.line < pos.line || pos.col - k.pos.col > 1024 {
                if k.required {
                    throw error("could not find the ':' of this implicit mapping key "
                        + "(an implicit key must be on a single line)", k.pos)
                }
                clearPossible(level)
            }
        }
    }

    private mutating func saveSimpleKey() throws(YAMLError) {
        guard simpleKeyAllowed else {
            // Inside a flow collection, a node right after a complete node means the earlier
            // node can no longer be followed by its ':'.
            if flowLevel > 0 && simpleKeys[flowLevel].possible {
                switch lastType {
                case .scalar?, .alias?, .flowSequenceEnd?, .flowMappingEnd?:
                    clearPossible(flowLevel)
                default:
                    break
                }
            }
            return
        }
        let required = flowLevel == 0 && indent == pos.col
        try removeSimpleKey()
        simpleKeys[flowLevel] = SimpleKey(
            possible: true, required: required, tokenNumber: nextTokenNumber, pos: pos,
            afterTab: flowLevel == 0 && tabInWhitespace)
        if possibleLevels.last != flowLevel { possibleLevels.append(flowLevel) }
    }

    private mutating func removeSimpleKey() throws(YAMLError) {
        let k = simpleKeys[flowLevel]
        if k.possible && k.required {
            throw error("could not find the ':' of this implicit mapping key", k.pos)
        }
        if k.possible { clearPossible(flowLevel) }
    }

    private mutating func clearPossible(_ level: Int) {
        simpleKeys[level].possible = false
        if let i = possibleLevels.lastIndex(of: level) { possibleLevels.remove(at: i) }
    }

    private mutating func rollIndent(_ column: Int, number: Int?, type: TokenType, at p: Pos) throws(YAMLError) {
        guard flowLevel == 0, indent < column else { return }
        indents.append(indent)
        indent = column
        if indents.count > maxDepth {
            throw YAMLError(code: "yaml.depth",
                            message: "collections are nested more than \(maxDepth) levels deep",
                            mark: p.mark)
        }
        if let number {
            insert(type, at: p, number: number)
        } else {
            append(Token(type: type, start: p, end: p))
        }
    }

    private mutating func unrollIndent(_ column: Int) {
        guard flowLevel == 0 else { return }
        while indent > column {
            append(Token(type: .blockEnd, start: pos, end: pos))
            indent = indents.popLast() ?? -1
        }
    }

    private mutating func increaseFlowLevel(mapping: Bool) throws(YAMLError) {
        if flowLevel + indents.count + 1 > maxDepth {
            throw YAMLError(code: "yaml.depth",
                            message: "collections are nested more than \(maxDepth) levels deep",
                            mark: pos.mark)
        }
        simpleKeys.append(SimpleKey())
        explicitKey.append(false)
        flowIsMapping.append(mapping)
        flowStarts.append(pos)
        flowLevel += 1
    }

    private mutating func decreaseFlowLevel() {
        guard flowLevel > 0 else { return }
        if simpleKeys[flowLevel].possible { clearPossible(flowLevel) }
        flowLevel -= 1
        lastClosedFlowStart = flowStarts.popLast()
        simpleKeys.removeLast()
        explicitKey.removeLast()
        flowIsMapping.removeLast()
    }

    // MARK: - Dispatch

    private mutating func fetchNextToken() throws(YAMLError) {
        try scanToNextToken()
        try staleSimpleKeys()
        unrollIndent(pos.col)

        let c = peekByte()
        if pos.index >= n {
            try fetchStreamEnd()
            return
        }
        if pos.col == 0 && c == UInt8(ascii: "%") && pos.index == pos.lineStart {
            try fetchDirective()
            return
        }
        if atDocumentMarker() {
            try fetchDocumentIndicator(c == UInt8(ascii: "-") ? .documentStart : .documentEnd)
            return
        }
        if isBOM() {
            throw error("a byte order mark (U+FEFF) is only allowed at the start of the input", pos)
        }
        if atLineStart {
            try checkLinePrefix()
        }

        let next = peekByte(1)
        switch c {
        case UInt8(ascii: "["):
            try fetchFlowCollectionStart(mapping: false)
        case UInt8(ascii: "{"):
            try fetchFlowCollectionStart(mapping: true)
        case UInt8(ascii: "]"):
            try fetchFlowCollectionEnd(.flowSequenceEnd)
        case UInt8(ascii: "}"):
            try fetchFlowCollectionEnd(.flowMappingEnd)
        case UInt8(ascii: ","):
            try fetchFlowEntry()
        case UInt8(ascii: "-") where isBlankOrEnd(next):
            try fetchBlockEntry()
        case UInt8(ascii: "?") where isBlankOrEnd(next):
            try fetchKey()
        case UInt8(ascii: ":") where isBlankOrEnd(next) || (flowLevel > 0 && (isFlowIndicator(next) || lastIsJSONLike)):
            try fetchValue()
        case UInt8(ascii: "*"):
            try fetchAnchorOrAlias(.alias)
        case UInt8(ascii: "&"):
            try fetchAnchorOrAlias(.anchor)
        case UInt8(ascii: "!"):
            try fetchTag()
        case UInt8(ascii: "|"), UInt8(ascii: ">"):
            if flowLevel > 0 {
                throw error("a block scalar ('\(Character(Unicode.Scalar(c)))') cannot appear inside a flow collection", pos)
            }
            try fetchBlockScalar(literal: c == UInt8(ascii: "|"))
        case UInt8(ascii: "'"):
            try fetchFlowScalar(double: false)
        case UInt8(ascii: "\""):
            try fetchFlowScalar(double: true)
        case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"):
            // Followed by a non-space character: the start of a plain scalar, unless that
            // character is a flow indicator inside a flow collection.
            if flowLevel > 0 && isFlowIndicator(next) {
                throw error("unexpected '\(Character(Unicode.Scalar(c)))' before '\(Character(Unicode.Scalar(next)))'", pos)
            }
            try fetchPlainScalar()
        case UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"):
            throw error("a plain scalar cannot start with '\(Character(Unicode.Scalar(c)))'; quote the value", pos)
        case UInt8(ascii: "#"):
            throw error("a comment must be separated from other text by whitespace", pos)
        case TAB:
            throw error("tab character where a token was expected", pos)
        default:
            try fetchPlainScalar()
        }
    }

    /// Skips whitespace, comments and line breaks before the next token.
    private mutating func scanToNextToken() throws(YAMLError) {
        tabInWhitespace = false
        while true {
            while true {
                let c = peekByte()
                if c == SPACE {
                    pos.index += 1
                    pos.col += 1
                } else if c == TAB {
                    if !tabInWhitespace { tabPos = pos }
                    tabInWhitespace = true
                    pos.index += 1
                    pos.col += 1
                } else {
                    break
                }
            }
            let c = peekByte()
            if c == UInt8(ascii: "#") {
                if pos.index > pos.lineStart {
                    let before = b[pos.index - 1]
                    if !isBlank(before) {
                        throw error("a comment must be separated from other text by whitespace", pos)
                    }
                }
                while !isBreakOrEnd(peekByte()) { advance() }
            }
            if isBreak(peekByte()) {
                consumeBreak()
                atLineStart = true
                tabInWhitespace = false
                if flowLevel == 0 { simpleKeyAllowed = true }
                continue
            }
            break
        }
    }

    /// Checks for the first token of a line: indentation is made of spaces only, and inside a
    /// flow collection continuation lines are indented more than the enclosing block.
    private mutating func checkLinePrefix() throws(YAMLError) {
        let spaces = leadingSpaces()
        if flowLevel > 0 {
            if spaces <= indent {
                throw error("this line of a flow collection must be indented more than the enclosing block (at least \(indent + 1) spaces)", pos)
            }
        } else if tabInWhitespace && spaces <= indent {
            throw error("tab character used for indentation (YAML indentation is spaces only)", tabPos ?? pos)
        }
    }

    // MARK: - Fetchers

    private mutating func fetchStreamEnd() throws(YAMLError) {
        unrollIndent(-1)
        try removeSimpleKey()
        simpleKeyAllowed = false
        append(Token(type: .streamEnd, start: pos, end: pos))
        streamEndProduced = true
    }

    private mutating func fetchDocumentIndicator(_ type: TokenType) throws(YAMLError) {
        if flowLevel > 0 {
            throw error("document marker inside a flow collection (a ']' or '}' is missing)", pos)
        }
        unrollIndent(-1)
        try removeSimpleKey()
        simpleKeyAllowed = false
        let start = pos
        pos.index += 3
        pos.col += 3
        append(Token(type: type, start: start, end: pos))
    }

    private mutating func fetchFlowCollectionStart(mapping: Bool) throws(YAMLError) {
        if flowLevel > 0 && flowIsMapping[flowLevel - 1] {
            // A collection is never a supported key, and a flow mapping's implicit key may span
            // any number of lines: not recording it keeps the token queue short.
            if simpleKeyAllowed { try removeSimpleKey() } else { try saveSimpleKey() }
        } else {
            try saveSimpleKey()
        }
        try increaseFlowLevel(mapping: mapping)
        simpleKeyAllowed = true
        let start = pos
        advance()
        append(Token(type: mapping ? .flowMappingStart : .flowSequenceStart, start: start, end: pos))
    }

    private mutating func fetchFlowCollectionEnd(_ type: TokenType) throws(YAMLError) {
        if flowLevel == 0 {
            throw error("\(type.display) without a matching opening bracket", pos)
        }
        let isMapping = flowIsMapping[flowLevel - 1]
        if isMapping != (type == .flowMappingEnd) {
            throw error("\(type.display) closes a \(isMapping ? "'{' mapping" : "'[' sequence")", pos)
        }
        try removeSimpleKey()
        decreaseFlowLevel()
        simpleKeyAllowed = false
        let start = pos
        advance()
        append(Token(type: type, start: start, end: pos))
    }

    private mutating func fetchFlowEntry() throws(YAMLError) {
        if flowLevel == 0 {
            throw error("',' outside a flow collection; quote the value", pos)
        }
        try removeSimpleKey()
        simpleKeyAllowed = true
        explicitKey[flowLevel] = false
        let start = pos
        advance()
        append(Token(type: .flowEntry, start: start, end: pos))
    }

    private mutating func fetchBlockEntry() throws(YAMLError) {
        if flowLevel > 0 {
            throw error("'- ' block sequence entry inside a flow collection", pos)
        }
        if !simpleKeyAllowed {
            throw error("a block sequence entry ('- ') is not allowed here; it must start its own line", pos)
        }
        if tabInWhitespace {
            throw error("tab character before '-' (YAML indentation is spaces only)", tabPos ?? pos)
        }
        try rollIndent(pos.col, number: nil, type: .blockSequenceStart, at: pos)
        try removeSimpleKey()
        simpleKeyAllowed = true
        let start = pos
        advance()
        append(Token(type: .blockEntry, start: start, end: pos))
    }

    private mutating func fetchKey() throws(YAMLError) {
        if flowLevel == 0 {
            if !simpleKeyAllowed {
                throw error("an explicit key ('? ') is not allowed here", pos)
            }
            if tabInWhitespace {
                throw error("tab character before '?' (YAML indentation is spaces only)", tabPos ?? pos)
            }
            try rollIndent(pos.col, number: nil, type: .blockMappingStart, at: pos)
        }
        explicitKey[flowLevel] = true
        try removeSimpleKey()
        simpleKeyAllowed = flowLevel == 0
        let start = pos
        advance()
        append(Token(type: .key, start: start, end: pos))
    }

    private mutating func fetchValue() throws(YAMLError) {
        if flowLevel > 0 && !lastIsJSONLike {
            let next = peekByte(1)
            if next == UInt8(ascii: "[") || next == UInt8(ascii: "{") {
                // After a key that is not JSON-like, a value needs a space after the ':'.
                throw error("a space is needed between ':' and the value that follows it", pos)
            }
        }
        let k = simpleKeys[flowLevel]
        if k.possible {
            if k.afterTab {
                throw error("tab character before a mapping key (YAML indentation is spaces only)", k.pos)
            }
            insert(.key, at: k.pos, number: k.tokenNumber)
            try rollIndent(k.pos.col, number: k.tokenNumber, type: .blockMappingStart, at: k.pos)
            clearPossible(flowLevel)
            simpleKeyAllowed = false
        } else {
            if flowLevel == 0 {
                if !simpleKeyAllowed {
                    throw error("mapping values are not allowed here (an implicit key must be on a single line; quote a value that contains ': ')", pos)
                }
                if tabInWhitespace {
                    throw error("tab character before ':' (YAML indentation is spaces only)", tabPos ?? pos)
                }
                try rollIndent(pos.col, number: nil, type: .blockMappingStart, at: pos)
            } else if !explicitKey[flowLevel] {
                switch lastType {
                case .flowSequenceEnd?, .flowMappingEnd?:
                    if flowIsMapping[flowLevel - 1] {
                        // Collections are not recorded as possible keys of a flow mapping.
                        throw YAMLError.unsupported("a sequence or mapping used as a mapping key",
                                                    (lastClosedFlowStart ?? pos).mark)
                    }
                    throw error("unexpected ':' (an implicit key must be on one line with its ':')", pos)
                case .scalar?, .alias?:
                    throw error("unexpected ':' (an implicit key must be on one line with its ':'; quote a value that contains ': ')", pos)
                default:
                    break
                }
            }
            simpleKeyAllowed = flowLevel == 0
        }
        explicitKey[flowLevel] = false
        let start = pos
        advance()
        append(Token(type: .value, start: start, end: pos))
    }

    private mutating func fetchAnchorOrAlias(_ type: TokenType) throws(YAMLError) {
        try saveSimpleKey()
        simpleKeyAllowed = false
        let start = pos
        advance()
        let nameStart = pos.index
        while true {
            let c = peekByte()
            if isBlankOrEnd(c) || isFlowIndicator(c) { break }
            if c == 0xEF && isBOM() {
                throw error("byte order mark inside an anchor name", pos)
            }
            advance()
        }
        if pos.index == nameStart {
            throw error(type == .alias ? "alias name expected after '*'" : "anchor name expected after '&'", start)
        }
        let c = peekByte()
        if !(isBlankOrEnd(c) || c == UInt8(ascii: ",") || c == UInt8(ascii: "]") || c == UInt8(ascii: "}")) {
            throw error("unexpected character after \(type == .alias ? "alias" : "anchor") name", pos)
        }
        var t = Token(type: type, start: start, end: pos)
        t.text = text(nameStart, pos.index)
        append(t)
    }

    private mutating func fetchTag() throws(YAMLError) {
        try saveSimpleKey()
        simpleKeyAllowed = false
        let start = pos
        advance()  // '!'
        var handle = ""
        var suffix = ""
        if peekByte() == UInt8(ascii: "<") {
            // Verbatim tag !<uri>
            advance()
            let s = pos.index
            while isURIChar(peekByte()) && peekByte() != UInt8(ascii: ">") { advance() }
            if peekByte() != UInt8(ascii: ">") || pos.index == s {
                throw error("invalid verbatim tag: expected !<uri>", start)
            }
            suffix = text(s, pos.index)
            advance()
            handle = "!<>"
        } else if isBlankOrEnd(peekByte()) || (flowLevel > 0 && isFlowIndicator(peekByte())) {
            handle = "!"  // the non-specific tag
        } else {
            var k = 0
            while isWordChar(peekByte(k)) { k += 1 }
            if peekByte(k) == UInt8(ascii: "!") {
                handle = text(pos.index - 1, pos.index + k + 1)
                for _ in 0...k { advance() }
            } else {
                handle = "!"
            }
            let s = pos.index
            while true {
                let c = peekByte()
                if c == UInt8(ascii: "!") || isFlowIndicator(c) || !isURIChar(c) { break }
                if c == UInt8(ascii: "%") {
                    if !(isHex(peekByte(1)) && isHex(peekByte(2))) {
                        throw error("invalid '%' escape in tag", pos)
                    }
                }
                advance()
            }
            suffix = text(s, pos.index)
            if suffix.isEmpty {
                throw error("tag \(handle) has no suffix", start)
            }
        }
        let c = peekByte()
        if !(isBlankOrEnd(c) || (flowLevel > 0 && (c == UInt8(ascii: ",") || c == UInt8(ascii: "]") || c == UInt8(ascii: "}")))) {
            throw error("unexpected character in or after tag", pos)
        }
        var t = Token(type: .tag, start: start, end: pos)
        t.text = handle
        t.text2 = suffix
        append(t)
    }

    // MARK: Directives

    private mutating func fetchDirective() throws(YAMLError) {
        unrollIndent(-1)
        try removeSimpleKey()
        simpleKeyAllowed = false
        let start = pos
        advance()  // '%'
        let nameStart = pos.index
        while !isBlankOrEnd(peekByte()) { advance() }
        let name = text(nameStart, pos.index)
        if name.isEmpty {
            throw error("directive name expected after '%'", start)
        }
        var t = Token(type: .reservedDirective, start: start, end: pos)
        switch name {
        case "YAML":
            try skipDirectiveSeparator()
            let vStart = pos.index
            var digits = 0
            while isDigit(peekByte()) { advance(); digits += 1 }
            guard digits > 0, peekByte() == UInt8(ascii: "."), isDigit(peekByte(1)) else {
                throw error("invalid %YAML directive: expected a version such as 1.2", pos)
            }
            advance()
            while isDigit(peekByte()) { advance() }
            t.type = .versionDirective
            t.text = text(vStart, pos.index)
        case "TAG":
            try skipDirectiveSeparator()
            let hStart = pos.index
            guard peekByte() == UInt8(ascii: "!") else {
                throw error("invalid %TAG directive: expected a tag handle", pos)
            }
            advance()
            if !isBlankOrEnd(peekByte()) {
                while isWordChar(peekByte()) { advance() }
                guard peekByte() == UInt8(ascii: "!") else {
                    throw error("invalid %TAG handle: expected !, !! or !name!", pos)
                }
                advance()
            }
            let handle = text(hStart, pos.index)
            try skipDirectiveSeparator()
            let pStart = pos.index
            while isURIChar(peekByte()) { advance() }
            if pos.index == pStart {
                throw error("invalid %TAG directive: expected a tag prefix", pos)
            }
            t.type = .tagDirective
            t.text = handle
            t.text2 = text(pStart, pos.index)
        default:
            // Reserved directive: parameters are ignored, as the specification requires.
            while true {
                while isBlank(peekByte()) { advance() }
                let c = peekByte()
                if isBreakOrEnd(c) || c == UInt8(ascii: "#") { break }
                while !isBlankOrEnd(peekByte()) { advance() }
            }
        }
        t.end = pos
        // Rest of the line: whitespace and an optional comment.
        if t.type != .reservedDirective && !isBlankOrEnd(peekByte()) {
            throw error("unexpected text after directive", pos)
        }
        while isBlank(peekByte()) { advance() }
        if peekByte() == UInt8(ascii: "#") {
            if !isBlank(b[pos.index - 1]) {
                throw error("a comment must be separated from other text by whitespace", pos)
            }
            while !isBreakOrEnd(peekByte()) { advance() }
        }
        if !isBreakOrEnd(peekByte()) {
            throw error("unexpected text after directive", pos)
        }
        append(t)
    }

    private mutating func skipDirectiveSeparator() throws(YAMLError) {
        guard isBlank(peekByte()) else {
            throw error("whitespace expected in directive", pos)
        }
        while isBlank(peekByte()) { advance() }
    }

    // MARK: Plain scalars

    private mutating func fetchPlainScalar() throws(YAMLError) {
        try saveSimpleKey()
        simpleKeyAllowed = false
        let inFlow = flowLevel > 0
        let start = pos
        var out: [UInt8] = []
        var end = pos
        var first = true
        var firstChunkEnd = pos.index
        var pendingBreaks = 0
        var pendingSpaces = 0..<0

        // Can `c` (at the current position) continue a plain scalar after whitespace?
        func canContinue(_ c: UInt8, _ next: UInt8) -> Bool {
            if c == UInt8(ascii: ":") && (isBlankOrEnd(next) || (inFlow && isFlowIndicator(next))) { return false }
            if inFlow && isFlowIndicator(c) { return false }
            return true
        }

        while true {
            let chunkStart = pos.index
            while true {
                let c = peekByte()
                if isBlankOrEnd(c) { break }
                if c == UInt8(ascii: ":") {
                    let next = peekByte(1)
                    if isBlankOrEnd(next) || (inFlow && isFlowIndicator(next)) { break }
                }
                if inFlow && isFlowIndicator(c) { break }
                if c == 0xEF && isBOM() {
                    throw error("byte order mark inside a plain scalar", pos)
                }
                advance()
            }
            if pos.index == chunkStart { break }
            if first {
                firstChunkEnd = pos.index
            } else {
                if out.isEmpty { out.append(contentsOf: b[start.index..<firstChunkEnd]) }
                if pendingBreaks == 0 {
                    out.append(contentsOf: b[pendingSpaces])
                } else if pendingBreaks == 1 {
                    out.append(SPACE)
                } else {
                    out.append(contentsOf: repeatElement(LF, count: pendingBreaks - 1))
                }
                out.append(contentsOf: b[chunkStart..<pos.index])
            }
            first = false
            end = pos

            // Whitespace after the chunk: does the scalar continue?
            let wsStart = pos.index
            while isBlank(peekByte()) { advance() }
            var c = peekByte()
            if c == 0 || c == UInt8(ascii: "#") { break }
            if isBreak(c) {
                var breaks = 0
                var spaces = 0
                repeat {
                    consumeBreak()
                    breaks += 1
                    while peekByte() == SPACE { advance() }
                    spaces = pos.col
                    while isBlank(peekByte()) { advance() }
                } while isBreak(peekByte())
                c = peekByte()
                if c == 0 || c == UInt8(ascii: "#") { break }
                if spaces == 0 && atDocumentMarker() { break }
                if spaces <= indent { break }  // not indented enough to continue
                if !canContinue(c, peekByte(1)) { break }
                pendingBreaks = breaks
            } else {
                if !canContinue(c, peekByte(1)) { break }
                pendingBreaks = 0
                pendingSpaces = wsStart..<pos.index
            }
        }
        // Leave the trailing whitespace and line breaks to the next token.
        pos = end
        let raw = text(start.index, end.index)
        appendScalar(.plain, start: start, end: end,
                     text: out.isEmpty ? raw : String(decoding: out, as: UTF8.self), raw: raw)
    }

    // MARK: Quoted scalars

    private mutating func fetchFlowScalar(double: Bool) throws(YAMLError) {
        try saveSimpleKey()
        simpleKeyAllowed = false
        let start = pos
        let quote = peekByte()
        advance()
        let contentStart = pos.index
        var out: [UInt8] = []
        while true {
            let c = peekByte()
            if pos.index >= n {
                throw error("unterminated \(double ? "double" : "single")-quoted scalar", start)
            }
            if c == quote {
                if !double && peekByte(1) == quote {
                    out.append(quote)
                    advance()
                    advance()
                    continue
                }
                break
            }
            if isBlank(c) {
                let wsStart = pos.index
                while isBlank(peekByte()) { advance() }
                if isBreak(peekByte()) { continue }  // trailing whitespace is not content
                out.append(contentsOf: b[wsStart..<pos.index])
                continue
            }
            if isBreak(c) {
                consumeBreak()
                try foldQuotedLines(escaped: false, into: &out, start: start)
                continue
            }
            if double && c == UInt8(ascii: "\\") {
                try scanEscape(into: &out, start: start)
                continue
            }
            let s = pos.index
            advance()
            out.append(contentsOf: b[s..<pos.index])
        }
        let contentEnd = pos.index
        advance()  // closing quote
        let raw = text(contentStart, contentEnd)
        let verbatim = out.count == contentEnd - contentStart && out.elementsEqual(b[contentStart..<contentEnd])
        appendScalar(double ? .doubleQuoted : .singleQuoted, start: start, end: pos,
                     text: verbatim ? raw : String(decoding: out, as: UTF8.self), raw: raw)
    }

    /// After a line break inside a quoted scalar: skips the indentation of the following lines,
    /// counts empty lines and appends the folded result.
    private mutating func foldQuotedLines(escaped: Bool, into out: inout [UInt8], start: Pos) throws(YAMLError) {
        var emptyLines = 0
        while true {
            if atDocumentMarker() {
                throw error("document marker inside a quoted scalar (the closing quote is missing)", pos)
            }
            while peekByte() == SPACE { advance() }
            let spaces = pos.col
            while isBlank(peekByte()) { advance() }
            let c = peekByte()
            if isBreak(c) {
                consumeBreak()
                emptyLines += 1
                continue
            }
            if c == 0 {
                throw error("unterminated quoted scalar", start)
            }
            if spaces <= indent {
                throw error("this continuation line of a quoted scalar must be indented at least \(indent + 1) spaces", pos)
            }
            break
        }
        if emptyLines > 0 {
            out.append(contentsOf: repeatElement(LF, count: emptyLines))
        } else if !escaped {
            out.append(SPACE)
        }
    }

    private mutating func scanEscape(into out: inout [UInt8], start: Pos) throws(YAMLError) {
        let escStart = pos
        advance()  // '\'
        let e = peekByte()
        if isBreak(e) {
            consumeBreak()
            try foldQuotedLines(escaped: true, into: &out, start: start)
            return
        }
        var hexDigits = 0
        switch e {
        case UInt8(ascii: "0"): out.append(0)
        case UInt8(ascii: "a"): out.append(0x07)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "t"), TAB: out.append(0x09)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "v"): out.append(0x0B)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "e"): out.append(0x1B)
        case SPACE: out.append(SPACE)
        case UInt8(ascii: "\""): out.append(UInt8(ascii: "\""))
        case UInt8(ascii: "/"): out.append(UInt8(ascii: "/"))
        case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\"))
        case UInt8(ascii: "N"): appendUTF8(0x85, to: &out)
        case UInt8(ascii: "_"): appendUTF8(0xA0, to: &out)
        case UInt8(ascii: "L"): appendUTF8(0x2028, to: &out)
        case UInt8(ascii: "P"): appendUTF8(0x2029, to: &out)
        case UInt8(ascii: "x"): hexDigits = 2
        case UInt8(ascii: "u"): hexDigits = 4
        case UInt8(ascii: "U"): hexDigits = 8
        default:
            throw error("invalid escape sequence in double-quoted scalar", escStart)
        }
        advance()
        if hexDigits > 0 {
            var v: UInt32 = 0
            for _ in 0..<hexDigits {
                let h = peekByte()
                guard isHex(h) else {
                    throw error("escape sequence needs \(hexDigits) hexadecimal digits", escStart)
                }
                v = v << 4 | hexValue(h)
                advance()
            }
            if v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF) {
                throw error("escape sequence is not a valid Unicode scalar value", escStart)
            }
            appendUTF8(v, to: &out)
        }
    }

    // MARK: Block scalars

    private mutating func fetchBlockScalar(literal: Bool) throws(YAMLError) {
        try removeSimpleKey()
        simpleKeyAllowed = true
        let start = pos
        advance()  // '|' or '>'
        var chomping = 0  // -1 strip, 0 clip, +1 keep
        var increment = 0
        var sawChomping = false
        for _ in 0..<2 {
            let c = peekByte()
            if (c == UInt8(ascii: "+") || c == UInt8(ascii: "-")) && !sawChomping {
                chomping = c == UInt8(ascii: "+") ? 1 : -1
                sawChomping = true
                advance()
            } else if isDigit(c) && increment == 0 {
                if c == UInt8(ascii: "0") {
                    throw error("block scalar indentation indicator must be 1 to 9", pos)
                }
                increment = Int(c - 0x30)
                advance()
            }
        }
        // Rest of the header line.
        let afterIndicators = pos.index
        while isBlank(peekByte()) { advance() }
        if peekByte() == UInt8(ascii: "#") {
            if pos.index == afterIndicators {
                throw error("a comment must be separated from other text by whitespace", pos)
            }
            while !isBreakOrEnd(peekByte()) { advance() }
        }
        if !isBreakOrEnd(peekByte()) {
            throw error("unexpected text after block scalar indicator", pos)
        }
        if isBreak(peekByte()) { consumeBreak() }
        let headerEnd = pos

        let minIndent = indent + 1
        var result: BlockBody
        if increment > 0 {
            if indent >= 0 {
                result = try scanBlockBody(contentIndent: indent + increment, literal: literal, chomping: chomping)
            } else {
                // At the top level the specification's base indentation is -1 while common
                // implementations use 0; accept only text on which both readings agree.
                let a = try scanBlockBody(contentIndent: increment, literal: literal, chomping: chomping)
                let endA = pos
                pos = headerEnd
                let b2 = try scanBlockBody(contentIndent: increment - 1, literal: literal, chomping: chomping)
                if a.value != b2.value || endA.index != pos.index {
                    throw YAMLError.unsupported(
                        "indentation indicator on a top-level block scalar (indent the content and drop the indicator)",
                        start.mark)
                }
                result = a
            }
        } else {
            // Auto-detect: the indentation of the first non-empty line.
            var maxEmpty = 0
            var detected = -1
            var k = pos.index
            while k < n {
                var s = k
                while s < n && b[s] == SPACE { s += 1 }
                let sp = s - k
                if s < n && isBreak(b[s]) {
                    maxEmpty = max(maxEmpty, sp)
                    k = s + ((b[s] == CR && s + 1 < n && b[s + 1] == LF) ? 2 : 1)
                    continue
                }
                if s >= n {
                    maxEmpty = max(maxEmpty, sp)
                    break
                }
                detected = sp
                break
            }
            var contentIndent: Int
            if detected >= minIndent && detected >= 0 {
                contentIndent = detected
                if maxEmpty > detected {
                    throw error("a leading empty line of this block scalar has more spaces than its first content line", start)
                }
            } else {
                contentIndent = max(minIndent, maxEmpty, 1)
            }
            if contentIndent < 0 { contentIndent = 0 }
            result = try scanBlockBody(contentIndent: contentIndent, literal: literal, chomping: chomping)
        }
        appendScalar(literal ? .literal : .folded, start: start, end: pos,
                     text: String(decoding: result.value, as: UTF8.self),
                     raw: text(headerEnd.index, max(headerEnd.index, result.rawEnd)))
        atLineStart = pos.index == pos.lineStart
    }

    private struct BlockBody {
        var value: [UInt8]
        var rawEnd: Int
    }

    /// Reads the lines of a block scalar whose content indentation is known. Leaves the position
    /// at the start of the first line that is not part of the scalar (or at the end).
    private mutating func scanBlockBody(contentIndent: Int, literal: Bool, chomping: Int) throws(YAMLError) -> BlockBody {
        var out: [UInt8] = []
        var emptyLines = 0
        var hasContent = false
        var lastMoreIndented = false
        var rawEnd = pos.index
        while pos.index < n {
            let lineStart = pos
            if atDocumentMarker() { break }
            while pos.col < contentIndent && peekByte() == SPACE { advance() }
            let c = peekByte()
            if isBreak(c) {
                // Empty line (at most contentIndent spaces).
                consumeBreak()
                emptyLines += 1
                continue
            }
            if c == 0 {
                // A last line of spaces without a line break still counts as a line.
                if pos.index > lineStart.index { emptyLines += 1 }
                break
            }
            if pos.col < contentIndent {
                if c == TAB {
                    throw error("tab character in the indentation of a block scalar (YAML indentation is spaces only)", pos)
                }
                // Less indented: the scalar has ended.
                pos = lineStart
                break
            }
            // A content line.
            let moreIndented = isBlank(c)
            if hasContent {
                if !literal && !moreIndented && !lastMoreIndented {
                    if emptyLines == 0 {
                        out.append(SPACE)
                    } else {
                        out.append(contentsOf: repeatElement(LF, count: emptyLines))
                    }
                } else {
                    out.append(contentsOf: repeatElement(LF, count: emptyLines + 1))
                }
            } else {
                out.append(contentsOf: repeatElement(LF, count: emptyLines))
            }
            emptyLines = 0
            let s = pos.index
            while !isBreakOrEnd(peekByte()) {
                if peekByte() == 0xEF && isBOM() {
                    throw error("byte order mark inside a block scalar", pos)
                }
                advance()
            }
            out.append(contentsOf: b[s..<pos.index])
            rawEnd = pos.index
            hasContent = true
            lastMoreIndented = moreIndented
            // The last line counts as ended by a line break even at the end of the input.
            if isBreak(peekByte()) { consumeBreak() }
        }
        // Chomping.
        if hasContent && chomping >= 0 {
            out.append(LF)
        }
        if chomping > 0 {
            out.append(contentsOf: repeatElement(LF, count: emptyLines))
        }
        return BlockBody(value: out, rawEnd: rawEnd)
    }
}
