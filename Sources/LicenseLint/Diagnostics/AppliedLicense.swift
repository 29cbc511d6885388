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

extension AppliedLicense {
    /// The `via` of a document a licence incorporates by reference (an acceptable-use policy), taken from the
    /// catalogue; `isIncorporatedByReference` recognises it.
    static func incorporatedVia(_ id: String) -> String { "\(incorporatedMark) (catalogue entry '\(id)')" }
    private static let incorporatedMark = "incorporated by reference"
    public var isIncorporatedByReference: Bool { source == .catalogue && (via?.hasPrefix(Self.incorporatedMark) ?? false) }

    /// The detail a finding gives for terms that reach its model through something else ("licence terms via
    /// base_model …"); reports that say the chain once per model leave it out (`Finding.viaMark`).
    var viaDetail: String? { via.map { Finding.viaMark + $0 } }

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
