/// Commercial use is not granted: "solely for your non-commercial research purposes", "for NonCommercial
/// purposes only", or a prohibition of "any commercial or production purposes".
struct NonCommercialDetector: ClauseDetector {
    let kind = ClauseKind.nonCommercial
    /// A limiter too: a use limited to a defined purpose is read through the definition.
    let triggers: [G] = [.nonCommercial, .commercialUse, .limiter]

    func detect(_ s: SentenceView) -> [Detection] {
        guard !s.isDefinition else { return [] }
        // A grant limited to non-commercial use.
        if s.has(.nonCommercial) && s.has(.limiter) && limitedNear(s) && !s.has(.commercialLicence) {
            return one()
        }
        // A use limited to a defined purpose whose definition is non-commercial: "You shall only use the Models …
        // for Research Purposes", where "Research Purposes" means use "solely for … non-commercial purposes".
        if s.has(.limiter) && !s.prohibits && s.limitsUse(toDefinedTermWhere: .nonCommercial, where: { $0.near(.limiter, .nonCommercial, within: 120) }) {
            return one()
        }
        // A grant for "purposes other than commercial or production use".
        if (s.has(.permit) || s.has(.grantWord)) && !s.prohibits && s.has(.otherThanCommercial) {
            return one()
        }
        // The licence is a non-commercial one: "made available under a non-commercial license".
        if s.has(.nonCommercial) && !s.prohibits
            && s.has(.nonCommercialLicence) {
            return one()
        }
        // Commercial use forbidden outright: "You may not use … for commercial purposes",
        // an item "(i) any commercial or production purposes" under "You will not…".
        // "… not allowed … for commercial purposes without prior written permission" still grants no
        // commercial use (the permission is a separate licence); a cap's "unless you obtain a licence" is a cap.
        // ("Without this, you are not allowed …" after a registration step only makes registration a condition.)
        if s.has(.commercialUse) && s.prohibits
            && !(s.has(.withoutThis) && s.index > 0 && s.analysis.view(s.index - 1).has(.register)) {
            let hits = s.hits(.commercialUse).filter { !s.isHit($0, in: .commercialBare) }
            if !hits.isEmpty && !s.has(.nonCommercialWord) && !mentionsThreshold(s) && !s.has(.includingForCommercial) {
                return one()
            }
        }
        return []
    }

    private func limitedNear(_ s: SentenceView) -> Bool {
        s.near(.limiter, .nonCommercial, within: 40)
    }

    private func mentionsThreshold(_ s: SentenceView) -> Bool {
        (s.has(.revenue) || s.has(.users)) && !s.quantities.isEmpty
    }
}
