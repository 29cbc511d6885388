/// What a detector found in a sentence: parameters, and optionally a narrower evidence range.
struct Detection {
    var parameters: [(Param, ParameterValue)] = []
    /// Normalised range for the evidence; the whole sentence when nil.
    var range: Range<Int>? = nil
}

/// One clause kind's reader. A detector looks at one sentence at a time (with its list lead-in) and
/// says whether the sentence imposes the clause, and with which parameters.
protocol ClauseDetector: Sendable {
    var kind: ClauseKind { get }
    /// The sentence must contain at least one of these groups for `detect` to be asked.
    var triggers: [G] { get }
    func detect(_ s: SentenceView) -> [Detection]
}

extension ClauseDetector {
    func one(_ parameters: [(Param, ParameterValue)] = []) -> [Detection] { [Detection(parameters: parameters)] }
}
