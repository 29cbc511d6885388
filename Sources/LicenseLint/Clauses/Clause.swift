/// The clause vocabulary (../shared/spec/clauses.md). Raw values are a public contract.
public enum ClauseKind: String, CaseIterable, Sendable, Codable, Comparable {
    case userCap = "user-cap"
    case revenueCap = "revenue-cap"
    case competingModelBan = "competing-model-ban"
    case namingRequirement = "naming-requirement"
    case attribution = "attribution"
    case licenseCopyRequired = "license-copy-required"
    case useRestrictionFlowdown = "use-restriction-flowdown"
    case acceptableUse = "acceptable-use"
    case nonCommercial = "non-commercial"
    case researchOnly = "research-only"
    case nonProduction = "non-production"
    case geographicRestriction = "geographic-restriction"
    case hostingRestriction = "hosting-restriction"
    case redistributionBan = "redistribution-ban"
    case shareAlike = "share-alike"
    case commercialRegistration = "commercial-registration"
    case governingLaw = "governing-law"
    case patentRetaliation = "patent-retaliation"
    case trademarkRestriction = "trademark-restriction"
    case outputOwnership = "output-ownership"
    case remoteRestriction = "remote-restriction"
    case policyMayChange = "policy-may-change"
    case exportControl = "export-control"
    case contractScope = "contract-scope"

    public static func < (a: ClauseKind, b: ClauseKind) -> Bool {
        (allCases.firstIndex(of: a) ?? 0) < (allCases.firstIndex(of: b) ?? 0)
    }

    /// One line a user reads in `parse` output and reports.
    public var summary: String {
        switch self {
        case .userCap: return "terms change above a number of users"
        case .revenueCap: return "terms change above a revenue"
        case .competingModelBan: return "the model or its outputs may not train or improve other models"
        case .namingRequirement: return "derivative models must carry a name or prefix"
        case .attribution: return "a notice or credit must be displayed or shipped"
        case .licenseCopyRequired: return "redistribution must include a copy of the agreement"
        case .useRestrictionFlowdown: return "redistribution must pass the use restrictions on"
        case .acceptableUse: return "uses are restricted, inline or by an incorporated policy"
        case .nonCommercial: return "commercial use is not granted"
        case .researchOnly: return "use is limited to research or evaluation"
        case .nonProduction: return "production use is not granted"
        case .geographicRestriction: return "rights are withheld in named places"
        case .hostingRestriction: return "offering the model as a hosted service needs permission"
        case .redistributionBan: return "the model may not be redistributed"
        case .shareAlike: return "derivatives must be licensed under the same terms"
        case .commercialRegistration: return "commercial use needs registration or authorisation first"
        case .governingLaw: return "the law and courts that govern the agreement"
        case .patentRetaliation: return "rights end if the licensee sues over IP in the model"
        case .trademarkRestriction: return "no trademark rights, or limits on using the licensor's marks"
        case .outputOwnership: return "who owns generated outputs"
        case .remoteRestriction: return "the licensor may restrict use remotely"
        case .policyMayChange: return "the licensor may change the terms or a policy unilaterally"
        case .exportControl: return "export-control and sanctions laws apply"
        case .contractScope: return "whom the terms govern, and whom they send to other terms"
        }
    }
}

extension ClauseKind {
    /// The kind limits what the licensee may do with the model itself (who may use it, for what, where, at
    /// what size): it places the model below "open" and makes a code licence beside it a model licence.
    public var restrictsUse: Bool {
        switch self {
        case .acceptableUse, .nonCommercial, .researchOnly, .nonProduction, .competingModelBan, .userCap, .revenueCap,
             .redistributionBan, .geographicRestriction, .hostingRestriction, .commercialRegistration:
            return true
        case .namingRequirement, .attribution, .licenseCopyRequired, .useRestrictionFlowdown, .shareAlike, .governingLaw,
             .patentRetaliation, .trademarkRestriction, .outputOwnership, .remoteRestriction, .policyMayChange,
             .exportControl, .contractScope:
            return false
        }
    }

    /// The kind sets the terms a derivative must be published under (its name, the restrictions passed on,
    /// the same licence): the terms a relabelled derivative loses.
    public var conditionsDerivatives: Bool {
        switch self {
        case .namingRequirement, .useRestrictionFlowdown, .shareAlike: return true
        case .userCap, .revenueCap, .competingModelBan, .attribution, .licenseCopyRequired, .acceptableUse, .nonCommercial,
             .researchOnly, .nonProduction, .geographicRestriction, .hostingRestriction, .redistributionBan,
             .commercialRegistration, .governingLaw, .patentRetaliation, .trademarkRestriction, .outputOwnership,
             .remoteRestriction, .policyMayChange, .exportControl, .contractScope:
            return false
        }
    }

