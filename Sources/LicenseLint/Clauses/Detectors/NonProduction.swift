/// Production use is not granted: "non-production use only", a prohibition of "any commercial or
/// production purposes", or a defined term that "does not include any production use".
struct NonProductionDetector: ClauseDetector {
    let kind = ClauseKind.nonProduction
    let triggers: [G] = [.nonProduction, .production]

    /// Phrases that limit on their own: "Non-Commercial Uses does not include any production use",
    /// "for purposes other than commercial or production use".
    static let limiting: Set<String> = ["does not include any production", "not for production", "not intended for production",
                                        "not be used in production", "excluding production",
                                        "other than commercial or production", "other than production"]

    func detect(_ s: SentenceView) -> [Detection] {
        if !s.has(.cancelProhibit), s.hits(.nonProduction).contains(where: { NonProductionDetector.limiting.contains(s.phrase(of: $0)) }) {
            return one()
        }
        if s.has(.nonProduction) && (s.has(.limiter) || s.isDefinition || s.prohibits || s.has(.permit)) {
            return one()
        }
        if s.has(.production) && s.prohibits && !s.has(.cancelProhibit) && !s.isDefinition {
            return one()
        }
        return []
    }
}
