/// Who owns outputs: "Licensor claims no rights in the Output" (unclaimed), "you … own the Output"
/// (licensee), "outputs are owned by the licensor" (licensor).
struct OutputOwnershipDetector: ClauseDetector {
    let kind = ClauseKind.outputOwnership
    let triggers: [G] = [.claimNone, .ownYou, .ownUs]

    func detect(_ s: SentenceView) -> [Detection] {
        guard !s.isDefinition else { return [] }
        if ownsListedOutputs(s) { return one([(.owner, .of(OutputOwner.licensee))]) }
        guard s.has(.output) else { return [] }
        // "claims no rights in", "does not claim ownership of": a claim about rights, not "does not claim that
        // the output is accurate".
        // (A claim the licensee must not make — "The Licensee shall not claim ownership of the Output" — says
        // nothing of the licensor's.)
        func licenseeMayNotClaim() -> Bool {
            s.has(.licenseeMayNotClaim)
        }
        if s.has(.claimNone) && s.near(.claimNone, .output, within: 80) && !licenseeMayNotClaim()
            && s.has(.rightsWord) {
            return one([(.owner, .of(OutputOwner.unclaimed))])
        }
        // "you hold all rights, title and interest in and to: (i) Derivative Models …, and (ii) outputs" lists
        // what is owned, so the output may come further on.
        let holds = s.has(.youHold)
        if s.has(.ownYou) && (s.near(.ownYou, .output, within: 80) || holds && s.near(.ownYou, .output, within: 220))
            && !s.has(.doNotOwn) && !licenseeMayNotClaim() {
            return one([(.owner, .of(OutputOwner.licensee))])
        }
        // "All rights, title, and interest in and to the Output … shall remain the exclusive property of the Licensor"
        if s.has(.ownUs) && (s.near(.ownUs, .output, within: 60) || s.has(.rightsTitle) && s.near(.ownUs, .output, within: 140)) {
            return one([(.owner, .of(OutputOwner.licensor))])
        }
        return []
    }

    /// "you hold all rights, title and interest in and to: (i) Derivative Models …, and (ii) outputs …":
    /// the lead-in says who owns, an item names the outputs.
    private func ownsListedOutputs(_ s: SentenceView) -> Bool {
        guard s.sentence.endsWithColon, s.has(.ownYou), !s.has(.doNotOwn) else { return false }
        return s.listItems.contains { $0.has(.output) }
    }
}
