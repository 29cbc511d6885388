struct LicenseCopyDutyRule: Rule {
    let description = RuleDescription(
        id: "license-copy-duty", name: "Licence copy duty",
        summary: "Recipients must get a copy of the licence.",
        severity: .note, reads: [.licenseCopyRequired], profileFields: ["distribution.weights", "distribution.derivatives"],
        whatItChecks: "Lists licence-copy clauses as duties when the plan does the act that triggers them. Who is bound: the licensee who passes the model on. By what act: handing over copies (weights or a derivative), or — only where the licence counts hosting as distribution — offering it as a service. Where: with the copies, or in the terms of the service.",
        why: "Most model licences require the agreement to travel with the weights; most published derivatives omit it.",
        fix: "Include the licence file with every copy you distribute.",
        bound: "the licensee who hands the model over",
        act: "distributing copies of the model or a derivative (or, where the licence says so, hosting it)",
        place: "with the copies you distribute, or in the terms users receive")
    let examples = [
        RuleExample(license: "You must give any recipients of the Model a copy of this License.",
                    profile: "distribution:\n  weights: true\n  derivatives: true\n", expect: .finding),
        RuleExample(license: "You must give any recipients of the Model a copy of this License.",
                    profile: "distribution:\n  weights: false\n  derivatives: false\n", expect: .noFinding),
        RuleExample(license: "You must give any recipients of the Model a copy of this License.",
                    profile: "training:\n  fine_tune: true\n", expect: .undecided),
    ]
    func evaluate(_ ctx: RuleContext) -> [Finding] {
        Distribution.duties(description, ctx, .licenseCopyRequired) { _ in "give every recipient a copy of the licence (or a link to it where the licence allows)" }
    }
}
