/// Places a model on the openness spectrum from its licences and its card.
public enum OpennessAssessor {
    static let restrictive: Set<ClauseKind> = Set(ClauseKind.allCases.filter(\.restrictsUse))

    public static func assess(licenses: [AppliedLicense], card: ModelCard?, catalogue: Catalogue?) -> Openness {
        guard !licenses.isEmpty else { return Openness(level: nil, reasons: ["no licence found"]) }
        var reasons: [String] = []
        let entries = licenses.compactMap { l in (l.identification?.id ?? l.declaredID).flatMap { catalogue?.entry(for: $0) } }
        if entries.contains(where: { $0.type == .termsOfService }) || card?.weightsUnavailable == true {
            reasons.append(card?.weightsUnavailable == true ? "the model card says the weights are not available" : "governed by service terms: no weights are licensed")
            return Openness(level: .closed, reasons: reasons)
        }
        let restrictions = Set(licenses.flatMap { $0.clauses.map(\.kind) }).intersection(restrictive)
        let identifiedAll = entries.count == licenses.count
        // A text that matches an OSI-approved licence with clauses added or changed is not that licence.
        let modified = licenses.filter { $0.source == .text && !($0.identification?.differences.isEmpty ?? true) }.compactMap { $0.identification?.id }
        let notOSI = entries.filter { !$0.osiApproved }.map(\.id)
        let osi = identifiedAll && notOSI.isEmpty && modified.isEmpty
        if !restrictions.isEmpty {
            reasons.append("use restrictions: " + restrictions.map(\.rawValue).sorted().joined(separator: ", "))
        }
        if !osi {
            // Only the licences that are not OSI-approved are named as such.
            if !notOSI.isEmpty { reasons.append("licence is not OSI-approved (\(notOSI.joined(separator: ", ")))") }
            if !modified.isEmpty { reasons.append("modified text of \(modified.joined(separator: ", ")): not the OSI-approved licence") }
            if !identifiedAll { reasons.append("licence not identified as an OSI-approved licence") }
        }
        if !restrictions.isEmpty || !osi { return Openness(level: .openWeightsRestricted, reasons: reasons) }
        reasons.append("OSI-approved licence without use restrictions (\(entries.map(\.id).joined(separator: ", ")))")
        let data = !(card?.datasets.isEmpty ?? true)
        let code = card?.declaresTrainingCode ?? false
        if data && code {
            reasons.append("training data declared (\(card?.datasets.prefix(3).joined(separator: ", ") ?? ""))")
            reasons.append("training code declared")
            return Openness(level: .openSource, reasons: reasons)
        }
        if !data { reasons.append("no training data declared in the model card (datasets:)") }
        if !code { reasons.append("no training code declared in the model card") }
        return Openness(level: .openWeights, reasons: reasons)
    }
}
