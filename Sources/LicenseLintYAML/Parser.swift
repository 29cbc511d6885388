// Parser: tokens → one YAMLNode tree (anchors, aliases, tags, duplicate keys, depth).

struct Parser {
    private struct Anchor {
        var node: YAMLNode
        /// Nodes in the anchored tree, counting what its own aliases produced.
        var count: Int
    }

    private enum KnownTag {
        case nonSpecific, str, int, float, bool, null, seq, map
    }

    private var scanner: Scanner
    private let limits: YAMLLimits
    private var anchors: [String: Anchor] = [:]
    private var aliasNodes = 0
    private var nodeCount = 0
    private var tagHandles: [String: String] = [:]
    private var lastEnd: Pos

    init(buffer: UnsafeBufferPointer<UInt8>, start: Int, limits: YAMLLimits) {
        scanner = Scanner(buffer: buffer, start: start, maxDepth: limits.maxDepth)
        self.limits = limits
        lastEnd = Pos(index: start, line: 1, col: 0, lineStart: start)
    }

    // MARK: - Tokens

    private mutating func peekType() throws(YAMLError) -> TokenType {
        try scanner.peekType()
    }

    @discardableResult
    private mutating func take() throws(YAMLError) -> Token {
        let t = try scanner.take()
        lastEnd = t.end
        return t
    }

    /// A syntax error at the next token; `message` receives how that token reads.
    private mutating func unexpected(_ message: (String) -> String) throws(YAMLError) -> YAMLError {
        let type = try scanner.peekType()
        let start = try scanner.peekStart()
        return YAMLError.syntax(message(type.display), start.mark)
    }

    // MARK: - Stream and document

    mutating func parseStream() throws(YAMLError) -> YAMLNode {
        let roots = try parseDocuments(allowMultiple: false)
        return roots.first ?? YAMLNode(content: .null, mark: YAMLMark(line: 1, column: 1), style: .plain, raw: "")
    }

    /// All documents of the stream; with `allowMultiple` false, a second document is declined.
    mutating func parseDocuments(allowMultiple: Bool) throws(YAMLError) -> [YAMLNode] {
        var roots: [YAMLNode] = []
        var documents = 0
        while true {
            var type = try peekType()
            var sawDirectives = false
            var sawVersion = false
            tagHandles = [:]
            while type == .versionDirective || type == .tagDirective || type == .reservedDirective {
                sawDirectives = true
                let t = try take()
                switch t.type {
                case .versionDirective:
                    if sawVersion {
                        throw YAMLError.syntax("duplicate %YAML directive", t.start.mark)
                    }
                    sawVersion = true
                    if t.text != "1.2" {
                        throw YAMLError.unsupported(
                            "YAML version \(t.text) (only YAML 1.2 is supported; remove the %YAML line if the file is 1.2)",
                            t.start.mark)
                    }
                case .tagDirective:
                    if tagHandles[t.text] != nil {
                        throw YAMLError.syntax("duplicate %TAG directive for handle \(t.text)", t.start.mark)
                    }
                    tagHandles[t.text] = t.text2
                default:
                    break
                }
                type = try peekType()
            }
            if type == .streamEnd {
                if sawDirectives {
                    throw try unexpected { _ in "directives must be followed by a document starting with '---'" }
                }
                break
            }
            if type == .documentEnd && !sawDirectives {
                try take()
                continue
            }
            let explicit = type == .documentStart
            if sawDirectives && !explicit {
                throw try unexpected { "expected '---' after directives, found \($0)" }
            }
            if documents > 0 && !allowMultiple {
                throw YAMLError.unsupported("multiple documents in one stream (only one document is supported)",
                                            try scanner.peekStart().mark)
            }
            documents += 1
            anchors = [:]
            let node: YAMLNode
            if explicit {
                let start = try take()
                switch try peekType() {
                case .documentStart, .documentEnd, .streamEnd, .versionDirective, .tagDirective, .reservedDirective:
                    node = emptyNode(at: start.end)
                default:
                    node = try parseNode(depth: 0, block: true, indentlessOK: false)
                }
            } else {
                node = try parseNode(depth: 0, block: true, indentlessOK: false)
            }
            switch try peekType() {
            case .documentEnd:
                try take()
            case .documentStart, .streamEnd:
                break
            case .versionDirective, .tagDirective, .reservedDirective:
                throw try unexpected { _ in "a directive after a document needs a '...' line before it" }
            default:
                throw try unexpected { "unexpected \($0) after the document's top-level node" }
            }
            roots.append(node)
        }
        return roots
    }

    // MARK: - Nodes

