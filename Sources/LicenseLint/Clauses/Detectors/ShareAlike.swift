/// Derivatives must be licensed under the same terms: "you may only do so under the terms of this
/// Agreement", "all modifications must be provided under this license", "will remain subject to this
/// Agreement". A licence that lets the sharer pick any licence is not share-alike.
struct ShareAlikeDetector: ClauseDetector {
    let kind = ClauseKind.shareAlike
    let triggers: [G] = [.sameTerms]

    static let explicit = ["same license elements", "by sa compatible", "sharealike", "share alike", "same or a compatible license",
                           "under the same license", "identical license", "copyleft"]
    /// Lexicon phrases that name share-alike outright, worked out once rather than per sentence.
    /// Only `.sameTerms` phrases are ever looked up here, so only they are examined.
    static let explicitPhrases: Set<Int32> = {
        let c = Lexicon.compiled
        return Set(c.phraseText.indices.filter { i in
            c.phraseGroups[i].contains(.sameTerms) && explicit.contains { c.phraseText[i].contains($0) }
        }.map(Int32.init))
    }()
    static let carriers = ["provided", "licensed", "distribute", "distributed", "do so", "share", "made available",
                           "granted by", "release", "are subject", "remain subject", "is subject", "will remain", "sublicense",
                           "must license", "shall license", "license any", "license all", "license your", "license such"]

    func detect(_ s: SentenceView) -> [Detection] {
        // (Nor the sentence that binds the licensee to the licence by name: "You accept and agree to be bound
        // by the terms … of this … Attribution-ShareAlike 4.0 International Public License".)
        guard !s.isDefinition, !s.has(.anyLicenseChoice) else { return [] }
        // "The Adapter's License You apply must be a … license with the same License Elements".
        if s.hits(.sameTerms).contains(where: { ShareAlikeDetector.explicitPhrases.contains($0.phrase) }),
           s.obliges, !s.mentions("not required"), !s.mentions("need not") {
            return s.mentions("agree to be bound") ? [] : one()
        }
        guard s.has(.derivative) || (s.has(.distribute) && (s.mentions(" only ") || s.mentions("may only"))) else { return [] }
        guard s.has(.distribute) || s.mentions("provided under") || s.mentions("licensed under") || s.mentions("remain subject")
            || s.mentions("granted") || s.mentions("must license") || s.mentions("shall license") else { return [] }
        // What is put under the same terms is what the licensee distributes or makes: the words before the
        // phrase say so ("may only do so under", "must be provided under", "remain subject to").
        let framed = s.hits(.sameTerms).contains { h in
            let window = (Int(h.start) - 100)..<Int(h.start)
            return ShareAlikeDetector.carriers.contains { s.mentions($0, in: window) } && !s.mentions("granted to you", in: window)
        }
        guard framed else { return [] }
        let binding = s.mentions(" only ") || s.mentions("must") || s.mentions("shall") || s.mentions("will remain")
            || s.mentions("are subject to") || s.mentions("is subject to")
        guard binding, !s.has(.cancelProhibit) else { return [] }
        // "does not require … under the same terms" and similar negations.
        if s.mentions("not required") || s.mentions("does not require") || s.mentions("need not") { return [] }
        return s.mentions("agree to be bound") ? [] : one()
    }
}
