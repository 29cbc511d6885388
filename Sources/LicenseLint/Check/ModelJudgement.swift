
/// One model: read its licences and card (`prepare`), then judge them under the plan (`evaluate`).
extension Checker {
    /// A model read but not yet judged: its own licences, card and input problems.
    struct Prepared {
        var input: ModelInput
        var card: ModelCard?
        var licenses: [AppliedLicense]
        var findings: [Finding]
        var lineage: [String] = []
        var inherited: [AppliedLicense] = []
    }

    func prepare(_ input: ModelInput) -> Prepared {
        var findings: [Finding] = []
        var licenses: [AppliedLicense] = []
        let name = input.name
        for e in input.walkErrors {
            findings.append(inputFinding("license-unreadable", e, model: name))
        }
        // Licence-like names that are not read are listed, with why: nothing is skipped in silence.
        for (file, why) in input.skippedFiles {
            findings.append(Finding(ruleID: "license-file-skipped", severity: .note, category: .information,
                                    message: "\(Path.lastComponent(file)) is not read: \(why)",
                                    model: name, location: FileLocation(path: file, line: 1),
                                    details: ["if it holds the model's terms, give it a text name (LICENSE, MODEL_LICENSE.md)"]))
        }
        // The model card.
        var card: ModelCard? = nil
        if let readme = input.readme {
            switch ModelCard.read(path: readme) {
            case .success(let c): card = c
            case .failure(let e): findings.append(inputFinding("license-unreadable", e, model: name))
            }
        }
        // A GGUF file's header metadata stands in for a card the folder does not have.
        if card == nil, let g = input.gguf {
            switch GGUF.read(path: g) {
            case .success(let meta):
                card = ModelCard(gguf: meta, path: g)
                if meta.license == nil && meta.licenseName == nil && meta.licenseLink == nil && input.licenseFiles.isEmpty {
                    findings.append(Finding(ruleID: "no-license-found", severity: .error, category: .input,
                                            message: "no licence found: the GGUF metadata has no general.license and there is no licence file beside it",
                                            model: name, location: FileLocation(path: g, line: 1),
                                            details: ["a model without a licence is not licensed for anything",
                                                      "check the model's original repository, or put its LICENSE beside the GGUF file"]))
                }
            case .failure(let e):
                findings.append(inputFinding("license-unreadable", e, model: name))
            }
        }
        // A card whose license_link names a file in the folder: that file is a licence text too.
        var licenseFiles = input.licenseFiles
        if let link = card?.licenseLink, input.isFolder, !link.value.contains("://"), !link.value.hasPrefix("#") {
            let rel = link.value.hasPrefix("./") ? String(link.value.dropFirst(2)) : link.value
            let target = Path.join(input.path, rel)
            if FileSystem.exists(target) {
                if !licenseFiles.contains(where: { ModelDiscovery.realPath($0) == ModelDiscovery.realPath(target) }) { licenseFiles.append(target) }
            } else if let card {
                findings.append(Finding(ruleID: "license-unreadable", severity: .error, category: .input,
                                        message: "the model card's license_link names \(link.value), which is not in the model folder",
                                        model: name, location: FileLocation(path: card.path, line: link.line, column: link.column),
                                        details: ["licenselint fails closed: the terms the card points to are not here"]))
            }
        }
        // Licence texts.
        for file in licenseFiles {
            do {
                let source = try SourceFile.load(path: file)
                if source.bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
                    findings.append(inputFinding("license-unreadable", InputError(code: "input.empty", path: file, message: "the licence file is empty"), model: name))
                    continue
                }
                let parsed = LicenseParser.parse(source: source, catalogue: catalogue)
                if parsed.clauses.isEmpty && parsed.identification == nil {
                    // A text we cannot read any terms from: perhaps only a link to the licence.
                    if let entry = linkedEntry(String(decoding: source.bytes, as: UTF8.self)) {
                        licenses.append(catalogueLicense(entry, file: file, line: 1, declared: entry.id, via: "linked from \(Path.lastComponent(file))"))
                        continue
                    }
                    findings.append(Finding(ruleID: "license-unknown", severity: .error, category: .input,
                                            message: "no licence terms could be read from this file, and it matches no known licence",
                                            model: name, location: FileLocation(path: file, line: 1),
                                            details: ["licenselint fails closed: unread terms are not a pass"]))
                    continue
                }
                var applied = AppliedLicense(file: file, declaredID: nil, identification: parsed.identification, source: .text,
                                             clauses: parsed.clauses)
                applied.sha256 = SHA256.hex(source.bytes)
                licenses.append(applied)
            } catch {
                findings.append(inputFinding("license-unreadable", error, model: name))
            }
        }
        // A licence quoted in the Hugging Face gate (extra_gated_prompt) is a licence text: the terms people
        // accept before downloading. Its clauses are anchored at the card's lines.
        if let card, let prompt = card.gatedPrompt {
            let parsed = LicenseParser.parse(source: SourceFile(path: card.path, bytes: Array(prompt.value.utf8)), catalogue: catalogue)
            if !parsed.clauses.isEmpty || parsed.identification != nil {
                // A block scalar ("|" or ">") starts on the line after its indicator; its own lines count from there.
                let cardLines = card.text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
                let at = prompt.line - 1 < cardLines.count ? cardLines[prompt.line - 1].dropFirst(max(0, prompt.column - 1)) : ""
                let first = at.hasPrefix("|") || at.hasPrefix(">") ? prompt.line + 1 : prompt.line
                let clauses = parsed.clauses.map { c in
                    var c = c
                    (c.evidence.line, c.evidence.column, c.evidence.endLine) = (first + c.evidence.line - 1, 1, first + c.evidence.endLine - 1)
                    return c
                }
                var applied = AppliedLicense(file: card.path, declaredID: nil, identification: parsed.identification, source: .text,
                                             clauses: clauses, via: "quoted in the model card's access gate (extra_gated_prompt)")
                applied.sha256 = SHA256.hex(Array(prompt.value.utf8))
                licenses.append(applied)
            }
        }
        // Which text governs the weights: a model-specific licence (MODEL_LICENSE, "Tongyi Qianwen LICENSE
        // AGREEMENT", LICENSE-SDXL1.0) beats a code licence beside it (LICENSE-CODE, or a generic LICENSE
        // with no restrictions, such as the Apache text of the repository's code). A skipped file is listed.
        let fileName = { (l: AppliedLicense) in Path.lastComponent((l.file ?? "")) }
        if let governing = licenses.first(where: { ModelDiscovery.role(fileName($0)) == .modelSpecific }) {
            let restrictive = LicenseRelabelledRule.restrictive
            licenses.removeAll { l in
                let role = ModelDiscovery.role(fileName(l))
                let code = role == .code || (role == .generic && !l.clauses.contains { restrictive.contains($0.kind) })
                guard code, let file = l.file else { return false }
                findings.append(Finding(ruleID: "license-file-skipped", severity: .note, category: .information,
                                        message: "\(fileName(l)) is read as the licence of the code, not of the weights: \(fileName(governing)) governs the model",
                                        model: name, location: FileLocation(path: file, line: 1), licenseID: l.identification?.id,
                                        details: ["a model-specific licence beside it decides; if this file also covers the weights, rename the other or record a decision"]))
                return true
            }
        }
        // Declared ids in the card.
        if let card, let declared = card.license {
            let lookup = { (id: String) -> LicenseEntry? in
                if let e = self.catalogue?.entry(for: id) { return e }
                // "other" names its terms in license_name or license_link.
                guard id.lowercased() == "other" else { return nil }
                return card.licenseName.flatMap { self.catalogue?.entry(for: $0.value) } ?? card.licenseLink.flatMap { self.catalogue?.entry(for: $0.value) }
            }
            let at = FileLocation(path: card.path, line: declared.line, column: declared.column)
            let declarer = card.fromGGUF ? "the GGUF metadata declares" : "model card declares"
            if licenses.isEmpty {
                // No text in the folder: the declaration is the licence, resolved as for a BOM component.
                let r = resolveDeclared(declared.value, lookup: lookup, apply: { e, _, chosen in
                    self.catalogueLicense(e, file: card.path, line: declared.line, declared: declared.value,
                                          via: [card.fromGGUF ? "declared in the GGUF metadata as general.license '\(declared.value)'" : nil, chosen]
                                            .compactMap { $0 }.joined(separator: "; ").nilIfEmpty)
                }, model: name, path: input.path, location: at, declarer: declarer,
                   unknownDetails: ["no licence text in the folder either: the terms are unknown"], plan: profile.plan(for: input.path), card: card)
                licenses += r.licenses
                findings += r.findings
            } else {
                // The text in the folder wins; a declaration it contradicts is a finding.
                let alternatives = SPDXExpression.alternatives(declared.value)
                let aChoice = alternatives.count > 1 && alternatives.contains { $0.allSatisfy { lookup($0) != nil } }
                let ids = SPDXExpression.distinctIDs(declared.value)
                var resolved: [LicenseEntry] = []
                for id in ids {
                    guard let e = lookup(id) else {
                        // An unknown alternative of a choice that has known ones does not decide anything here.
                        if id.lowercased() != "other" && !aChoice {
                            findings.append(Finding(ruleID: "license-unknown", severity: .error, category: .input,
                                                    message: "\(declarer) licence '\(id)', which is not in the catalogue",
                                                    model: name, location: at, details: ["the licence text in the folder is used"]))
                        }
                        continue
                    }
                    resolved.append(e)
                }
                let textIDs = Set(licenses.compactMap { $0.identification?.id })
                let restrictive = LicenseRelabelledRule.restrictive
                let textRestricts = Set(licenses.flatMap { $0.clauses.map(\.kind) }).intersection(restrictive)
                for e in resolved {
                    // A permissive id declared over a text that restricts use, which the catalogue does not know.
                    if textIDs.isEmpty && !textRestricts.isEmpty && !e.clauses.contains(where: { restrictive.contains($0.kind) }) {
                        findings.append(Finding(ruleID: "license-mismatch", severity: .error, category: .conflict,
                            message: "model card declares '\(declared.value)', but the licence text in the folder restricts use (\(textRestricts.map(\.rawValue).sorted().joined(separator: ", ")))",
                            model: name, location: at, licenseID: e.id, details: ["the text's terms apply; fix the declaration"]))
                        continue
                    }
                    if !textIDs.isEmpty && !textIDs.contains(e.id) && ids.count == 1 {
                        findings.append(Finding(ruleID: "license-mismatch", severity: .error, category: .conflict,
                            message: "model card declares '\(declared.value)' but the licence text in the folder is \(textIDs.sorted().joined(separator: ", "))",
                            model: name, location: at, licenseID: e.id, details: ["the text's terms apply; fix the declaration"]))
                    }
                }
            }
        }
        // Policies the licences incorporate (e.g. an acceptable use policy) apply too.
        licenses += incorporatedPolicies(of: licenses, file: licenses.first?.file, line: 1)
        // No licence applies: an error, unless an input error already says why (an unknown id, an unreadable file).
        if licenses.isEmpty && !findings.contains(where: { $0.category == .input && $0.severity == .error }) {
            let saidWhy = findings.contains { $0.category == .input }
            findings.append(Finding(ruleID: "no-license-found", severity: .error, category: .input,
                                    message: saidWhy ? "no readable licence for this model"
                                                     : "no licence found: no LICENSE/LICENCE/COPYING/USE_POLICY file and no license: in a model card",
                                    model: name, location: FileLocation(path: input.path, line: 1),
                                    details: ["a model without a licence is not licensed for anything"]))
        }
        return Prepared(input: input, card: card, licenses: licenses, findings: findings)
    }

    func evaluate(_ m: Prepared) -> ModelReport {
        var findings = m.findings
        let all = m.licenses + m.inherited
        let openness = OpennessAssessor.assess(licenses: all, card: m.card, catalogue: catalogue)
        var notices = m.card?.text ?? ""
        for n in m.input.noticeFiles { notices += "\n" + ((try? SourceFile.load(path: n)).map { String(decoding: $0.bytes, as: UTF8.self) } ?? "") }
        findings += applyRules(model: m.input.name, path: m.input.path, licenses: all, own: m.licenses, card: m.card, openness: openness,
                               plan: profile.plan(for: m.input.path), hasLicenseFile: !m.input.licenseFiles.isEmpty, noticeText: notices)
        var report = ModelReport(name: m.input.name, path: m.input.path, licenses: all, openness: openness, lineage: m.lineage,
                                 findings: findings.sorted(by: Report.order))
        report.filesRead = [m.input.readme, m.input.gguf].compactMap { $0 } + m.input.licenseFiles + m.input.noticeFiles
        report.datasets = m.card?.datasets ?? []
        report.trainingCode = m.card?.declaresTrainingCode == true ? (m.card?.trainingCodeURL ?? "") : nil
        report.facts.declaredLicense = m.card?.license?.value
        report.facts.modelName = m.card?.modelName?.value
        report.facts.pipelineTag = m.card?.pipelineTag
        report.facts.tags = m.card?.tags ?? []
        report.facts.baseModels = m.card?.baseModels.map(\.value) ?? []
        report.facts.hasLicenseFile = !m.input.licenseFiles.isEmpty
        // The required notices the folder's files carry (as NoticeMissingRule looks for them), for an ML-BOM;
        // the folder's text is normalised only when a licence requires a notice.
        let required = Set(all.flatMap { $0.clauses }.compactMap(\.notice).filter { !$0.isEmpty })
        if !required.isEmpty {
            let flat = NoticeMissingRule.normal(notices)
            report.facts.noticesPresent = required.filter { NoticeMissingRule.present($0, inNormalised: flat) }.sorted()
        }
        return report
    }

    /// The policies the licences incorporate by reference (an acceptable use policy), from the catalogue,
    /// each once, cited at `file:line`: for model folders, BOM components and models named in code alike.
    func incorporatedPolicies(of licenses: [AppliedLicense], file: String?, line: Int) -> [AppliedLicense] {
        var present = Set(licenses.compactMap { $0.identification?.id })
        var out: [AppliedLicense] = []
        for l in licenses {
            guard let id = l.identification?.id ?? l.declaredID, let entry = catalogue?.entry(for: id) else { continue }
            for pid in entry.policies where present.insert(pid).inserted {
                guard let p = catalogue?.entry(for: pid) else { continue }
                out.append(catalogueLicense(p, file: file, line: line, declared: p.id, via: AppliedLicense.incorporatedVia(p.id)))
            }
        }
        return out
    }

    /// Every rule over a model's licences, conditional duties settled: the one judging step shared by model
    /// folders, BOM components and models named in code. No licence, no rule (the input finding says why).
    func applyRules(model: String, path: String, licenses: [AppliedLicense], own: [AppliedLicense], card: ModelCard?, openness: Openness,
                    plan: Profile, hasLicenseFile: Bool, noticeText: String) -> [Finding] {
        guard !licenses.isEmpty else { return [] }
        let ctx = RuleContext(model: model, modelPath: path, licenses: licenses, profile: plan, catalogue: catalogue, card: card,
                              openness: openness, ownLicenses: own, hasLicenseFile: hasLicenseFile, noticeText: noticeText)
        var findings: [Finding] = []
        for rule in RuleRegistry.all { findings += rule.evaluate(ctx) }
        Checker.settleConditionalDuties(&findings)
        return findings
    }

    /// A duty that applies only if an unstated fact is true decides the verdict (cannot decide) only when
    /// the plan owes nothing else; when other duties are owed anyway, it is listed with them as a duty that
    /// applies if the fact is true, and the verdict stays "allowed with duties".
    static func settleConditionalDuties(_ findings: inout [Finding]) {
        guard findings.contains(where: { $0.category == .duty }) else { return }
        for i in findings.indices {
            guard let fact = findings[i].onlyIf, findings[i].category == .undecided else { continue }
            findings[i].severity = .note
            findings[i].category = .duty
            if let r = findings[i].message.firstRange(of: " — ") {
                findings[i].message = "owed depending on \(fact): " + findings[i].message[r.upperBound...]
            }
        }
    }

    func inputFinding(_ rule: String, _ e: InputError, model: String) -> Finding {
        Finding(ruleID: rule, severity: .error, category: .input, message: "\(e.message) [\(e.code)]", model: model,
                location: FileLocation(path: e.path, line: e.location?.line ?? 1, column: e.location?.column ?? 1),
                details: ["licenselint fails closed: an unreadable licence is not a pass"])
    }

    /// A licence known only by id: its clauses come from the catalogue, anchored at the declaring line.
    func catalogueLicense(_ e: LicenseEntry, file: String?, line: Int, declared: String, via: String?) -> AppliedLicense {
        let texts = catalogue?.evidenceTexts(for: e) ?? e.clauses.map { Catalogue.evidenceText($0.kind, of: e) }
        let clauses = zip(e.clauses, texts).map { c, text in
            Clause(kind: c.kind, parameters: c.parameters, evidence: Evidence(line: line, column: 1, endLine: line, text: text, catalogueEntry: e.id))
        }
        var identification = Identification(e, similarity: 1)
        identification.newerVersion = catalogue?.versionNote(for: e.id)
        return AppliedLicense(file: file, declaredID: declared, identification: identification,
                              source: .catalogue, clauses: clauses, via: via)
    }

    /// A short text that is mostly a link to a known licence.
    func linkedEntry(_ text: String) -> LicenseEntry? {
        for token in text.split(whereSeparator: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "(" || $0 == ")" }) where token.hasPrefix("http") {
            if let e = catalogue?.entry(for: String(token)) { return e }
        }
        return nil
    }
}
