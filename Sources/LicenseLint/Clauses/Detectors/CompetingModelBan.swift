/// "You will not use the Materials or any output … to improve any other large language model"
/// — and not "You may use outputs to improve other models".
struct CompetingModelBanDetector: ClauseDetector {
    let kind = ClauseKind.competingModelBan
    let triggers: [G] = [.trainVerb]

    func detect(_ s: SentenceView) -> [Detection] {
        guard s.prohibits, s.has(.model), !s.isDefinition else { return [] }
        // A training verb followed by a model noun: "to train, fine-tune or distill a model".
        guard s.before(.trainVerb, .model, within: 120) else { return [] }
        // The model is someone else's: "other", "competing", "competitive", or an exclusion of the licensor's own.
        let others = s.near(.other, .model, within: 60) || s.has(.compete)
            || s.before(.model, .excluding, within: 40) || trainsGenericModels(s)
        guard others else { return [] }
        let usesOutputs = s.has(.output)
        // The model itself is used when the licensed materials, or derivatives of them, are named before the
        // training verb: "use DBRX or DBRX Derivatives or any Output to improve …".
        let firstVerb = s.hits(.trainVerb).first.map { Int($0.start) } ?? s.end
        let usesModel = s.has(.materials) || s.hits(.derivative).contains { Int($0.end) <= firstVerb }
            || s.has(.orOutputs, in: s.start..<firstVerb)
        let scope: CompetingScope = usesOutputs && usesModel ? .both : (usesOutputs ? .outputs : .model)
        var params: [(Param, ParameterValue)] = [(.scope, .of(scope))]
        if let ex = exception(s) { params.append((.except, .string(ex))) }
        return one(params)
    }

    /// Models in general, not the licensed one, right after a training verb: "to develop foundation models",
    /// "to train large language models".
    private func trainsGenericModels(_ s: SentenceView) -> Bool {
        let verbs = s.hits(.trainVerb)
        // Read from the group's own hits: "large language models" is not a `.model` phrase.
        return s.hits(.genericModel).contains { m in
            verbs.contains { v in
                    // Not the licensor's own: "(we use your Content) to train our models".
                    Int(v.end) <= Int(m.start) && Int(m.start) - Int(v.end) <= 12
                        && !s.has(.ourWord, in: Int(v.end)..<Int(m.start))
                }
        }
    }

    /// "(excluding Llama 2 or derivative works thereof)" → "Llama 2 or derivative works thereof"
    private func exception(_ s: SentenceView) -> String? {
        guard let h = s.hits(.excluding).first else { return nil }
        let b = s.analysis.text.bytes
        var e = Int(h.end)
        while e < s.end && b[e] == 0x20 { e += 1 }
        let from = e
        while e < s.end && b[e] != 0x29 && b[e] != 0x2E && b[e] != 0x3B && b[e] != 0x2C { e += 1 }
        let text = s.analysis.textWithHyphens(from: from, to: e)
        return text.isEmpty ? nil : text
    }
}
