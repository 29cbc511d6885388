/// Reads the conditions of a user or revenue cap from the sentence that sets it: whom it counts (the
/// licensee with its affiliates, or one product or service) and when it is measured ("on the … version
/// release date", with the date the document states). A condition the sentence does not settle is left
/// out, and the rules then say what they cannot decide.
enum CapConditions {
    static func read(_ s: SentenceView) -> [(Param, ParameterValue)] {
        var out: [(Param, ParameterValue)] = []
        // The words that say whom the figure counts stand near it ("your product or service has more than …",
        // "the products … of Licensee, or Licensee's affiliates"), not where a duty is met ("… in your product").
        let counted: G = s.has(.revenue) ? .revenue : .users
        let near = { (g: G) in s.near(g, counted, within: 120) || s.near(g, .compare, within: 30) }
        if s.has(.withAffiliates) && near(.withAffiliates) { out.append((.basis, .of(CapBasis.organisation))) }
        else if s.has(.oneProduct) && near(.oneProduct) { out.append((.basis, .of(CapBasis.product))) }
        if s.has(.releaseDate), let date = releaseDate(s.analysis) { out.append((.measured, .string(date))) }
        // "700 million or more": the threshold itself is over the cap.
        if s.has(.inclusiveCompare) { out.append((.compare, .of(CapComparison.atLeast))) }
        return out
    }

    /// The sentence names the duty that starts above a cap: a display, a notice, a name, a place in the product.
    static func namesADuty(_ s: SentenceView) -> Bool {
        s.has(.display) || s.has(.noticeHint) || s.has(.notices) || s.has(.namingTrigger) || s.has(.productPlace)
    }

    /// The date a "… Release Date: July 23, 2024" line states, as yyyy-mm-dd.
    static func releaseDate(_ a: Analysis) -> String? {
        for i in a.sentences.indices {
            let v = a.view(i)
            guard v.has(.releaseDate) else { continue }
            // "Version Release Date: July 23, 2024" may be split after the colon.
            if let d = Quantities.firstDate(v.lower) ?? (i + 1 < a.sentences.count ? Quantities.firstDate(a.view(i + 1).lower) : nil) { return d }
        }
        return nil
    }
}

/// What a licence counts as a derivative, read from its definition of derivatives ("“Model Derivatives”
/// means all (i) modifications …, (ii) works based on …, or (iii) any other machine learning model which is
/// created by transfer of patterns of the weights, parameters, operations, or Output …, including
/// distillation methods …"). Flow-down and share-alike clauses carry it as `derivatives`, so a model a
/// plan trains on the outputs is known to be bound when the text says so.
enum DerivativeConditions {
    static func kinds(_ a: Analysis) -> [DerivativeKind] {
        var out: [DerivativeKind] = []
        // The defined term is itself a derivative word ("Model Derivatives", "Derivatives of the Model").
        let words = Lexicon.groups[.derivative] ?? []
        for (term, i) in a.definedTerms where words.contains(where: { term.contains($0) }) {
            let v = a.view(i)
            if v.has(.modifying) { out += [.modifications, .fineTunes] }
            if v.has(.distillation) { out.append(.distilledModels) }
            if v.has(.merging) { out.append(.merges) }
        }
        var seen = Set<DerivativeKind>()
        return out.filter { seen.insert($0).inserted }
    }

    static func attach(_ a: Analysis, to clauses: inout [Clause]) {
        guard clauses.contains(where: { $0.kind == .useRestrictionFlowdown || $0.kind == .shareAlike }) else { return }
        let kinds = DerivativeConditions.kinds(a)
        guard !kinds.isEmpty else { return }
        for i in clauses.indices where (clauses[i].kind == .useRestrictionFlowdown || clauses[i].kind == .shareAlike)
            && clauses[i][.derivatives] == nil {
            clauses[i].parameters.append((Param.derivatives.rawValue, .of(kinds)))
        }
    }
}