    private func emptyNode(at p: Pos) -> YAMLNode {
        YAMLNode(content: .null, mark: p.mark, style: .plain, raw: "")
    }

    /// Parses a node, or an empty node when the next token is one of `emptyBefore`.
    private mutating func parseOptionalNode(depth: Int, block: Bool, indentlessOK: Bool, emptyAt: Pos,
                                            emptyBefore: (TokenType) -> Bool) throws(YAMLError) -> YAMLNode {
        let type = try peekType()
        if emptyBefore(type) {
            return emptyNode(at: emptyAt)
        }
        return try parseNode(depth: depth, block: block, indentlessOK: indentlessOK)
    }

    private mutating func parseNode(depth: Int, block: Bool, indentlessOK: Bool) throws(YAMLError) -> YAMLNode {
        var type = try peekType()
        if type == .alias {
            let t = try take()
            return try expandAlias(t)
        }
        var anchor: Token?
        var tag: Token?
        while type == .anchor || type == .tag {
            let t = try take()
            if t.type == .anchor {
                if anchor != nil { throw YAMLError.syntax("a node can have only one anchor", t.start.mark) }
                anchor = t
            } else {
                if tag != nil { throw YAMLError.syntax("a node can have only one tag", t.start.mark) }
                tag = t
            }
            type = try peekType()
        }
        if type == .alias && (anchor != nil || tag != nil) {
            throw try unexpected { _ in "an alias cannot have an anchor or a tag" }
        }
        var known: KnownTag?
        if let tag { known = try resolveTag(tag) }
        let countBefore = nodeCount
        var node: YAMLNode
        switch type {
        case .scalar:
            let t = try take()
            node = try scalarNode(t, tag: known, tagToken: tag)
        case .flowSequenceStart:
            node = try parseFlowSequence(depth: depth + 1)
        case .flowMappingStart:
            node = try parseFlowMapping(depth: depth + 1)
        case .blockSequenceStart where block:
            node = try parseBlockSequence(depth: depth + 1)
        case .blockMappingStart where block:
            node = try parseBlockMapping(depth: depth + 1)
        case .blockEntry where block && indentlessOK:
            node = try parseIndentlessSequence(depth: depth + 1)
        default:
            var props: Token?
            for p in [anchor, tag] {
                if let p, props.map({ p.start.index < $0.start.index }) ?? true { props = p }
            }
            guard let props else {
                throw try unexpected { "expected a value, found \($0)" }
            }
            let empty = Token(type: .scalar, start: props.start, end: props.start)
            node = try scalarNode(empty, tag: known, tagToken: tag)
        }
        if let known, let tag, node.style == nil {
            try checkCollectionTag(known, node: node, tagToken: tag)
        }
        nodeCount += 1
        if let anchor {
            anchors[anchor.text] = Anchor(node: node, count: nodeCount - countBefore)
        }
        return node
    }

    private mutating func expandAlias(_ t: Token) throws(YAMLError) -> YAMLNode {
        guard let a = anchors[t.text] else {
            throw YAMLError(code: "yaml.undefined-alias",
                            message: "alias *\(t.text) does not refer to an anchor defined before it",
                            mark: t.start.mark)
        }
        aliasNodes += a.count
        if aliasNodes > limits.maxAliasExpansion {
            throw YAMLError(code: "yaml.alias-limit",
                            message: "aliases expand to more than \(limits.maxAliasExpansion) nodes",
                            mark: t.start.mark)
        }
        nodeCount += a.count
        return a.node.moved(to: t.start.mark)
    }

    private func checkDepth(_ depth: Int, _ p: Pos) throws(YAMLError) {
        if depth > limits.maxDepth {
            throw YAMLError(code: "yaml.depth",
                            message: "collections are nested more than \(limits.maxDepth) levels deep",
                            mark: p.mark)
        }
    }

    // MARK: Block collections

    private mutating func parseBlockSequence(depth: Int) throws(YAMLError) -> YAMLNode {
        let start = try take()
        try checkDepth(depth, start.start)
        var items: [YAMLNode] = []
        while true {
            let type = try peekType()
            if type == .blockEntry {
                let entry = try take()
                items.append(try parseOptionalNode(depth: depth, block: true, indentlessOK: false, emptyAt: entry.end) {
                    $0 == .blockEntry || $0 == .blockEnd
                })
            } else if type == .blockEnd {
                try take()
                break
            } else {
                throw try unexpected { "expected a '- ' sequence entry, found \($0) (check the indentation)" }
            }
        }
        return YAMLNode(content: .sequence(items), mark: start.start.mark, style: nil, raw: nil)
    }

