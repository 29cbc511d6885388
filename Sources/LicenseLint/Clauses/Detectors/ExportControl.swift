/// Export-control, sanctions and trade-compliance duties: "must comply with applicable laws and regulations
/// (including trade compliance laws …)", "violate any applicable … export control and trade sanctions laws".
struct ExportControlDetector: ClauseDetector {
    let kind = ClauseKind.exportControl
    let triggers: [G] = [.export, .sanctionedPlaces]

    func detect(_ s: SentenceView) -> [Detection] {
        guard !s.isDefinition else { return [] }
        let duty = s.obliges || s.prohibits || s.has(.subjectTo) || s.has(.adhere)
        guard duty else { return [] }
        // Mentions in a disclaimer ("licensor makes no representation … export") do not bind the licensee.
        if s.has(.noRepresentation) { return [] }
        return one()
    }
}
