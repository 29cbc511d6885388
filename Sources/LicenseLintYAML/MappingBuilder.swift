// Collects the entries of one mapping and refuses duplicate and collection keys.

/// The identity of a scalar key: two keys are the same when they have the same type and value
/// (`1`, `0x1` and `01` are the same int; strings compare by their exact Unicode scalars, not by
/// canonical equivalence).
private enum KeyID: Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case float(UInt64)
    case string(ExactString)

    init?(_ content: YAMLNode.Content) {
        switch content {
        case .null: self = .null
        case .bool(let b): self = .bool(b)
        case .int(let i): self = .int(i)
        case .float(let d): self = .float(d.isNaN ? Double.nan.bitPattern : (d == 0 ? 0.0 : d).bitPattern)
        case .string(let s): self = .string(ExactString(s))
        case .sequence, .mapping: return nil
        }
    }
}

/// A string compared and hashed by its UTF-8 bytes.
private struct ExactString: Hashable {
    let value: String

    init(_ value: String) { self.value = value }

    static func == (a: ExactString, b: ExactString) -> Bool {
        // `==` on String is canonical equivalence (fast for ASCII); equal strings must also have
        // the same scalars.
        a.value.utf8.count == b.value.utf8.count && a.value == b.value && a.value.utf8.elementsEqual(b.value.utf8)
    }

    func hash(into hasher: inout Hasher) {
        var s = value
        s.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}

struct MappingBuilder {
    private(set) var pairs: [YAMLPair] = []
    private var ids: [KeyID] = []
    /// Built once the mapping is large enough for linear search to cost more.
    private var index: [KeyID: Int]?

    mutating func add(_ key: YAMLNode, _ value: YAMLNode) throws(YAMLError) {
        guard let id = KeyID(key.content) else {
            throw YAMLError.unsupported("a sequence or mapping used as a mapping key", key.mark)
        }
        if key.style == .plain, case .string(let s) = key.content, s == "<<" {
            // YAML 1.2 has no merge keys, but YAML 1.1 tools merge `<<: *base`; reading it as a
            // plain key would silently change what the author meant.
            throw YAMLError.unsupported("merge keys (<<); quote the key to mean a literal \"<<\" key", key.mark)
        }
        let existing: Int?
        if let index {
            existing = index[id]
        } else {
            existing = ids.firstIndex(of: id)
        }
        if let existing {
            let first = pairs[existing].key
            throw YAMLError(code: "yaml.duplicate-key",
                            message: "duplicate key \(Self.describe(key)) (first defined at \(first.mark))",
                            mark: key.mark)
        }
        if index != nil {
            index?[id] = pairs.count
        } else if ids.count >= 16 {
            var built: [KeyID: Int] = [:]
            for (i, k) in ids.enumerated() { built[k] = i }
            built[id] = pairs.count
            index = built
        }
        ids.append(id)
        pairs.append(YAMLPair(key: key, value: value))
    }

    static func describe(_ key: YAMLNode) -> String {
        switch key.content {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .float(let d): return String(d)
        case .string(let s):
            let short = s.count > 60 ? String(s.prefix(60)) + "…" : s
            return "\"\(short)\""
        case .sequence, .mapping: return "(collection)"
        }
    }
}
