/// How serious a finding is. `fail_on` in the profile sets which severities fail a run.
public enum Severity: String, Sendable, Comparable, CaseIterable {
    case note, warning, error
    private var rank: Int { self == .note ? 0 : (self == .warning ? 1 : 2) }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// What a finding is about.
public enum FindingCategory: String, Sendable {
    /// The plan breaks a licence term.
    case conflict
    /// The plan takes on a duty (attribution, licence copy, naming…): what must be done, in the licence's words.
    case duty
    /// A rule could not decide because the profile or the files do not say enough. Never a pass.
    case undecided
    /// An input could not be read or is missing (no licence, unreadable file).
    case input
    /// A conduct rule that binds every user whatever the plan (acceptable use, export control,
    /// trademarks, terms that may change): worth knowing, not a duty of this plan and never a failure.
    case information
}

/// A place in a file: a licence line, or a profile line.
public struct FileLocation: Sendable, Hashable {
    public var path: String
    public var line: Int
    public var column: Int
    public var endLine: Int
    public var excerpt: String?
    public init(path: String, line: Int, column: Int = 1, endLine: Int? = nil, excerpt: String? = nil) {
        self.path = path; self.line = line; self.column = column; self.endLine = endLine ?? line; self.excerpt = excerpt
    }
}

/// A profile exception that silenced a finding (listed in every report).
public struct AppliedException: Sendable, Hashable {
    public var rule: String
    public var license: String?
    public var model: String?
    public var reason: String
    public var expires: String?
    public var location: FileLocation?
    /// How many findings it silenced; an exception that silenced nothing is reported as unused.
    public var uses: Int
    public init(rule: String, license: String?, model: String?, reason: String, expires: String?, location: FileLocation?, uses: Int) {
        self.rule = rule; self.license = license; self.model = model; self.reason = reason; self.expires = expires
        self.location = location; self.uses = uses
    }
}

public struct Finding: Sendable, Hashable {
    public var ruleID: String
    public var severity: Severity
    public var category: FindingCategory
    /// One sentence a user reads first.
    public var message: String
    /// The model (folder or file) the finding belongs to.
    public var model: String
    /// Where the licence says it.
    public var location: FileLocation?
    /// Where the profile says what the plan is.
    public var profileLocation: FileLocation?
    public var clauseKind: ClauseKind?
    public var licenseID: String?
    /// Further lines: the licence's words, the declared value, what follows.
    public var details: [String]
    /// Set when a profile exception silenced it.
    public var suppressedBy: AppliedException?
    /// For a duty that applies only if a fact the profile does not state is true: that fact. Such a
    /// finding is a warning (cannot decide) while it alone decides whether the plan owes anything; when the
    /// plan owes other duties anyway it becomes a duty note that names the fact ("if …").
    public var onlyIf: String?

    public init(ruleID: String, severity: Severity, category: FindingCategory, message: String, model: String,
                location: FileLocation? = nil, profileLocation: FileLocation? = nil, clauseKind: ClauseKind? = nil,
                licenseID: String? = nil, details: [String] = [], suppressedBy: AppliedException? = nil) {
        self.ruleID = ruleID; self.severity = severity; self.category = category; self.message = message
        self.model = model; self.location = location; self.profileLocation = profileLocation
        self.clauseKind = clauseKind; self.licenseID = licenseID; self.details = details; self.suppressedBy = suppressedBy
    }
}

/// A licence that applies to a model, and where it was read from.
public struct AppliedLicense: Sendable {
    public enum Source: String, Sendable {
        /// Clauses parsed from a licence text in the model folder.
        case text
        /// Clauses taken from the catalogue for an id declared in a model card or SPDX expression.
        case catalogue
        /// Inherited from a base model.
        case inherited
    }
    public var file: String?
    public var declaredID: String?
    public var identification: Identification?
    public var source: Source
    public var clauses: [Clause]
    /// The chain that brought it ("via base_model meta-llama/Llama-3.1-8B").
    public var via: String?
    /// For an inherited licence: the base model it comes from, as the card names it.
    public var baseModel: String? = nil
    /// SHA-256 of the text as read (UTF-8, without a byte-order mark; for a UTF-8 file, `sha256sum` of the
    /// file): the exact terms that were checked. Texts in the folder only.
    public var sha256: String?
    public init(file: String?, declaredID: String?, identification: Identification?, source: Source, clauses: [Clause], via: String? = nil) {
        self.file = file; self.declaredID = declaredID; self.identification = identification; self.source = source
        self.clauses = clauses; self.via = via
    }
}

/// The openness spectrum: closed · open weights (restricted) · open weights · open source (OSI OSAID).
public enum OpennessLevel: String, Sendable, CaseIterable, Comparable {
    case closed
    case openWeightsRestricted = "open-weights-restricted"
    case openWeights = "open-weights"
    case openSource = "open-source"
    private var rank: Int { OpennessLevel.allCases.firstIndex(of: self) ?? 0 }
    public static func < (a: OpennessLevel, b: OpennessLevel) -> Bool { a.rank < b.rank }
}

public struct Openness: Sendable {
    public var level: OpennessLevel?
    public var reasons: [String]
    public init(level: OpennessLevel?, reasons: [String]) { self.level = level; self.reasons = reasons }
}

/// The one-word answer for a model, from its findings not silenced by an exception: a conflict blocks;
/// otherwise a fact that decides something and is not stated needs input; otherwise duties the plan
/// triggers; otherwise clear. Information never changes it.
public enum Verdict: String, Sendable, CaseIterable {
    case blocked, needsInput = "needs-input", allowedWithDuties = "allowed-with-duties", clear

