/// Shared reading of whether the plan passes the model (or what it makes) on to others, which is what
/// turns attribution, licence-copy, naming and flow-down clauses into duties.
enum Distribution {
    /// true: the plan distributes; false: it does not; nil: the profile does not say.
    /// `countHosting`: offering the model as a service counts (for credit lines shown to users), or only
    /// handing over weights or derivatives does (for licence copies and flow-down).
    static func distributes(_ p: Profile, countHosting: Bool = true) -> (Bool?, FileLocation?) {
        let w = p.distributesWeights, d = p.distributesDerivatives
        if let v = [w, d].compactMap({ $0 }).first(where: \.value) {
            return (true, FileLocation(path: p.path, line: v.line, column: v.column))
        }
        if countHosting, let h = p.hosting, h.value.contains(where: \.isService) {
            return (true, FileLocation(path: p.path, line: h.line, column: h.column))
        }
        if w != nil && d != nil { return (false, nil) }
        return (nil, nil)
    }

    static func duties(_ rule: RuleDescription, _ ctx: RuleContext, _ kind: ClauseKind, countHosting: Bool = true,
                       _ describe: (Clause) -> String) -> [Finding] {
        let hits = ctx.clauses(kind)
        guard !hits.isEmpty else { return [] }
        let (does, loc) = distributes(ctx.profile, countHosting: countHosting)
        if does == nil, let (l, c) = hits.first {
            return [ctx.finding(rule, l, c, "cannot decide whether this duty applies: the profile does not say whether the model is distributed (distribution.weights, distribution.derivatives) or hosted for others",
                                severity: .warning, category: .undecided)]
        }
        guard does == true else { return [] }
        var seen = Set<String>()
        return hits.compactMap { (l, c) in
            let text = describe(c)
            guard seen.insert(text).inserted else { return nil }
            return ctx.finding(rule, l, c, text, category: .duty, profile: loc)
        }
    }
}

struct AttributionDutyRule: Rule {
    let description = RuleDescription(
        id: "attribution-duty", name: "Attribution duty",
        summary: "Distributing the model, or a product built on it, requires a notice or credit.",
        severity: .note, reads: [.attribution], profileFields: ["distribution.weights", "distribution.derivatives", "deployment.hosting"],
        whatItChecks: "Lists attribution clauses (retain notices, display a credit such as \"Built with …\") as duties when the plan distributes the model or offers it to others.",
        why: "Missing notices are the most common licence breach in published models.",
        fix: "Ship the notice (in a NOTICE file or the README) and show the credit line where the licence says.")
    let examples = [
        RuleExample(license: "You must retain all copyright and attribution notices in every copy of the Model you distribute.",
                    profile: "distribution:\n  weights: true\n  derivatives: false\n", expect: .finding),
        RuleExample(license: "You must retain all copyright and attribution notices in every copy of the Model you distribute.",
                    profile: "distribution:\n  weights: false\n  derivatives: false\n", expect: .noFinding),
        RuleExample(license: "You must retain all copyright and attribution notices in every copy of the Model you distribute.",
                    profile: "deployment:\n  commercial: true\n", expect: .undecided),
    ]
    func evaluate(_ ctx: RuleContext) -> [Finding] {
        Distribution.duties(description, ctx, .attribution) { c in
            if let n = c["notice"]?.stringValue { return "show the required notice: \"\(n)\"" }
            return "keep the licence's copyright and attribution notices with every copy"
        }
    }
}

struct LicenseCopyDutyRule: Rule {
    let description = RuleDescription(
        id: "license-copy-duty", name: "Licence copy duty",
        summary: "Recipients must get a copy of the licence.",
        severity: .note, reads: [.licenseCopyRequired], profileFields: ["distribution.weights", "distribution.derivatives"],
        whatItChecks: "Lists licence-copy clauses as duties when the plan distributes the model or derivatives.",
        why: "Most model licences require the agreement to travel with the weights; most published derivatives omit it.",
        fix: "Include the licence file with every copy you distribute.")
    let examples = [
        RuleExample(license: "You must give any recipients of the Model a copy of this License.",
                    profile: "distribution:\n  weights: true\n  derivatives: true\n", expect: .finding),
        RuleExample(license: "You must give any recipients of the Model a copy of this License.",
                    profile: "distribution:\n  weights: false\n  derivatives: false\n", expect: .noFinding),
        RuleExample(license: "You must give any recipients of the Model a copy of this License.",
                    profile: "training:\n  fine_tune: true\n", expect: .undecided),
    ]
    func evaluate(_ ctx: RuleContext) -> [Finding] {
        Distribution.duties(description, ctx, .licenseCopyRequired, countHosting: false) { _ in "give every recipient a copy of the licence" }
    }
}

