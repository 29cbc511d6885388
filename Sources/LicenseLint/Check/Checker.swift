
/// Runs a check: discovers models, reads their licences and cards, applies the rules and the profile's
/// exceptions, and places each model on the openness spectrum.
public struct Checker: Sendable {
    public var profile: Profile
    public var catalogue: Catalogue?
    /// Today's date (yyyy-mm-dd) for exception expiry; injectable for tests.
    public var today: String
    public var toolVersion: String
    /// Known base models and their licences, for lineage without the base model's folder.
    public var baseModels: BaseModelTable
    /// Where base models' folders are looked for (besides the derivative's siblings).
    public var modelsRoot: String?
    /// The reviewed terms, and the folder their paths are relative to: each model is checked against them.
    public var lock: (terms: TermsLock, base: String)?
    /// Whether code and configuration under the folders checked are read for the models they name.
    public var scanReferences = true

    public init(profile: Profile, catalogue: Catalogue?, today: String = Checker.todayUTC(), toolVersion: String = "0",
                baseModels: BaseModelTable = BaseModelTable(entries: []), modelsRoot: String? = nil) {
        self.profile = profile; self.catalogue = catalogue; self.today = today; self.toolVersion = toolVersion
        self.baseModels = baseModels; self.modelsRoot = modelsRoot
    }

    public static func todayUTC() -> String {
        isoDate(daysSince1970: FileSystem.now() / 86_400)
    }

    /// The proleptic Gregorian date `days` days after 1970-01-01, as yyyy-MM-dd: plain arithmetic
    /// (H. Hinnant's civil-from-days), because a DateFormatter loads ICU's calendars and time zones,
    /// which costs a cold `check` several milliseconds and megabytes for one date.
    static func isoDate(daysSince1970 days: Int) -> String {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097                                        // [0, 146096]
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365 // [0, 399]
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)                  // [0, 365]
        let mp = (5 * doy + 2) / 153                                       // [0, 11], from March
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public struct Result: Sendable {
        public var report: Report
        /// Paths that could not be read at all (missing files): a usage/input error, exit 2.
        public var inputErrors: [InputError]
    }

    public func check(paths: [String]) -> Result {
        let (models, errors, skipped) = judge(paths: paths)
        return finish(models: models, inputErrors: errors, skipped: skipped)
    }

    /// Discovers the models under `paths` and judges each one (lineage included), before exceptions.
    func judge(paths: [String]) -> (models: [ModelReport], errors: [InputError], skipped: [(path: String, why: String)]) {
        let (inputs, errors) = ModelDiscovery.discover(paths: paths)
        var prepared = inputs.map(prepare)
        for i in prepared.indices { resolveLineage(&prepared[i]) }
        var models = prepared.map(evaluate)
        // The models the code and configuration under the folders name (loaded at run time, pulled by
        // Ollama, downloaded in a Dockerfile): each judged from the licence its publisher uses.
        let folders = paths.filter { FileSystem.isDirectory($0) }
        var skipped: [(path: String, why: String)] = []
        if scanReferences && !folders.isEmpty {
            let scan = ModelReferenceScanner.scan(paths: folders)
            models += referencedModels(scan.references, known: models)
            skipped = scan.skipped
        }
        return (models, errors, skipped)
    }

