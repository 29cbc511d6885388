/// Who owns outputs: "Licensor claims no rights in the Output" (unclaimed), "you … own the Output"
/// (licensee), "outputs are owned by the licensor" (licensor).
struct OutputOwnershipDetector: ClauseDetector {
    let kind = ClauseKind.outputOwnership
    let triggers: [G] = [.claimNone, .ownYou, .ownUs]

    func detect(_ s: SentenceView) -> [Detection] {
        guard !s.isDefinition else { return [] }
        if ownsListedOutputs(s) { return one([("owner", .string("licensee"))]) }
        guard s.has(.output) else { return [] }
        // "claims no rights in", "does not claim ownership of": a claim about rights, not "does not claim that
        // the output is accurate".
        // (A claim the licensee must not make — "The Licensee shall not claim ownership of the Output" — says
        // nothing of the licensor's.)
        func licenseeMayNotClaim() -> Bool {
            s.mentions("licensee shall not claim") || s.mentions("you shall not claim") || s.mentions("you will not claim")
                || s.mentions("you may not claim") || s.mentions("licensee may not claim")
        }
        if s.has(.claimNone) && s.near(.claimNone, .output, within: 80) && !licenseeMayNotClaim()
            && (s.mentions("right") || s.mentions("ownership") || s.mentions("title") || s.mentions(" own")
                || s.mentions("not covered by this license")) {
            return one([("owner", .string("unclaimed"))])
        }
        // "you hold all rights, title and interest in and to: (i) Derivative Models …, and (ii) outputs" lists
        // what is owned, so the output may come further on.
        let holds = s.hits(.ownYou).contains { s.phrase(of: $0).hasPrefix("you hold") }
        if s.has(.ownYou) && (s.near(.ownYou, .output, within: 80) || holds && s.near(.ownYou, .output, within: 220))
            && !s.mentions("do not own") && !licenseeMayNotClaim() {
            return one([("owner", .string("licensee"))])
        }
        // "All rights, title, and interest in and to the Output … shall remain the exclusive property of the Licensor"
        if s.has(.ownUs) && (s.near(.ownUs, .output, within: 60) || s.mentions("rights, title") && s.near(.ownUs, .output, within: 140)) {
            return one([("owner", .string("licensor"))])
        }
        return []
    }

    /// "you hold all rights, title and interest in and to: (i) Derivative Models …, and (ii) outputs …":
    /// the lead-in says who owns, an item names the outputs.
    private func ownsListedOutputs(_ s: SentenceView) -> Bool {
        guard s.sentence.endsWithColon, s.has(.ownYou), !s.mentions("do not own") else { return false }
        return s.listItems.contains { $0.has(.output) }
    }
}
