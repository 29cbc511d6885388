import Testing
import Foundation
@testable import LicenseLint

/// The HTML report is the Markdown review report as one self-contained page.
@Suite struct HTMLReporterTests {
    func report(_ profile: String, _ paths: [String]) throws -> Report {
        guard case .success(let p) = ProfileLoader.load(path: fixture("Fixtures/profiles/\(profile).yaml")) else { throw ProfileMissing() }
        return Checker(profile: p, catalogue: sharedCatalogue, today: "2026-11-23").check(paths: paths).report
    }
    struct ProfileMissing: Error {}

    /// Start and end tags pair up (void elements aside); returns the first mismatch.
    func unbalanced(_ html: String) -> String? {
        let void: Set<String> = ["meta", "br", "input", "img", "link", "hr", "!doctype"]
        var stack: [String] = []
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            guard let close = rest[open...].firstIndex(of: ">") else { return "unclosed <" }
            let tag = rest[rest.index(after: open)..<close]
            rest = rest[rest.index(after: close)...]
            let name = tag.drop { $0 == "/" }.prefix { !$0.isWhitespace }.lowercased()
            if void.contains(name) { continue }
            if tag.hasPrefix("/") {
                guard stack.last == name else { return "</\(name)> closes <\(stack.last ?? "nothing")>" }
                stack.removeLast()
            } else { stack.append(name) }
        }
        return stack.isEmpty ? nil : "left open: \(stack)"
    }

    /// The text a reader sees: tags removed, entities decoded.
    func visibleText(_ html: String) -> String {
        var out = "", inTag = false
        let body = html.components(separatedBy: "<body>").last ?? html
        for ch in body {
            if ch == "<" { inTag = true } else if ch == ">" { inTag = false } else if !inTag { out.append(ch) }
        }
        return out.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    @Test(arguments: ["enterprise", "startup", "research-lab", "public-sector"])
    func theFixtureReportsAreSelfContainedPagesWithTheMarkdownContent(_ profile: String) throws {
        let r = try report(profile, [fixture("Fixtures/models")])
        let options = ReportOptions(baseDirectory: packageRoot, linkBase: packageRoot)
        let html = HTMLReporter.render(r, rules: RuleRegistry.descriptions, options: options)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(unbalanced(html) == nil, "\(unbalanced(html) ?? "")")
        // Nothing is fetched: no scripts, stylesheets, images, frames or imports.
        for outside in ["<script", "<link", "<img", "<iframe", "src=", "@import", "url("] {
            #expect(!html.contains(outside), "\(outside)")
        }
        #expect(html.contains("@media print"))
        // Every link is a web address from the catalogue or a path to a cited line.
        var rest = Substring(html)
        while let r = rest.range(of: "href=\"") {
            let href = rest[r.upperBound...].prefix { $0 != "\"" }
            #expect(href.hasPrefix("https://") || href.contains("#L"), "\(href)")
            rest = rest[r.upperBound...]
        }
        // The same content: the summary table, one section per model, every finding's rule and message, the
        // appendix, and no Markdown syntax left in what a reader sees.
        let text = visibleText(html)
        #expect(html.contains("<th>Model</th><th>Licence</th><th>Openness</th><th>Verdict</th><th>Decisive reason</th><th>Duties</th>"))
        for m in r.models {
            #expect(html.contains("<h2 id=\"\(MarkdownHTML.slug(m.name))\">\(m.name)</h2>"), "\(m.name)")
            #expect(text.contains("Verdict: \(m.verdict.title)"))
            for f in m.findings where f.suppressedBy == nil {
                #expect(text.contains(f.ruleID), "\(f.ruleID)")
                if f.category == .conflict || f.category == .undecided || f.category == .input {
                    // Shown in full, or as the same conflict as another model's (which is then shown in full).
                    #expect(text.contains(f.message) || text.contains("\(f.ruleID): the same"), "\(f.message)")
                }
            }
        }
        #expect(text.contains("it is not legal advice"))
        for markup in ["**", "][", "\\_", "\\[", "| --- |"] { #expect(!text.contains(markup), "\(markup)") }
        #expect(!text.contains("\u{FFFD}"))
    }

    /// A folder's name is text, never markup or a script address.
    @Test func hostileNamesStayText() throws {
        let dir = NSTemporaryDirectory() + "licenselint-html-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let names = ["<img src=x onerror=alert(1)>", "javascript:alert(1)", "a\"b'c&d"]
        let licence = "Permission is granted to use the Model for non-commercial research purposes only.\n"
        for n in names {
            try FileManager.default.createDirectory(atPath: dir + "/" + n, withIntermediateDirectories: true)
            try licence.write(toFile: dir + "/" + n + "/LICENSE", atomically: true, encoding: .utf8)
        }
        let r = try report("enterprise", [dir])
        let html = HTMLReporter.render(r, rules: RuleRegistry.descriptions, options: ReportOptions(baseDirectory: dir, linkBase: dir))
        #expect(!html.contains("<img"))
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(!html.contains("href=\"javascript:"))
        #expect(html.contains("href=\"./javascript:alert(1)/LICENSE#L1\""))
        #expect(html.contains("a&quot;b&#39;c&amp;d"))
        #expect(unbalanced(html) == nil, "\(unbalanced(html) ?? "")")
    }

    /// The subset of Markdown the reporter writes, converted exactly.
    @Test func theMarkdownSubsetConverts() {
        let targets = ["3": "m/LICENSE#L23", "4": "https://example.org/terms"]
        #expect(MarkdownHTML.inline("**Verdict: Blocked**, decided by `user-cap-exceeded`.", targets: [:])
                == "<strong>Verdict: Blocked</strong>, decided by <code>user-cap-exceeded</code>.")
        #expect(MarkdownHTML.inline("Licence [`LICENSE:23`][3]: “a \\*b\\* \\[c\\] \\<d\\>”", targets: targets)
                == "Licence <a href=\"m/LICENSE#L23\"><code>LICENSE:23</code></a>: “a *b* [c] &lt;d&gt;”")
        // A code span fenced by two backticks holds one; a label may hold a "]" inside code.
        #expect(MarkdownHTML.inline("``a`b`` and [`x]y`][4]", targets: targets)
                == "<code>a`b</code> and <a href=\"https://example.org/terms\"><code>x]y</code></a>")
        // An unknown reference stays text.
        #expect(MarkdownHTML.inline("[x][9]", targets: targets) == "[x][9]")
        #expect(MarkdownHTML.cells("| a \\| b | `c` | d\\\\ |") == ["a | b", "`c`", "d\\\\"])
        let html = MarkdownHTML.convert("""
            ## A

            - [ ] do it (`r`, [`L:1`][3])
            - `rule`: message
              - detail one
              - detail two

            | H | I |
            | --- | --- |
            | 1<br>2 | x \\| y |

            <details><summary>More &amp; more</summary>

            text
            </details>

            [3]: <m/LICENSE#L1>

            """)
        #expect(html == """
            <h2 id="a">A</h2>
            <ul>
            <li class="task"><span class="box">☐</span>do it (<code>r</code>, <a href="m/LICENSE#L1"><code>L:1</code></a>)</li>
            <li><code>rule</code>: message<ul><li>detail one</li><li>detail two</li></ul></li>
            </ul>
            <table>
            <tr><th>H</th><th>I</th></tr>
            <tr><td>1<br>2</td><td>x | y</td></tr>
            </table>
            <details open><summary>More &amp; more</summary>
            <p>text</p>
            </details>

            """)
    }
}
