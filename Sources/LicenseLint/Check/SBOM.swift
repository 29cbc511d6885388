
/// A CycloneDX 1.5/1.6 JSON bill of materials, read for its `machine-learning-model` components.
///
/// Each model component becomes a model in the report (name `name@version`, path the BOM file). Its licences
/// come from `licenses[]`: `license.id` (SPDX id), `license.name`, `license.url`, `expression`, or an embedded
/// `license.text.content` (base64 when `encoding` is "base64"), which is parsed like a licence file. Ids and
/// names resolve through the catalogue; one that does not is a `license-unknown` finding, and a component with
/// no licence is `no-license-found`. `modelCard.modelParameters.datasets` and the component's `vcs`
/// references feed the openness assessment.
public struct SBOMDocument: Sendable {
    public var path: String
    public var specVersion: String
    public var components: [SBOMComponent]
}

public struct SBOMComponent: Sendable {
    public enum License: Sendable, Equatable {
        /// `{"license": {...}}`: any of id, name, url and an embedded text.
        case single(id: String?, name: String?, url: String?, text: Text?)
        /// `{"expression": "Apache-2.0 OR MIT"}`.
        case expression(String)
    }

    public struct Text: Sendable, Equatable {
        public var content: String
        public var base64: Bool
    }

    public var name: String
    public var version: String?
    public var bomRef: String?
    public var licenses: [License]
    /// Names of the datasets the model card lists (references resolved to the data components' names).
    public var datasets: [String]
    /// The component points at its source (a `vcs` or `source-distribution` external reference).
    public var declaresCode: Bool
    /// The line of the BOM where the component is declared (1 when it cannot be found).
    public var line: Int
    /// `pedigree.ancestors`: the base models, with the licences of theirs that bind this model.
    public var ancestors: [(name: String, licenses: [License])] = []
    /// `modelCard.modelParameters.task`, `tags`, and the `licenselint:` properties a BOM written by
    /// licenselint carries (the facts of the folder the rules read besides the licences).
    public var task: String? = nil
    public var tags: [String] = []
    public var properties: [(name: String, value: String)] = []

    /// "name@version", or the name alone.
    public var modelName: String { version.map { "\(name)@\($0)" } ?? name }
}

public enum SBOM {
    public static let supportedVersions = ["1.5", "1.6"]
    /// BOMs of whole products can be large; anything beyond this is refused rather than half read.
    public static let maxBytes = 64 << 20

    public static func load(path: String) -> Result<SBOMDocument, InputError> {
        let source: SourceFile
        do { source = try SourceFile.load(path: path, maxBytes: maxBytes) }
        catch {
            var e = error
            if e.code == "input.not-found" { e.message = "no such SBOM file" }
            return .failure(e)
        }
        return parse(bytes: source.bytes, path: path)
    }

