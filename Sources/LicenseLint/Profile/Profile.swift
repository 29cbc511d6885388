import LicenseLintYAML

/// A value read from the profile, with where it was written.
public struct Located<T: Sendable>: Sendable {
    public var value: T
    public var line: Int
    public var column: Int
    public init(_ value: T, line: Int, column: Int) { self.value = value; self.line = line; self.column = column }
}

public enum HostingMode: String, Sendable, CaseIterable {
    case `internal`, onPrem = "on-prem", saas, api, onDevice = "on-device"
    /// Offered to others over a network.
    public var isService: Bool { self == .saas || self == .api }
}

public struct Money: Sendable, Equatable {
    public var amount: Int64
    public var currency: String
}

public struct ProfileException: Sendable {
    public var rule: Located<String>
    public var license: String?
    public var model: String?
    public var reason: String
    /// ISO date yyyy-mm-dd.
    public var expires: String?
    public var line: Int
    public var column: Int
}

/// A deployment profile: what the team is about to do. Every field is optional; a rule that needs a
/// missing field says "cannot decide" rather than assume.
/// One `models:` entry with its own plan: the path as written (resolved by the caller) and the whole
/// profile with the entry's fields applied.
public struct ModelPlan: Sendable {
    public var path: String
    public var line: Int
    public var column: Int
    public var profile: Profile
}

public struct Profile: Sendable {
    public var path: String
    /// SHA-256 of the profile as read, for a report's metadata (nil for a profile not read from a file).
    public var sha256: String? = nil
    // organisation
    public var organisationName: Located<String>?
    public var monthlyActiveUsers: Located<Int64>?
    public var dailyActiveUsers: Located<Int64>?
    public var annualRevenue: Located<Money>?
    public var headquarters: Located<String>?
    // deployment
    public var commercial: Located<Bool>?
    public var production: Located<Bool>?
    public var hosting: Located<[HostingMode]>?
    public var regions: Located<[String]>?
    public var useCases: Located<[String]>?
    // distribution
    public var distributesWeights: Located<Bool>?
    public var distributesDerivatives: Located<Bool>?
    public var derivativeName: Located<String>?
    public var derivativeLicense: Located<String>?
    // training
    public var fineTune: Located<Bool>?
    public var outputsTrainOtherModels: Located<Bool>?
    public var modelTrainsOtherModels: Located<Bool>?
    // policy
    public var failOn: Severity = .error
    public var failOnLocation: Located<String>?
    public var requireOpenness: Located<OpennessLevel>?
    public var allowedJurisdictions: Located<[String]>?
    public var allowLicenses: Located<[String]>?
    public var denyLicenses: Located<[String]>?
    public var exceptions: [ProfileException] = []
    /// Model folders the profile lists (for `licenselint check` with no paths).
    public var models: Located<[String]>?
    /// Per-model plans: `models:` entries written as a mapping with `path` and their own deployment,
    /// distribution or training fields, which replace the profile's for that model only.
    public var modelPlans: [ModelPlan] = []

    /// The plan for a model at `path` (a folder or file): the entry whose path is the model's or one of
    /// its parent folders, the longest first; the profile's own plan otherwise.
    public func plan(for path: String) -> Profile {
        let model = Profile.normalise(path)
        let hit = modelPlans.filter { plan in
            let p = Profile.normalise(plan.path)
            return model == p || model.hasPrefix(p.hasSuffix("/") ? p : p + "/")
        }.max { Profile.normalise($0.path).count < Profile.normalise($1.path).count }
        return hit?.profile ?? self
    }

    /// An absolute path without "." and ".." components (relative paths are taken from the working folder).
    static func normalise(_ path: String) -> String {
        let p = path.hasPrefix("/") ? path : FileSystem.currentDirectory() + "/" + path
        var parts: [Substring] = []
        for c in p.split(separator: "/", omittingEmptySubsequences: true) {
            if c == "." { continue }
            if c == "..", let last = parts.last, last != ".." { parts.removeLast(); continue }
            parts.append(c)
        }
        return "/" + parts.joined(separator: "/")
    }

    public init(path: String) { self.path = path }

    /// Nothing about the organisation, the plan or the policy is stated (an empty or comment-only file).
    public var statesNothing: Bool {
        organisationName == nil && monthlyActiveUsers == nil && dailyActiveUsers == nil && annualRevenue == nil
            && headquarters == nil && commercial == nil && production == nil && hosting == nil && regions == nil
            && useCases == nil && distributesWeights == nil && distributesDerivatives == nil && derivativeName == nil
            && derivativeLicense == nil && fineTune == nil && outputsTrainOtherModels == nil && modelTrainsOtherModels == nil
            && failOnLocation == nil && requireOpenness == nil && allowedJurisdictions == nil && allowLicenses == nil
            && denyLicenses == nil && exceptions.isEmpty && modelPlans.isEmpty
    }

    /// Lines for report headers.
    public var summary: [(String, String)] {
        var out: [(String, String)] = []
        func fmt(_ n: Int64) -> String { Quantities.format(n) }
        if let v = organisationName { out.append(("organisation", v.value)) }
        if let v = monthlyActiveUsers { out.append(("monthly active users", fmt(v.value))) }
        if let v = dailyActiveUsers { out.append(("daily active users", fmt(v.value))) }
        if let v = annualRevenue { out.append(("annual revenue", "\(fmt(v.value.amount)) \(v.value.currency)")) }
        if let v = headquarters { out.append(("headquarters", v.value)) }
        if let v = commercial { out.append(("commercial use", v.value ? "yes" : "no")) }
        if let v = production { out.append(("production use", v.value ? "yes" : "no")) }
        if let v = hosting { out.append(("hosting", v.value.map(\.rawValue).joined(separator: ", "))) }
        if let v = regions { out.append(("regions", v.value.joined(separator: ", "))) }
        if let v = useCases { out.append(("use cases", v.value.joined(separator: ", "))) }
        if let v = distributesWeights { out.append(("distributes weights", v.value ? "yes" : "no")) }
        if let v = distributesDerivatives { out.append(("distributes derivatives", v.value ? "yes" : "no")) }
        if let v = derivativeName { out.append(("derivative name", v.value)) }
        if let v = derivativeLicense { out.append(("derivative licence", v.value)) }
        if let v = fineTune { out.append(("fine-tunes", v.value ? "yes" : "no")) }
        if let v = outputsTrainOtherModels { out.append(("outputs train other models", v.value ? "yes" : "no")) }
        if let v = modelTrainsOtherModels { out.append(("model trains other models", v.value ? "yes" : "no")) }
        out.append(("fail on", failOn.rawValue))
        if let v = requireOpenness { out.append(("required openness", v.value.rawValue)) }
        if let v = allowedJurisdictions { out.append(("allowed jurisdictions", v.value.joined(separator: ", "))) }
        if let v = allowLicenses { out.append(("allowed licences", v.value.joined(separator: ", "))) }
        if let v = denyLicenses { out.append(("denied licences", v.value.joined(separator: ", "))) }
        return out
    }
}

extension Quantities {
    /// 900000000 → "900,000,000"
    public static func format(_ n: Int64) -> String {
        let s = String(n.magnitude)
        var out = ""
        for (i, ch) in s.enumerated() {
            if i > 0 && (s.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return (n < 0 ? "-" : "") + out
    }
}
