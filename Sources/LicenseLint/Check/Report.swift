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
    /// Every file of the model that was read: model card, licence texts, NOTICE files, GGUF header.
    public var filesRead: [String] = []
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

    /// The finding that decides the verdict: the weightiest conflict (see `weight`), else the weightiest open
    /// question; among equals, the first in report order.
    public var decisive: Finding? {
        let f = open.sorted(by: Report.order)
        func weightiest(_ s: Severity) -> Finding? {
            f.filter { $0.severity == s }.enumerated().min { (ModelReport.weight($0.element), $0.offset) < (ModelReport.weight($1.element), $1.offset) }?.element
        }
        return weightiest(.error) ?? weightiest(.warning)
    }

    /// How much a finding weighs in a verdict, lightest number first: no readable terms at all; the licence
    /// does not cover the use at all; an act of the plan is forbidden or the terms need review; a condition on
    /// publishing unmet.
    static func weight(_ f: Finding) -> Int {
        if f.category == .input { return 0 }
        return weight(ruleID: f.ruleID) ?? 2
    }

    /// The weight of each rule that can block or leave a question (a test holds every such rule to a
    /// deliberate place here); nil for the others.
    static func weight(ruleID: String) -> Int? {
        switch ruleID {
        case "no-license-found", "license-unknown", "license-unreadable", "input-error":
            return 0
        case "license-denied", "non-commercial-use", "research-only-use", "production-use", "user-cap-exceeded",
             "revenue-cap-exceeded", "region-restricted", "prohibited-use-case", "contract-not-applicable":
            return 1
        case "competing-model-training", "redistribution-banned", "hosting-restricted", "share-alike-violated",
             "governing-law-not-allowed", "openness-below-required", "commercial-registration", "base-model-unknown",
             "model-reference-unresolved", "terms-changed", "terms-unreviewed", "license-mismatch":
            return 2
        case "license-relabelled", "restrictions-not-passed-on", "naming-requirement", "license-copy-missing", "notice-missing":
            return 3
        default:
            return nil
        }
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
