/// Groups present in one sentence, as a bit set.
struct GroupSet: Sendable {
    private var bits: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    @inline(__always) mutating func insert(_ g: G) {
        let r = g.rawValue
        switch r >> 6 {
        case 0: bits.0 |= 1 << UInt64(r & 63)
        case 1: bits.1 |= 1 << UInt64(r & 63)
        case 2: bits.2 |= 1 << UInt64(r & 63)
        default: bits.3 |= 1 << UInt64(r & 63)
        }
    }
    @inline(__always) func contains(_ g: G) -> Bool {
        let r = g.rawValue
        switch r >> 6 {
        case 0: return bits.0 & (1 << UInt64(r & 63)) != 0
        case 1: return bits.1 & (1 << UInt64(r & 63)) != 0
        case 2: return bits.2 & (1 << UInt64(r & 63)) != 0
        default: return bits.3 & (1 << UInt64(r & 63)) != 0
        }
    }
    init() {}
    init(_ groups: [G]) { for g in groups { insert(g) } }
    @inline(__always) mutating func formUnion(_ o: GroupSet) {
        bits.0 |= o.bits.0; bits.1 |= o.bits.1; bits.2 |= o.bits.2; bits.3 |= o.bits.3
    }
    @inline(__always) func intersects(_ o: GroupSet) -> Bool {
        (bits.0 & o.bits.0) | (bits.1 & o.bits.1) | (bits.2 & o.bits.2) | (bits.3 & o.bits.3) != 0
    }
}

extension Lexicon {
    /// Per phrase of the compiled lexicon, its groups as a bit set.
    static let phraseGroupSets: [GroupSet] = compiled.phraseGroups.map { GroupSet($0) }
}
