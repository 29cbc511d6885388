/// The model may not be redistributed: "you may not … copy, lease, sell or distribute any of our
/// Services", "the weights may not be redistributed". A conditional rule ("without including this licence",
/// "for commercial purposes") is not a ban.
struct RedistributionBanDetector: ClauseDetector {
    let kind = ClauseKind.redistributionBan
    let triggers: [G] = [.redistributeVerb, .noRedistribution]

    func detect(_ s: SentenceView) -> [Detection] {
        guard !s.isDefinition, !s.has(.cancelProhibit) else { return [] }
        if s.has(.export) || s.has(.sanctionedPlaces) { return [] }
        if s.has(.conditional) { return [] }
        // "You may distribute derivatives …" is a permission; "you may not distribute the Model or any
        // derivative" is not.
        if s.has(.derivative) && s.has(.permit) && !s.has(.prohibit) { return [] }
        if s.has(.noRedistribution) && s.has(.materials) { return one([(.forbids, .of([BannedAct.distribution]))]) }
        // An item under "you may not:" that starts with the verb: "Modify, copy, lease, sell or distribute …"
        guard s.prohibits, s.has(.materials) else { return [] }
        guard s.has(.sellVerb) else { return [] }
        // Only short sentences: long ones are use restrictions with many objects.
        guard s.end - s.start < 200 else { return [] }
        // "Modify, copy, … or distribute": making a copy at all is forbidden, not only handing one over.
        let acts: [BannedAct] = s.has(.copyVerb) ? [.copying, .distribution] : [.distribution]
        return one([(.forbids, .of(acts))])
    }
}
