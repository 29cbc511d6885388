struct AttributionDutyRule: Rule {
    let description = RuleDescription(
        id: "attribution-duty", name: "Attribution duty",
        summary: "An act of the plan (distributing copies, offering a product, publishing a derivative) triggers a notice or credit.",
        severity: .note, reads: [.attribution], profileFields: ["distribution.weights", "distribution.derivatives", "deployment.hosting"],
        whatItChecks: "Lists attribution clauses (retain notices, display a credit such as \"Built with …\") as duties when the plan does the act the clause names. Who is bound: the licensee. By what act: the clause's trigger — handing over copies (a notice kept in the files or in a \"Notice\" file), making a product or service that contains the model available (a credit on the product), publishing a derivative or a public statement about it. A clause that names no act is read as tied to copies. Where: the place the clause names — the copies, a Notice file, the product's website, UI or documentation.",
        why: "Missing notices are the most common licence breach in published models; a credit owed on a product is not owed in the upstream model's README.",
        fix: "Put the notice where the licence says: in the copies or their Notice file when you distribute them, on the product's About page or documentation when the licence asks for a product credit.",
        bound: "the licensee who does the act",
        act: "distributing copies, making a product that contains the model available, publishing a derivative or a public statement about one — as the clause says",
        place: "where the clause says: a \"Notice\" file in distributed copies, the product's website, UI or documentation, or the copies themselves")
    let examples = [
        // Tied to copies: distributing them triggers it, hosting alone does not.
        RuleExample(license: "You must retain all copyright and attribution notices in every copy of the Model you distribute.",
                    profile: "distribution:\n  weights: true\n  derivatives: false\n", expect: .finding),
        RuleExample(license: "You must retain all copyright and attribution notices in every copy of the Model you distribute.",
                    profile: "deployment:\n  hosting: api\ndistribution:\n  weights: false\n  derivatives: false\n", expect: .noFinding),
        RuleExample(license: "You must retain all copyright and attribution notices in every copy of the Model you distribute.",
                    profile: "deployment:\n  commercial: true\n", expect: .undecided),
        // A product credit: making a service that contains the model available triggers it.
        RuleExample(license: "If you distribute or make available the Model, or a product or service that contains it, you shall prominently display \"Made with Aurora\" on a related website or user interface.",
                    profile: "deployment:\n  hosting: api\ndistribution:\n  weights: false\n  derivatives: false\n", expect: .finding),
        RuleExample(license: "If you distribute or make available the Model, or a product or service that contains it, you shall prominently display \"Made with Aurora\" on a related website or user interface.",
                    profile: "deployment:\n  hosting: internal\ndistribution:\n  weights: false\n  derivatives: false\n", expect: .noFinding),
    ]
    func evaluate(_ ctx: RuleContext) -> [Finding] {
        Distribution.duties(description, ctx, .attribution) { c in
            if let n = c.notice { return "show the required notice \"\(n)\"" }
            return "keep the licence's copyright and attribution notices"
        }
    }
}
