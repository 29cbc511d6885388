struct ShareAlikeRule: Rule {
    let description = RuleDescription(
        id: "share-alike-violated", name: "Derivative licence breaks share-alike",
        summary: "Derivatives must be licensed under the same terms, but the profile publishes them under another licence.",
        severity: .error, reads: [.shareAlike], profileFields: ["distribution.derivatives", "distribution.derivative_license"],
        whatItChecks: "When the profile distributes derivatives, compares `distribution.derivative_license` with the model's licence.",
        why: "Share-alike terms follow the model into every fine-tune; relabelling a derivative under a permissive licence drops them.",
        fix: "Publish the derivative under the same licence (and pass its restrictions on).",
        bound: "the licensee who publishes a derivative",
        act: "publishing a derivative under another licence",
        place: "the derivative's licence (distribution.derivative_license)")

    let examples = [
        RuleExample(license: "If you distribute the Model or any derivative works of it, you may only do so under the terms of this Agreement.",
                    profile: "distribution:\n  derivatives: true\n  derivative_license: apache-2.0\n", expect: .finding),
        RuleExample(license: "If you distribute the Model or any derivative works of it, you may only do so under the terms of this Agreement.",
                    profile: "distribution:\n  derivatives: false\n", expect: .noFinding),
        RuleExample(license: "If you distribute the Model or any derivative works of it, you may only do so under the terms of this Agreement.",
                    profile: "distribution:\n  derivatives: true\n", expect: .undecided),
    ]

    func evaluate(_ ctx: RuleContext) -> [Finding] {
        guard let (l, c) = ctx.clauses(.shareAlike).first else { return [] }
        guard let derivatives = ctx.profile.distributesDerivatives else {
            return [ctx.undecided(description, l, c, missing: "distribution.derivatives", why: "the licence is share-alike for derivatives")]
        }
        guard derivatives.value else { return [] }
        guard let chosen = ctx.profile.derivativeLicense else {
            return [ctx.undecided(description, l, c, missing: "distribution.derivative_license", why: "derivatives must keep the same terms")]
        }
        let own = ctx.licenseID(l)
        let sameEntry = own.flatMap { id in ctx.catalogue?.entry(for: id)?.id } == ctx.catalogue?.entry(for: chosen.value)?.id && own != nil
        if own?.lowercased() == chosen.value.lowercased() || sameEntry { return [] }
        return [ctx.finding(description, l, c, "derivatives published under '\(chosen.value)' but \(ctx.licenseName(l)) requires its own terms for them",
                            profile: ctx.profileLocation(chosen),
                            remedy: "publish the derivatives under \(ctx.licenseName(l)) instead of '\(chosen.value)'")]
    }
}
