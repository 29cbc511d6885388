/// Offering the model as a hosted service needs permission: "You may not … make the Model available as a
/// hosted or managed service … without a separate agreement".
struct HostingRestrictionDetector: ClauseDetector {
    let kind = ClauseKind.hostingRestriction
    let triggers: [G] = [.hosting]

    func detect(_ s: SentenceView) -> [Detection] {
        guard !s.isDefinition else { return [] }
        let strong = s.hits(.hosting).contains { !s.isHit($0, in: .hostingWeak) } || s.has(.hostThe)
        guard strong else { return [] }
        guard s.prohibits || (s.has(.permissionNeeded) && s.obliges) else { return [] }
        // "other than through a Hosted Service" is an exception to a duty, not a restriction.
        if s.has(.otherThanThrough) { return [] }
        // "… shall not be considered Hosting Use" is an exception too.
        if s.has(.notConsidered) { return [] }
        // The hosted thing is the model.
        guard s.has(.model) || s.has(.materials) || s.has(.theWork) else { return [] }
        return one()
    }
}
