/// Reads a licence text into clauses: normalise, split into sentences, match every phrase in one pass,
/// then let each clause kind's detector read the sentences that contain its trigger words.
public enum ClauseExtractor {
    /// One detector per kind, in the kinds' order: a new kind does not compile until it names its detector.
    static let detectors: [any ClauseDetector] = ClauseKind.allCases.map(\.detector)

    /// All clauses in a text, de-duplicated by kind and parameters (the first place wins), ordered by line.
    public static func extract(_ source: SourceFile) -> [Clause] { extract(Analysis(source: source)) }

    /// Per detector, its triggers as a bit set: a detector reads a sentence that has any of them.
    static let triggerSets: [GroupSet] = detectors.map { GroupSet($0.triggers) }

    static func extract(_ analysis: Analysis) -> [Clause] {
        var clauses: [Clause] = []
        var seen: Set<String> = []
        var seenBare: Set<ClauseKind> = []
        let triggerSets = ClauseExtractor.triggerSets
        for i in analysis.sentences.indices {
            let groups = analysis.groups[i]
            let view = analysis.view(i)
            for (di, triggers) in triggerSets.enumerated() where groups.intersects(triggers) {
                let d = detectors[di]
                for detection in d.detect(view) {
                    let found = (parameters: detection.parameters.map { ($0.0.rawValue, $0.1) }, range: detection.range)
                    // De-duplicate before building the evidence (an excerpt of the source): repeats are common.
                    // Without parameters the identity is "kind|", which only that kind without parameters has.
                    var clause = Clause(kind: d.kind, parameters: found.parameters,
                                        evidence: Evidence(line: 0, column: 0, endLine: 0, text: ""))
                    if found.parameters.isEmpty {
                        guard seenBare.insert(d.kind).inserted else { continue }
                    } else {
                        guard seen.insert(identity(d.kind, found.parameters)).inserted else { continue }
                    }
                    clause.evidence = evidence(analysis, found.range ?? view.start..<view.end)
                    clauses.append(clause)
                }
            }
        }
        // Terms that bind derivatives as a whole carry the use restrictions with them.
        if let sa = clauses.first(where: { $0.kind == .shareAlike }),
           clauses.contains(where: { $0.kind == .acceptableUse }),
           !clauses.contains(where: { $0.kind == .useRestrictionFlowdown }) {
            clauses.append(Clause(kind: .useRestrictionFlowdown, evidence: sa.evidence))
        }
        if DutyConditions.hostingIsDistribution(analysis) { DutyConditions.extendToHosting(&clauses) }
        DerivativeConditions.attach(analysis, to: &clauses)
        clauses.sort { ($0.evidence.line, $0.kind) < ($1.evidence.line, $1.kind) }
        return clauses
    }

    /// `Clause.identity`, built with appends: kind "|" name=value;name=value, values as they describe
    /// themselves (an int's digits, a string as it is, a list as "[a, b]").
    static func identity(_ kind: ClauseKind, _ parameters: [(String, ParameterValue)]) -> String {
        var key = kind.rawValue
        key.append("|")
        for (i, (name, value)) in parameters.enumerated() {
            if i > 0 { key.append(";") }
            key.append(name)
            key.append("=")
            switch value {
            case .int(let v): key.append(String(v))
            case .string(let s): key.append(s)
            case .list(let l):
                key.append("[")
                for (j, item) in l.enumerated() {
                    if j > 0 { key.append(", ") }
                    key.append(item)
                }
                key.append("]")
            }
        }
        return key
    }

    static func evidence(_ a: Analysis, _ range: Range<Int>) -> Evidence {
        let from = a.text.sourceOffset(range.lowerBound)
        let to = range.upperBound > range.lowerBound ? a.text.sourceOffset(range.upperBound - 1) + 1 : from
        let start = a.source.location(ofByte: from)
        let endLine = a.source.line(ofByte: max(from, to - 1))
        return Evidence(line: start.line, column: start.column, endLine: endLine, text: a.source.excerpt(from: from, to: to))
    }
}

extension ClauseKind {
    /// The detector that reads this kind.
    var detector: any ClauseDetector {
        switch self {
        case .userCap: return UserCapDetector()
        case .revenueCap: return RevenueCapDetector()
        case .competingModelBan: return CompetingModelBanDetector()
        case .namingRequirement: return NamingRequirementDetector()
        case .attribution: return AttributionDetector()
        case .licenseCopyRequired: return LicenseCopyRequiredDetector()
        case .useRestrictionFlowdown: return UseRestrictionFlowdownDetector()
        case .acceptableUse: return AcceptableUseDetector()
        case .nonCommercial: return NonCommercialDetector()
        case .researchOnly: return ResearchOnlyDetector()
        case .nonProduction: return NonProductionDetector()
        case .geographicRestriction: return GeographicRestrictionDetector()
        case .hostingRestriction: return HostingRestrictionDetector()
        case .redistributionBan: return RedistributionBanDetector()
        case .shareAlike: return ShareAlikeDetector()
        case .commercialRegistration: return CommercialRegistrationDetector()
        case .governingLaw: return GoverningLawDetector()
        case .patentRetaliation: return PatentRetaliationDetector()
        case .trademarkRestriction: return TrademarkRestrictionDetector()
        case .outputOwnership: return OutputOwnershipDetector()
        case .remoteRestriction: return RemoteRestrictionDetector()
        case .policyMayChange: return PolicyMayChangeDetector()
        case .exportControl: return ExportControlDetector()
        case .contractScope: return ContractScopeDetector()
        }
    }
}
