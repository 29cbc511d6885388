import Dispatch

/// Work spread over threads, results handed back in order.
public enum Parallel {
    /// Runs `transform` for 0..<count on up to `jobs` threads and hands each result to `consume` in index
    /// order, on the calling thread, as soon as it and all before it are done. Workers run at most a small
    /// window ahead of `consume`, so only that many results are held at once.
    public static func orderedMap<T: Sendable>(count: Int, jobs: Int, transform: @escaping @Sendable (Int) -> T,
                                               consume: (Int, T) -> Void) {
        let workers = max(1, min(jobs, count))
        if workers == 1 {
            for i in 0..<count { consume(i, transform(i)) }
            return
        }
        let queue = OrderedWindow<T>(count: count, window: workers * 32)
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) {
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                while let i = queue.claim() { queue.deliver(i, transform(i)) }
            }
        }
        for i in 0..<count { consume(i, queue.take(i)) }
        group.wait()
    }
}

/// Results of a parallel loop, taken in index order. A worker may claim index `i` only while
/// `i < taken + window`, so slot `i % window` is free when `i` is delivered and holds only `i`'s result.
/// Wake-ups are few: a taker that finds its result missing sleeps until a batch of results from there
/// on is in (or the rest, near the end), and workers are woken only when the window moves while one of
/// them waits. The batch is smaller than the window, so the workers can always fill it.
private final class OrderedWindow<T: Sendable>: @unchecked Sendable {
    private let condition = Condition()
    private var slots: [T?]
    private let count: Int
    private let batch: Int
    private var nextClaim = 0
    private var taken = 0
    private var workersWaiting = 0
    /// While the taker sleeps: the end of the run of results it waits for.
    private var wantedEnd = -1

    init(count: Int, window: Int) {
        self.count = count
        slots = Array(repeating: nil, count: max(1, window))
        batch = max(1, window / 4)
    }

    /// The next index to work on, waiting while the window is full; nil when every index is claimed.
    func claim() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while nextClaim < count && nextClaim >= taken + slots.count {
            workersWaiting += 1
            condition.wait()
            workersWaiting -= 1
        }
        guard nextClaim < count else { return nil }
        nextClaim += 1
        return nextClaim - 1
    }

    /// Whether results `taken ..< end` are all in.
    private func ready(upTo end: Int) -> Bool {
        var k = taken
        while k < end { if slots[k % slots.count] == nil { return false }; k += 1 }
        return true
    }

    func deliver(_ i: Int, _ r: T) {
        condition.lock()
        slots[i % slots.count] = r
        if wantedEnd >= 0 && i < wantedEnd && ready(upTo: wantedEnd) { condition.broadcast() }
        condition.unlock()
    }

    /// Waits for result `i` (taken in order 0, 1, 2, …) and frees its slot.
    func take(_ i: Int) -> T {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let r = slots[i % slots.count] {
                slots[i % slots.count] = nil
                taken = i + 1
                if workersWaiting > 0 { condition.broadcast() }
                return r
            }
            wantedEnd = min(count, i + batch)
            while !ready(upTo: wantedEnd) { condition.wait() }
            wantedEnd = -1
        }
    }
}
