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
            let lower = s.analysis.text.lower
            // After the phrase, with "law" between: "governed by the laws of the State of California".
            if Int(h.start) >= Int(g.end), Int(h.start) - Int(g.end) <= 90 {
                let between = String(decoding: lower[Int(g.end)..<Int(h.start)], as: UTF8.self)
                if between.contains("law") || between.contains("under") || between.hasPrefix("受") {
                    candidates.append((code, Int(h.start) - Int(g.end)))
                }
            }
            // Just before it: "California law will govern", "PRC laws".
            if Int(h.end) <= Int(g.start), Int(g.start) - Int(h.end) <= 8 {
                let between = String(decoding: lower[Int(h.end)..<Int(g.start)], as: UTF8.self)
                if between.contains("law") || s.phrase(of: g).hasPrefix("law") { candidates.append((code, 0)) }
            }
            // "construed under PRC laws": the place is followed by "law(s)".
            if Int(h.start) >= Int(g.end), Int(h.end) + 5 <= s.end {
                let tail = String(decoding: lower[Int(h.end)..<min(s.end, Int(h.end) + 6)], as: UTF8.self)
                if tail.hasPrefix(" law") && Int(h.start) - Int(g.end) <= 30 { candidates.append((code, 0)) }
            }
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