    /// The clause follows the model into its derivatives: whoever fine-tunes, merges or quantizes it is bound
    /// by it too.
    public var bindsDerivatives: Bool {
        switch self {
        case .namingRequirement, .attribution, .licenseCopyRequired, .useRestrictionFlowdown, .acceptableUse, .userCap,
             .revenueCap, .competingModelBan, .shareAlike, .nonCommercial, .researchOnly, .nonProduction,
             .geographicRestriction, .hostingRestriction, .redistributionBan, .governingLaw, .commercialRegistration:
            return true
        case .patentRetaliation, .trademarkRestriction, .outputOwnership, .remoteRestriction, .policyMayChange,
             .exportControl, .contractScope:
            return false
        }
    }

    /// The parameters that identify a licence's version of the clause (the spec's *scored* ones): a text
    /// whose values differ from the catalogue entry's is a modified licence.
    public var scoredParameters: [Param] {
        switch self {
        case .userCap: return [.threshold, .metric]
        case .revenueCap: return [.amount, .currency]
        case .namingRequirement: return [.prefix]
        case .geographicRestriction: return [.regions]
        case .governingLaw: return [.jurisdiction]
        case .competingModelBan, .attribution, .licenseCopyRequired, .useRestrictionFlowdown, .acceptableUse, .nonCommercial,
             .researchOnly, .nonProduction, .hostingRestriction, .redistributionBan, .shareAlike, .commercialRegistration,
             .patentRetaliation, .trademarkRestriction, .outputOwnership, .remoteRestriction, .policyMayChange, .exportControl,
             .contractScope:
            return []
        }
    }

    /// The parameters the kind takes (../shared/spec/clauses.md), with their shapes and vocabularies. The
    /// catalogue loader refuses any other parameter, and a test holds the parser to the same table.
    public var parameterSpec: [Param: ParameterSpec] {
        func text<T: CaseIterable & RawRepresentable>(_: T.Type) -> ParameterSpec where T.RawValue == String { .text(T.allCases.map(\.rawValue)) }
        func list<T: CaseIterable & RawRepresentable>(_: T.Type) -> ParameterSpec where T.RawValue == String { .list(T.allCases.map(\.rawValue)) }
        let duty: [Param: ParameterSpec] = [.trigger: list(Trigger.self), .place: text(Place.self),
                                            .except: list(DutyException.self), .models: text(ModelScope.self)]
        let cap: [Param: ParameterSpec] = [.consequence: text(CapConsequence.self), .basis: text(CapBasis.self),
                                           .compare: text(CapComparison.self), .measured: .text(nil)]
        let derivatives: [Param: ParameterSpec] = [.derivatives: list(DerivativeKind.self)]
        switch self {
        case .userCap: return cap.merging([.threshold: .integer, .metric: text(UserMetric.self)]) { a, _ in a }
        case .revenueCap: return cap.merging([.amount: .integer, .currency: .text(nil), .period: text(RevenuePeriod.self)]) { a, _ in a }
        case .competingModelBan: return [.scope: text(CompetingScope.self), .except: .text(nil)]
        case .namingRequirement: return duty.merging([.prefix: .text(nil)]) { a, _ in a }
        case .attribution: return duty.merging([.notice: .text(nil)]) { a, _ in a }
        case .licenseCopyRequired: return duty
        case .useRestrictionFlowdown: return duty.merging(derivatives) { a, _ in a }
        case .acceptableUse: return [.policy: text(AcceptableUsePolicy.self), .categories: list(UseCategory.self)]
        case .geographicRestriction:
            return [.regions: .list(nil), .binds: text(GeoBinds.self), .exempt: list(GeoExempt.self), .models: text(ModelScope.self)]
        case .redistributionBan: return [.forbids: list(BannedAct.self)]
        case .shareAlike: return derivatives
        case .governingLaw: return [.jurisdiction: .text(nil)]
        case .outputOwnership: return [.owner: text(OutputOwner.self)]
        case .remoteRestriction: return [.trigger: list(Trigger.self)]
        case .contractScope: return [.covers: list(ContractParty.self), .excludes: list(ContractParty.self)]
        case .nonCommercial, .researchOnly, .nonProduction, .hostingRestriction, .commercialRegistration, .patentRetaliation,
             .trademarkRestriction, .policyMayChange, .exportControl:
            return [:]
        }
    }
}

/// A parameter's name (../shared/spec/clauses.md). Detectors and the catalogue loader name parameters
/// through it, so a misspelt name does not compile; raw values are the JSON contract.
public enum Param: String, CaseIterable, Sendable {
    case threshold, metric, consequence, basis, compare, measured, amount, currency, period
    case scope, except, prefix, notice, trigger, place, models, derivatives
    case policy, categories, regions, binds, exempt, forbids, jurisdiction, owner, covers, excludes
}

