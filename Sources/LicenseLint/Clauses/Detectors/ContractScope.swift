/// Whom the terms govern, and whom they send to other terms: "These Terms of Use apply to your use of …
/// services for individuals", "Our Business Terms govern use of … our APIs, and our other services for
/// businesses and developers". A plan checked against terms that do not govern it cannot be decided from them.
struct ContractScopeDetector: ClauseDetector {
    let kind = ClauseKind.contractScope
    let triggers: [G] = [.forIndividuals, .otherTerms]

    func detect(_ s: SentenceView) -> [Detection] {
        guard !s.isDefinition, !s.prohibits else { return [] }
        let governs = s.has(.governsUse) || s.has(.govern)
        // The terms name other terms for business and API use.
        if s.has(.otherTerms) && governs && s.has(.businessUse) {
            let parties: [ContractParty] = s.has(.apiUse) ? [.businessUse, .apiUse] : [.businessUse]
            return one([("excludes", .list(parties.map(\.rawValue)))])
        }
        // The terms cover services for individuals.
        if s.has(.forIndividuals) && governs {
            return one([("covers", .list([ContractParty.individuals.rawValue]))])
        }
        return []
    }
}