    /// The profile's exceptions applied to judged models: a matching finding is silenced (and keeps the
    /// exception it used), an expired exception is an error, an unused one a warning.
    func finish(models input: [ModelReport], inputErrors: [InputError], skipped: [(path: String, why: String)] = []) -> Result {
        // One order whatever order the paths were given in: by path, then as found (BOM components share
        // their BOM's path and keep its order).
        var models = input.enumerated().sorted { a, b in (a.element.path, a.offset) < (b.element.path, b.offset) }.map(\.element)
        if let lock { lock.terms.check(&models, relativeTo: lock.base) }
        var exceptions = profile.exceptions.map {
            AppliedException(rule: $0.rule.value, license: $0.license, model: $0.model, reason: $0.reason, expires: $0.expires,
                             location: FileLocation(path: profile.path, line: $0.line, column: $0.column), uses: 0)
        }
        var general: [Finding] = []
        // Findings indexed by rule id once, so that each exception looks only at its rule's findings
        // (1,000 exceptions × 5,000 models compared every pair).
        // An exception naming a model looks only at that model's findings of its rule.
        var byRule: [String: [(Int, Int)]] = [:]
        var byRuleAndModel: [String: [String: [(Int, Int)]]] = [:]
        for m in models.indices {
            for f in models[m].findings.indices {
                let rule = models[m].findings[f].ruleID
                byRule[rule, default: []].append((m, f))
                byRuleAndModel[rule, default: [:]][models[m].name, default: []].append((m, f))
                if models[m].path != models[m].name { byRuleAndModel[rule, default: [:]][models[m].path, default: []].append((m, f)) }
            }
        }
        for (i, e) in profile.exceptions.enumerated() {
            if e.expires.map({ $0 < today }) ?? false {
                general.append(Finding(ruleID: "exception-expired", severity: .error, category: .conflict,
                                       message: "exception for '\(e.rule.value)' expired on \(e.expires ?? "?")", model: "",
                                       location: exceptions[i].location, details: ["reason given: \(e.reason)", "review it, then renew or remove it"]))
                continue
            }
            let candidates = e.model.map { byRuleAndModel[e.rule.value]?[$0] ?? [] } ?? byRule[e.rule.value] ?? []
            for (m, f) in candidates where models[m].findings[f].suppressedBy == nil && matches(e, models[m].findings[f], model: models[m]) {
                exceptions[i].uses += 1
                models[m].findings[f].suppressedBy = exceptions[i]
            }
            if exceptions[i].uses == 0 {
                general.append(Finding(ruleID: "exception-unused", severity: .warning, category: .conflict,
                                       message: "exception for '\(e.rule.value)'\(e.license.map { " on licence '\($0)'" } ?? "") silenced nothing",
                                       model: "", location: exceptions[i].location,
                                       details: ["check its rule id (licenselint rules) and licence id, or remove it"]))
            }
        }
        var byLocation: [FileLocation: AppliedException] = [:]
        for e in exceptions { if let l = e.location, byLocation[l] == nil { byLocation[l] = e } }
        for m in models.indices {
            for f in models[m].findings.indices {
                if let l = models[m].findings[f].suppressedBy?.location, let e = byLocation[l] {
                    models[m].findings[f].suppressedBy = e
                }
            }
        }
        // What the scan for model references did not read is said: an incomplete scan is visible.
        for (path, why) in skipped {
            general.append(Finding(ruleID: "scan-skipped", severity: .note, category: .information, message: "\(Path.lastComponent(path)) \(why)",
                                   model: "", location: FileLocation(path: path, line: 1),
                                   details: ["models it names, if any, are not in this report; --strict makes a skip exit 2"]))
        }
        // Inputs that could not be read are in the report too, whatever its format, so that a report written
        // with --output never reads as clean when the run failed.
        for e in inputErrors {
            general.append(Finding(ruleID: "input-error", severity: .error, category: .input, message: "\(e.message) [\(e.code)]", model: "",
                                   location: FileLocation(path: e.path, line: e.location?.line ?? 1, column: e.location?.column ?? 1),
                                   details: ["nothing was checked for this input; the run exits 2"]))
        }
        var report = Report(profilePath: profile.path, profileSummary: profile.summary, models: models, exceptions: exceptions,
                            generalFindings: general, failOn: profile.failOn, toolVersion: toolVersion)
        report.inputErrors = inputErrors
        report.date = today
        report.profileSHA256 = profile.sha256
        return Result(report: report, inputErrors: inputErrors)
    }

    func matches(_ e: ProfileException, _ f: Finding, model: ModelReport) -> Bool {
        guard e.rule.value == f.ruleID else { return false }
        if let m = e.model, m != model.name && m != model.path { return false }
        if let l = e.license {
            guard let id = f.licenseID else { return false }
            if l.lowercased() == id.lowercased() { return true }
            if let cat = catalogue, let a = cat.entry(for: l), let b = cat.entry(for: id) { return a.id == b.id }
            return false
        }
        return true
    }
}
