/// A single-pass, case-insensitive multi-phrase matcher over bytes (an Aho–Corasick automaton
/// compiled to a dense transition table over byte classes).
///
/// Phrases are normalised like documents (see `NormalizedText.phraseKey`). A phrase matches only at
/// word boundaries; a trailing `*` lifts the boundary at its end ("commerc*" matches "commercially").
public struct PhraseMatcher: Sendable {
    public struct Hit: Sendable, Equatable {
        public var phrase: Int32
        public var start: Int32
        public var end: Int32
    }

    private let classOf: [UInt8]          // 256 entries: byte → class
    private let classCount: Int
    private let table: [Int32]            // state * classCount + class → next state
    private let outputStart: [Int32]      // per state: range into `outputs`
    private let outputs: [Int32]          // phrase ids
    public let lengths: [Int32]
    private let prefixOnly: [Bool]        // phrase ends with '*'
    private let boundaryStart: [Bool]
    private let boundaryEnd: [Bool]

    public init(phrases: [String]) {
        var keys: [[UInt8]] = []
        var prefix: [Bool] = []
        for p in phrases {
            var key = p
            var isPrefix = false
            if key.hasSuffix("*") { key.removeLast(); isPrefix = true }
            keys.append(NormalizedText.phraseKey(key))
            prefix.append(isPrefix)
        }
        // Byte classes: each byte used in a phrase gets its own class; everything else shares class 0.
        var cls = [UInt8](repeating: 0, count: 256)
        var next: UInt8 = 1
        for k in keys { for b in k where cls[Int(b)] == 0 { cls[Int(b)] = next; next &+= 1 } }
        for b in 0x41...0x5A { cls[b] = cls[b | 0x20] }  // upper case reads as lower case
        let classCount = Int(next)
        // Trie.
        var goto: [[Int32]] = [[Int32](repeating: -1, count: classCount)]
        var out: [[Int32]] = [[]]
        for (id, k) in keys.enumerated() where !k.isEmpty {
            var s = 0
            for b in k {
                let c = Int(cls[Int(b)])
                if goto[s][c] < 0 {
                    goto.append([Int32](repeating: -1, count: classCount)); out.append([])
                    goto[s][c] = Int32(goto.count - 1)
                }
                s = Int(goto[s][c])
            }
            out[s].append(Int32(id))
        }
        // Failure links, breadth first; fill the table into a DFA.
        var fail = [Int32](repeating: 0, count: goto.count)
        var queue: [Int] = []
        for c in 0..<classCount {
            if goto[0][c] < 0 { goto[0][c] = 0 } else { fail[Int(goto[0][c])] = 0; queue.append(Int(goto[0][c])) }
        }
        var head = 0
        while head < queue.count {
            let r = queue[head]; head += 1
            out[r].append(contentsOf: out[Int(fail[r])])
            for c in 0..<classCount {
                let u = goto[r][c]
                if u < 0 {
                    goto[r][c] = goto[Int(fail[r])][c]
                } else {
                    fail[Int(u)] = goto[Int(fail[r])][c]
                    queue.append(Int(u))
                }
            }
        }
        var flat: [Int32] = []
        flat.reserveCapacity(goto.count * classCount)
        for row in goto { flat.append(contentsOf: row) }
        var starts: [Int32] = [0]
        var outs: [Int32] = []
        for o in out { outs.append(contentsOf: o); starts.append(Int32(outs.count)) }
        self.classOf = cls
        self.classCount = classCount
        self.table = flat
        self.outputStart = starts
        self.outputs = outs
        self.lengths = keys.map { Int32($0.count) }
        self.prefixOnly = prefix
        self.boundaryStart = keys.map { $0.first.map(PhraseMatcher.isWordByte) ?? false }
        self.boundaryEnd = zip(keys, prefix).map { k, p in !p && (k.last.map(PhraseMatcher.isWordByte) ?? false) }
    }

    @inline(__always) static func isWordByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || b >= 0x80
    }

    /// All phrase occurrences in `text`, in order of their end; boundaries are checked.
    public func matches(in text: [UInt8]) -> [Hit] {
        var hits: [Hit] = []
        hits.reserveCapacity(text.count / 24)
        text.withUnsafeBufferPointer { buf in
            table.withUnsafeBufferPointer { tab in
                classOf.withUnsafeBufferPointer { cls in
                    var state = 0
                    let n = buf.count
                    let cc = classCount
                    var i = 0
                    while i < n {
                        state = Int(tab[state &* cc &+ Int(cls[Int(buf[i])])])
                        let lo = Int(outputStart[state]), hi = Int(outputStart[state + 1])
                        if lo != hi {
                            for q in lo..<hi {
                                let id = Int(outputs[q])
                                let end = i + 1
                                let start = end - Int(lengths[id])
                                if boundaryStart[id] && start > 0 && PhraseMatcher.isWordByte(buf[start - 1]) { continue }
                                if boundaryEnd[id] && end < n && PhraseMatcher.isWordByte(buf[end]) { continue }
                                hits.append(Hit(phrase: Int32(id), start: Int32(start), end: Int32(end)))
                            }
                        }
                        i += 1
                    }
                }
            }
        }
        return hits
    }
}
