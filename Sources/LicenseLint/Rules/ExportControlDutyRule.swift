struct ExportControlDutyRule: Rule {
    let description = RuleDescription(
        id: "export-control", name: "Export-control duty",
        summary: "Export-control and sanctions laws apply to use or distribution.",
        severity: .note, reads: [.exportControl], profileFields: [],
        whatItChecks: "Lists export-control and trade-compliance clauses as information: they bind every user whatever the plan, so they are not duties of the plan and never fail a run. Who is bound: everyone who uses or distributes the model. By what act: any use, export or transfer. Where: in your own screening of recipients and destinations.",
        why: "Breaching export controls ends the licence and is unlawful in itself.",
        fix: "Screen recipients and destinations against sanctions lists.",
        bound: "every user of the model, whatever the plan",
        act: "using or distributing the model where export-control or sanctions law reaches",
        place: "in conduct; nothing to show or ship (information, not a duty of the plan)")
    let examples = [
        RuleExample(license: "You must comply with all applicable export control and sanctions laws in your use of the Model.",
                    profile: "deployment:\n  commercial: true\n", expect: .finding),
        RuleExample(license: "You may use the Model for any purpose.", profile: "deployment:\n  commercial: true\n", expect: .noFinding),
    ]
    func evaluate(_ ctx: RuleContext) -> [Finding] {
        guard let (l, c) = ctx.clauses(.exportControl).first else { return [] }
        return [ctx.finding(description, l, c, "conduct rule for every user: comply with export-control and sanctions laws when using or distributing the model", category: .information)]
    }
}
