struct AttributionDutyRule: Rule {
    let description = RuleDescription(
        id: "attribution-duty", name: "Attribution duty",
        summary: "Distributing the model, or a product built on it, requires a notice or credit.",
        severity: .note, reads: [.attribution], profileFields: ["distribution.weights", "distribution.derivatives", "deployment.hosting"],
        whatItChecks: "Lists attribution clauses (retain notices, display a credit such as \"Built with …\") as duties when the plan distributes the model or offers it to others.",
        why: "Missing notices are the most common licence breach in published models.",
        fix: "Ship the notice (in a NOTICE file or the README) and show the credit line where the licence says.")
    let examples = [
        RuleExample(license: "You must retain all copyright and attribution notices in every copy of the Model you distribute.",
                    profile: "distribution:\n  weights: true\n  derivatives: false\n", expect: .finding),
        RuleExample(license: "You must retain all copyright and attribution notices in every copy of the Model you distribute.",
                    profile: "distribution:\n  weights: false\n  derivatives: false\n", expect: .noFinding),
        RuleExample(license: "You must retain all copyright and attribution notices in every copy of the Model you distribute.",
                    profile: "deployment:\n  commercial: true\n", expect: .undecided),
    ]
    func evaluate(_ ctx: RuleContext) -> [Finding] {
        Distribution.duties(description, ctx, .attribution) { c in
            if let n = c["notice"]?.stringValue { return "show the required notice: \"\(n)\"" }
            return "keep the licence's copyright and attribution notices with every copy"
        }
    }
}
