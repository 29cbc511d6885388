/// Redistribution passes the use restrictions on: "Use-based restrictions … MUST be included as an
/// enforceable provision … in any … agreement governing the use and/or distribution", "any restrictions
/// … also apply to any Derivative you create".
struct UseRestrictionFlowdownDetector: ClauseDetector {
    let kind = ClauseKind.useRestrictionFlowdown
    let triggers: [G] = [.useRestrictions]

    func detect(_ s: SentenceView) -> [Detection] {
        guard s.has(.flowVerb), !s.isDefinition else { return [] }
        let l = s.lower
        let toRecipients = s.has(.derivative) || s.has(.distribute) || s.has(.recipients)
            || l.contains("agreement") || l.contains("license")
        guard toRecipients else { return [] }
        // The restrictions are carried into the recipients' terms, or apply to derivatives.
        let carried = l.contains("enforceable provision") || l.contains("subsequent users")
            || ((l.contains("also apply") || l.contains("also applies") || l.contains("apply to") || l.contains("applies to"))
                && s.has(.derivative))
            || (s.has(.distribute) && (l.contains("contradict") || l.contains("includes") || l.contains("include")))
            || (s.has(.anyLicenseChoice) && l.contains("contradict"))
        guard carried else { return [] }
        return one()
    }
}
