/// Rights withheld in named places: "the rights granted … are not being granted to you if you are … domiciled
/// in … the European Union". Export-control and governing-law sentences are not this.
struct GeographicRestrictionDetector: ClauseDetector {
    let kind = ClauseKind.geographicRestriction
    let triggers: [G] = [.region]

    func detect(_ s: SentenceView) -> [Detection] {
        guard s.has(.withhold) || s.prohibits, s.has(.location), !s.has(.export), !s.has(.govern), !s.isDefinition else { return [] }
        guard !s.mentions("courts") else { return [] }
        var codes: [String] = []
        let compiled = s.analysis.compiled
        for h in s.hits(.region) {
            guard let c = compiled.regionCode[Int(h.phrase)] else { continue }
            // The place follows a location phrase closely ("domiciled in … the European Union").
            let close = s.hits(.location).contains { Int($0.end) <= Int(h.start) && Int(h.start) - Int($0.end) <= 120 }
                || s.hits(.location).contains { s.phrase(of: $0).contains(s.phrase(of: h)) }
            if close && !codes.contains(c) { codes.append(c) }
        }
        guard !codes.isEmpty else { return [] }
        return one([("regions", .list(codes.sorted()))])
    }
}
