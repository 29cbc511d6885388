/// Rights withheld in named places: "the rights granted … are not being granted to you if you are … domiciled
/// in … the European Union". Export-control and governing-law sentences are not this. The conditions say
/// whom it binds (the licensee's domicile, or the place of use), whom it spares ("does not apply to end
/// users", usually the next sentence) and which models (only the multimodal ones of a release).
struct GeographicRestrictionDetector: ClauseDetector {
    let kind = ClauseKind.geographicRestriction
    let triggers: [G] = [.region]

    func detect(_ s: SentenceView) -> [Detection] {
        guard s.has(.withhold) || s.prohibits, s.has(.location), !s.has(.export), !s.has(.govern), !s.isDefinition else { return [] }
        guard !s.has(.courts) else { return [] }
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
        var params: [(Param, ParameterValue)] = [(.regions, .list(codes.sorted()))]
        params.append((.binds, .of(s.has(.domicile) ? GeoBinds.licenseeDomicile : GeoBinds.placeOfUse)))
        let next = s.index + 1 < s.analysis.sentences.count ? s.analysis.view(s.index + 1) : nil
        if s.has(.endUsers) || (next?.has(.endUsers) ?? false) {
            params.append((.exempt, .of([GeoExempt.endUsers])))
        }
        if s.has(.multimodal) { params.append((.models, .of(ModelScope.multimodal))) }
        return one(params)
    }
}
