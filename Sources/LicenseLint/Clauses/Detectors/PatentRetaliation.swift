/// "If You institute patent litigation against any entity … alleging that the Work … constitutes
/// infringement, then any patent licenses granted to You … shall terminate".
struct PatentRetaliationDetector: ClauseDetector {
    let kind = ClauseKind.patentRetaliation
    let triggers: [G] = [.litigation]

    func detect(_ s: SentenceView) -> [Detection] {
        guard s.has(.terminate), s.has(.infringe), !s.isDefinition else { return [] }
        // "Your patent license terminates if you sue anyone claiming that the Model infringes …"
        if s.mentions("patent"), s.hits(.litigation).contains(where: { ["sue", "sues", "suing"].contains(s.phrase(of: $0)) }) {
            return one()
        }
        // "If you make any written claim that the model infringes … any patent, your licenses … end".
        if s.mentions("patent"), s.mentions("make any written claim") || s.mentions("make any claim") || s.mentions("makes any claim") {
            return one()
        }
        guard s.has(.litigate) else { return [] }
        guard s.before(.litigate, .litigation, within: 60) else { return [] }
        return one()
    }
}
