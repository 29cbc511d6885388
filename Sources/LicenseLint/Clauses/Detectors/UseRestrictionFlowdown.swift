/// Redistribution passes the use restrictions on: "Use-based restrictions … MUST be included as an
/// enforceable provision … in any … agreement governing the use and/or distribution", "any restrictions
/// … also apply to any Derivative you create".
struct UseRestrictionFlowdownDetector: ClauseDetector {
    let kind = ClauseKind.useRestrictionFlowdown
    let triggers: [G] = [.useRestrictions]

    func detect(_ s: SentenceView) -> [Detection] {
        // (A preamble that describes the licence — "the License specifies that the use restrictions … must
        // apply" — is not the clause that imposes it.)
        guard s.has(.flowVerb), !s.isDefinition else { return [] }
        let toRecipients = s.has(.derivative) || s.has(.distribute) || s.has(.recipients)
            || s.mentions("agreement") || s.mentions("license")
        guard toRecipients else { return [] }
        // The restrictions are carried into the recipients' terms, or apply to derivatives.
        let carried = s.mentions("enforceable provision") || s.mentions("subsequent users")
            || ((s.mentions("also apply") || s.mentions("also applies") || s.mentions("apply to") || s.mentions("applies to"))
                && s.has(.derivative))
            || (s.has(.distribute) && (s.mentions("contradict") || s.mentions("includes") || s.mentions("include")))
            || (s.has(.anyLicenseChoice) && s.mentions("contradict"))
            // "require all recipients … to comply with the use restrictions", "must carry the use restrictions"
            || (s.has(.recipients) && s.mentions("require") && (s.mentions("comply with") || s.mentions("abide by")))
            || (s.has(.derivative) && s.obliges && s.mentions("carry the"))
            || (s.has(.derivative) && s.mentions("subject to the restrictions"))
        guard carried, !s.mentions("license specifies") else { return [] }
        return one(DutyConditions.read(s, kind))
    }
}
