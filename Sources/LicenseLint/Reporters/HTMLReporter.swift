/// The legal review report as one self-contained HTML file (no external assets, styles inline, print
/// styles for reviewers who print it or convert it to PDF). Its content is the Markdown report's, converted
/// here: the same document, so the two cannot drift apart.
public enum HTMLReporter: Reporter {
    public static let format = "html"

    public static func render(_ report: Report, rules: [RuleDescription], options: ReportOptions) -> String {
        let markdown = MarkdownReporter.render(report, rules: rules, options: options)
        return document(body: MarkdownHTML.convert(markdown), title: "licenselint report — \(report.profilePath)")
    }

    static func document(body: String, title: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="licenselint">
        <title>\(MarkdownHTML.escape(title))</title>
        <style>
        \(style)
        </style>
        </head>
        <body>
        <main>
        \(body)</main>
        </body>
        </html>

        """
    }

    /// Screen and print styles. Folded sections are written open, so that a printed report is complete.
    static let style = """
    body { font: 15px/1.5 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: #1f2328; margin: 0; }
    main { max-width: 72rem; margin: 0 auto; padding: 1.5rem 2rem 3rem; }
    h1 { font-size: 1.6rem; border-bottom: 1px solid #d0d7de; padding-bottom: .3rem; }
    h2 { font-size: 1.3rem; border-bottom: 1px solid #d0d7de; padding-bottom: .2rem; margin-top: 2rem; }
    h3 { font-size: 1.05rem; margin-top: 1.2rem; }
    code { font: .88em/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: #f6f8fa; padding: .05em .3em; border-radius: 4px; }
    table { border-collapse: collapse; margin: .6rem 0; font-size: .92em; }
    th, td { border: 1px solid #d0d7de; padding: .3rem .5rem; text-align: left; vertical-align: top; }
    th { background: #f6f8fa; }
    ul { padding-left: 1.4rem; }
    li.task { list-style: none; margin-left: -1.2rem; }
    .box { display: inline-block; width: 1.2rem; }
    blockquote { margin: .2rem 0 .4rem; padding: 0 .8rem; border-left: 3px solid #d0d7de; color: #59636e; }
    summary { cursor: pointer; font-weight: 600; margin: .8rem 0 .4rem; }
    a { color: #0969da; }
    @media print {
      body { font-size: 10.5pt; color: #000; }
      main { max-width: none; padding: 0; }
      a { color: inherit; text-decoration: none; }
      code { background: none; padding: 0; }
      h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
      tr, li { break-inside: avoid; page-break-inside: avoid; }
      summary { list-style: none; }
      summary::-webkit-details-marker { display: none; }
    }
    """
}

/// Converts the Markdown licenselint writes (headings, paragraphs, pipe tables, lists with nested items and
/// task boxes, block quotes, `<details>` blocks, code spans, strong emphasis, backslash escapes, reference
/// links and autolinks) to HTML. Only that subset: it is not a general Markdown parser, and it escapes every
/// character of text it does not recognise as markup.
enum MarkdownHTML {
    static func convert(_ markdown: String) -> String {
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // Reference definitions ("[3]: <path#L23>") are collected first: links are resolved against them.
        var targets: [String: String] = [:]
        var body: [String] = []
        for line in lines {
            if let (label, target) = definition(line) { targets[label] = target } else { body.append(line) }
        }
        var out = ""
        var i = 0
        var ids: Set<String> = []
        func inline(_ s: String) -> String { MarkdownHTML.inline(s, targets: targets) }
        while i < body.count {
            let line = body[i]
            if line.isEmpty { i += 1; continue }
            if let level = headingLevel(line) {
                let text = String(line.dropFirst(level + 1))
                var id = slug(plain(text))
                if id.isEmpty { id = "section" }
                var unique = id, n = 2
                while ids.contains(unique) { unique = "\(id)-\(n)"; n += 1 }
                ids.insert(unique)
                out += "<h\(level) id=\"\(unique)\">\(inline(text))</h\(level)>\n"
                i += 1
            } else if line.hasPrefix("<details><summary>") && line.hasSuffix("</summary>") {
                // Written by the Markdown reporter with its summary text already escaped for HTML.
                out += "<details open>" + line.dropFirst("<details>".count) + "\n"
                i += 1
            } else if line == "</details>" {
                out += "</details>\n"
                i += 1
            } else if line.hasPrefix("|") {
                var rows: [String] = []
                while i < body.count && body[i].hasPrefix("|") { rows.append(body[i]); i += 1 }
                out += table(rows, inline: inline)
            } else if line.hasPrefix("- ") {
                var items: [String] = []
                while i < body.count && (body[i].hasPrefix("- ") || body[i].hasPrefix("  ")) { items.append(body[i]); i += 1 }
                out += list(items, inline: inline)
            } else if line.hasPrefix("> ") {
                var quoted: [String] = []
                while i < body.count && body[i].hasPrefix("> ") { quoted.append(String(body[i].dropFirst(2))); i += 1 }
                out += "<blockquote><p>\(quoted.map(inline).joined(separator: " "))</p></blockquote>\n"
            } else {
                var para: [String] = []
                while i < body.count, !body[i].isEmpty, headingLevel(body[i]) == nil, !body[i].hasPrefix("|"),
                      !body[i].hasPrefix("- "), !body[i].hasPrefix("<details>"), body[i] != "</details>" {
                    para.append(body[i]); i += 1
                }
                out += "<p>\(para.map(inline).joined(separator: "\n"))</p>\n"
            }
        }
        return out
    }

    /// "[12]: <target>" → ("12", "target").
    static func definition(_ line: String) -> (String, String)? {
        guard line.hasPrefix("["), let close = line.firstIndex(of: "]") else { return nil }
        let label = line[line.index(after: line.startIndex)..<close]
        let rest = line[line.index(after: close)...]
        guard !label.isEmpty, label.allSatisfy(\.isNumber), rest.hasPrefix(": <"), rest.hasSuffix(">") else { return nil }
        return (String(label), String(rest.dropFirst(3).dropLast()))
    }

    static func headingLevel(_ line: String) -> Int? {
        for level in 1...3 where line.hasPrefix(String(repeating: "#", count: level) + " ") { return level }
        return nil
    }

    static func table(_ rows: [String], inline: (String) -> String) -> String {
        var out = "<table>\n"
        for (n, row) in rows.enumerated() {
            if n == 1 && row.allSatisfy({ "|- ".contains($0) }) { continue }
            let tag = n == 0 ? "th" : "td"
            out += "<tr>" + cells(row).map { "<\(tag)>\(inline($0))</\(tag)>" }.joined() + "</tr>\n"
        }
        return out + "</table>\n"
    }

    /// The cells of "| a | b \| c |": split at pipes not escaped; an escaped pipe is a pipe of the text.
    static func cells(_ row: String) -> [String] {
        var cells: [String] = [], current = ""
        var escaped = false
        for ch in row.dropFirst() {
            // "\|" is a pipe of the text; any other escape stays for `inline` to read.
            if escaped { if ch != "|" { current.append("\\") }; current.append(ch); escaped = false; continue }
            if ch == "\\" { escaped = true; continue }
            if ch == "|" { cells.append(current.trimmingSpaces()); current = ""; continue }
            current.append(ch)
        }
        if escaped { current.append("\\") }
        return cells
    }

    /// "- item", "  - nested", "  > quoted under the item", "- [ ] task".
    static func list(_ lines: [String], inline: (String) -> String) -> String {
        var out = "<ul>\n"
        var open = false, nested = false
        func closeNested() { if nested { out += "</ul>"; nested = false } }
        for line in lines {
            if line.hasPrefix("- ") {
                closeNested()
                if open { out += "</li>\n" }
                var text = String(line.dropFirst(2))
                if text.hasPrefix("[ ] ") {
                    text.removeFirst(4)
                    out += "<li class=\"task\"><span class=\"box\">☐</span>\(inline(text))"
                } else {
                    out += "<li>\(inline(text))"
                }
                open = true
            } else if line.hasPrefix("  - ") {
                if !nested { out += "<ul>"; nested = true }
                out += "<li>\(inline(String(line.dropFirst(4))))</li>"
            } else if line.hasPrefix("  > ") {
                closeNested()
                out += "<blockquote>\(inline(String(line.dropFirst(4))))</blockquote>"
            } else {
                out += " " + inline(line.trimmingSpaces())
            }
        }
        closeNested()
        if open { out += "</li>\n" }
        return out + "</ul>\n"
    }

    /// One line of inline Markdown as HTML.
    static func inline(_ s: String, targets: [String: String]) -> String {
        let c = Array(s)
        var out = ""
        var i = 0
        var strong = false
        while i < c.count {
            let ch = c[i]
            if ch == "\\", i + 1 < c.count, c[i + 1].isASCII, c[i + 1].isPunctuation || c[i + 1].isSymbol {
                out += escape(String(c[i + 1])); i += 2; continue
            }
            if ch == "`" {
                var n = 0
                while i + n < c.count && c[i + n] == "`" { n += 1 }
                if let end = closingFence(c, from: i + n, length: n) {
                    var code = String(c[(i + n)..<end])
                    if code.count >= 2 && code.hasPrefix(" ") && code.hasSuffix(" ") && code.contains(where: { $0 != " " }) {
                        code = String(code.dropFirst().dropLast())
                    }
                    out += "<code>\(escape(code))</code>"
                    i = end + n
                } else {
                    out += String(repeating: "`", count: n); i += n
                }
                continue
            }
            if ch == "*", i + 1 < c.count, c[i + 1] == "*" {
                out += strong ? "</strong>" : "<strong>"; strong.toggle(); i += 2; continue
            }
            if ch == "[", let (labelEnd, ref, next) = referenceLink(c, from: i), let target = targets[ref] {
                let label = inline(String(c[(i + 1)..<labelEnd]), targets: [:])
                out += "<a href=\"\(escape(safeHref(target)))\">\(label)</a>"
                i = next; continue
            }
            if ch == "<" {
                let rest = String(c[i...])
                if rest.hasPrefix("<br>") { out += "<br>"; i += 4; continue }
                if rest.hasPrefix("<https://") || rest.hasPrefix("<http://"), let close = c[i...].firstIndex(of: ">") {
                    let url = String(c[(i + 1)..<close])
                    out += "<a href=\"\(escape(url))\">\(escape(url))</a>"
                    i = close + 1; continue
                }
            }
            out += escape(String(ch)); i += 1
        }
        if strong { out += "</strong>" }
        return out
    }

    /// Where a code span opened by `length` backticks closes: the next run of exactly that many.
    static func closingFence(_ c: [Character], from start: Int, length: Int) -> Int? {
        var j = start
        while j < c.count {
            if c[j] == "`" {
                var n = 0
                while j + n < c.count && c[j + n] == "`" { n += 1 }
                if n == length { return j }
                j += n
            } else { j += 1 }
        }
        return nil
    }

    /// "[label][12]" at `start`: the label's end, the reference and the index after the link. A label may
    /// hold code spans and escaped brackets.
    static func referenceLink(_ c: [Character], from start: Int) -> (Int, String, Int)? {
        var j = start + 1
        while j < c.count {
            if c[j] == "\\" { j += 2; continue }
            if c[j] == "`" {
                var n = 0
                while j + n < c.count && c[j + n] == "`" { n += 1 }
                guard let end = closingFence(c, from: j + n, length: n) else { return nil }
                j = end + n; continue
            }
            if c[j] == "[" { return nil }
            if c[j] == "]" { break }
            j += 1
        }
        guard j + 1 < c.count, c[j] == "]", c[j + 1] == "[" else { return nil }
        var k = j + 2, ref = ""
        while k < c.count && c[k].isNumber { ref.append(c[k]); k += 1 }
        guard !ref.isEmpty, k < c.count, c[k] == "]" else { return nil }
        return (j, ref, k + 1)
    }

    /// A link target as an href: web addresses and paths; a relative path whose first segment holds a colon
    /// ("javascript:…/LICENSE", a folder's name) is written "./…" so that it stays a path.
    static func safeHref(_ target: String) -> String {
        if target.hasPrefix("https://") || target.hasPrefix("http://") { return target }
        let first = target.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        return first.contains(":") ? "./" + target : target
    }

    /// Text without its markup, for an element id.
    static func plain(_ s: String) -> String {
        var out = ""
        var escaped = false
        for ch in s {
            if escaped { out.append(ch); escaped = false; continue }
            if ch == "\\" { escaped = true; continue }
            if ch == "`" || ch == "*" { continue }
            out.append(ch)
        }
        return out
    }

    /// "meta-llama/Llama 3.1" → "meta-llama-llama-3-1".
    static func slug(_ s: String) -> String {
        var out = "", dash = false
        for ch in s.lowercased() {
            if ch.isLetter || ch.isNumber { out.append(ch); dash = false }
            else if !dash && !out.isEmpty { out.append("-"); dash = true }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out
    }

    static func escape(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }
}