struct UseRestrictionFlowdownRule: Rule {
    let description = RuleDescription(
        id: "use-restriction-flowdown", name: "Use restrictions must flow down",
        summary: "Whoever receives the model or a derivative must be bound by the same use restrictions.",
        severity: .note, reads: [.useRestrictionFlowdown], profileFields: ["distribution.weights", "distribution.derivatives"],
        whatItChecks: "Lists flow-down clauses as duties when the plan distributes the model or derivatives.",
        why: "RAIL and Gemma-style licences require the use restrictions to be enforceable against every downstream user.",
        fix: "Put the use restrictions into the terms you give recipients (the licence of a derivative must carry them).")
    let examples = [
        RuleExample(license: "Use-based restrictions in paragraph 5 must be included as an enforceable provision in any agreement governing the distribution of the Model.",
                    profile: "distribution:\n  weights: false\n  derivatives: true\n", expect: .finding),
        RuleExample(license: "Use-based restrictions in paragraph 5 must be included as an enforceable provision in any agreement governing the distribution of the Model.",
                    profile: "distribution:\n  weights: false\n  derivatives: false\n", expect: .noFinding),
        RuleExample(license: "Use-based restrictions in paragraph 5 must be included as an enforceable provision in any agreement governing the distribution of the Model.",
                    profile: "training:\n  fine_tune: true\n", expect: .undecided),
    ]
    func evaluate(_ ctx: RuleContext) -> [Finding] {
        Distribution.duties(description, ctx, .useRestrictionFlowdown, countHosting: false) { _ in "bind recipients to the licence's use restrictions in the terms you give them" }
    }
}

struct ExportControlDutyRule: Rule {
    let description = RuleDescription(
        id: "export-control", name: "Export-control duty",
        summary: "Export-control and sanctions laws apply to use or distribution.",
        severity: .note, reads: [.exportControl], profileFields: [],
        whatItChecks: "Lists export-control and trade-compliance clauses as duties.",
        why: "Breaching export controls ends the licence and is unlawful in itself.",
        fix: "Screen recipients and destinations against sanctions lists.")
    let examples = [
        RuleExample(license: "You must comply with all applicable export control and sanctions laws in your use of the Model.",
                    profile: "deployment:\n  commercial: true\n", expect: .finding),
        RuleExample(license: "You may use the Model for any purpose.", profile: "deployment:\n  commercial: true\n", expect: .noFinding),
    ]
    func evaluate(_ ctx: RuleContext) -> [Finding] {
        guard let (l, c) = ctx.clauses(.exportControl).first else { return [] }
        return [ctx.finding(description, l, c, "comply with export-control and sanctions laws when using or distributing the model", category: .duty)]
    }
}

struct TermsMayChangeRule: Rule {
    let description = RuleDescription(
        id: "terms-may-change", name: "Terms may change",
        summary: "The licensor may change the terms or an incorporated policy, or restrict use remotely.",
        severity: .note, reads: [.policyMayChange, .remoteRestriction], profileFields: [],
        whatItChecks: "Notes clauses that let the licensor change terms or policies unilaterally, or restrict use remotely.",
        why: "What is compliant today may not be tomorrow: such licences need periodic review.",
        fix: "Re-check the licence and its policies on a schedule; pin the version you accepted.")
    let examples = [
        RuleExample(license: "The Provider may modify this Agreement from time to time by posting a new version.",
                    profile: "deployment:\n  commercial: true\n", expect: .finding),
        RuleExample(license: "You may use the Model for any purpose.", profile: "deployment:\n  commercial: true\n", expect: .noFinding),
    ]
    func evaluate(_ ctx: RuleContext) -> [Finding] {
        (ctx.clauses(.policyMayChange) + ctx.clauses(.remoteRestriction)).prefix(2).map { (l, c) in
            ctx.finding(description, l, c, c.kind == .policyMayChange ? "the licensor may change these terms or their policy unilaterally; review them periodically"
                                                                      : "the licensor may restrict use of the model remotely", category: .duty)
        }
    }
}

struct CommercialRegistrationRule: Rule {
    let description = RuleDescription(
        id: "commercial-registration", name: "Commercial use needs registration",
        summary: "Commercial use needs an application, registration or written authorisation first.",
        severity: .warning, reads: [.commercialRegistration], profileFields: ["deployment.commercial"],
        whatItChecks: "Reads registration clauses against `deployment.commercial`.",
        why: "Some community licences allow commercial use only after registering with the licensor.",
        fix: "Register or apply, then record the registration as an exception with its reference.")
    let examples = [
        RuleExample(license: "Before any commercial use of the Model you must register with the Provider at its website.",
                    profile: "deployment:\n  commercial: true\n", expect: .finding),
        RuleExample(license: "Before any commercial use of the Model you must register with the Provider at its website.",
                    profile: "deployment:\n  commercial: false\n", expect: .noFinding),
        RuleExample(license: "Before any commercial use of the Model you must register with the Provider at its website.",
                    profile: "training:\n  fine_tune: true\n", expect: .undecided),
    ]
    func evaluate(_ ctx: RuleContext) -> [Finding] {
        guard let (l, c) = ctx.clauses(.commercialRegistration).first else { return [] }
        guard let commercial = ctx.profile.commercial else {
            return [ctx.undecided(description, l, c, missing: "deployment.commercial", why: "commercial use needs registration first")]
        }
        guard commercial.value else { return [] }
        return [ctx.finding(description, l, c, "commercial use of \(ctx.licenseName(l)) needs registration or a licence request first",
                            profile: ctx.profileLocation(commercial))]
    }
}
