/// Production use is not granted: "non-production use only", a prohibition of "any commercial or
/// production purposes", or a defined term that "does not include any production use".
struct NonProductionDetector: ClauseDetector {
    let kind = ClauseKind.nonProduction
    let triggers: [G] = [.nonProduction, .production]

    /// Phrases that limit on their own: "Non-Commercial Uses does not include any production use",
    /// "for purposes other than commercial or production use".
    func detect(_ s: SentenceView) -> [Detection] {
        if !s.has(.cancelProhibit), s.has(.productionLimit) {
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
