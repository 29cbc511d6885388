struct CommercialRegistrationRule: Rule {
    let description = RuleDescription(
        id: "commercial-registration", name: "Commercial use needs registration",
        summary: "Commercial use needs an application, registration or written authorisation first.",
        severity: .warning, reads: [.commercialRegistration], profileFields: ["deployment.commercial"],
        whatItChecks: "Reads registration clauses against `deployment.commercial`.",
        why: "Some community licences allow commercial use only after registering with the licensor.",
        fix: "Register or apply, then record the registration as an exception with its reference.",
        bound: "the licensee",
        act: "commercial use before registering or obtaining the licensor's authorisation",
        place: "with the licensor, before the use starts")
    let examples = [
        RuleExample(license: "Before any commercial use of the Model you must register with the Provider at its website.",
                    profile: "deployment:\n  commercial: true\n", expect: .undecided),
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
        // Whether the licensee has registered is a fact the profile cannot state: a warning that names it,
        // never a conflict (registering is allowed and is how the use becomes licensed).
        return [ctx.finding(description, l, c, "cannot decide: commercial use of \(ctx.licenseName(l)) needs registration or a licence request first, and the profile does not record one",
                            category: .undecided, profile: ctx.profileLocation(commercial),
                            toSupply: "record the registration or the licensor's authorisation as an exception (policy.exceptions), with its reference")]
    }
}
