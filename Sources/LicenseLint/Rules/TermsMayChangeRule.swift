struct TermsMayChangeRule: Rule {
    let description = RuleDescription(
        id: "terms-may-change", name: "Terms may change",
        summary: "The licensor may change the terms or an incorporated policy, or restrict use remotely.",
        severity: .note, reads: [.policyMayChange, .remoteRestriction], profileFields: [],
        whatItChecks: "Notes, as information (not a duty of the plan, never a failure), clauses that let the licensor change terms or policies unilaterally, or restrict use remotely. Who is bound: every user. By what act: none of yours; the licensor acts. Where: in your own review schedule.",
        why: "What is compliant today may not be tomorrow: such licences need periodic review.",
        fix: "Re-check the licence and its policies on a schedule; pin the version you accepted.",
        bound: "every user of the model",
        act: "relying on terms the licensor may change or enforce remotely",
        place: "nothing to show or ship (information): review the terms when they change")
    let examples = [
        RuleExample(license: "The Provider may modify this Agreement from time to time by posting a new version.",
                    profile: "deployment:\n  commercial: true\n", expect: .finding),
        RuleExample(license: "You may use the Model for any purpose.", profile: "deployment:\n  commercial: true\n", expect: .noFinding),
    ]
    func evaluate(_ ctx: RuleContext) -> [Finding] {
        (ctx.clauses(.policyMayChange) + ctx.clauses(.remoteRestriction).filter { !$0.clause.triggers.contains(.use) }).prefix(2).map { (l, c) in
            ctx.finding(description, l, c, c.kind == .policyMayChange ? "the licensor may change these terms or their policy unilaterally; review them periodically"
                                                                      : "the licensor may restrict use of the model remotely", category: .information)
        }
    }
}