    public static func parse(bytes: [UInt8], path: String) -> Result<SBOMDocument, InputError> {
        func bad(_ code: String, _ message: String) -> Result<SBOMDocument, InputError> {
            .failure(InputError(code: code, path: path, message: message))
        }
        // The strict reader first: a duplicate key, a bad escape or too deep a nesting is an error at its
        // line and column, never a value silently kept or dropped.
        let root: JSON
        do { root = try JSONReader.parse(bytes) }
        catch {
            return .failure(InputError(code: "sbom.invalid-json", path: path, location: SourceLocation(line: error.line, column: error.column),
                                       message: error.message + (error.line == 1 && error.column == 1 ? "; --sbom reads CycloneDX JSON (not XML or SPDX)" : "")))
        }
        guard case .object = root else { return bad("sbom.invalid", "a CycloneDX BOM is a JSON object") }
        guard root["bomFormat"]?.stringValue == "CycloneDX" else {
            return bad("sbom.not-cyclonedx", "\"bomFormat\" is not \"CycloneDX\"; --sbom reads CycloneDX JSON BOMs")
        }
        switch root["specVersion"] {
        case .int(let n)?: return bad("sbom.invalid", "specVersion is the number \(n); CycloneDX writes it as a string, e.g. \"1.6\"")
        case .double(let n)?: return bad("sbom.invalid", "specVersion is the number \(n); CycloneDX writes it as a string, e.g. \"1.6\"")
        default: break
        }
        let spec = root["specVersion"]?.stringValue ?? ""
        guard supportedVersions.contains(spec) else {
            return bad("sbom.unsupported-version", "CycloneDX specVersion '\(spec)' is not supported; machine-learning-model components need "
                       + supportedVersions.joined(separator: " or "))
        }
        let lines = LineIndex(bytes)

        // Every component, the metadata's subject included, nested ones too.
        var all: [[(String, JSON)]] = []
        func collect(_ value: JSON?, at where_: String) -> String? {
            guard let value else { return nil }
            guard let list = value.arrayValue else { return "\(where_) must be a list" }
            for (n, item) in list.enumerated() {
                guard case .object(let c) = item else { return "\(where_)[\(n)] must be an object" }
                all.append(c)
                if let problem = collect(item["components"], at: "\(where_)[\(n)].components") { return problem }
            }
            return nil
        }
        if let meta = root["metadata"], case .object(let subject)? = meta["component"] {
            all.append(subject)
            if let problem = collect(JSON.object(subject)["components"], at: "metadata.component.components") { return bad("sbom.invalid", problem) }
        }
        if let problem = collect(root["components"], at: "components") { return bad("sbom.invalid", problem) }

        var names: [String: String] = [:]
        for pairs in all {
            let c = JSON.object(pairs)
            if let ref = c["bom-ref"]?.stringValue, let name = c["name"]?.stringValue { names[ref] = name }
        }

        var components: [SBOMComponent] = []
        var seenNames: [String: Int] = [:]
        for pairs in all {
            let c = JSON.object(pairs)
            guard c["type"]?.stringValue == "machine-learning-model" else { continue }
            guard let name = c["name"]?.stringValue, !name.isEmpty else {
                return bad("sbom.invalid", "a machine-learning-model component has no \"name\"")
            }
            // A licences list: of the component, or of one of its ancestors.
            func licences(_ raw: JSON?, of name: String) -> Result<[SBOMComponent.License], InputError> {
                var licenses: [SBOMComponent.License] = []
                guard let raw else { return .success([]) }
                guard let list = raw.arrayValue else { return .failure(InputError(code: "sbom.invalid", path: path, message: "component '\(name)': \"licenses\" must be a list")) }
                for choice in list {
                    guard case .object = choice else { return .failure(InputError(code: "sbom.invalid", path: path, message: "component '\(name)': each licence must be an object")) }
                    if let expr = choice["expression"]?.stringValue {
                        licenses.append(.expression(expr))
                    } else if let l = choice["license"], case .object = l {
                        var text: SBOMComponent.Text? = nil
                        if let t = l["text"], let content = t["content"]?.stringValue {
                            text = SBOMComponent.Text(content: content, base64: t["encoding"]?.stringValue?.lowercased() == "base64")
                        }
                        let id = nonEmpty(l["id"]), lname = nonEmpty(l["name"]), url = nonEmpty(l["url"])
                        guard id != nil || lname != nil || url != nil || text != nil else {
                            return .failure(InputError(code: "sbom.invalid", path: path, message: "component '\(name)': a licence needs an id, a name, a url or a text"))
                        }
                        licenses.append(.single(id: id, name: lname, url: url, text: text))
                    } else {
                        return .failure(InputError(code: "sbom.invalid", path: path, message: "component '\(name)': each licence is {\"license\": {...}} or {\"expression\": \"...\"}"))
                    }
                }
                return .success(licenses)
            }
            let licenses: [SBOMComponent.License]
            switch licences(c["licenses"], of: name) {
            case .success(let l): licenses = l
            case .failure(let e): return .failure(e)
            }
            var ancestors: [(name: String, licenses: [SBOMComponent.License])] = []
            if let list = c["pedigree"]?["ancestors"] {
                guard let items = list.arrayValue else { return bad("sbom.invalid", "component '\(name)': pedigree.ancestors must be a list") }
                for a in items {
                    guard case .object = a, let an = a["name"]?.stringValue, !an.isEmpty else {
                        return bad("sbom.invalid", "component '\(name)': each ancestor needs a name")
                    }
                    switch licences(a["licenses"], of: an) {
                    case .success(let l): ancestors.append((an, l))
                    case .failure(let e): return .failure(e)
                    }
                }
            }
            var datasets: [String] = []
            if let list = c["modelCard"]?["modelParameters"]?["datasets"]?.arrayValue {
                for d in list {
                    guard case .object = d else { continue }
                    if let ref = d["ref"]?.stringValue { datasets.append(names[ref] ?? ref) }
                    else if let n = d["name"]?.stringValue { datasets.append(n) }
                    else if d["type"] != nil || d["contents"] != nil { datasets.append("unnamed dataset") }
                }
            }
            let refs = c["externalReferences"]?.arrayValue ?? []
            let code = refs.contains { ["vcs", "source-distribution"].contains($0["type"]?.stringValue ?? "") }
            let occurrence = seenNames[name, default: 0]
            seenNames[name] = occurrence + 1
            let bomRef = c["bom-ref"]?.stringValue
            var component = SBOMComponent(name: name, version: nonEmpty(c["version"]), bomRef: bomRef, licenses: licenses,
                                          datasets: datasets, declaresCode: code,
                                          line: line(of: bomRef, name: name, occurrence: occurrence, in: lines))
            component.ancestors = ancestors
            component.task = c["modelCard"]?["modelParameters"]?["task"]?.stringValue
            component.tags = c["tags"]?.arrayValue?.compactMap(\.stringValue) ?? []
            component.properties = (c["properties"]?.arrayValue ?? []).compactMap { p in
                guard let n = p["name"]?.stringValue, let v = p["value"]?.stringValue else { return nil }
                return (n, v)
            }
            components.append(component)
        }
        guard !components.isEmpty else {
            return bad("sbom.no-models", "the BOM lists no component of type machine-learning-model; nothing to check")
        }
        return .success(SBOMDocument(path: path, specVersion: spec, components: components))
    }

