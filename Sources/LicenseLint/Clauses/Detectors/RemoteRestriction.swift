/// The licensor may restrict use remotely: "Licensor reserves the right to restrict (remotely or otherwise)
/// usage of the Model", "we may … suspend your access". The covenant that usually sits beside it ("You
/// shall undertake reasonable efforts to use the latest version of the Model") is a duty of every use,
/// read as the same kind with `trigger: [use]`.
struct RemoteRestrictionDetector: ClauseDetector {
    let kind = ClauseKind.remoteRestriction
    let triggers: [G] = [.remote, .useLatest]

    func detect(_ s: SentenceView) -> [Detection] {
        guard !s.isDefinition else { return [] }
        if s.has(.useLatest) && s.obliges && !s.prohibits && !s.has(.licensorMay) {
            return one([(.trigger, .of([Trigger.use]))])
        }
        guard s.has(.remote), s.has(.licensorMay) else { return [] }
        // "remotely" must be about restricting use, not "remotely accessible".
        let remoteHits = s.hits(.remote)
        if remoteHits.count == 1 && s.isHit(remoteHits[0], in: .remotelyWord) && !s.has(.restrictWord) { return [] }
        if s.has(.prohibit) && !s.has(.licensorMay) { return [] }
        return one()
    }
}
