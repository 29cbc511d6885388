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
            || s.has(.agreementOrLicense)
        guard toRecipients else { return [] }
        // The restrictions are carried into the recipients' terms, or apply to derivatives.
        let carried = s.has(.subsequentUsers)
            || (s.has(.applyTo) && s.has(.derivative))
            || (s.has(.distribute) && (s.has(.contradict) || s.has(.includeWord)))
            || (s.has(.anyLicenseChoice) && s.has(.contradict))
            // "require all recipients … to comply with the use restrictions", "must carry the use restrictions"
            || (s.has(.recipients) && s.has(.requireWord) && s.has(.complyWith))
            || (s.has(.derivative) && s.obliges && s.has(.carryThe))
            || (s.has(.derivative) && s.has(.subjectToRestrictions))
        guard carried, !s.has(.licenseSpecifies) else { return [] }
        return one(DutyConditions.read(s, kind))
    }
}
