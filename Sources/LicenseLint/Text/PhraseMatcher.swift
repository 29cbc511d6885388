
/// A single-pass, case-insensitive multi-phrase matcher over bytes: an Aho–Corasick automaton over
/// byte classes.
///
/// Phrases are normalised like documents (see `NormalizedText.phraseKey`). A phrase matches only at
/// word boundaries; a trailing `*` lifts the boundary at its end ("commerc*" matches "commercially").
///
/// Layout, for speed and a small footprint: states are numbered breadth first. The shallow states
/// (depth ≤ `denseDepth`), where text spends most of its time, have full transition rows (`dense`).
/// Deeper states, which nearly all have a single child, keep only their trie edges and a failure link
/// (`sparse`, `edges`): a step from one follows a matching edge, or else the failure link, until it
/// reaches a dense state. The table is small (well under a megabyte for the lexicon), cheap to build at
/// start-up, and the busy part stays in cache.
///
/// A run that reads a lot of text (over `fullTableAfter` bytes) then builds, once, the full transition
/// table of every state (a few megabytes for the lexicon): each step is then one load, and two halves
/// of a text are walked together so their chains of loads overlap. Both walks are the same automaton
/// and report the same hits in the same order.
public struct PhraseMatcher: Sendable {
    public struct Hit: Sendable, Equatable {
        public var phrase: Int32
        public var start: Int32
        public var end: Int32
    }

    private static let denseDepth = 3

    private let classOf: [UInt8]          // 256 entries: byte → class
    private let classCount: Int
    private let denseCount: Int           // states 0..<denseCount are dense
    private let dense: [Int32]            // denseCount rows of classCount next states
    private let sparse: [Int32]           // per deeper state: edge start, edge end, failure state
    private let edges: [UInt32]           // target << 8 | class
    private let outputIndex: [Int32]      // per state: index into `outputStart`, or -1
    private let outputStart: [Int32]      // per reporting state: range into `outputs`
    private let outputs: [Int32]          // phrase ids, in the order the classic automaton reports them
    public let lengths: [Int32]
    /// Per phrase: length << 2 | (boundary needed at the start) << 1 | (boundary needed at the end).
    private let shape: [Int32]
    /// The longest phrase, in bytes: no state is deeper.
    private let maxLength: Int
    private let full = FullTable()

    /// Bytes read before the full table is built.
    static let fullTableAfter = 512 << 10