extension ParameterValue {
    /// A value from a vocabulary.
    static func of<T: RawRepresentable>(_ v: T) -> ParameterValue where T.RawValue == String { .string(v.rawValue) }
    /// A list of values from a vocabulary.
    static func of<T: RawRepresentable>(_ l: [T]) -> ParameterValue where T.RawValue == String { .list(l.map(\.rawValue)) }
}

/// The shape of one clause parameter, and its vocabulary where it has one (nil: free text).
public enum ParameterSpec: Sendable, Equatable {
    case integer
    case text([String]?)
    /// A list; a single text is accepted as a list of one.
    case list([String]?)

    /// Why `value` does not fit, or nil when it does.
    public func problem(with value: ParameterValue) -> String? {
        let values: [String]
        let allowed: [String]?
        switch (self, value) {
        case (.integer, .int): return nil
        case (.integer, _): return "must be a whole number"
        case (.text(let a), .string(let s)): values = [s]; allowed = a
        case (.text, _): return "must be a text"
        case (.list(let a), .list(let l)): values = l; allowed = a
        case (.list(let a), .string(let s)): values = [s]; allowed = a
        case (.list, .int): return "must be a list of texts"
        }
        guard let allowed, let bad = values.first(where: { !allowed.contains($0) }) else { return nil }
        return "'\(bad)' is not one of: \(allowed.joined(separator: ", "))"
    }
}

/// The harm categories of acceptable-use terms (../shared/spec/clauses.md), which a profile's `use_cases`
/// are matched against. Raw values are a public contract.
public enum UseCategory: String, CaseIterable, Sendable {
    case illegalActivity = "illegal-activity", violenceWeapons = "violence-weapons", military
    case criticalInfrastructure = "critical-infrastructure", childSafety = "child-safety", harassment, discrimination
    case disinformation, impersonation, privacyPII = "privacy-pii", surveillance, medicalAdvice = "medical-advice"
    case legalAdvice = "legal-advice", financialAdvice = "financial-advice", automatedDecisions = "automated-decisions"
    case malwareCyberattack = "malware-cyberattack", selfHarm = "self-harm", sexualContent = "sexual-content"
    case unlicensedPractice = "unlicensed-practice", lawEnforcement = "law-enforcement", spamFraud = "spam-fraud"
    case hateSpeech = "hate-speech"
}

/// A parameter value: the JSON contract uses integers, strings and lists of strings.
public enum ParameterValue: Sendable, Hashable, CustomStringConvertible {
    case int(Int64)
    case string(String)
    case list([String])

    public var description: String {
        switch self {
        case .int(let v): return String(v)
        case .string(let s): return s
        case .list(let l): return "[" + l.joined(separator: ", ") + "]"
        }
    }
    public var intValue: Int64? { if case .int(let v) = self { return v }; return nil }
    public var stringValue: String? { if case .string(let v) = self { return v }; return nil }
    public var listValue: [String]? { if case .list(let v) = self { return v }; return nil }
}

/// Where in the source a clause is written.
public struct Evidence: Sendable, Hashable {
    public var line: Int
    public var column: Int
    public var endLine: Int
    /// The source excerpt, whitespace collapsed, at most ~300 characters.
    public var text: String
    /// For a clause taken from the catalogue rather than read from a text: the entry's id. Its `text` then
    /// says so in place of a quote; reporters cite the entry, not a line of the folder.
    public var catalogueEntry: String?
    public init(line: Int, column: Int, endLine: Int, text: String, catalogueEntry: String? = nil) {
        self.line = line; self.column = column; self.endLine = endLine; self.text = text; self.catalogueEntry = catalogueEntry
    }
}

public struct Clause: Sendable, Hashable {
    public var kind: ClauseKind
    /// Parameters in a stable order (the order the detector gives them).
    public var parameters: [(String, ParameterValue)]
    public var evidence: Evidence

    public init(kind: ClauseKind, parameters: [(String, ParameterValue)] = [], evidence: Evidence) {
        self.kind = kind; self.parameters = parameters; self.evidence = evidence
    }

    public subscript(_ name: String) -> ParameterValue? {
        parameters.first { $0.0 == name }?.1
    }

    public static func == (a: Clause, b: Clause) -> Bool {
        a.kind == b.kind && a.evidence == b.evidence && a.parameters.count == b.parameters.count
            && zip(a.parameters, b.parameters).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    }
    public func hash(into h: inout Hasher) {
        h.combine(kind); h.combine(evidence)
        for (k, v) in parameters { h.combine(k); h.combine(v) }
    }

    /// Identity for de-duplication: kind and parameters, not position.
    var identity: String {
        kind.rawValue + "|" + parameters.map { "\($0.0)=\($0.1)" }.joined(separator: ";")
    }
}
