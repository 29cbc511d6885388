/// A licence that must travel with the model, and no licence file in the folder.
struct LicenseCopyMissingRule: Rule {
    let description = RuleDescription(
        id: "license-copy-missing", name: "Licence text missing from the model folder",
        summary: "The licence requires recipients to get a copy of it, but the model folder has no licence file.",
        severity: .error, reads: [.licenseCopyRequired], profileFields: ["distribution.weights", "distribution.derivatives"],
        whatItChecks: "When the plan distributes this folder (its weights, or a derivative it publishes), checks that its folder ships a LICENSE (or LICENCE, COPYING) file if any applicable licence, its own or inherited, requires a copy to go with it.",
        why: "Most published models lack the licence text their licence requires; the recipient cannot know the terms.",
        fix: "Add the licence text to the model folder.",
        bound: "the licensee who distributes this folder",
        act: "distributing the folder (its weights, or a derivative the plan publishes)",
        place: "a LICENSE file in the folder, with the text of the licence that is owed (an ancestor's, for a derivative)")
    let examples: [RuleExample] = []

    func evaluate(_ ctx: RuleContext) -> [Finding] {
        guard !ctx.hasLicenseFile, let loc = Shipped.folder(ctx) else { return [] }
        // The licence that is owed: the one whose clause requires the copy (an ancestor's, when inherited).
        // An inherited licence comes first: a relabelled derivative owes its ancestor's text, not the one it declares.
        let owedBy = { (l: AppliedLicense, c: Clause) in c.triggers.isEmpty || c.triggers.contains(.distributeCopies) }
        guard let (l, c) = ctx.inherited.first(where: { $0.clause.kind == .licenseCopyRequired && owedBy($0.license, $0.clause) })
                ?? ctx.clauses(.licenseCopyRequired).first(where: { owedBy($0.license, $0.clause) }) else { return [] }
        return [Finding(ruleID: description.id, severity: .error, category: .conflict,
                        message: "the model folder has no licence file, but \(ctx.licenseName(l)) requires a copy with every distribution, and the plan distributes this folder",
                        model: ctx.model, location: ctx.location(l, c) ?? FileLocation(path: ctx.modelPath, line: 1), profileLocation: loc,
                        clauseKind: .licenseCopyRequired, licenseID: ctx.licenseID(l), details: [l.viaDetail ?? "", "add the text of \(ctx.licenseName(l)) to the folder"].filter { !$0.isEmpty },
                        remedy: "add the text of \(ctx.licenseName(l)) to the folder before distributing it")]
    }
}