    static func nonEmpty(_ v: JSON?) -> String? {
        guard let s = v?.stringValue else { return nil }
        let t = s.trimmingSpaces(newlines: true)
        return t.isEmpty ? nil : t
    }

    /// The lines of "bom-ref" and "name" values, indexed once, on bytes (a lookup per component over the
    /// whole text made large BOMs quadratic).
    struct LineIndex {
        var refs: [String: Int] = [:]
        var names: [String: [Int]] = [:]
        init(_ bytes: [UInt8]) {
            let ref = Array("\"bom-ref\"".utf8), name = Array("\"name\"".utf8)
            var line = 1, start = 0
            func scan(_ lo: Int, _ hi: Int) {
                if let v = LineIndex.value(of: ref, in: bytes, lo, hi), refs[v] == nil { refs[v] = line }
                if let v = LineIndex.value(of: name, in: bytes, lo, hi) { names[v, default: []].append(line) }
            }
            for (k, b) in bytes.enumerated() where b == 0x0A {
                scan(start, k); line += 1; start = k + 1
            }
            scan(start, bytes.count)
        }
        /// The string literal (with its quotes, as written) that follows `key` and a colon in bytes lo..<hi.
        static func value(of key: [UInt8], in b: [UInt8], _ lo: Int, _ hi: Int) -> String? {
            guard hi - lo >= key.count else { return nil }
            var at = -1
            var i = lo
            while i + key.count <= hi {
                if b[i] == key[0] {
                    var k = 1
                    while k < key.count && b[i + k] == key[k] { k += 1 }
                    if k == key.count { at = i + k; break }
                }
                i += 1
            }
            guard at >= 0 else { return nil }
            i = at
            while i < hi && (b[i] == 0x20 || b[i] == 0x09) { i += 1 }
            guard i < hi, b[i] == 0x3A else { return nil }
            i += 1
            while i < hi && (b[i] == 0x20 || b[i] == 0x09) { i += 1 }
            guard i < hi, b[i] == 0x22 else { return nil }
            let start = i
            i += 1
            while i < hi {
                if b[i] == 0x5C { i += 2; continue }
                if b[i] == 0x22 { return String(decoding: b[start...i], as: UTF8.self) }
                i += 1
            }
            return nil
        }
    }

