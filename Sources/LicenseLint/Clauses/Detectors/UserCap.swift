/// "If … the monthly active users … is greater than 700 million monthly active users …, you must request a license"
struct UserCapDetector: ClauseDetector {
    let kind = ClauseKind.userCap
    let triggers: [G] = [.users]

    /// Users phrases whose own words say "monthly", worked out once.
    func detect(_ s: SentenceView) -> [Detection] {
        guard s.has(.compare), !s.isDefinition else { return [] }
        let quantities = s.quantities.filter { $0.currency == nil && $0.value >= 1000 }
        guard !quantities.isEmpty, s.statesARule else { return [] }
        let users = s.hits(.users)
        // The number that counts users: directly before a users phrase ("700 million monthly active users").
        // Or the users phrase first, the number after a comparison: "daily active users … fewer than 1,000,000".
        let compares = s.hits(.compare)
        func after(_ q: Quantity) -> PhraseMatcher.Hit? {
            users.last { u in
                Int(u.end) <= q.start && q.start - Int(u.end) <= 100
                    && compares.contains { Int($0.start) >= Int(u.end) && Int($0.end) <= q.start }
            }
        }
        for q in quantities {
            guard let u = users.first(where: { Int($0.start) >= q.end && Int($0.start) - q.end <= 12 }) ?? after(q) else { continue }
            let metric: UserMetric
            // The words from the users phrase on: "users per day", "… per calendar month".
            let tail = Int(u.start)..<min(s.end, Int(u.end) + 40)
            if s.isHit(u, in: .usersDaily) || s.has(.perDay, in: tail) && !s.has(.monthWord, in: tail) {
                metric = .dailyActiveUsers
            } else if s.isHit(u, in: .usersMonthly) || s.has(.perMonth, in: tail) || s.has(.usersMonthly) {
                metric = .monthlyActiveUsers
            } else if s.has(.usersDaily) {
                metric = .dailyActiveUsers
            } else {
                metric = .users
            }
            // Above the cap a licence is needed, or a duty the sentence names starts ("… must display …").
            let addsDuty = s.obliges && CapConditions.namesADuty(s)
            let consequence: CapConsequence = s.has(.licenseRequired) || s.next?.has(.licenseRequired) == true || !addsDuty ? .licenseRequired : .obligation
            return one([(.threshold, .int(q.value)), (.metric, .of(metric)), (.consequence, .of(consequence))]
                        + CapConditions.read(s))
        }
        return []
    }
}

extension SentenceView {
    /// The following sentence in the same paragraph, if any.
    var next: SentenceView? {
        let i = index + 1
        guard i < analysis.sentences.count, analysis.sentences[i].segment == sentence.segment else { return nil }
        return analysis.view(i)
    }
}
