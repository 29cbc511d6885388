/// A licence that must travel with the model, and no licence file in the folder.
struct LicenseCopyMissingRule: Rule {
    let description = RuleDescription(
        id: "license-copy-missing", name: "Licence text missing from the model folder",
        summary: "The licence requires recipients to get a copy of it, but the model folder has no licence file.",
        severity: .error, reads: [.licenseCopyRequired], profileFields: ["distribution.weights", "distribution.derivatives"],
        whatItChecks: "When the model is distributed, checks that its folder ships a LICENSE (or LICENCE, COPYING) file if any applicable licence, its own or inherited, requires a copy to go with it.",
        why: "Most published models lack the licence text their licence requires; the recipient cannot know the terms.",
        fix: "Add the licence text to the model folder.")
    let examples: [RuleExample] = []

    func evaluate(_ ctx: RuleContext) -> [Finding] {
        guard !ctx.hasLicenseFile, let (l, c) = ctx.clauses(.licenseCopyRequired).first else { return [] }
        let (does, loc) = Distribution.distributes(ctx.profile, countHosting: false)
        if does == nil {
            return [ctx.finding(description, l, c, "cannot decide: the folder has no licence file, which \(ctx.licenseName(l)) requires when the model is distributed; the profile does not say whether it is",
                                severity: .warning, category: .undecided)]
        }
        guard does == true else { return [] }
        return [Finding(ruleID: description.id, severity: .error, category: .conflict,
                        message: "the model folder has no licence file, but \(ctx.licenseName(l)) requires a copy with every distribution",
                        model: ctx.model, location: ctx.location(l, c) ?? FileLocation(path: ctx.modelPath, line: 1), profileLocation: loc,
                        clauseKind: .licenseCopyRequired, licenseID: ctx.licenseID(l), details: [l.via.map { "terms \($0)" } ?? ""].filter { !$0.isEmpty })]
    }
}