    /// Where a component is declared: the line of its bom-ref, else of its name (the nth time the name appears).
    static func line(of bomRef: String?, name: String, occurrence: Int, in lines: LineIndex) -> Int {
        func quoted(_ s: String) -> String { var o = ""; JSON.escape(s, into: &o); return o }
        if let ref = bomRef, let l = lines.refs[quoted(ref)] { return l }
        let hits = lines.names[quoted(name)] ?? []
        if occurrence < hits.count { return hits[occurrence] }
        return hits.first ?? 1
    }
}

extension Checker {
    /// Checks model folders and files (as `check(paths:)`) and the model components of CycloneDX BOMs
    /// together: one report, the profile's exceptions applied to both. A BOM that cannot be read is an
    /// input error (exit 2), like a missing path.
    public func check(paths: [String], sboms: [String]) -> Result {
        guard !sboms.isEmpty else { return check(paths: paths) }
        var models: [ModelReport] = []
        var errors: [InputError] = []
        var skipped: [(path: String, why: String)] = []
        if !paths.isEmpty {
            (models, errors, skipped) = judge(paths: paths)
        }
        for path in sboms {
            switch SBOM.load(path: path) {
            case .success(let bom): models += bom.components.map { evaluate(component: $0, bomPath: path) }
            case .failure(let e): errors.append(e)
            }
        }
        return finish(models: models, inputErrors: errors, skipped: skipped)
    }

