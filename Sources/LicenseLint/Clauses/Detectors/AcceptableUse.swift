/// Uses are restricted: inline ("You agree not to use the Model: (a) in any way that violates …") or by
/// an incorporated policy ("adhere to the Acceptable Use Policy …, which is hereby incorporated").
struct AcceptableUseDetector: ClauseDetector {
    let kind = ClauseKind.acceptableUse
    let triggers: [G] = [.policyDoc, .restrictedUse, .prohibit, .adhere]

    func detect(_ s: SentenceView) -> [Detection] {
        guard !s.isDefinition else { return [] }
        // Incorporated policy: the licensee must follow a named use policy.
        // (Not the flow-down that carries the policy into recipients' terms: "… incorporating the Acceptable Use
        // Policy … must be included as enforceable provisions …"; the licensee's own duty is elsewhere.)
        if s.has(.policyDoc) && s.has(.adhere) && !s.has(.change) && !s.has(.enforceableProvision)
            && (s.obliges || s.prohibits || s.has(.incorporation)) {
            return one([(.policy, .of(AcceptableUsePolicy.incorporated)), (.categories, .of(categories(in: [s])))])
        }
        if s.has(.policyDoc) && s.prohibits && s.has(.restrictedUse) && !s.has(.enforceableProvision) {
            return one([(.policy, .of(AcceptableUsePolicy.incorporated)), (.categories, .of(categories(in: [s])))])
        }
        // Inline: "cannot use the Model … for the specified restricted uses", "may not use … for any illegal, harmful …"
        // (Not a title: "**Prohibited Uses**" on a line of its own is where the list starts, not a clause.)
        if s.has(.restrictedUse) && s.prohibits && !s.has(.policyDoc) && !s.isTitle {
            return one([(.policy, .of(AcceptableUsePolicy.inline)), (.categories, .of(categories(in: [s] + s.listItems)))])
        }
        // One sentence that forbids using the model for at least two kinds of harm:
        // "You must not use the Model to create malware, or to harass any person."
        // (An item of a list whose lead-in forbids is read with that list, below.)
        if s.lead?.has(.prohibit) != true && !s.sentence.endsWithColon && s.has(.prohibit) && !s.has(.cancelProhibit)
            && (s.has(.model) || s.has(.materials)) && s.prohibits
            && s.has(.useBan) {
            let cats = categories(in: [s])
            let harms = cats.filter { $0 != .illegalActivity }.count
            if harms >= 2 || (harms == 1 && cats.count >= 2) {
                return one([(.policy, .of(AcceptableUsePolicy.inline)), (.categories, .of(cats))])
            }
        }
        // A lead-in that forbids uses, followed by a list naming harms.
        // Or one that binds to restrictions listed below: "you must adhere to the following license restrictions:".
        if s.sentence.endsWithColon && !s.has(.cancelProhibit)
            && (s.has(.prohibit) || (s.obliges && s.has(.followingRestrictions))) {
            // Items that point to a use policy are that policy (read as incorporated), not a list of uses.
            let list = s.listItems.filter { !$0.has(.policyDoc) }
            let cats = categories(in: list)
            let harmful = cats.filter { $0 != .illegalActivity }
            if harmful.count >= 1 || cats.count >= 1 && list.count >= 3 {
                return one([(.policy, .of(AcceptableUsePolicy.inline)), (.categories, .of(cats))])
            }
        }
        return []
    }

    private func categories(in views: [SentenceView]) -> [UseCategory] {
        UseCategory.allCases.filter { c in views.contains { $0.has(c.group) } }
    }
}

extension UseCategory {
    /// The lexicon group whose phrases name the category.
    var group: G {
        switch self {
        case .illegalActivity: return .catIllegal
        case .violenceWeapons: return .catViolence
        case .military: return .catMilitary
        case .criticalInfrastructure: return .catInfrastructure
        case .childSafety: return .catChild
        case .harassment: return .catHarass
        case .discrimination: return .catDiscrimination
        case .disinformation: return .catDisinfo
        case .impersonation: return .catImpersonation
        case .privacyPII: return .catPrivacy
        case .surveillance: return .catSurveillance
        case .medicalAdvice: return .catMedical
        case .legalAdvice: return .catLegal
        case .financialAdvice: return .catFinancial
        case .automatedDecisions: return .catAutomated
        case .malwareCyberattack: return .catMalware
        case .selfHarm: return .catSelfHarm
        case .sexualContent: return .catSexual
        case .unlicensedPractice: return .catUnlicensed
        case .lawEnforcement: return .catLawEnforcement
        case .spamFraud: return .catSpam
        case .hateSpeech: return .catHate
        }
    }
}
