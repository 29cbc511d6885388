/// "If You institute patent litigation against any entity … alleging that the Work … constitutes
/// infringement, then any patent licenses granted to You … shall terminate".
struct PatentRetaliationDetector: ClauseDetector {
    let kind = ClauseKind.patentRetaliation
    let triggers: [G] = [.litigation]

    func detect(_ s: SentenceView) -> [Detection] {
        guard s.has(.litigate), s.has(.terminate), s.has(.infringe), !s.isDefinition else { return [] }
        guard s.before(.litigate, .litigation, within: 60) else { return [] }
        return one()
    }
}