    /// One BOM component judged like a model folder: its licences, the rules, its openness.
    public func evaluate(component c: SBOMComponent, bomPath: String) -> ModelReport {
        let name = c.modelName
        var findings: [Finding] = []
        var licenses: [AppliedLicense] = []
        let anchor = FileLocation(path: bomPath, line: c.line)

        /// The licences of a list (the component's, or an ancestor's) resolved through the catalogue or parsed.
        func resolve(_ list: [SBOMComponent.License], into out: inout [AppliedLicense], findings found: inout [Finding]) {
            func unknown(_ what: String, details: [String] = []) {
                found.append(Finding(ruleID: "license-unknown", severity: .error, category: .input,
                                     message: "component declares licence \(what), which is not in the catalogue",
                                     model: name, location: anchor,
                                     details: details + ["licenselint fails closed: terms nobody has read are not a pass",
                                                         "embed the licence text in the BOM (license.text), or add the licence to Licenses/"]))
            }
            func fromCatalogue(_ e: LicenseEntry, declared: String, how: String) -> AppliedLicense {
                catalogueLicense(e, file: bomPath, line: c.line, declared: declared, via: "declared in the BOM as \(how)")
            }
            for l in list {
                switch l {
                case .expression(let expr):
                    // The same resolver as a model card's license: (an unknown alternative of a choice is named,
                    // not silently passed; AND applies every id).
                    let r = resolveDeclared(expr, lookup: { self.catalogue?.entry(for: $0) }, apply: { e, id, chosen in
                        fromCatalogue(e, declared: id, how: "expression '\(expr)'" + (chosen.map { "; " + $0 } ?? ""))
                    }, model: name, path: bomPath, location: anchor, declarer: "component declares",
                       unknownDetails: ["licenselint fails closed: terms nobody has read are not a pass",
                                        "embed the licence text in the BOM (license.text), or add the licence to Licenses/"],
                       plan: profile.plan(for: name), card: nil)
                    out += r.licenses
                    found += r.findings
                case .single(let id, let lname, let url, let text):
                    let declaredEntry = [id, lname, url].compactMap { $0 }.lazy.compactMap { self.catalogue?.entry(for: $0) }.first
                    let declared = id ?? lname ?? url
                    if let text {
                        switch embedded(text, bomPath: bomPath, component: c) {
                        case .success(let applied?):
                            out.append(applied)
                            if let e = declaredEntry, let textID = applied.identification?.id, textID != e.id {
                                found.append(Finding(ruleID: "license-mismatch", severity: .error, category: .conflict,
                                                        message: "BOM declares '\(declared ?? e.id)' but the embedded licence text is \(textID)",
                                                        model: name, location: anchor, licenseID: e.id,
                                                        details: ["the text's terms apply; fix the declaration"]))
                            }
                            continue
                        case .success(nil):
                            // A text with no readable terms: the declared id, if known, says what it is.
                            if let e = declaredEntry {
                                out.append(fromCatalogue(e, declared: declared ?? e.id, how: "'\(declared ?? e.id)' (its embedded text has no readable terms)"))
                            } else {
                                found.append(Finding(ruleID: "license-unknown", severity: .error, category: .input,
                                                        message: "no licence terms could be read from the licence text embedded in the BOM, and it matches no known licence",
                                                        model: name, location: anchor,
                                                        details: ["licenselint fails closed: unread terms are not a pass"]))
                            }
                            continue
                        case .failure(let e):
                            found.append(Finding(ruleID: "license-unreadable", severity: .error, category: .input,
                                                    message: "the licence text embedded in the BOM cannot be read: \(e.message) [\(e.code)]",
                                                    model: name, location: anchor,
                                                    details: ["licenselint fails closed: an unreadable licence is not a pass"]))
                            continue
                        }
                    }
                    if let e = declaredEntry {
                        let how = id.map { "license.id '\($0)'" } ?? lname.map { "license.name '\($0)'" } ?? "license.url '\(url ?? "")'"
                        out.append(fromCatalogue(e, declared: declared ?? e.id, how: how))
                    } else {
                        unknown("'\(declared ?? "?")'")
                    }
                }
            }
        }

        resolve(c.licenses, into: &licenses, findings: &findings)
        // Policies the licences incorporate (an acceptable use policy) apply too, as for model folders.
        licenses += incorporatedPolicies(of: licenses, file: bomPath, line: c.line)

        let unresolved = c.properties.filter { $0.name == "licenselint:unresolved" }.map(\.value)
        if let message = unresolved.first {
            // A model an application loads from a name nobody could read: which licence applies is unknown.
            findings.append(Finding(ruleID: "model-reference-unresolved", severity: .warning, category: .undecided,
                                    message: message, model: name, location: anchor,
                                    toSupply: "name the model where it is loaded or configured, or check its folder with licenselint"))
        } else if c.licenses.isEmpty {
            findings.append(Finding(ruleID: "no-license-found", severity: .error, category: .input,
                                    message: "no licence found: the BOM component has no licenses entry",
                                    model: name, location: anchor,
                                    details: ["a model without a licence is not licensed for anything",
                                              "add licenses: [{\"license\": {\"id\": \"…\"}}] to the component"]))
        } else if licenses.isEmpty && !findings.contains(where: { $0.category == .input && $0.severity == .error }) {
            findings.append(Finding(ruleID: "no-license-found", severity: .error, category: .input,
                                    message: "no readable licence for this component", model: name, location: anchor))
        }

        // Base models (pedigree.ancestors) with their licences: the terms that bind a derivative are
        // inherited, as from a base model's folder; the same licence the model has itself adds nothing.
        var inherited: [AppliedLicense] = []
        var lineage: [String] = []
        let own = Set(licenses.map(\.termsIdentity))
        for a in c.ancestors {
            var theirs: [AppliedLicense] = []
            resolve(a.licenses, into: &theirs, findings: &findings)
            if a.licenses.isEmpty {
                findings.append(Finding(ruleID: "base-model-unknown", severity: .warning, category: .undecided,
                                        message: "cannot decide: base model \(a.name) — the BOM gives no licence for it; its licence terms may bind this derivative",
                                        model: name, location: anchor, toSupply: "add the base model's licences to its pedigree.ancestors entry"))
            }
            for l in theirs {
                if own.contains(l.termsIdentity) {
                    lineage.append("keeps \(l.identification?.name ?? "the licence") of base_model \(a.name) (BOM pedigree)")
                    continue
                }
                let passed = l.inherited(from: a.name, via: "via base_model \(a.name) (BOM pedigree)")
                if !passed.clauses.isEmpty { inherited.append(passed) }
                lineage.append("inherits \(l.identification?.name ?? "a licence") via base_model \(a.name) (BOM pedigree)")
            }
        }
        let all = licenses + inherited

        // The BOM's model card feeds openness only: it is not a Hugging Face card, and a BOM cannot show which
        // licence and notice files ship with the weights (so licence-copy and notice checks are left to the duties).
        var card = ModelCard(path: bomPath)
        card.datasets = c.datasets
        card.declaresTrainingCode = c.declaresCode
        // A BOM that licenselint wrote says what the folder held (its card's declared licence and name, its
        // licence file, the notices its files carry): the rules read those as they read the folder.
        let prop = { (n: String) in c.properties.filter { $0.name == "licenselint:" + n }.map(\.value) }
        let facts = !prop("license-file").isEmpty
        if facts {
            card.license = prop("declared-license").first.map { Located($0, line: c.line, column: 1) }
            card.modelName = prop("model-name").first.map { Located($0, line: c.line, column: 1) }
            card.pipelineTag = c.task
            card.tags = c.tags
            card.baseModels = c.ancestors.map { Located($0.name, line: c.line, column: 1) }
        }
        let hasLicenseFile = prop("license-file").first != "absent"
        let openness = OpennessAssessor.assess(licenses: all, card: card, catalogue: catalogue)
        findings += applyRules(model: name, path: bomPath, licenses: all, own: licenses, card: facts ? card : nil, openness: openness,
                               plan: profile.plan(for: name), hasLicenseFile: hasLicenseFile, noticeText: prop("notice").joined(separator: "\n"))
        var report = ModelReport(name: name, path: bomPath, licenses: all, openness: openness, lineage: lineage,
                                 findings: findings.sorted(by: Report.order))
        report.datasets = c.datasets
        return report
    }

