import Foundation

/// The best catalogue match for a text.
public struct Identification: Sendable, Equatable {
    public var id: String
    public var name: String
    public var similarity: Double
    /// Differences between the text's clauses and the catalogue entry's ("user-cap threshold …").
    public var differences: [String]
    /// What the catalogue records of the identified terms: their version, release date and canonical URL.
    public var version: String?
    public var released: String?
    public var url: String?
    /// The SPDX id of the identified licence, where it has one.
    public var spdx: String?
    /// A newer catalogue version of these terms, and what changed (nil when this is the newest).
    public var newerVersion: VersionNote?
    public init(id: String, name: String, similarity: Double, differences: [String] = []) {
        self.id = id; self.name = name; self.similarity = similarity; self.differences = differences
    }
    init(_ e: LicenseEntry, similarity: Double, differences: [String] = []) {
        self.init(id: e.id, name: e.name, similarity: similarity, differences: differences)
        version = e.version; released = e.released; url = e.url; spdx = e.spdxID
    }
}

/// A newer version of identified terms in the catalogue: which one, and the clauses it changed.
public struct VersionNote: Sendable, Equatable {
    public var id: String
    public var name: String
    public var version: String?
    public var released: String?
    /// "in 3.1: removed competing-model-ban", "in 3.1: changed naming-requirement: prefix Llama 3 → Llama".
    public var changes: [String]

    /// "Llama 3.1 Community License Agreement (llama3.1), version 3.1, released 2024-07-23".
    public var title: String {
        var s = "\(name) (\(id))"
        if let v = version { s += ", version \(v)" }
        if let r = released { s += ", released \(r)" }
        return s
    }
}
