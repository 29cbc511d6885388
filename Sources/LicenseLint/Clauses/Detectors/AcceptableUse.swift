/// Uses are restricted: inline ("You agree not to use the Model: (a) in any way that violates …") or by
/// an incorporated policy ("adhere to the Acceptable Use Policy …, which is hereby incorporated").
struct AcceptableUseDetector: ClauseDetector {
    let kind = ClauseKind.acceptableUse
    let triggers: [G] = [.policyDoc, .restrictedUse, .prohibit, .adhere]

    static let categories: [(G, String)] = UseCategory.allCases.map { ($0.group, $0.rawValue) }

    func detect(_ s: SentenceView) -> [Detection] {
        guard !s.isDefinition else { return [] }
        // Incorporated policy: the licensee must follow a named use policy.
        // (Not the flow-down that carries the policy into recipients' terms: "… incorporating the Acceptable Use
        // Policy … must be included as enforceable provisions …"; the licensee's own duty is elsewhere.)
        if s.has(.policyDoc) && s.has(.adhere) && !s.has(.change) && !s.mentions("enforceable provision")
            && (s.obliges || s.prohibits || s.mentions("is subject to") || s.mentions("forms part") || s.mentions("form part")
                || s.mentions("incorporated")) {
            return one([("policy", .string("incorporated")), ("categories", .list(categories(in: [s])))])
        }
        if s.has(.policyDoc) && s.prohibits && s.has(.restrictedUse) && !s.mentions("enforceable provision") {
            return one([("policy", .string("incorporated")), ("categories", .list(categories(in: [s])))])
        }
        // Inline: "cannot use the Model … for the specified restricted uses", "may not use … for any illegal, harmful …"
        // (Not a title: "**Prohibited Uses**" on a line of its own is where the list starts, not a clause.)
        if s.has(.restrictedUse) && s.prohibits && !s.has(.policyDoc) && !s.isTitle {
            return one([("policy", .string("inline")), ("categories", .list(categories(in: [s] + s.listItems)))])
        }
        // One sentence that forbids using the model for at least two kinds of harm:
        // "You must not use the Model to create malware, or to harass any person."
        // (An item of a list whose lead-in forbids is read with that list, below.)
        if s.lead?.has(.prohibit) != true && !s.sentence.endsWithColon && s.has(.prohibit) && !s.has(.cancelProhibit)
            && (s.has(.model) || s.has(.materials)) && s.prohibits
            && (s.mentions("not use") || s.mentions("not to use") || s.mentions("cannot use") || s.mentions("from using")
                || s.mentions("never use") || s.mentions("allowed to use") || s.mentions("permitted to use")
                || s.mentions("prohibits the use") || s.mentions("prohibit the use")) {
            let cats = categories(in: [s])
            let harms = cats.filter { $0 != UseCategory.illegalActivity.rawValue }.count
            if harms >= 2 || (harms == 1 && cats.count >= 2) {
                return one([("policy", .string("inline")), ("categories", .list(cats))])
            }
        }
        // A lead-in that forbids uses, followed by a list naming harms.
        // Or one that binds to restrictions listed below: "you must adhere to the following license restrictions:".
        if s.sentence.endsWithColon && !s.has(.cancelProhibit)
            && (s.has(.prohibit) || (s.obliges && (s.mentions("following restrictions") || s.mentions("following license restrictions")
                || s.mentions("following use restrictions") || s.mentions("following licence restrictions")))) {
            // Items that point to a use policy are that policy (read as incorporated), not a list of uses.
            let list = s.listItems.filter { !$0.has(.policyDoc) }
            let cats = categories(in: list)
            let harmful = cats.filter { $0 != UseCategory.illegalActivity.rawValue }
            if harmful.count >= 1 || cats.count >= 1 && list.count >= 3 {
                return one([("policy", .string("inline")), ("categories", .list(cats))])
            }
        }
        return []
    }

    private func categories(in views: [SentenceView]) -> [String] {
        var found: [String] = []
        for (g, name) in AcceptableUseDetector.categories where views.contains(where: { $0.has(g) }) {
            found.append(name)
        }
        return found
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