    public var title: String {
        switch self {
        case .blocked: return "Blocked"
        case .needsInput: return "Needs input"
        case .allowedWithDuties: return "Allowed with duties"
        case .clear: return "Clear"
        }
    }
}

/// What a check read of a model besides its licences: the card's declared licence, name, task and tags, its
/// base models, whether a licence file ships with it, and which required notices its files carry.
public struct ModelFacts: Sendable, Equatable {
    public var declaredLicense: String? = nil
    public var modelName: String? = nil
    public var pipelineTag: String? = nil
    public var tags: [String] = []
    public var baseModels: [String] = []
    public var hasLicenseFile = true
    public var noticesPresent: [String] = []
    public init() {}
}

public struct ModelReport: Sendable {
    public var name: String
    public var path: String
    public var licenses: [AppliedLicense]
    public var openness: Openness
    /// Lineage lines, nearest parent first.
    public var lineage: [String]
    public var findings: [Finding]
    /// Where an application names the model ("app.py:12 (from_pretrained)"), for a model found by reference.
    public var references: [String] = []
    /// What the model card says of the training data and code (for an ML-BOM's model card).
    public var datasets: [String] = []
    public var trainingCode: String? = nil
    /// The facts of the folder the rules read besides the licences, carried into an ML-BOM so that checking
    /// the BOM decides as checking the folder did.
    public var facts = ModelFacts()
    public init(name: String, path: String, licenses: [AppliedLicense], openness: Openness, lineage: [String], findings: [Finding]) {
        self.name = name; self.path = path; self.licenses = licenses; self.openness = openness; self.lineage = lineage; self.findings = findings
    }

    var open: [Finding] { findings.filter { $0.suppressedBy == nil && $0.category != .information } }

    public var verdict: Verdict {
        let f = open
        if f.contains(where: { $0.severity == .error }) { return .blocked }
        if f.contains(where: { $0.severity == .warning }) { return .needsInput }
        if f.contains(where: { $0.category == .duty }) { return .allowedWithDuties }
        return .clear
    }

    /// The finding that decides the verdict (the first conflict, else the first open question), if any.
    public var decisive: Finding? {
        let f = open.sorted(by: Report.order)
        return f.first { $0.severity == .error } ?? f.first { $0.severity == .warning }
    }

    public var dutyCount: Int { open.filter { $0.category == .duty }.count }
}

/// Everything `check` found: the input of every reporter (reporters are pure functions of it).
public struct Report: Sendable {
    public var profilePath: String
    /// Profile facts as (label, value) lines for the report header.
    public var profileSummary: [(String, String)]
    public var models: [ModelReport]
    public var exceptions: [AppliedException]
    /// Findings not tied to a model (profile problems such as an expired exception).
    public var generalFindings: [Finding]
    public var failOn: Severity
    public var toolVersion: String
    /// Inputs that could not be read (a missing path, a bad SBOM). They are also listed as `input-error`
    /// findings, so every format shows them, and they make the run's exit code 2.
    public var inputErrors: [InputError] = []
    /// The date the check ran (yyyy-mm-dd), and the SHA-256 of the profile file, for the report's metadata.
    public var date: String? = nil
    public var profileSHA256: String? = nil

    public init(profilePath: String, profileSummary: [(String, String)], models: [ModelReport], exceptions: [AppliedException],
                generalFindings: [Finding], failOn: Severity, toolVersion: String) {
        self.profilePath = profilePath; self.profileSummary = profileSummary; self.models = models
        self.exceptions = exceptions; self.generalFindings = generalFindings; self.failOn = failOn; self.toolVersion = toolVersion
    }

    /// All findings, the suppressed ones included, in a stable order: model, file, line, rule id.
    public var allFindings: [Finding] {
        (generalFindings + models.flatMap(\.findings)).sorted(by: Report.order)
    }

    /// Findings that count towards the exit code: not suppressed, at or above `fail_on`.
    public var failing: [Finding] {
        allFindings.filter { $0.suppressedBy == nil && $0.severity >= failOn && $0.category != .duty && $0.category != .information }
    }

    public static func order(_ a: Finding, _ b: Finding) -> Bool {
        let ka = (a.model, a.location?.path ?? "", a.location?.line ?? 0, a.ruleID, a.message)
        let kb = (b.model, b.location?.path ?? "", b.location?.line ?? 0, b.ruleID, b.message)
        return ka < kb
    }
}

extension AppliedLicense {
    /// What makes two licences the same terms: the catalogue id, or the clauses of an unidentified text.
    var termsIdentity: String { identification?.id ?? clauses.map(\.identity).sorted().joined(separator: "/") }

    /// This licence as a base model passes it on to a derivative: the clauses that bind derivatives, or all
    /// of them (`whole`, for a quantized copy of the base model's own weights).
    func inherited(from base: String, via: String, whole: Bool = false) -> AppliedLicense {
        var l = self
        l.source = .inherited
        l.baseModel = base
        l.via = via
        if !whole { l.clauses = clauses.filter { Lineage.binding.contains($0.kind) } }
        return l
    }
}
