struct LicenseDeniedRule: Rule {
    let description = RuleDescription(
        id: "license-denied", name: "Licence not allowed by policy",
        summary: "The licence is in `policy.deny_licenses`, or not in `policy.allow_licenses`.",
        severity: .error, reads: [], profileFields: ["policy.allow_licenses", "policy.deny_licenses"],
        whatItChecks: "Compares each licence's id (identified or declared) with the profile's allow and deny lists.",
        why: "Teams keep approved and banned licence lists; an unidentified licence cannot be shown to be approved.",
        fix: "Use a model under an approved licence, or get the licence approved.",
        bound: "the team",
        act: "using a model under a licence the team's policy refuses",
        place: "the profile's policy.allow_licenses and policy.deny_licenses")
    let examples = [
        RuleExample(license: "Creative Commons Attribution-NonCommercial 4.0 International Public License. You may share the material for NonCommercial purposes only.",
                    profile: "policy:\n  allow_licenses: [apache-2.0, mit]\n", expect: .finding),
    ]
    func evaluate(_ ctx: RuleContext) -> [Finding] {
        var out: [Finding] = []
        let deny = ctx.profile.denyLicenses, allow = ctx.profile.allowLicenses
        guard deny != nil || allow != nil else { return [] }
        func same(_ a: String, _ b: String) -> Bool {
            if a.lowercased() == b.lowercased() { return true }
            guard let cat = ctx.catalogue, let ea = cat.entry(for: a), let eb = cat.entry(for: b) else { return false }
            return ea.id == eb.id
        }
        for l in ctx.licenses where l.source != .inherited {
            guard let id = ctx.licenseID(l) else {
                if let a = allow {
                    out.append(ctx.finding(description, l, nil, "licence not identified, so it cannot be shown to be in policy.allow_licenses",
                                           profile: ctx.profileLocation(a),
                                           remedy: "have the licence reviewed and record an exception, or choose a model under an allowed licence"))
                }
                continue
            }
            if let d = deny, d.value.contains(where: { same($0, id) }) {
                out.append(ctx.finding(description, l, nil, "licence '\(id)' is in policy.deny_licenses", profile: ctx.profileLocation(d),
                                       remedy: "choose a model under another licence, or record an exception"))
            } else if let a = allow, !a.value.contains(where: { same($0, id) }) {
                out.append(ctx.finding(description, l, nil, "licence '\(id)' is not in policy.allow_licenses", profile: ctx.profileLocation(a),
                                       details: ["allowed: \(a.value.joined(separator: ", "))"],
                                       remedy: "choose a model under an allowed licence, or review '\(id)' and add it to policy.allow_licenses"))
            }
        }
        return out
    }
}
