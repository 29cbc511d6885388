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