    public init(phrases: [String]) {
        var keys: [[UInt8]] = []
        keys.reserveCapacity(phrases.count)
        var prefix: [Bool] = []
        prefix.reserveCapacity(phrases.count)
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
        let cc = Int(next)

        // The trie, children as linked lists of edges; phrases ending at a state as a linked list too.
        var childHead: [Int32] = [-1], depth: [Int32] = [0]
        var edgeNext: [Int32] = [], edgeClass: [UInt8] = [], edgeTo: [Int32] = []
        var firstOwn: [Int32] = [-1], lastOwn: [Int32] = [-1]
        var nextOwn = [Int32](repeating: -1, count: keys.count)
        let maxStates = keys.reduce(1) { $0 + $1.count }
        childHead.reserveCapacity(maxStates); depth.reserveCapacity(maxStates)
        firstOwn.reserveCapacity(maxStates); lastOwn.reserveCapacity(maxStates)
        edgeNext.reserveCapacity(maxStates); edgeClass.reserveCapacity(maxStates); edgeTo.reserveCapacity(maxStates)
        for (id, k) in keys.enumerated() where !k.isEmpty {
            var s = 0
            for b in k {
                let c = cls[Int(b)]
                var e = childHead[s]
                while e >= 0 && edgeClass[Int(e)] != c { e = edgeNext[Int(e)] }
                if e >= 0 {
                    s = Int(edgeTo[Int(e)])
                } else {
                    let u = childHead.count
                    childHead.append(-1); depth.append(depth[s] + 1); firstOwn.append(-1); lastOwn.append(-1)
                    edgeNext.append(childHead[s]); edgeClass.append(c); edgeTo.append(Int32(u))
                    childHead[s] = Int32(edgeTo.count - 1)
                    s = u
                }
            }
            if lastOwn[s] < 0 { firstOwn[s] = Int32(id) } else { nextOwn[Int(lastOwn[s])] = Int32(id) }
            lastOwn[s] = Int32(id)
        }
        let stateCount = childHead.count

        // Breadth-first numbering, each state's children as a flat edge list (in the order the trie
        // lists them; any order will do).
        var order: [Int] = [0]                  // new id → trie state
        order.reserveCapacity(stateCount)
        var kidStart = [Int32](repeating: 0, count: stateCount + 1)
        var kidClass: [UInt8] = [], kidTo: [Int32] = []
        kidClass.reserveCapacity(stateCount)
        kidTo.reserveCapacity(stateCount)
        var head = 0
        while head < order.count {
            let s = order[head]
            var e = childHead[s]
            while e >= 0 {
                kidClass.append(edgeClass[Int(e)]); kidTo.append(Int32(order.count)); order.append(Int(edgeTo[Int(e)]))
                e = edgeNext[Int(e)]
            }
            head += 1
            kidStart[head] = Int32(kidTo.count)
        }
        var denseCount = 0
        while denseCount < stateCount && depth[order[denseCount]] <= Int32(PhraseMatcher.denseDepth) { denseCount += 1 }

        // Failure links and dense rows, breadth first: a state's failure state is shallower, so its row
        // (or its own edges and failure link) is complete when needed.
        var fail = [Int32](repeating: 0, count: stateCount)
        var denseRows = [Int32](repeating: 0, count: denseCount * cc)
        func delta(_ s0: Int, _ c: UInt8) -> Int32 {
            var s = s0
            while s >= denseCount {
                for e in Int(kidStart[s])..<Int(kidStart[s + 1]) where kidClass[e] == c { return kidTo[e] }
                s = Int(fail[s])
            }
            return denseRows[s * cc + Int(c)]
        }
        for k in 0..<stateCount {
            let f = Int(fail[k])
            if k < denseCount {
                if k > 0 {
                    denseRows.withUnsafeMutableBufferPointer { t in
                        // The failure state's row is an earlier one: f < k.
                        guard let p = t.baseAddress, f < k, (k + 1) * cc <= t.count else { return }
                        (p + k * cc).update(from: p + f * cc, count: cc)
                    }
                }
                for e in Int(kidStart[k])..<Int(kidStart[k + 1]) { denseRows[k * cc + Int(kidClass[e])] = kidTo[e] }
            }
            for e in Int(kidStart[k])..<Int(kidStart[k + 1]) {
                fail[Int(kidTo[e])] = k == 0 ? 0 : delta(f, kidClass[e])
            }
        }
        var sparse = [Int32](repeating: 0, count: (stateCount - denseCount) * 3)
        var packedEdges: [UInt32] = []
        packedEdges.reserveCapacity(kidTo.count - Int(kidStart[denseCount]))
        for k in denseCount..<stateCount {
            let base = (k - denseCount) * 3
            sparse[base] = Int32(packedEdges.count)
            for e in Int(kidStart[k])..<Int(kidStart[k + 1]) { packedEdges.append(UInt32(kidTo[e]) << 8 | UInt32(kidClass[e])) }
            sparse[base + 1] = Int32(packedEdges.count)
            sparse[base + 2] = fail[k]
        }
        // Outputs: a state's own phrases, then those of its dictionary link (the nearest state on its
        // failure chain with phrases of its own), and so on — the order of the classic out[r] += out[fail[r]].
        var dictLink = [Int32](repeating: -1, count: stateCount)
        var outputIndex = [Int32](repeating: -1, count: stateCount)
        var outputRange = [(Int32, Int32)](repeating: (0, 0), count: stateCount)
        var starts: [Int32] = [0]
        var outs: [Int32] = []
        for k in 0..<stateCount {
            if k > 0 {
                let f = Int(fail[k])
                dictLink[k] = firstOwn[order[f]] >= 0 ? Int32(f) : dictLink[f]
            }
            guard firstOwn[order[k]] >= 0 || dictLink[k] >= 0 else { continue }
            let from = Int32(outs.count)
            var id = firstOwn[order[k]]
            while id >= 0 { outs.append(id); id = nextOwn[Int(id)] }
            if dictLink[k] >= 0 {
                // The dictionary link is shallower, so its list is already written.
                let (lo, hi) = outputRange[Int(dictLink[k])]
                outs.append(contentsOf: outs[Int(lo)..<Int(hi)])
            }
            outputRange[k] = (from, Int32(outs.count))
            outputIndex[k] = Int32(starts.count - 1)
            starts.append(Int32(outs.count))
        }
        self.classOf = cls
        self.classCount = cc
        self.denseCount = denseCount
        self.dense = denseRows
        self.sparse = sparse
        self.edges = packedEdges
        self.outputIndex = outputIndex
        self.outputStart = starts
        self.outputs = outs
        self.lengths = keys.map { Int32($0.count) }
        self.maxLength = keys.reduce(0) { max($0, $1.count) }
        var shape: [Int32] = []
        shape.reserveCapacity(keys.count)
        for (k, p) in zip(keys, prefix) {
            let bs: Int32 = k.first.map(PhraseMatcher.isWordByte) ?? false ? 2 : 0
            let be: Int32 = !p && (k.last.map(PhraseMatcher.isWordByte) ?? false) ? 1 : 0
            shape.append(Int32(k.count) << 2 | bs | be)
        }
        self.shape = shape
    }

