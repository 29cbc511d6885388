
extension Checker {
    /// Models named in code and configuration, one per id (all its references listed), judged from the
    /// licence the base-model table records for the id: the licence text is not in the repository, so the
    /// terms are the catalogue's. An id the table does not know is `license-unknown`; a reference whose
    /// model cannot be read (a variable) is a model of its own that cannot be decided. A folder or hub-cache
    /// snapshot checked in the same run for the same id wins over the table.
    func referencedModels(_ refs: [ModelReference], known: [ModelReport]) -> [ModelReport] {
        var out: [ModelReport] = []
        var order: [String] = []
        var byID: [String: [ModelReference]] = [:]
        for r in refs {
            guard let id = r.id else { out.append(unresolved(r)); continue }
            if byID[id] == nil { order.append(id) }
            byID[id, default: []].append(r)
        }
        // The same folder names lineage looks for: org--name, org/name, name, or a hub cache's org/name.
        func local(_ id: String) -> Bool {
            let name = id.split(separator: "/").last.map(String.init) ?? id
            let hub = id.replacing("/", with: "--")
            return known.contains { m in
                let folder = Path.lastComponent(m.path)
                return m.name == id || folder == hub || folder == "models--" + hub || (m.licenses.contains { $0.source == .text } && folder == name)
            }
        }
        for id in order where !local(id) {
            out.append(referenced(id, byID[id] ?? []))
        }
        return out
    }

    static func describe(_ r: ModelReference) -> String { "\(RuleContext.shortPath(r.file)):\(r.line) (\(r.how))" }

    func referenced(_ id: String, _ refs: [ModelReference]) -> ModelReport {
        let first = refs[0]
        let anchor = FileLocation(path: first.file, line: first.line, column: first.column)
        var findings: [Finding] = []
        var licenses: [AppliedLicense] = []
        let known = baseModels.entry(for: id)
        if let known, let lid = known.license, let entry = catalogue?.entry(for: lid) {
            licenses.append(catalogueLicense(entry, file: first.file, line: first.line, declared: lid,
                                             via: "the base-model table's licence for \(id), read from the \(known.source); the licence text is not in the repository"))
            licenses += incorporatedPolicies(of: licenses, file: first.file, line: first.line)
        } else {
            let why: String
            if let known, known.license == nil { why = "its weights are published under \(known.terms ?? "terms") (\(known.source)), which the catalogue does not hold" }
            else if let known, let lid = known.license { why = "the base-model table names licence '\(lid)', which is not in the catalogue" }
            else { why = "the base-model table does not know it" }
            findings.append(Finding(ruleID: "license-unknown", severity: .error, category: .input,
                                    message: "the application uses model \(id), whose licence is unknown: \(why)",
                                    model: id, location: anchor,
                                    details: ["licenselint fails closed: a model whose terms nobody has read is not a pass",
                                              "put the model's folder (with its licence) in the repository, or add the id to Licenses/base-models/"]))
        }
        let openness = OpennessAssessor.assess(licenses: licenses, card: nil, catalogue: catalogue)
        findings += applyRules(model: id, path: first.file, licenses: licenses, own: licenses, card: nil, openness: openness,
                               plan: profile, hasLicenseFile: true, noticeText: "")
        var m = ModelReport(name: id, path: first.file, licenses: licenses, openness: openness, lineage: [], findings: findings.sorted(by: Report.order))
        m.references = refs.map(Checker.describe)
        return m
    }

    func unresolved(_ r: ModelReference) -> ModelReport {
        let name = "model loaded at \(RuleContext.shortPath(r.file)):\(r.line)"
        let f = Finding(ruleID: "model-reference-unresolved", severity: .warning, category: .undecided,
                        message: "cannot decide: a model is loaded from \(r.expression.map { "'\($0)'" } ?? "an expression") (\(r.how)); which model, and so which licence, is unknown",
                        model: name, location: FileLocation(path: r.file, line: r.line, column: r.column),
                        toSupply: "name the model where it is loaded or configured, or check its folder with licenselint")
        var m = ModelReport(name: name, path: r.file, licenses: [], openness: Openness(level: nil, reasons: ["the model is not known"]), lineage: [], findings: [f])
        m.references = [Checker.describe(r)]
        return m
    }
}
