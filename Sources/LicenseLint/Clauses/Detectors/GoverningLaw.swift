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
            // After the phrase, with "law" between: "governed by the laws of the State of California".
            if Int(h.start) >= Int(g.end), Int(h.start) - Int(g.end) <= 90 {
                let between = Int(g.end)..<Int(h.start)
                if s.has(.lawWord, in: between) || s.has(.underWord, in: between)
                    || s.startsWith(Lexicon.passiveMarkerCJK, at: between.lowerBound, limit: between.upperBound) {
                    candidates.append((code, Int(h.start) - Int(g.end)))
                }
            }
            // Just before it: "California law will govern", "PRC laws".
            if Int(h.end) <= Int(g.start), Int(g.start) - Int(h.end) <= 8 {
                // Or "the laws of the Republic of Singapore govern this License".
                if s.has(.lawWord, in: Int(h.end)..<Int(g.start)) || s.isHit(g, in: .lawGoverns)
                    || s.isHit(g, in: .governWord) && s.has(.lawsOf, in: max(s.start, Int(h.start) - 30)..<Int(h.start)) {
                    candidates.append((code, 0))
                }
            }
            // "construed under PRC laws": the place is followed by "law(s)".
            if Int(h.start) >= Int(g.end), Int(h.end) + 5 <= s.end {
                if s.hitFollows(.lawWord, at: Int(h.end)) && Int(h.start) - Int(g.end) <= 30 {
                    candidates.append((code, 0))
                }
            }
        }
        guard !candidates.isEmpty else { return [] }
        // A US state is more specific than "the United States" named beside it.
        let codes = candidates.map(\.code)
        guard let best = candidates.min(by: { $0.distance < $1.distance }) else { return [] }
        var code = best.code
        if let subdivision = codes.first(where: { Lexicon.isSubdivision($0, of: code) }) { code = subdivision }
        return one([(.jurisdiction, .string(code))])
    }
}
