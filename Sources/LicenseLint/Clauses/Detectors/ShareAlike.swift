/// Derivatives must be licensed under the same terms: "you may only do so under the terms of this
/// Agreement", "all modifications must be provided under this license", "will remain subject to this
/// Agreement". A licence that lets the sharer pick any licence is not share-alike.
struct ShareAlikeDetector: ClauseDetector {
    let kind = ClauseKind.shareAlike
    let triggers: [G] = [.sameTerms]

    func detect(_ s: SentenceView) -> [Detection] {
        // (Nor the sentence that binds the licensee to the licence by name: "You accept and agree to be bound
        // by the terms … of this … Attribution-ShareAlike 4.0 International Public License".)
        guard !s.isDefinition, !s.has(.anyLicenseChoice) else { return [] }
        // "The Adapter's License You apply must be a … license with the same License Elements".
        if s.has(.explicitSameTerms), s.obliges, !s.has(.notRequired) {
            return s.has(.agreeBound) ? [] : one()
        }
        guard s.has(.derivative) || (s.has(.distribute) && s.has(.onlyWord)) else { return [] }
        guard s.has(.distribute) || s.has(.underTermsVerb) else { return [] }
        // What is put under the same terms is what the licensee distributes or makes: the words before the
        // phrase say so ("may only do so under", "must be provided under", "remain subject to").
        let framed = s.hits(.sameTerms).contains { h in
            let window = (Int(h.start) - 100)..<Int(h.start)
            return s.has(.carrier, in: window) && !s.has(.grantedToYou, in: window)
        }
        guard framed else { return [] }
        let binding = s.has(.shareBinding)
        guard binding, !s.has(.cancelProhibit) else { return [] }
        // "does not require … under the same terms" and similar negations.
        if s.has(.notRequired) || s.has(.doesNotRequire) { return [] }
        return s.has(.agreeBound) ? [] : one()
    }
}
