/// The OpenRAIL covenant to make reasonable efforts to use the latest version of the model.
struct LatestVersionDutyRule: Rule {
    let description = RuleDescription(
        id: "latest-version-duty", name: "Use the latest version",
        summary: "The licence asks every user to make reasonable efforts to use the model's latest version.",
        severity: .note, reads: [.remoteRestriction], profileFields: [],
        whatItChecks: "Lists the covenant \"undertake reasonable efforts to use the latest version of the Model\" (read as a remote-restriction clause with trigger `use`) as a duty. Who is bound: every licensee. By what act: any use of the model, internal research included. Where: in how you deploy and update the model.",
        why: "It is an affirmative act the licence requires of every use; a deployment pinned to an old version for ever breaches it.",
        fix: "Track the licensor's releases and update the deployed model within a reasonable time, or record why an update is not reasonable.",
        bound: "every user of the model",
        act: "using the model",
        place: "in operation: make reasonable efforts to run the latest version")
    let examples = [
        RuleExample(license: "You shall undertake reasonable efforts to use the latest version of the Model.",
                    profile: "deployment:\n  hosting: internal\n", expect: .finding),
        RuleExample(license: "The Licensor reserves the right to restrict (remotely or otherwise) usage of the Model in violation of this License.",
                    profile: "deployment:\n  hosting: internal\n", expect: .noFinding),
    ]
    func evaluate(_ ctx: RuleContext) -> [Finding] {
        Distribution.duties(description, ctx, .remoteRestriction, where: { $0.triggers.contains(.use) }) { _ in
            "make reasonable efforts to use the latest version of the model"
        }
    }
}
