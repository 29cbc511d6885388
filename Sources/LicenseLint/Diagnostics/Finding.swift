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
    /// The catalogue entry a clause cited here was taken from (the line only declares its id).
    public var catalogueEntry: String?
    public init(path: String, line: Int, column: Int = 1, endLine: Int? = nil, excerpt: String? = nil, catalogueEntry: String? = nil) {
        self.path = path; self.line = line; self.column = column; self.endLine = endLine ?? line; self.excerpt = excerpt
        self.catalogueEntry = catalogueEntry
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
    /// For a duty: the act of the plan that triggers it ("you publish a derivative, …"). The message says it
    /// after " — because ".
    public var trigger: String?
    /// For a question (cannot decide): what decides it — the fact to state, or the step to take. It is also
    /// the last of the details.
    public var toSupply: String?
    /// For a conflict: what resolves it for this plan and licence ("request a licence from Meta Platforms,
    /// Inc. — above 700,000,000 monthly active users"); reports fall back to the rule's generic fix.
    public var remedy: String?

    /// A duty's message without its trigger: what to do, and where.
    public var action: String {
        guard let t = trigger, message.hasSuffix(Finding.becauseMark + t) else { return message }
        return String(message.dropLast(Finding.becauseMark.count + t.count))
    }
    static let becauseMark = " — because "
    /// How a detail that names where the terms came from begins (`AppliedLicense.viaDetail`).
    static let viaMark = "licence terms "

    public init(ruleID: String, severity: Severity, category: FindingCategory, message: String, model: String,
                location: FileLocation? = nil, profileLocation: FileLocation? = nil, clauseKind: ClauseKind? = nil,
                licenseID: String? = nil, details: [String] = [], suppressedBy: AppliedException? = nil, toSupply: String? = nil,
                remedy: String? = nil) {
        self.ruleID = ruleID; self.severity = severity; self.category = category; self.message = message
        self.model = model; self.location = location; self.profileLocation = profileLocation
        self.clauseKind = clauseKind; self.licenseID = licenseID; self.details = details + (toSupply.map { [$0] } ?? [])
        self.suppressedBy = suppressedBy; self.toSupply = toSupply; self.remedy = remedy
    }
}
