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
    public init(line: Int, column: Int, endLine: Int, text: String) {
        self.line = line; self.column = column; self.endLine = endLine; self.text = text
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
