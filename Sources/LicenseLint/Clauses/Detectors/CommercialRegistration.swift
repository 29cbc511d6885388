/// Commercial use needs an application, registration or authorisation first: "you must register with …",
/// "to use … for a commercial activity, you must request a license from Company".
struct CommercialRegistrationDetector: ClauseDetector {
    let kind = ClauseKind.commercialRegistration
    let triggers: [G] = [.register]

    func detect(_ s: SentenceView) -> [Detection] {
        // A duty, or an instruction: "please do so here. Complete registration."
        guard !s.isDefinition, s.obliges || s.prohibits || s.has(.requestWord)
            || s.hitStarts(.completeRegistration, at: s.start) else { return [] }
        let commercial = s.has(.commercialUse) || s.lead?.has(.commercialUse) == true || paragraphIsCommercial(s)
        guard commercial else { return [] }
        // Caps decide on their own numbers: a licence request above a cap is the cap's consequence, so a
        // sentence with a cap counts only an explicit registration or application.
        let hasCap = (s.has(.users) || s.has(.revenue)) && s.quantities.contains(where: { $0.value >= 1000 })
        let strong = s.has(.explicitRegistration) || (!hasCap && s.has(.licenceRequest))
        guard strong else { return [] }
        return one()
    }

    /// The sentence sits in a paragraph about commercial use (its heading or first sentence says so).
    private func paragraphIsCommercial(_ s: SentenceView) -> Bool {
        var i = s.index - 1
        var steps = 0
        while i >= 0 && steps < 3 && s.analysis.sentences[i].segment == s.sentence.segment {
            if s.analysis.view(i).has(.commercialUse) { return true }
            i -= 1; steps += 1
        }
        return false
    }
}
