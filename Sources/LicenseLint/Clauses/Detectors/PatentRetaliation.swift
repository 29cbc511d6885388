/// "If You institute patent litigation against any entity … alleging that the Work … constitutes
/// infringement, then any patent licenses granted to You … shall terminate".
struct PatentRetaliationDetector: ClauseDetector {
    let kind = ClauseKind.patentRetaliation
    let triggers: [G] = [.litigation]

    func detect(_ s: SentenceView) -> [Detection] {
        guard s.has(.terminate), s.has(.infringe), !s.isDefinition else { return [] }
        // "Your patent license terminates if you sue anyone claiming that the Model infringes …"
        if s.has(.patentWord), s.has(.sueVerb) {
            return one()
        }
        // "If you make any written claim that the model infringes … any patent, your licenses … end".
        if s.has(.patentWord), s.has(.makeClaim) {
            return one()
        }
        guard s.has(.litigate) else { return [] }
        guard s.before(.litigate, .litigation, within: 60) else { return [] }
        return one()
    }
}
