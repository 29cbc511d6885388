/// What a rule reads: one model's licences (with their clauses), its card, and the profile.
public struct RuleContext: Sendable {
    public var model: String
    public var modelPath: String
    public var licenses: [AppliedLicense] { didSet { byKind = RuleContext.index(licenses) } }
    /// The clauses of every licence by kind, made once: each rule asks for kinds, for every model.
    private var byKind: [ClauseKind: [(license: AppliedLicense, clause: Clause)]] = [:]
    public var profile: Profile
    public var catalogue: Catalogue?
    public var card: ModelCard?
    public var openness: Openness
    /// The model's own licences (not inherited ones).
    public var ownLicenses: [AppliedLicense] = []
    /// The folder has a licence text file.
    public var hasLicenseFile = true
    /// README and NOTICE texts, where required notices are looked for.
    public var noticeText = ""

    public init(model: String, modelPath: String, licenses: [AppliedLicense], profile: Profile, catalogue: Catalogue?,
                card: ModelCard?, openness: Openness, ownLicenses: [AppliedLicense]? = nil, hasLicenseFile: Bool = true,
                noticeText: String = "") {
        self.model = model; self.modelPath = modelPath; self.licenses = licenses; self.profile = profile
        self.catalogue = catalogue; self.card = card; self.openness = openness
        self.ownLicenses = ownLicenses ?? licenses.filter { $0.source != .inherited }
        self.hasLicenseFile = hasLicenseFile; self.noticeText = noticeText
        self.byKind = RuleContext.index(licenses)
    }

    static func index(_ licenses: [AppliedLicense]) -> [ClauseKind: [(license: AppliedLicense, clause: Clause)]] {
        var out: [ClauseKind: [(license: AppliedLicense, clause: Clause)]] = [:]
        for l in licenses { for c in l.clauses { out[c.kind, default: []].append((l, c)) } }
        return out
    }

    /// Clauses inherited from base models.
    public var inherited: [(license: AppliedLicense, clause: Clause)] {
        licenses.filter { $0.source == .inherited }.flatMap { l in l.clauses.map { (l, $0) } }
    }

    /// Every clause of a kind, with the licence it comes from.
    public func clauses(_ kind: ClauseKind) -> [(license: AppliedLicense, clause: Clause)] {
        byKind[kind] ?? []
    }

    /// Where a clause is written: the licence file and line, or the catalogue entry when it came from there.
    public func location(_ license: AppliedLicense, _ clause: Clause) -> FileLocation? {
        if let f = license.file {
            return FileLocation(path: f, line: max(1, clause.evidence.line), column: max(1, clause.evidence.column),
                                endLine: max(clause.evidence.line, clause.evidence.endLine), excerpt: clause.evidence.text,
                                catalogueEntry: clause.evidence.catalogueEntry)
        }
        return nil
    }

    public func profileLocation<T>(_ v: Located<T>?) -> FileLocation? {
        v.map { FileLocation(path: profile.path, line: $0.line, column: $0.column) }
    }

    /// "Llama 3.1 Community License Agreement (llama3.1)" or the file name.
    public func licenseName(_ l: AppliedLicense) -> String {
        if let id = l.identification { return "\(id.name) (\(id.id))" }
        if let d = l.declaredID { return d }
        return l.file.map { "the licence in " + RuleContext.shortPath($0) } ?? "the licence"
    }

    /// "aurora-community-chat/LICENSE": the file and its folder.
    public static func shortPath(_ path: String) -> String {
        let parts = path.split(separator: "/")
        return parts.suffix(2).joined(separator: "/")
    }

    public func licenseID(_ l: AppliedLicense) -> String? { l.identification?.id ?? l.declaredID }

    /// A finding anchored on a clause.
    public func finding(_ rule: RuleDescription, _ l: AppliedLicense, _ c: Clause?, _ message: String,
                        severity: Severity? = nil, category: FindingCategory = .conflict,
                        profile: FileLocation? = nil, details: [String] = [], toSupply: String? = nil, remedy: String? = nil) -> Finding {
        var f = Finding(ruleID: rule.id, severity: severity ?? rule.severity, category: category, message: message, model: model,
                        location: c.flatMap { location(l, $0) } ?? l.file.map { FileLocation(path: $0, line: 1) },
                        profileLocation: profile, clauseKind: c?.kind, licenseID: licenseID(l), details: details, toSupply: toSupply)
        if let via = l.viaDetail { f.details.append(via) }
        f.remedy = remedy
        return f
    }

