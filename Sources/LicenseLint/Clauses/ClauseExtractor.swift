/// Reads a licence text into clauses: normalise, split into sentences, match every phrase in one pass,
/// then let each clause kind's detector read the sentences that contain its trigger words.
public enum ClauseExtractor {
    static let detectors: [any ClauseDetector] = [
        UserCapDetector(), RevenueCapDetector(), CompetingModelBanDetector(), NamingRequirementDetector(),
        AttributionDetector(), LicenseCopyRequiredDetector(), UseRestrictionFlowdownDetector(),
        AcceptableUseDetector(), NonCommercialDetector(), ResearchOnlyDetector(), NonProductionDetector(),
        GeographicRestrictionDetector(), HostingRestrictionDetector(), RedistributionBanDetector(),
        ShareAlikeDetector(), CommercialRegistrationDetector(), GoverningLawDetector(), PatentRetaliationDetector(),
        TrademarkRestrictionDetector(), OutputOwnershipDetector(), RemoteRestrictionDetector(),
        PolicyMayChangeDetector(), ExportControlDetector(),
    ]

    /// All clauses in a text, de-duplicated by kind and parameters (the first place wins), ordered by line.
    public static func extract(_ source: SourceFile) -> [Clause] { extract(Analysis(source: source)) }

    static func extract(_ analysis: Analysis) -> [Clause] {
        var clauses: [Clause] = []
        var seen: Set<String> = []
        for i in analysis.sentences.indices {
            let view = analysis.view(i)
            for d in detectors where d.triggers.contains(where: { view.has($0) }) {
                for found in d.detect(view) {
                    let clause = Clause(kind: d.kind, parameters: found.parameters,
                                        evidence: evidence(analysis, found.range ?? view.start..<view.end))
                    if seen.insert(clause.identity).inserted { clauses.append(clause) }
                }
            }
        }
        // Terms that bind derivatives as a whole carry the use restrictions with them.
        if let sa = clauses.first(where: { $0.kind == .shareAlike }),
           clauses.contains(where: { $0.kind == .acceptableUse }),
           !clauses.contains(where: { $0.kind == .useRestrictionFlowdown }) {
            clauses.append(Clause(kind: .useRestrictionFlowdown, evidence: sa.evidence))
        }
        clauses.sort { ($0.evidence.line, $0.kind) < ($1.evidence.line, $1.kind) }
        return clauses
    }

    static func evidence(_ a: Analysis, _ range: Range<Int>) -> Evidence {
        let from = a.text.sourceOffset(range.lowerBound)
        let to = range.upperBound > range.lowerBound ? a.text.sourceOffset(range.upperBound - 1) + 1 : from
        let start = a.source.location(ofByte: from)
        let endLine = a.source.line(ofByte: max(from, to - 1))
        return Evidence(line: start.line, column: start.column, endLine: endLine, text: a.source.excerpt(from: from, to: to))
    }
}
