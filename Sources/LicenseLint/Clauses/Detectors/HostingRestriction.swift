/// Offering the model as a hosted service needs permission: "You may not … make the Model available as a
/// hosted or managed service … without a separate agreement".
struct HostingRestrictionDetector: ClauseDetector {
    let kind = ClauseKind.hostingRestriction
    let triggers: [G] = [.hosting]

    func detect(_ s: SentenceView) -> [Detection] {
        guard !s.isDefinition else { return [] }
        let strong = s.hits(.hosting).contains { h in
            let p = s.phrase(of: h)
            return p != "host" && p != "hosting"
        } || s.mentions("host the") || s.mentions("hosting of")
        guard strong else { return [] }
        guard s.prohibits || (s.has(.permissionNeeded) && s.obliges) else { return [] }
        // "other than through a Hosted Service" is an exception to a duty, not a restriction.
        if s.mentions("other than through") { return [] }
        // "… shall not be considered Hosting Use" is an exception too.
        if s.mentions("not be considered") || s.mentions("not considered") || s.mentions("does not constitute") { return [] }
        // The hosted thing is the model.
        guard s.has(.model) || s.has(.materials) || s.mentions("the work") else { return [] }
        return one()
    }
}
