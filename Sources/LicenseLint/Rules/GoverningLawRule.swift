struct GoverningLawRule: Rule {
    let description = RuleDescription(
        id: "governing-law-not-allowed", name: "Governing law not allowed",
        summary: "The licence is governed by a law the profile does not accept.",
        severity: .error, reads: [.governingLaw, .contractScope], profileFields: ["policy.allowed_jurisdictions"],
        whatItChecks: "Compares the governing-law jurisdiction with `policy.allowed_jurisdictions` (a US state is allowed when its code, or US, is listed).",
        why: "Public bodies and some companies may only accept contracts under their own or named laws.",
        fix: "Get legal approval for the jurisdiction, record an exception, or choose another model.",
        bound: "the licensee, as a party to the licence",
        act: "accepting the licence",
        place: "the licence's choice-of-law clause, against policy.allowed_jurisdictions")
    let examples = [
        RuleExample(license: "This Agreement will be governed by the laws of the State of California.",
                    profile: "policy:\n  allowed_jurisdictions: [IE, DE]\n", expect: .finding),
        RuleExample(license: "This Agreement will be governed by the laws of the State of California.",
                    profile: "policy:\n  allowed_jurisdictions: [US-CA]\n", expect: .noFinding),
        // Terms that send EEA residents elsewhere: for an organisation in the EEA, the law is not settled here.
        RuleExample(license: "If you reside in the European Economic Area, your use of the Services is governed by these terms.\n\nThese Terms are governed by the laws of the State of California.",
                    profile: "organisation:\n  headquarters: DE\npolicy:\n  allowed_jurisdictions: [IE, DE]\n", expect: .undecided),
    ]
    func evaluate(_ ctx: RuleContext) -> [Finding] {
        guard let allowed = ctx.profile.allowedJurisdictions else { return [] }
        var out: [Finding] = []
        for (l, c) in ctx.clauses(.governingLaw) {
            guard let j = c.jurisdiction else { continue }
            let country = String(j.split(separator: "-").first ?? "")
            if allowed.value.contains(j) || allowed.value.contains(country) { continue }
            // Terms that send residents of the EEA to separate terms: for an organisation there, the law these
            // terms choose may not be the law that governs it.
            if let scope = ctx.clauses(.contractScope).first(where: { $0.clause.excludes.contains(.eeaResidents) }),
               let hq = ctx.profile.headquarters, ProfileValues.euMembers.contains(hq.value) || hq.value == Lexicon.europeanUnion {
                out.append(ctx.finding(description, scope.license, scope.clause,
                    "cannot decide: \(ctx.licenseName(l)) chooses \(j) law, but it sends residents of the EEA to separate terms, which are not here",
                    severity: .warning, category: .undecided, profile: ctx.profileLocation(hq),
                    toSupply: "obtain the terms for the EEA, put them in the model folder, and check again"))
                continue
            }
            out.append(ctx.finding(description, l, c, "\(ctx.licenseName(l)) is governed by \(j) law, which is not in policy.allowed_jurisdictions",
                                   profile: ctx.profileLocation(allowed), details: ["allowed: \(allowed.value.joined(separator: ", "))"],
                                   remedy: "get legal approval for \(j) law and record it as an exception (or add \(j) to policy.allowed_jurisdictions), or choose another model"))
        }
        return out
    }
}
