struct GoverningLawRule: Rule {
    let description = RuleDescription(
        id: "governing-law-not-allowed", name: "Governing law not allowed",
        summary: "The licence is governed by a law the profile does not accept.",
        severity: .error, reads: [.governingLaw], profileFields: ["policy.allowed_jurisdictions"],
        whatItChecks: "Compares the governing-law jurisdiction with `policy.allowed_jurisdictions` (a US state is allowed when its code, or US, is listed).",
        why: "Public bodies and some companies may only accept contracts under their own or named laws.",
        fix: "Get legal approval for the jurisdiction, record an exception, or choose another model.")
    let examples = [
        RuleExample(license: "This Agreement will be governed by the laws of the State of California.",
                    profile: "policy:\n  allowed_jurisdictions: [IE, DE]\n", expect: .finding),
        RuleExample(license: "This Agreement will be governed by the laws of the State of California.",
                    profile: "policy:\n  allowed_jurisdictions: [US-CA]\n", expect: .noFinding),
    ]
    func evaluate(_ ctx: RuleContext) -> [Finding] {
        guard let allowed = ctx.profile.allowedJurisdictions else { return [] }
        var out: [Finding] = []
        for (l, c) in ctx.clauses(.governingLaw) {
            guard let j = c["jurisdiction"]?.stringValue else { continue }
            let country = String(j.split(separator: "-").first ?? "")
            if allowed.value.contains(j) || allowed.value.contains(country) { continue }
            out.append(ctx.finding(description, l, c, "\(ctx.licenseName(l)) is governed by \(j) law, which is not in policy.allowed_jurisdictions",
                                   profile: ctx.profileLocation(allowed), details: ["allowed: \(allowed.value.joined(separator: ", "))"]))
        }
        return out
    }
}