    /// An embedded licence text parsed like a licence file; nil when it yields no terms and no known licence.
    /// Clauses are anchored at the component's line in the BOM (their own lines count from the embedded text).
    func embedded(_ text: SBOMComponent.Text, bomPath: String, component c: SBOMComponent) -> Swift.Result<AppliedLicense?, InputError> {
        let raw: [UInt8]
        if text.base64 {
            let compact = text.content.filter { !$0.isWhitespace }
            guard let data = Base64.decode(String(compact)) else {
                return .failure(InputError(code: "input.invalid-base64", path: bomPath, message: "license.text is marked base64 but is not valid base64"))
            }
            raw = [UInt8](data)
        } else {
            raw = Array(text.content.utf8)
        }
        guard raw.count <= InputLimits.maxLicenseBytes else {
            return .failure(InputError(code: "input.too-large", path: bomPath, message: "embedded licence text is over \(InputLimits.maxLicenseBytes) bytes"))
        }
        let source: SourceFile
        do { source = try SourceFile.decode(path: bomPath, raw: raw) }
        catch { return .failure(error) }
        if source.bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            return .failure(InputError(code: "input.empty", path: bomPath, message: "the embedded licence text is empty"))
        }
        let parsed = LicenseParser.parse(source: source, catalogue: catalogue)
        if parsed.clauses.isEmpty && parsed.identification == nil {
            if let e = linkedEntry(String(decoding: source.bytes, as: UTF8.self)) {
                return .success(catalogueLicense(e, file: bomPath, line: c.line, declared: e.id, via: "linked from the licence text embedded in the BOM"))
            }
            return .success(nil)
        }
        let clauses = parsed.clauses.map { cl in
            Clause(kind: cl.kind, parameters: cl.parameters,
                   evidence: Evidence(line: c.line, column: 1, endLine: c.line, text: cl.evidence.text))
        }
        return .success(AppliedLicense(file: bomPath, declaredID: nil, identification: parsed.identification, source: .text,
                                       clauses: clauses, via: "text embedded in the BOM for component \(c.modelName)"))
    }
}