    /// Who grants the licence: the catalogue's licensor for an identified licence, else "the licensor".
    public func licensor(_ l: AppliedLicense) -> String {
        l.identification.flatMap { catalogue?.entry(for: $0.id)?.licensor } ?? "the licensor"
    }

    /// "cannot decide: profile does not say X" — a warning, never a pass.
    public func undecided(_ rule: RuleDescription, _ l: AppliedLicense, _ c: Clause, missing field: String, why: String) -> Finding {
        finding(rule, l, c, "cannot decide: the profile does not say \(field) — \(why)", severity: .warning, category: .undecided,
                toSupply: "add \(field) to \(profile.path)")
    }
}


/// An example a rule's documentation shows and the test suite runs: a synthetic licence text, a profile,
/// and what the rule must say.
public struct RuleExample: Sendable {
    public enum Outcome: String, Sendable {
        /// A conflict (or, for duty rules, the duty the act triggers).
        case finding
        /// Only duties: the act is allowed and owes what the findings say.
        case duty = "duty"
        case noFinding = "no finding", undecided = "cannot decide"
    }
    public var license: String
    public var profile: String
    public var expect: Outcome
    public var file: String
    public var line: Int
    public init(license: String, profile: String, expect: Outcome, file: String = #filePath, line: Int = #line) {
        self.license = license; self.profile = profile; self.expect = expect; self.file = file; self.line = line
    }
}

/// One decision licenselint makes about a model. One rule, one file, one description.
public protocol Rule: Sendable {
    var description: RuleDescription { get }
    var examples: [RuleExample] { get }
    func evaluate(_ context: RuleContext) -> [Finding]
}

public enum RuleRegistry {
    /// Every rule, sorted by id (a completeness test pins the list).
    public static let all: [any Rule] = [
        AttributionDutyRule(), CommercialRegistrationRule(), CompetingModelTrainingRule(), ExportControlDutyRule(),
        GoverningLawRule(), HostingRestrictedRule(), LicenseCopyDutyRule(), LicenseDeniedRule(), NamingRequirementRule(),
        NonCommercialUseRule(), OpennessRequiredRule(), ProductionUseRule(), ProhibitedUseCaseRule(),
        RedistributionBannedRule(), RegionRestrictedRule(), RevenueCapRule(), ShareAlikeRule(), TermsMayChangeRule(),
        UseRestrictionFlowdownRule(), UserCapRule(), LicenseRelabelledRule(), LicenseCopyMissingRule(), NoticeMissingRule(),
        RestrictionsNotPassedOnRule(), LatestVersionDutyRule(), ContractScopeRule(), ResearchOnlyUseRule(),
    ].sorted { $0.description.id < $1.description.id }