    @inline(__always) static func isWordByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || b >= 0x80
    }

    /// All phrase occurrences in `text`, in order of their end; boundaries are checked.
    public func matches(in text: [UInt8]) -> [Hit] {
        var first: [Hit] = [], second: [Hit] = []
        first.reserveCapacity(text.count / 12)
        scan(text, &first, &second)
        first.append(contentsOf: second)
        return first
    }

    /// Which phrases occur in `text` at least once (indexed by phrase id); boundaries are checked.
    public func occurring(in text: [UInt8]) -> [Bool] {
        var first: [Hit] = [], second: [Hit] = []
        scan(text, &first, &second)
        var found = [Bool](repeating: false, count: lengths.count)
        for h in first { found[Int(h.phrase)] = true }
        for h in second { found[Int(h.phrase)] = true }
        return found
    }

    /// Hits in `text`, in order of end: those ending in the first half in `first`, the rest in `second`
    /// (the full-table walk splits the text; the compact walk puts everything in `first`).
    private func scan(_ text: [UInt8], _ first: inout [Hit], _ second: inout [Hit]) {
        if let built = full.table(after: text.count, build: buildFullTable) {
            scanFull(text, built, &first, &second)
        } else {
            scanCompact(text, &first)
        }
    }

    /// Appends the hits of phrases reported by `state` and ending at `end`, boundaries checked.
    @inline(__always)
    private static func report(_ o: Int, _ end: Int, _ buf: UnsafeBufferPointer<UInt8>, _ starts: UnsafeBufferPointer<Int32>,
                               _ outs: UnsafeBufferPointer<Int32>, _ shape: UnsafeBufferPointer<Int32>, _ hits: inout [Hit]) {
        let n = buf.count
        for q in Int(starts[o])..<Int(starts[o &+ 1]) {
            let id = outs[q]
            let sh = Int(shape[Int(id)])
            let start = end &- (sh >> 2)
            if sh & 2 != 0 && start > 0 && PhraseMatcher.isWordByte(buf[start &- 1]) { continue }
            if sh & 1 != 0 && end < n && PhraseMatcher.isWordByte(buf[end]) { continue }
            hits.append(Hit(phrase: id, start: Int32(truncatingIfNeeded: start), end: Int32(truncatingIfNeeded: end)))
        }
    }

    /// The step from `state` on byte class `c` in the compact layout.
    @inline(__always)
    private static func step(_ state: Int, _ c: Int, _ cc: Int, _ denseCount: Int, _ dense: UnsafeBufferPointer<Int32>,
                             _ sparse: UnsafeBufferPointer<Int32>, _ edges: UnsafeBufferPointer<UInt32>) -> Int {
        if state < denseCount { return Int(dense[state &* cc &+ c]) }
        // A deep state: its matching edge, or else down its failure chain to a dense row.
        var s = state
        while s >= denseCount {
            let base = (s &- denseCount) &* 3
            var e = Int(sparse[base])
            let eEnd = Int(sparse[base &+ 1])
            while e < eEnd {
                let edge = edges[e]
                if Int(edge & 0xFF) == c { return Int(edge >> 8) }
                e &+= 1
            }
            s = Int(sparse[base &+ 2])
        }
        return Int(dense[s &* cc &+ c])
    }

    /// Walks the compact automaton over `text`. Rows, edges and failure links hold only state numbers
    /// the constructor wrote, and classes and output indices come from the same tables, so the
    /// unchecked reads stay inside their tables.
    private func scanCompact(_ text: [UInt8], _ hits: inout [Hit]) {
        let cc = classCount
        let denseCount = self.denseCount
        text.withUnsafeBufferPointer { buf in
        dense.withUnsafeBufferPointer { dense in
        sparse.withUnsafeBufferPointer { sparse in
        edges.withUnsafeBufferPointer { edges in
        classOf.withUnsafeBufferPointer { cls in
        outputIndex.withUnsafeBufferPointer { outputIndex in
        outputStart.withUnsafeBufferPointer { starts in
        outputs.withUnsafeBufferPointer { outs in
        shape.withUnsafeBufferPointer { shape in
            var state = 0
            var i = 0
            while i < buf.count {
                state = PhraseMatcher.step(state, Int(cls[Int(buf[i])]), cc, denseCount, dense, sparse, edges)
                i &+= 1
                let o = Int(outputIndex[state])
                if o >= 0 { PhraseMatcher.report(o, i, buf, starts, outs, shape, &hits) }
            }
        }
        }
        }
        }
        }
        }
        }
        }
        }
    }

    /// The full table: per state a row of `classCount` next-state numbers (16 bits: half the cache
    /// footprint of row offsets). States that report something are numbered after all the others, so
    /// "does this state report" is `state >= firstOutputState`, with no load; their output indices are
    /// in `outputs`. A dense state's row is its dense row; a deep state's is its failure state's row
    /// (written earlier, the failure state being shallower) with its own edges over it. Nil when there
    /// are too many states for 16 bits (the compact walk then does all the work).
    private func buildFullTable() -> FullTable.Built? {
        let cc = classCount
        let stateCount = outputIndex.count
        guard stateCount <= Int(UInt16.max) + 1 else { return nil }
        var newID = [UInt16](repeating: 0, count: stateCount)
        var next = 0
        for s in 0..<stateCount where outputIndex[s] < 0 { newID[s] = UInt16(truncatingIfNeeded: next); next += 1 }
        let firstOutputState = next
        var outputOf = [Int32](repeating: -1, count: stateCount)
        for s in 0..<stateCount where outputIndex[s] >= 0 {
            newID[s] = UInt16(truncatingIfNeeded: next); outputOf[next] = outputIndex[s]; next += 1
        }
        var table = [UInt16](repeating: 0, count: stateCount * cc)
        table.withUnsafeMutableBufferPointer { t in
            for s in 0..<stateCount {
                let base = Int(newID[s]) * cc
                if s < denseCount {
                    for c in 0..<cc { t[base + c] = newID[Int(dense[s * cc + c])] }
                } else {
                    let k = (s - denseCount) * 3
                    let f = Int(sparse[k + 2])
                    if let p = t.baseAddress, f < s { (p + base).update(from: p + Int(newID[f]) * cc, count: cc) }
                    for e in Int(sparse[k])..<Int(sparse[k + 1]) {
                        let edge = edges[e]
                        t[base + Int(edge & 0xFF)] = newID[Int(edge >> 8)]
                    }
                }
            }
        }
        return FullTable.Built(table: table, outputs: outputOf, firstOutputState: firstOutputState)
    }

    /// Walks the full table over `text`, in four quarters walked in one loop so that their four chains
    /// of dependent loads overlap in the CPU. Hits ending in the first quarter go to `first`, the others
    /// to `second`, each in order of end. Each later quarter's walk starts from the root `maxLength`
    /// bytes before its quarter: no state is deeper than the longest phrase, so from the quarter's start
    /// on it is in the state a walk from the beginning would be in, and it reports only from there.
    /// Table entries are row offsets the builder wrote, so the unchecked reads stay in range.
    private func scanFull(_ text: [UInt8], _ full: FullTable.Built, _ first: inout [Hit], _ second: inout [Hit]) {
        let cc = classCount
        let maxLength = self.maxLength
        let table = full.table
        let firstOutputState = full.firstOutputState
        text.withUnsafeBufferPointer { buf in
        table.withUnsafeBufferPointer { tab in
        full.outputs.withUnsafeBufferPointer { outputOf in
        classOf.withUnsafeBufferPointer { cls in
        outputStart.withUnsafeBufferPointer { starts in
        outputs.withUnsafeBufferPointer { outs in
        shape.withUnsafeBufferPointer { shape in
            let n = buf.count
            // Quarter boundaries b1 < b2 < b3 (all n for a short text: one walk does it all).
            let split = n >= 8 * maxLength + 1024
            let b1 = split ? n / 4 : n, b2 = split ? n / 2 : n, b3 = split ? 3 * n / 4 : n
            var second1: [Hit] = [], second2: [Hit] = []
            var r0 = 0, r1 = 0, r2 = 0, r3 = 0
            var i0 = 0, i1 = max(0, b1 - maxLength), i2 = max(0, b2 - maxLength), i3 = max(0, b3 - maxLength)
            @inline(__always) func advance(_ state: inout Int, _ i: inout Int) -> Int {
                state = Int(tab[state &* cc &+ Int(cls[Int(buf[i])])])
                i &+= 1
                return state >= firstOutputState ? Int(outputOf[state]) : -1
            }
            if split {
                // All four walks, in step, while every one has bytes left.
                let together = min(b1 - i0, b2 - i1, b3 - i2, n - i3)
                for _ in 0..<together {
                    let o0 = advance(&r0, &i0), o1 = advance(&r1, &i1), o2 = advance(&r2, &i2), o3 = advance(&r3, &i3)
                    if o0 >= 0 { PhraseMatcher.report(o0, i0, buf, starts, outs, shape, &first) }
                    if o1 >= 0 && i1 > b1 { PhraseMatcher.report(o1, i1, buf, starts, outs, shape, &second) }
                    if o2 >= 0 && i2 > b2 { PhraseMatcher.report(o2, i2, buf, starts, outs, shape, &second1) }
                    if o3 >= 0 && i3 > b3 { PhraseMatcher.report(o3, i3, buf, starts, outs, shape, &second2) }
                }
            }
            // What is left of each.
            while i0 < b1 {
                let o = advance(&r0, &i0)
                if o >= 0 { PhraseMatcher.report(o, i0, buf, starts, outs, shape, &first) }
            }
            while i1 < b2 {
                let o = advance(&r1, &i1)
                if o >= 0 && i1 > b1 { PhraseMatcher.report(o, i1, buf, starts, outs, shape, &second) }
            }
            while i2 < b3 {
                let o = advance(&r2, &i2)
                if o >= 0 && i2 > b2 { PhraseMatcher.report(o, i2, buf, starts, outs, shape, &second1) }
            }
            while i3 < n {
                let o = advance(&r3, &i3)
                if o >= 0 && i3 > b3 { PhraseMatcher.report(o, i3, buf, starts, outs, shape, &second2) }
            }
            second.append(contentsOf: second1)
            second.append(contentsOf: second2)
        }
        }
        }
        }
        }
        }
        }
    }
}

/// The full transition table, built once a run has read enough text to pay for it. Shared by copies of
/// a matcher and by threads; the lock guards the byte count and the table's publication.
private final class FullTable: @unchecked Sendable {
    private let lock = Lock()
    struct Built {
        var table: [UInt16]
        /// Per state number: its output index (for states from `firstOutputState` on).
        var outputs: [Int32]
        var firstOutputState: Int
    }

    private var scanned = 0
    private var built: Built? = nil
    private var tried = false

    /// Counts `bytes` read; the table once built (building it when the count first passes the threshold).
    func table(after bytes: Int, build: () -> Built?) -> Built? {
        lock.lock()
        defer { lock.unlock() }
        if tried { return built }
        scanned += bytes
        guard scanned > PhraseMatcher.fullTableAfter else { return nil }
        tried = true
        built = build()
        return built
    }
}
