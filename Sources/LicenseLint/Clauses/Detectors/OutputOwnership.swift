/// Who owns outputs: "Licensor claims no rights in the Output" (unclaimed), "you … own the Output"
/// (licensee), "outputs are owned by the licensor" (licensor).
struct OutputOwnershipDetector: ClauseDetector {
    let kind = ClauseKind.outputOwnership
    let triggers: [G] = [.claimNone, .ownYou, .ownUs]

    func detect(_ s: SentenceView) -> [Detection] {
        guard s.has(.output), !s.isDefinition else { return [] }
        // "claims no rights in", "does not claim ownership of": a claim about rights, not "does not claim that
        // the output is accurate".
        if s.has(.claimNone) && s.near(.claimNone, .output, within: 80)
            && (s.mentions("right") || s.mentions("ownership") || s.mentions("title") || s.mentions(" own")
                || s.mentions("not covered by this license")) {
            return one([("owner", .string("unclaimed"))])
        }
        if s.has(.ownYou) && s.near(.ownYou, .output, within: 80) && !s.mentions("do not own") {
            return one([("owner", .string("licensee"))])
        }
        if s.has(.ownUs) && s.near(.ownUs, .output, within: 60) { return one([("owner", .string("licensor"))]) }
        return []
    }
}