    /// Findings that do not come from a rule over clauses: inputs and profile bookkeeping.
    public static let builtIn: [RuleDescription] = [
        RuleDescription(id: "input-error", name: "Input could not be read", summary: "A path, profile-listed model, SBOM or other input of the run could not be read.",
                        severity: .error, reads: [], profileFields: [],
                        whatItChecks: "Every path given to the run must exist and be readable; an SBOM must be valid CycloneDX JSON.",
                        why: "A check that skipped an input would report its models as clean; the run exits 2 and every report format lists the input.",
                        fix: "Correct the path or the file and run again.",
                        bound: "the team running the check", act: "checking inputs that cannot be read", place: "the command line, the profile's models, or the SBOM"),
        RuleDescription(id: "license-file-skipped", name: "Code licence beside a model licence", summary: "A licence file is read as the licence of the code, because a model-specific licence in the folder governs the weights.",
                        severity: .note, reads: [], profileFields: [],
                        whatItChecks: "When a folder holds a model-specific licence (MODEL_LICENSE, LICENSE-MODEL, a licence named after the model) beside a code licence (LICENSE-CODE, or a generic LICENSE without restrictions), the model-specific one decides and the other is listed as skipped.",
                        why: "Repositories often ship an Apache licence for their code and the model's own terms in another file; reading the Apache text as the model's licence passes a capped or non-commercial model.",
                        fix: "Nothing, if the skipped file is the code's licence; otherwise name the files so that the model's licence is clear.",
                        bound: "the team reading the repository", act: "taking a repository's code licence for the model's", place: "the licence files of the model folder"),
        RuleDescription(id: "model-reference-unresolved", name: "Model loaded from an unknown name", summary: "Code or configuration loads a model whose name cannot be read (a variable, an f-string, an environment value).",
                        severity: .warning, reads: [], profileFields: [],
                        whatItChecks: "Reads Python calls that load models (from_pretrained, pipeline(model=), hf_hub_download, snapshot_download, vLLM LLM, SentenceTransformer), configuration keys (model, model_id, model_name, base_model, pretrained_model_name_or_path), Modelfile FROM lines and download commands; a model named by an expression it cannot resolve is reported where it is loaded.",
                        why: "A model the check cannot name is a model whose licence nobody has read; ignoring it would pass an application that may load a capped or non-commercial model.",
                        fix: "Name the model where it is loaded or configured, or check its folder with licenselint.",
                        bound: "the team shipping the application", act: "loading a model whose name the check cannot read", place: "the line that loads the model"),
        RuleDescription(id: "scan-skipped", name: "File not scanned for model references", summary: "A source or configuration file was not read for model references (too large, or not text).",
                        severity: .note, reads: [], profileFields: [],
                        whatItChecks: "Every Python, configuration, Modelfile, Dockerfile and shell file under the folders checked is read for model references, up to 2 MB each.",
                        why: "An incomplete scan must be visible: a model named only in a skipped file is not in the report.",
                        fix: "Split or shrink the file, or check the model it names directly; --strict makes a skip exit 2.",
                        bound: "the team running the check", act: "relying on a scan that skipped a file", place: "the file named in the finding"),
        RuleDescription(id: "terms-changed", name: "Licence terms changed since review", summary: "A model's licence terms are no longer the ones recorded in the lock file.",
                        severity: .error, reads: [], profileFields: [],
                        whatItChecks: "Compares each model's licence files (SHA-256, identified id and version, clauses) with `.licenselint.lock`; a change of clauses or versions is an error with the clause-level difference, a change of text that changes no clause is information.",
                        why: "Licensors change their terms and repositories swap their licence files; what legal signed off is the terms that were reviewed, not whatever is there today.",
                        fix: "Review the difference, then accept it with 'licenselint lock --update MODEL'.",
                        bound: "the team that reviewed the terms", act: "shipping a model whose terms changed since review", place: "the lock file, after review"),
        RuleDescription(id: "terms-unreviewed", name: "Licence terms not reviewed", summary: "A model is not in the lock file of reviewed terms.",
                        severity: .warning, reads: [], profileFields: [],
                        whatItChecks: "When a lock file is in use, every checked model must have an entry in it.",
                        why: "A model added since the last review has terms nobody has recorded reading.",
                        fix: "Review its terms, then run 'licenselint lock --update MODEL'.",
                        bound: "the team that reviews the terms", act: "shipping a model whose terms were never recorded as reviewed", place: "the lock file, after review"),
        RuleDescription(id: "no-license-found", name: "No licence found", summary: "A model has no licence text and no licence id.",
                        severity: .error, reads: [], profileFields: [],
                        whatItChecks: "Looks for LICENSE*, LICENCE*, COPYING*, USE_POLICY* and policy Markdown files in a model folder, and for `license:` in the model card's front matter.",
                        why: "A model without a licence cannot be used lawfully by default; a compliance check that passed it would say 'clean' about something it never read.",
                        fix: "Add the licence text to the model folder, or declare `license:` in the model card.",
        bound: "the team checking the model",
        act: "using a model with no licence text and no licence id",
        place: "a LICENSE file or the model card's license:"),
        RuleDescription(id: "license-unreadable", name: "Licence unreadable", summary: "A licence file or model card could not be read.",
                        severity: .error, reads: [], profileFields: [],
                        whatItChecks: "Reads every licence file and model card as UTF-8 (or UTF-16 with a byte-order mark).",
                        why: "An unreadable licence is unknown terms: licenselint fails closed rather than guess.",
                        fix: "Save the file as UTF-8 text; fix the front matter's YAML.",
        bound: "the team checking the model",
        act: "relying on a licence file or model card that cannot be read",
        place: "the file named in the finding"),
        RuleDescription(id: "license-unknown", name: "Licence not recognised", summary: "A licence id is not in the catalogue, or a licence text yields no clauses and matches no known licence.",
                        severity: .error, reads: [], profileFields: [],
                        whatItChecks: "Resolves declared ids (model card, SPDX) against the catalogue and parses licence texts.",
                        why: "Terms nobody has read are not a pass.",
                        fix: "Ship the licence text in the model folder so its clauses can be read, or add the licence to Licenses/.",
        bound: "the team checking the model",
        act: "relying on a model whose terms licenselint cannot read or recognise",
        place: "the licence file or the card's licence id"),
        RuleDescription(id: "license-choice", name: "A choice of licences", summary: "A declared expression offers alternatives (A OR B): the one whose terms the plan meets is applied, and the note says which.",
                        severity: .note, reads: [], profileFields: [],
                        whatItChecks: "Judges each alternative the catalogue knows under the plan and applies the one with the fewest conflicts, then open questions, then duties (the first written wins a tie); names alternatives the catalogue does not know. Model cards, GGUF metadata and BOM components are resolved alike.",
                        why: "An OR is the licensee's choice: reporting the strictest alternative cries wolf, and passing on an unread one passes in silence.",
                        fix: "Nothing, if the chosen licence is the one the team relies on; record the choice (e.g. in the derivative's card).",
        bound: "the team choosing among the licences", act: "relying on a model offered under alternative licences", place: "the declared licence expression"),
        RuleDescription(id: "license-mismatch", name: "Declared licence contradicts the licence text", summary: "The model card's `license:` names a different licence from the text in the folder.",
                        severity: .error, reads: [], profileFields: [],
                        whatItChecks: "Compares the card's declared id with the identified licence text.",
                        why: "Relabelling a restricted model as permissive is the most common way restrictive terms are lost downstream.",
                        fix: "Declare the licence that the text really is, and keep the upstream terms.",
        bound: "the publisher of the folder, and the team that relies on it",
        act: "relying on a model whose card and licence text disagree",
        place: "the model card's license: and the licence file"),
        RuleDescription(id: "base-model-unknown", name: "Base model unknown", summary: "A model card's base_model cannot be resolved to a folder or a known licence.",
                        severity: .warning, reads: [], profileFields: [],
                        whatItChecks: "Follows base_model to a sibling folder (org--name, org/name or name), --models-root, or the known base models in Licenses/base-models/.",
                        why: "A derivative inherits its base model's terms; an unknown base is not an unrestricted one.",
                        fix: "Put the base model's folder beside the derivative, pass --models-root, or add the base model to Licenses/base-models/.",
        bound: "the team checking the model",
        act: "relying on a fine-tune whose base model's terms cannot be found",
        place: "the model card's base_model, and a local folder or catalogue entry for it"),
        RuleDescription(id: "exception-expired", name: "Exception expired", summary: "A profile exception is past its expiry date.",
                        severity: .error, reads: [], profileFields: ["policy.exceptions"],
                        whatItChecks: "Compares each exception's `expires` with today's date.",
                        why: "An exception is a decision with a shelf life; once expired it must be reviewed again.",
                        fix: "Review the exception; renew its expiry date or remove it.",
        bound: "the team that recorded the exception",
        act: "relying on an accepted finding after its expiry date",
        place: "the profile's policy.exceptions"),
        RuleDescription(id: "exception-unused", name: "Exception unused", summary: "A profile exception silenced nothing.",
                        severity: .warning, reads: [], profileFields: ["policy.exceptions"],
                        whatItChecks: "Counts the findings each exception silenced.",
                        why: "An unused exception is stale, or its rule id or licence is misspelt and the finding it meant to accept is still open.",
                        fix: "Remove the exception, or correct its rule and license.",
        bound: "the team that recorded the exception",
        act: "keeping an exception that silences nothing",
        place: "the profile's policy.exceptions"),
    ]

    public static var descriptions: [RuleDescription] {
        (all.map(\.description) + builtIn).sorted { $0.id < $1.id }
    }

    public static func description(_ id: String) -> RuleDescription? {
        descriptions.first { $0.id == id }
    }
}
