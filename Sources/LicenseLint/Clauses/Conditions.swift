/// The conditions a clause carries (../shared/spec/clauses.md, "Conditions: who is bound, by what act,
/// where"), as types. Detectors write them, the catalogue loader checks them, rules read them: a rule that
/// compares a condition with a misspelt value does not compile. Raw values are the JSON contract.

/// The act of the licensee that makes a duty arise.
public enum Trigger: String, CaseIterable, Sendable {
    /// Copies of the model or of derivatives are handed over.
    case distributeCopies = "distribute-copies"
    /// Only unmodified copies are handed over ("in its entirety and without modifications").
    case distributeUnmodified = "distribute-unmodified"
    /// The model is offered as a hosted service or API.
    case host
    /// Any product or service that contains the model is made available, hosted or not.
    case makeAvailable = "make-available"
    /// A model made from it is distributed or made available.
    case publishDerivative = "publish-derivative"
    /// The model is used to create a derivative (a fine-tune), whether or not it is given to anyone.
    case createDerivative = "create-derivative"
    /// Any public statement about a derivative.
    case publicStatement = "public-statement"
    /// Any use of the model (a covenant such as "use the latest version").
    case use
}

/// Where a duty is met.
public enum Place: String, CaseIterable, Sendable {
    /// A "Notice" text file in distributed copies.
    case noticeFile = "notice-file"
    /// The product's website, user interface, about page or documentation.
    case product
    case modelName = "model-name"
    /// The terms agreed with recipients or users.
    case agreement
    case modelCard = "model-card"
    /// Retained in the copies themselves (files, headers, documentation shipped with them).
    case copies
}

/// A carve-out from a duty's trigger.
public enum DutyException: String, CaseIterable, Sendable {
    /// "All Distributions (other than through a Hosted Service)".
    case hostedService = "hosted-service"
}

/// What a licence counts as a derivative.
public enum DerivativeKind: String, CaseIterable, Sendable {
    case modifications, fineTunes = "fine-tunes", distilledModels = "distilled-models", merges
}

/// Whose size a cap measures.
public enum CapBasis: String, CaseIterable, Sendable {
    /// The licensee with its affiliates.
    case organisation
    /// One product or service.
    case product
}

/// How a cap's threshold compares: above it (the default), or at it and above ("700 million or more").
public enum CapComparison: String, CaseIterable, Sendable {
    case moreThan = "more-than", atLeast = "at-least"
}

/// What crossing a cap does.
public enum CapConsequence: String, CaseIterable, Sendable {
    /// The grant ends or a separate licence is needed.
    case licenseRequired = "license-required"
    /// A duty starts.
    case obligation
}

/// What a user cap counts.
public enum UserMetric: String, CaseIterable, Sendable {
    case monthlyActiveUsers = "monthly-active-users", dailyActiveUsers = "daily-active-users", users
}

/// Over what period a revenue cap counts.
public enum RevenuePeriod: String, CaseIterable, Sendable {
    case annual, monthly
}

/// Whom a geographic clause binds.
public enum GeoBinds: String, CaseIterable, Sendable {
    /// Where the licensee lives or has its principal place of business.
    case licenseeDomicile = "licensee-domicile"
    /// Where the model is used or deployed.
    case placeOfUse = "place-of-use"
}

/// Who is spared by a geographic clause.
public enum GeoExempt: String, CaseIterable, Sendable {
    case endUsers = "end-users"
}

/// Which models of a release a clause concerns.
public enum ModelScope: String, CaseIterable, Sendable {
    case all, multimodal
}

/// Whom a contract governs, or sends to other terms (`contract-scope`).
/// What a redistribution ban forbids: making copies at all, or giving them to others.
public enum BannedAct: String, CaseIterable, Sendable {
    case copying, distribution
}

/// Whether acceptable-use terms are written in the licence or incorporated from a policy.
public enum AcceptableUsePolicy: String, CaseIterable, Sendable {
    case inline, incorporated
}

/// Who owns generated outputs.
public enum OutputOwner: String, CaseIterable, Sendable {
    case licensee, licensor, unclaimed
}

/// What a competing-model ban concerns: the model's outputs, the model itself, or both.
public enum CompetingScope: String, CaseIterable, Sendable {
    case outputs, model, both
}

public enum ContractParty: String, CaseIterable, Sendable {
    case individuals, businessUse = "business-use", apiUse = "api-use", eeaResidents = "eea-residents"
}

extension Clause {
    /// A parameter by its typed name.
    public subscript(_ p: Param) -> ParameterValue? { self[p.rawValue] }

    private func typed<T: RawRepresentable>(_ p: Param) -> T? where T.RawValue == String {
        self[p]?.stringValue.flatMap(T.init(rawValue:))
    }
    private func typedList<T: RawRepresentable>(_ p: Param) -> [T] where T.RawValue == String {
        switch self[p] {
        case .list(let l): return l.compactMap(T.init(rawValue:))
        case .string(let s): return T(rawValue: s).map { [$0] } ?? []
        default: return []
        }
    }
    /// The acts that make this duty arise; empty when the text does not say.
    public var triggers: [Trigger] { typedList(.trigger) }
    public var place: Place? { typed(.place) }
    public var dutyExceptions: [DutyException] { typedList(.except) }
    public var derivativeKinds: [DerivativeKind] { typedList(.derivatives) }
    public var basis: CapBasis? { typed(.basis) }
    public var consequence: CapConsequence? { typed(.consequence) }
    public var metric: UserMetric? { typed(.metric) }
    public var period: RevenuePeriod? { typed(.period) }
    /// "ongoing" or a fixed date (yyyy-mm-dd).
    public var measured: String? { self[.measured]?.stringValue }
    public var binds: GeoBinds? { typed(.binds) }
    public var exempt: [GeoExempt] { typedList(.exempt) }
    public var modelScope: ModelScope? { typed(.models) }
    public var covers: [ContractParty] { typedList(.covers) }
    public var excludes: [ContractParty] { typedList(.excludes) }
    public var forbids: [BannedAct] { typedList(.forbids) }
    public var comparison: CapComparison { typed(.compare) ?? .moreThan }
    /// A user cap's threshold, or a revenue cap's amount.
    public var threshold: Int64? { self[.threshold]?.intValue }
    public var amount: Int64? { self[.amount]?.intValue }
    /// A revenue cap's currency (ISO 4217); the text named none when nil.
    public var currency: String? { self[.currency]?.stringValue }
    /// The required name prefix, or the required notice's words.
    public var prefix: String? { self[.prefix]?.stringValue }
    public var notice: String? { self[.notice]?.stringValue }
    public var jurisdiction: String? { self[.jurisdiction]?.stringValue }
    public var regions: [String] { self[.regions]?.listValue ?? [] }
    public var policy: AcceptableUsePolicy? { typed(.policy) }
    public var categories: [UseCategory] { typedList(.categories) }
    public var owner: OutputOwner? { typed(.owner) }
    /// What a competing-model ban concerns; both when the text does not say.
    public var competingScope: CompetingScope { typed(.scope) ?? .both }
    /// What a competing-model ban leaves allowed (free text).
    public var allowedException: String? { kind == .competingModelBan ? self[.except]?.stringValue : nil }
    /// Whether a figure is over the cap's threshold, as the clause compares.
    public func over(_ figure: Int64, _ threshold: Int64) -> Bool { comparison == .atLeast ? figure >= threshold : figure > threshold }
}