    private mutating func parseIndentlessSequence(depth: Int) throws(YAMLError) -> YAMLNode {
        let first = try scanner.peekStart()
        try checkDepth(depth, first)
        var items: [YAMLNode] = []
        while try peekType() == .blockEntry {
            let entry = try take()
            items.append(try parseOptionalNode(depth: depth, block: true, indentlessOK: false, emptyAt: entry.end) {
                $0 == .blockEntry || $0 == .key || $0 == .value || $0 == .blockEnd
            })
        }
        return YAMLNode(content: .sequence(items), mark: first.mark, style: nil, raw: nil)
    }

    private mutating func parseBlockMapping(depth: Int) throws(YAMLError) -> YAMLNode {
        let start = try take()
        try checkDepth(depth, start.start)
        var entries = MappingBuilder()
        let endsEmpty: (TokenType) -> Bool = { $0 == .key || $0 == .value || $0 == .blockEnd }
        while true {
            let type = try peekType()
            let key: YAMLNode
            if type == .key {
                let k = try take()
                key = try parseOptionalNode(depth: depth, block: true, indentlessOK: true, emptyAt: k.end,
                                            emptyBefore: endsEmpty)
            } else if type == .value {
                let at = try scanner.peekStart()
                key = emptyNode(at: at)
            } else if type == .blockEnd {
                try take()
                break
            } else {
                throw try unexpected { "expected a mapping key, found \($0) (check the indentation)" }
            }
            let value: YAMLNode
            if try peekType() == .value {
                let v = try take()
                value = try parseOptionalNode(depth: depth, block: true, indentlessOK: true, emptyAt: v.end,
                                              emptyBefore: endsEmpty)
            } else {
                value = emptyNode(at: lastEnd)
            }
            try entries.add(key, value)
        }
        return YAMLNode(content: .mapping(entries.pairs), mark: start.start.mark, style: nil, raw: nil)
    }

    // MARK: Flow collections

    private mutating func parseFlowSequence(depth: Int) throws(YAMLError) -> YAMLNode {
        let start = try take()
        try checkDepth(depth, start.start)
        var items: [YAMLNode] = []
        var first = true
        while true {
            var type = try peekType()
            if type == .flowSequenceEnd {
                try take()
                break
            }
            if !first {
                guard type == .flowEntry else {
                    throw try unexpected { "expected ',' or ']' in flow sequence, found \($0)" }
                }
                try take()
                type = try peekType()
                if type == .flowSequenceEnd {
                    try take()
                    break
                }
            }
            first = false
            if type == .key || type == .value {
                // A single-pair mapping: [a: b], [? a : b], [: b].
                let pairStart = try scanner.peekStart()
                try checkDepth(depth + 1, pairStart)
                let (key, value) = try parseFlowPair(depth: depth + 1, end: .flowSequenceEnd)
                var entries = MappingBuilder()
                try entries.add(key, value)
                nodeCount += 1
                items.append(YAMLNode(content: .mapping(entries.pairs), mark: pairStart.mark, style: nil, raw: nil))
            } else {
                items.append(try parseNode(depth: depth, block: false, indentlessOK: false))
            }
        }
        return YAMLNode(content: .sequence(items), mark: start.start.mark, style: nil, raw: nil)
    }

    private mutating func parseFlowMapping(depth: Int) throws(YAMLError) -> YAMLNode {
        let start = try take()
        try checkDepth(depth, start.start)
        var entries = MappingBuilder()
        var first = true
        while true {
            var type = try peekType()
            if type == .flowMappingEnd {
                try take()
                break
            }
            if !first {
                guard type == .flowEntry else {
                    throw try unexpected { "expected ',' or '}' in flow mapping, found \($0)" }
                }
                try take()
                type = try peekType()
                if type == .flowMappingEnd {
                    try take()
                    break
                }
            }
            first = false
            let key: YAMLNode
            let value: YAMLNode
            if type == .key || type == .value {
                (key, value) = try parseFlowPair(depth: depth, end: .flowMappingEnd)
            } else {
                // `{ a, b }`: a key without a value.
                key = try parseNode(depth: depth, block: false, indentlessOK: false)
                value = emptyNode(at: lastEnd)
            }
            try entries.add(key, value)
        }
        return YAMLNode(content: .mapping(entries.pairs), mark: start.start.mark, style: nil, raw: nil)
    }

