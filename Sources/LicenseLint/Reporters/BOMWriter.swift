
/// A CycloneDX 1.6 ML-BOM of the models a check judged: one `machine-learning-model` component per model,
/// its licences (SPDX id where one exists, else the catalogue's name and URL, else the licence text
/// embedded), its model card's datasets and training code, its base models as `pedigree.ancestors` (with
/// the licences that bind it), and the parsed clauses, openness and verdict as `licenselint:` properties.
/// `check --sbom` on the BOM reaches the same verdicts as `check` on the models. Deterministic: no
/// timestamp or random serial number.
public enum BOMWriter {
    public static func render(_ report: Report, verdicts: Bool) -> String {
        var components: [JSON] = []
        for (i, m) in report.models.enumerated() {
            var c: [(String, JSON)] = [
                ("type", .string("machine-learning-model")),
                ("bom-ref", .string("model-\(i + 1)")),
                ("name", .string(m.name)),
            ]
            let own = m.licenses.filter { $0.source != .inherited && !$0.isIncorporatedByReference }
            var licences = own.compactMap(license)
            // Terms licenselint could not identify stay unknown in the BOM (never an empty, licence-free entry).
            if licences.isEmpty, let f = m.findings.first(where: { $0.ruleID == "license-unknown" }) {
                licences.append(.object([("license", .object([("name", .string("unknown licence: " + f.message))]))]))
            }
            if !licences.isEmpty { c.append(("licenses", .array(licences))) }
            var parameters: [(String, JSON)] = []
            if let task = m.facts.pipelineTag { parameters.append(("task", .string(task))) }
            if !m.datasets.isEmpty {
                parameters.append(("datasets", .array(m.datasets.map { .object([("type", .string("dataset")), ("name", .string($0))]) })))
            }
            if !parameters.isEmpty { c.append(("modelCard", .object([("modelParameters", .object(parameters))]))) }
            if !m.facts.tags.isEmpty { c.append(("tags", .array(m.facts.tags.map { .string($0) }))) }
            if let code = m.trainingCode, code.hasPrefix("http") {
                c.append(("externalReferences", .array([.object([("type", .string("vcs")), ("url", .string(code)), ("comment", .string("training code"))])])))
            }
            // Base models, each with the licences of its that bind this model.
            var order: [String] = m.facts.baseModels
            var byBase: [String: [AppliedLicense]] = [:]
            for l in m.licenses where l.source == .inherited {
                let base = l.baseModel ?? "unnamed base model"
                if !order.contains(base) { order.append(base) }
                byBase[base, default: []].append(l)
            }
            // A base model under the licence the model has itself ("keeps …") carries that licence.
            for base in order where byBase[base] == nil && m.lineage.contains(where: { $0.hasPrefix("keeps ") && $0.contains("base_model \(base)") }) {
                byBase[base] = own
            }
            if !order.isEmpty {
                let ancestors: [JSON] = order.map { base in
                    var a: [(String, JSON)] = [("type", .string("machine-learning-model")), ("name", .string(base))]
                    let ls = (byBase[base] ?? []).compactMap(license)
                    if !ls.isEmpty { a.append(("licenses", .array(ls))) }
                    return .object(a)
                }
                c.append(("pedigree", .object([("ancestors", .array(ancestors))])))
            }
            var properties: [JSON] = []
            func property(_ name: String, _ value: String) { properties.append(.object([("name", .string(name)), ("value", .string(value))])) }
            property("licenselint:openness", m.openness.level?.rawValue ?? "undetermined")
            // What the rules read of the folder besides the licences: checking the BOM decides the same way.
            if let d = m.facts.declaredLicense { property("licenselint:declared-license", d) }
            if let n = m.facts.modelName { property("licenselint:model-name", n) }
            property("licenselint:license-file", m.facts.hasLicenseFile ? "present" : "absent")
            for n in m.facts.noticesPresent { property("licenselint:notice", n) }
            if verdicts { property("licenselint:verdict", m.verdict.rawValue) }
            for l in own {
                for cl in l.clauses {
                    let params = cl.parameters.map { "\($0.0)=\($0.1)" }.joined(separator: " ")
                    property("licenselint:clause:\(cl.kind.rawValue)", params.isEmpty ? "present" : params)
                }
            }
            for r in m.references { property("licenselint:referenced-at", r) }
            // A model loaded from a name that could not be read stays a "cannot decide" in the BOM.
            for f in m.findings where f.ruleID == "model-reference-unresolved" { property("licenselint:unresolved", f.message) }
            c.append(("properties", .array(properties)))
            components.append(.object(c))
        }
        let bom = JSON.object([
            ("bomFormat", .string("CycloneDX")),
            ("specVersion", .string("1.6")),
            ("version", .int(1)),
            ("metadata", .object([
                ("tools", .object([("components", .array([.object([
                    ("type", .string("application")), ("name", .string("licenselint")), ("version", .string(report.toolVersion)),
                ])]))])),
            ])),
            ("components", .array(components)),
        ])
        return bom.render(pretty: true) + "\n"
    }

    /// A licence as CycloneDX writes it: by SPDX id, by the catalogue's name and URL for terms read exactly
    /// as the catalogue has them, or with its text embedded (base64) when the text is its own.
    static func license(_ l: AppliedLicense) -> JSON? {
        if let id = l.identification, l.source != .text || id.differences.isEmpty {
            if let spdx = id.spdx { return .object([("license", .object([("id", .string(spdx))]))]) }
            var o: [(String, JSON)] = [("name", .string(id.name))]
            if let u = id.url { o.append(("url", .string(u))) }
            return .object([("license", .object(o))])
        }
        guard let file = l.file, let source = try? SourceFile.load(path: file) else {
            return l.declaredID.map { .object([("license", .object([("name", .string($0))]))]) }
        }
        return .object([("license", .object([
            ("name", .string("licence text of \(Path.lastComponent(file))")),
            ("text", .object([("contentType", .string("text/plain")), ("encoding", .string("base64")),
                              ("content", .string(Base64.encode(source.bytes)))])),
        ]))])
    }
}
