/// "This Agreement will be governed and construed under the laws of the State of California" → US-CA;
/// "governed by the laws of China", "under PRC laws" → CN; "California law will govern" → US-CA.
struct GoverningLawDetector: ClauseDetector {
    let kind = ClauseKind.governingLaw
    let triggers: [G] = [.govern]

    func detect(_ s: SentenceView) -> [Detection] {
        guard s.has(.jurisdiction), !s.isDefinition else { return [] }
        let compiled = s.analysis.compiled
        let governs = s.hits(.govern)
        guard let g = governs.first else { return [] }
        // Places near the governing phrase: after it ("governed by the laws of X") or just before it
        // ("California law will govern", "PRC laws").
        var candidates: [(code: String, distance: Int)] = []
        for h in s.hits(.jurisdiction) {
            guard let code = compiled.jurisdictionCode[Int(h.phrase)] else { continue }
            let after = Int(h.start) >= Int(g.end) ? Int(h.start) - Int(g.end) : Int.max
            let before = Int(h.end) <= Int(g.start) ? Int(g.start) - Int(h.end) : Int.max
            let d = min(after, before == Int.max ? Int.max : before * 2)
            if d <= 140 { candidates.append((code, d)) }
        }
        guard !candidates.isEmpty else { return [] }
        // A US state is more specific than "the United States" named beside it.
        let codes = candidates.map(\.code)
        guard let best = candidates.min(by: { $0.distance < $1.distance }) else { return [] }
        var code = best.code
        if code == "US", let state = codes.first(where: { $0.hasPrefix("US-") }) { code = state }
        return one([("jurisdiction", .string(code))])
    }
}
