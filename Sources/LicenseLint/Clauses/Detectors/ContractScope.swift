/// Whom the terms govern, and whom they send to other terms: "These Terms of Use apply to your use of …
/// services for individuals", "Our Business Terms govern use of … our APIs, and our other services for
/// businesses and developers". A plan checked against terms that do not govern it cannot be decided from them.
struct ContractScopeDetector: ClauseDetector {
    let kind = ClauseKind.contractScope
    let triggers: [G] = [.forIndividuals, .otherTerms, .ifResident]

    func detect(_ s: SentenceView) -> [Detection] {
        guard !s.isDefinition, !s.prohibits else { return [] }
        let governs = s.has(.governsUse) || s.has(.govern)
        // The terms name other terms for business and API use.
        if s.has(.otherTerms) && governs && s.has(.businessUse) {
            let parties: [ContractParty] = s.has(.apiUse) ? [.businessUse, .apiUse] : [.businessUse]
            return one([(.excludes, .of(parties))])
        }
        // "If you reside in the European Economic Area, Switzerland, or the UK, your use of the Services is
        // governed by these terms" (a link to other terms): residents of those places are sent elsewhere.
        if s.has(.ifResident) && governs {
            let compiled = s.analysis.compiled
            if s.hits(.region).contains(where: { compiled.regionCode[Int($0.phrase)] == Lexicon.europeanUnion }) {
                return one([(.excludes, .of([ContractParty.eeaResidents]))])
            }
        }
        // The terms cover services for individuals.
        if s.has(.forIndividuals) && governs {
            return one([(.covers, .of([ContractParty.individuals]))])
        }
        return []
    }
}
