import Foundation
@testable import LicenseLint

/// The package root, found from this file's path (tests never depend on the current folder).
let packageRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
        url.deleteLastPathComponent()
        if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
    }
    return FileManager.default.currentDirectoryPath
}()

func fixture(_ relative: String) -> String { (packageRoot as NSString).appendingPathComponent(relative) }

let sharedCatalogue: Catalogue? = try? Catalogue.load(directory: fixture("Licenses"))

/// Parses a text the way `licenselint parse` does.
func clauses(_ text: String, path: String = "LICENSE") -> [Clause] {
    ClauseExtractor.extract(SourceFile(path: path, bytes: Array(text.utf8)))
}

func kinds(_ text: String) -> Set<ClauseKind> { Set(clauses(text).map(\.kind)) }

/// A text with a marker "⟦" where the evidence must start; returns the text without it and the marker's line.
func marked(_ text: String) -> (text: String, line: Int) {
    guard let r = text.range(of: "⟦") else { return (text, 0) }
    let line = text[..<r.lowerBound].filter { $0 == "\n" }.count + 1
    return (text.replacingCharacters(in: r, with: ""), line)
}

/// Hostile shapes of the same text (SwiftLint-style re-runs): each must read the same clauses.
func hostileShapes(_ text: String) -> [(name: String, text: String, lineShift: Int)] {
    var out: [(String, String, Int)] = []
    out.append(("crlf", text.replacingOccurrences(of: "\n", with: "\r\n"), 0))
    out.append(("curly quotes and nbsp", text.replacingOccurrences(of: "\"", with: "\u{201C}").replacingOccurrences(of: " ", with: "\u{00A0}"), 0))
    out.append(("prepended paragraph", "Notes from the distributor.\nNothing here is binding.\n\n" + text, 3))
    // Re-wrapped at 60 columns.
    var wrapped: [String] = []
    for para in text.components(separatedBy: "\n\n") {
        var line = ""
        var lines: [String] = []
        for word in para.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            if line.count + word.count + 1 > 60 && !line.isEmpty { lines.append(line); line = "" }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        wrapped.append(lines.joined(separator: "\n"))
    }
    out.append(("wrapped at 60", wrapped.joined(separator: "\n\n"), -1))
    return out
}
