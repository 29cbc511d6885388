/// The licensor may restrict use remotely: "Licensor reserves the right to restrict (remotely or otherwise)
/// usage of the Model", "we may … suspend your access".
struct RemoteRestrictionDetector: ClauseDetector {
    let kind = ClauseKind.remoteRestriction
    let triggers: [G] = [.remote]

    func detect(_ s: SentenceView) -> [Detection] {
        guard s.has(.licensorMay), !s.isDefinition else { return [] }
        // "remotely" must be about restricting use, not "remotely accessible".
        let remoteHits = s.hits(.remote).map { s.phrase(of: $0) }
        if remoteHits == ["remotely"] && !(s.mentions("restrict") || s.mentions("disable") || s.mentions("limit")) { return [] }
        if s.has(.prohibit) && !s.has(.licensorMay) { return [] }
        return one()
    }
}