    /// `KEY node? (VALUE node?)?` or `VALUE node?` inside a flow collection.
    private mutating func parseFlowPair(depth: Int, end: TokenType) throws(YAMLError) -> (YAMLNode, YAMLNode) {
        let key: YAMLNode
        if try peekType() == .key {
            let k = try take()
            key = try parseOptionalNode(depth: depth, block: false, indentlessOK: false, emptyAt: k.end) {
                $0 == .value || $0 == .flowEntry || $0 == end
            }
        } else {
            let at = try scanner.peekStart()
            key = emptyNode(at: at)
        }
        let value: YAMLNode
        if try peekType() == .value {
            let v = try take()
            value = try parseOptionalNode(depth: depth, block: false, indentlessOK: false, emptyAt: v.end) {
                $0 == .flowEntry || $0 == end
            }
        } else {
            value = emptyNode(at: lastEnd)
        }
        return (key, value)
    }

    // MARK: - Scalars and tags

    private func resolveTag(_ t: Token) throws(YAMLError) -> KnownTag {
        let handle = t.text
        let suffix = t.text2
        let full: String
        if handle == "!<>" {
            full = suffix
        } else if handle == "!" && suffix.isEmpty {
            return .nonSpecific
        } else {
            let prefix: String
            if let p = tagHandles[handle] {
                prefix = p
            } else if handle == "!" {
                prefix = "!"
            } else if handle == "!!" {
                prefix = "tag:yaml.org,2002:"
            } else {
                throw YAMLError.syntax("tag handle \(handle) is not declared by a %TAG directive", t.start.mark)
            }
            full = prefix + suffix
        }
        switch full {
        case "tag:yaml.org,2002:str": return .str
        case "tag:yaml.org,2002:int": return .int
        case "tag:yaml.org,2002:float": return .float
        case "tag:yaml.org,2002:bool": return .bool
        case "tag:yaml.org,2002:null": return .null
        case "tag:yaml.org,2002:seq": return .seq
        case "tag:yaml.org,2002:map": return .map
        default:
            throw YAMLError.unsupported("tag \(Self.tagText(t))", t.start.mark)
        }
    }

    /// A tag as written: `!foo`, `!!int`, `!e!x`, `!<uri>`.
    private static func tagText(_ t: Token) -> String {
        t.text == "!<>" ? "!<\(t.text2)>" : t.text + t.text2
    }

    private func scalarNode(_ t: Token, tag: KnownTag?, tagToken: Token?) throws(YAMLError) -> YAMLNode {
        let mark = t.start.mark
        let content: YAMLNode.Content
        if let tag {
            content = try applyTag(tag, text: t.text, mark: mark, tagToken: tagToken)
        } else if t.style == .plain {
            content = try CoreSchema.resolvePlain(t.text, mark: mark)
        } else {
            content = .string(t.text)
        }
        return YAMLNode(content: content, mark: mark, style: t.style, raw: t.raw)
    }

    private func applyTag(_ tag: KnownTag, text: String, mark: YAMLMark, tagToken: Token?) throws(YAMLError) -> YAMLNode.Content {
        let tagName = tagToken.map(Self.tagText) ?? "!"
        func mismatch(_ what: String) -> YAMLError {
            let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
            return YAMLError(code: "yaml.tag", message: "value \"\(shown)\" tagged \(tagName) is not \(what)", mark: mark)
        }
        switch tag {
        case .nonSpecific, .str:
            return .string(text)
        case .null:
            if CoreSchema.isNull(text) { return .null }
            throw mismatch("null")
        case .bool:
            if let b = CoreSchema.bool(text) { return .bool(b) }
            throw mismatch("a boolean")
        case .int:
            switch CoreSchema.int(text) {
            case .value(let v): return .int(v)
            case .outOfRange:
                throw YAMLError.unsupported("integer \(text) does not fit in a 64-bit signed integer", mark)
            case .notInt:
                throw mismatch("an integer")
            }
        case .float:
            if let d = try CoreSchema.float(text, mark: mark) { return .float(d) }
            throw mismatch("a float")
        case .seq:
            throw mismatch("a sequence")
        case .map:
            throw mismatch("a mapping")
        }
    }

    private func checkCollectionTag(_ tag: KnownTag, node: YAMLNode, tagToken: Token) throws(YAMLError) {
        let name = Self.tagText(tagToken)
        switch (tag, node.content) {
        case (.nonSpecific, _), (.seq, .sequence), (.map, .mapping):
            return
        case (_, .sequence):
            throw YAMLError(code: "yaml.tag", message: "a sequence cannot be tagged \(name)", mark: node.mark)
        default:
            throw YAMLError(code: "yaml.tag", message: "a mapping cannot be tagged \(name)", mark: node.mark)
        }
    }
}
