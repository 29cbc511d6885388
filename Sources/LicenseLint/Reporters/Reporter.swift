/// A report format: a pure function from a `Report` to the bytes written out. Same input, same bytes.
public protocol Reporter: Sendable {
    /// The `--format` name.
    static var format: String { get }
    static func render(_ report: Report, rules: [RuleDescription], options: ReportOptions) -> String
}

/// How a report is rendered. Nothing here changes what is reported, only how it is written.
public struct ReportOptions: Sendable {
    /// ANSI colour (text format only). Stripping the escape codes gives the colourless output byte for byte.
    public var color: Bool = false
    /// Paths are written relative to this directory in SARIF URIs and GitHub annotations.
    public var baseDirectory: String? = nil

    /// The folder the report is read from (where it is written, or the current folder when printed): the
    /// Markdown report links each cited line there, `path#L23`. Nil: no links.
    public var linkBase: String? = nil

    public init(color: Bool = false, baseDirectory: String? = nil, linkBase: String? = nil) {
        self.color = color; self.baseDirectory = baseDirectory; self.linkBase = linkBase
    }
}

/// The registry of formats.
public enum Reporters {
    public static let formats = ["text", "json", "sarif", "markdown", "html", "github", "gitlab"]

    public static func reporter(for format: String) -> (any Reporter.Type)? {
        switch format {
        case TextReporter.format: return TextReporter.self
        case JSONReporter.format: return JSONReporter.self
        case SARIFReporter.format: return SARIFReporter.self
        case MarkdownReporter.format: return MarkdownReporter.self
        case HTMLReporter.format: return HTMLReporter.self
        case GitHubReporter.format: return GitHubReporter.self
        case GitLabReporter.format: return GitLabReporter.self
        default: return nil
        }
    }

    /// The rendered report, or nil for a format name not in `formats`.
    public static func render(format: String, report: Report, rules: [RuleDescription], options: ReportOptions) -> String? {
        reporter(for: format)?.render(report, rules: rules, options: options)
    }

    /// The same report in pieces that concatenate to `render`'s output: the text format gives one piece per
    /// model (a report of 100,000 models is written without being joined in memory), the others one piece.
    public static func renderChunks(format: String, report: Report, rules: [RuleDescription], options: ReportOptions) -> ReportChunks? {
        if format == TextReporter.format { return TextReporter.renderChunks(report, rules: rules, options: options) }
        return render(format: format, report: report, rules: rules, options: options).map { text in ReportChunks(count: 1) { _ in text } }
    }
}

/// A report as pieces made when they are read, in order; concatenated they are the whole report.
public struct ReportChunks: Sequence {
    public let count: Int
    let make: (Int) -> String
    public init(count: Int, make: @escaping (Int) -> String) { self.count = count; self.make = make }

    /// These pieces, then `text`.
    public func appending(_ text: String) -> ReportChunks {
        let make = self.make, n = count
        return ReportChunks(count: n + 1) { $0 < n ? make($0) : text }
    }

    public func makeIterator() -> AnyIterator<String> {
        var i = 0
        return AnyIterator { () -> String? in
            guard i < count else { return nil }
            defer { i += 1 }
            return make(i)
        }
    }
}

/// The counts every format prints. Counts are of findings not silenced by an exception:
/// `errors`, `warnings` and `notes` count by severity and leave duties out; `duties` and `undecided`
/// count by category (an undecided finding is also counted under its severity);
/// `suppressed` counts findings an exception silenced; `failing` counts `Report.failing`.
public struct ReportSummary: Sendable, Equatable {
    public var errors = 0
    public var warnings = 0
    public var notes = 0
    public var duties = 0
    public var undecided = 0
    public var suppressed = 0
    public var failing = 0
    public var inputErrors = 0
    public var failOn: Severity

    public init(_ report: Report) {
        failOn = report.failOn
        // Counted in place: the order does not matter here, and sorting every finding again for each
        // reporter made large reports slow.
        func count(_ f: Finding) {
            if f.suppressedBy != nil { suppressed += 1; return }
            if f.severity >= failOn && f.category != .duty && f.category != .information { failing += 1 }
            if f.category == .duty {
                duties += 1
            } else {
                switch f.severity {
                case .error: errors += 1
                case .warning: warnings += 1
                case .note: notes += 1
                }
            }
            if f.category == .undecided { undecided += 1 }
        }
        report.generalFindings.forEach(count)
        for m in report.models { m.findings.forEach(count) }
        inputErrors = report.inputErrors.count
    }

    /// 2 when an input could not be read, else 1 when something fails, else 0 — the process's exit code.
    public var exitCode: Int { inputErrors > 0 ? 2 : (failing > 0 ? 1 : 0) }

    /// "1 error, 2 warnings (1 cannot decide), 3 duties; fail_on: error → exit 1": every open finding
    /// counted once (information and suppressed findings only when there are some).
    public var line: String {
        var w = ReportFormatting.count(warnings, "warning", "warnings")
        if undecided > 0 { w += " (\(undecided) cannot decide)" }
        var parts = [ReportFormatting.count(errors, "error", "errors"), w]
        parts.append(ReportFormatting.count(duties, "duty", "duties"))
        if notes > 0 { parts.append("\(notes) for information") }
        if suppressed > 0 { parts.append("\(suppressed) suppressed") }
        if inputErrors > 0 { parts.append(ReportFormatting.count(inputErrors, "input error", "input errors")) }
        return parts.joined(separator: ", ") + "; fail_on: \(failOn.rawValue) → exit \(exitCode)"
    }
}

/// Helpers shared by the reporters.
enum ReportFormatting {
    static func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }

    /// A finding with the path of the model it was listed under (nil for a general finding).
    struct Entry {
        var finding: Finding
        var modelPath: String?
    }

    /// Every finding, general and per model, in `Report.order`.
    static func entries(_ report: Report) -> [Entry] {
        let general = report.generalFindings.map { Entry(finding: $0, modelPath: nil) }
        let perModel = report.models.flatMap { m in m.findings.map { Entry(finding: $0, modelPath: m.path) } }
        return (general + perModel).sorted { Report.order($0.finding, $1.finding) }
    }

    /// Where a finding is shown: its licence location; for a model finding without one, the model path
    /// (no region); for a general finding without one, its profile location, else the model it names, else the profile.
    struct Primary {
        var path: String
        /// Nil when the finding points at a whole file or folder.
        var region: FileLocation?
        /// The primary location is the profile location (so it is not repeated as a related location).
        var isProfile: Bool
    }

    static func primary(_ entry: Entry, report: Report) -> Primary {
        let f = entry.finding
        if let loc = f.location { return Primary(path: loc.path, region: loc, isProfile: false) }
        if let modelPath = entry.modelPath { return Primary(path: modelPath, region: nil, isProfile: false) }
        if let p = f.profileLocation { return Primary(path: p.path, region: p, isProfile: true) }
        if let m = report.models.first(where: { $0.name == f.model || $0.path == f.model }) {
            return Primary(path: m.path, region: nil, isProfile: false)
        }
        if !f.model.isEmpty { return Primary(path: f.model, region: nil, isProfile: false) }
        return Primary(path: report.profilePath, region: nil, isProfile: true)
    }

    /// "path:line:col", or "path" without a region.
    static func position(_ p: Primary) -> String {
        guard let r = p.region else { return p.path }
        return "\(p.path):\(r.line):\(r.column)"
    }

    static func similarity(_ value: Double) -> String {
        let hundredths = Int((min(1, max(0, value)) * 100).rounded())
        let frac = hundredths % 100
        return "\(hundredths / 100).\(frac < 10 ? "0" : "")\(frac)"
    }

    /// "Llama 3.1 Community License Agreement (llama3.1)", the declared id, or "unidentified licence".
    /// "version 3.1, released 2024-07-23, https://…, sha256 3f2a…": what identifies the terms read.
    /// A file's path relative to its model's folder when it lies inside it ("LICENSE"), else as given.
    static func within(_ modelPath: String, _ file: String) -> String {
        let prefix = modelPath.hasSuffix("/") ? modelPath : modelPath + "/"
        return file.hasPrefix(prefix) ? String(file.dropFirst(prefix.count)) : file
    }

    /// `withURL: false` leaves the canonical URL out (a report that links the licence's name to it).
    static func licenseIdentity(_ l: AppliedLicense, withURL: Bool = true) -> String {
        var parts: [String] = []
        let id = l.identification
        if let id, l.source == .text, id.isOtherVersion {
            // The text is another version than the catalogue's: say both.
            let stated = [id.statedVersion.map { "version \($0)" }, id.statedDate.map { "dated \($0)" }].compactMap { $0 }
            let held = [id.version.map { "version \($0)" }, id.released.map { "released \($0)" }].compactMap { $0 }
            parts.append("the text states \(stated.joined(separator: ", ")); the catalogue holds \(held.joined(separator: ", ")) — the text's own clauses decide")
            if withURL, let u = id.url { parts.append(u) }
            if let d = l.sha256 { parts.append("sha256 \(d)") }
            return parts.joined(separator: ", ")
        }
        if let v = versionAndDate(l) { parts.append(v) }
        if withURL, let u = id?.url { parts.append(u) }
        if let d = l.sha256 { parts.append("sha256 \(d)") }
        return parts.joined(separator: ", ")
    }

    /// The version and date a licence states or its catalogue entry holds ("version 2.0", "released 2024-07-23"),
    /// nil when neither is known.
    static func versionAndDate(_ l: AppliedLicense) -> String? {
        guard let id = l.identification else { return nil }
        let text = l.source == .text
        let version = text && id.isOtherVersion ? id.statedVersion : (id.version ?? (text ? id.statedVersion : nil))
        let date = text && id.isOtherVersion ? id.statedDate : (id.released ?? (text ? id.statedDate : nil))
        var parts: [String] = []
        if let version { parts.append("version \(version)") }
        // A version that is a date ("2024-04-01") is not repeated as the release date.
        if let date, date != version { parts.append(text && (id.isOtherVersion || id.released == nil) ? "dated \(date)" : "released \(date)") }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    static func licenseName(_ l: AppliedLicense) -> String {
        // A text that matches a catalogue entry but whose clauses differ is not that licence: it is named as a
        // modification of it ("a modified MIT License"), its differences listed beside it.
        if let id = l.identification, !id.differences.isEmpty, l.source == .text { return "a modified \(id.name) (based on \(id.id))" }
        if let id = l.identification, id.isOtherVersion, l.source == .text {
            return "another version of \(id.name) (\(id.id)\(id.statedVersion.map { ", the text states v\($0)" } ?? ""))"
        }
        if let id = l.identification { return "\(id.name) (\(id.id))" }
        if let d = l.declaredID { return d }
        return "unidentified licence"
    }

    /// ", read from LICENSE", ", from the catalogue for model card id llama3.1", ", inherited via …".
    static func licenseSource(_ l: AppliedLicense) -> String {
        var s: String
        switch l.source {
        case .text:
            s = "read from \(l.file ?? "the model folder")"
        case .catalogue:
            // Said once: where the id came from is in `via` when there is one (a BOM, a base-model table).
            s = l.via == nil ? "from the catalogue for model card id \(l.declaredID ?? l.identification?.id ?? "?")" : "from the catalogue"
        case .inherited:
            s = "inherited"
        }
        if let via = l.via, !via.isEmpty { s += l.source == .inherited ? " \(via)" : " (\(via))" }
        return s
    }

    static func clauseParameters(_ c: Clause) -> String {
        c.parameters.filter { if case .list(let l) = $0.1 { return !l.isEmpty }; return true }
            .map { "\($0.0)=\($0.1)" }.joined(separator: ", ")
    }

    static func exceptionScope(_ e: AppliedException) -> String {
        var parts: [String] = []
        if let l = e.license { parts.append("licence \(l)") }
        if let m = e.model { parts.append("model \(m)") }
        return parts.isEmpty ? "" : " (" + parts.joined(separator: ", ") + ")"
    }

    /// "(reason, expires 2026-06-30)" or "(reason)".
    static func suppression(_ e: AppliedException) -> String {
        "suppressed by exception (\(e.reason)" + (e.expires.map { ", expires \($0)" } ?? "") + ")"
    }

    // MARK: Paths and URIs

    /// Lexically normalised components ("." dropped, "x/.." folded), and whether the path is absolute.
    static func components(_ path: String) -> (absolute: Bool, parts: [String]) {
        let s = path.replacing("\\", with: "/")
        let absolute = s.hasPrefix("/")
        var parts: [String] = []
        for c in s.split(separator: "/", omittingEmptySubsequences: true) {
            if c == "." { continue }
            if c == ".." {
                if let last = parts.last, last != ".." { parts.removeLast(); continue }
                if absolute { continue }
            }
            parts.append(String(c))
        }
        return (absolute, parts)
    }

    static func joined(_ c: (absolute: Bool, parts: [String])) -> String {
        if c.absolute { return "/" + c.parts.joined(separator: "/") }
        return c.parts.isEmpty ? "." : c.parts.joined(separator: "/")
    }

    /// The path with forward slashes and no "./", relative to `base` when that can be worked out
    /// lexically (both absolute, or both relative); otherwise the normalised path itself.
    static func relativePath(_ path: String, to base: String?) -> String {
        let p = components(path)
        guard let base, !base.isEmpty else { return joined(p) }
        let b = components(base)
        guard p.absolute == b.absolute else { return joined(p) }
        var i = 0
        while i < p.parts.count, i < b.parts.count, p.parts[i] == b.parts[i] { i += 1 }
        // Going up out of a relative base that itself climbs ("../x") cannot be done without the cwd.
        if b.parts[i...].contains("..") { return joined(p) }
        let rest = Array(repeating: "..", count: b.parts.count - i) + p.parts[i...]
        return rest.isEmpty ? "." : rest.joined(separator: "/")
    }

    /// Percent-encodes what may not appear in a URI path (":" too, so a relative path is never read as a scheme).
    static func uriEncode(_ path: String) -> String {
        var out = ""
        for b in path.utf8 {
            let c = Character(Unicode.Scalar(b))
            let ok = (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39)
                || "-._~/!$&'()*+,;=@".contains(c)
            if ok { out.append(c) } else {
                let hex = String(b, radix: 16, uppercase: true)
                out += "%" + (hex.count < 2 ? "0" : "") + hex
            }
        }
        return out
    }

    /// 64-bit FNV-1a, as 16 hex digits: a stable hash (Swift's `Hasher` is seeded per process).
    static func stableHash(_ s: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in s.utf8 { h ^= UInt64(b); h = h &* 0x0000_0100_0000_01B3 }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

/// Reports read by people (text, Markdown) show names and sentences from the files they check: a folder
/// named "x\n::warning::forged\n0 errors … exit 0" must not forge lines, and escape sequences must not
/// reach the terminal. Every such string is shown with its control characters escaped (`\n`, `\u{1B}`);
/// quotes and details keep their line breaks, which the reporters indent.
public enum ReadableText {
    public static func clean(_ s: String, keepNewlines: Bool = false) -> String {
        // Most text needs nothing: no control byte, DEL, or the lead bytes of C1 controls (C2) and of the
        // line and paragraph separators (E2). Checked on bytes first; the scalars only when one is there.
        guard mayNeedEscape(s) else { return s }
        var out = ""
        for u in s.unicodeScalars {
            if u == "\n" && keepNewlines { out.append("\n"); continue }
            if u == "\t" { out.append(" "); continue }
            if needsEscape(u) {
                switch u {
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                default: out += "\\u{" + String(u.value, radix: 16, uppercase: true) + "}"
                }
            } else {
                out.unicodeScalars.append(u)
            }
        }
        return out
    }

    /// Whether the UTF-8 holds a C0 control, DEL, a C1 control (C2 80–9F) or U+2028/U+2029 (E2 80 A8/A9).
    static func mayNeedEscape(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { u -> Bool in
            var i = 0
            let n = u.count
            while i < n {
                let b = u[i]
                if b < 0x20 || b == 0x7F { return true }
                if b == 0xC2, i + 1 < n, u[i + 1] >= 0x80, u[i + 1] <= 0x9F { return true }
                if b == 0xE2, i + 2 < n, u[i + 1] == 0x80, u[i + 2] == 0xA8 || u[i + 2] == 0xA9 { return true }
                i += 1
            }
            return false
        }
    }

    /// C0 and C1 controls, DEL, and the Unicode line and paragraph separators (which also break lines).
    static func needsEscape(_ u: Unicode.Scalar) -> Bool {
        u.value < 0x20 || u.value == 0x7F || (0x80...0x9F).contains(u.value) || u.value == 0x2028 || u.value == 0x2029
    }

    static func clean(_ l: FileLocation?) -> FileLocation? {
        guard var l else { return nil }
        l.path = clean(l.path)
        l.excerpt = l.excerpt.map { clean($0, keepNewlines: true) }
        return l
    }

    static func clean(_ f: Finding) -> Finding {
        var f = f
        f.message = clean(f.message)
        f.model = clean(f.model)
        f.details = f.details.map { clean($0, keepNewlines: true) }
        f.location = clean(f.location)
        f.profileLocation = clean(f.profileLocation)
        f.onlyIf = f.onlyIf.map { clean($0) }
        f.trigger = f.trigger.map { clean($0) }
        f.toSupply = f.toSupply.map { clean($0) }
        f.remedy = f.remedy.map { clean($0) }
        if var x = f.suppressedBy { x.reason = clean(x.reason); x.location = clean(x.location); f.suppressedBy = x }
        return f
    }

    /// The report with every string from files and paths made safe to print.
    static func clean(_ r: Report) -> Report {
        var r = r
        r.profilePath = clean(r.profilePath)
        r.profileSummary = r.profileSummary.map { (clean($0.0), clean($0.1)) }
        r.generalFindings = r.generalFindings.map(clean)
        r.exceptions = r.exceptions.map { e in
            var e = e
            e.rule = clean(e.rule); e.reason = clean(e.reason); e.model = e.model.map { clean($0) }
            e.license = e.license.map { clean($0) }; e.location = clean(e.location)
            return e
        }
        // Only what needs it is rebuilt: a report of 100,000 clean models is not copied finding by finding.
        func needs(_ l: FileLocation?) -> Bool { l.map { mayNeedEscape($0.path) || ($0.excerpt.map(mayNeedEscape) ?? false) } ?? false }
        func needs(_ f: Finding) -> Bool {
            mayNeedEscape(f.message) || mayNeedEscape(f.model) || f.details.contains(where: mayNeedEscape) || needs(f.location)
                || needs(f.profileLocation) || (f.onlyIf.map(mayNeedEscape) ?? false) || (f.trigger.map(mayNeedEscape) ?? false)
                || (f.toSupply.map(mayNeedEscape) ?? false) || (f.remedy.map(mayNeedEscape) ?? false)
                || (f.suppressedBy.map { mayNeedEscape($0.reason) || needs($0.location) } ?? false)
        }
        func needs(_ l: AppliedLicense) -> Bool {
            [l.file, l.declaredID, l.via].contains { $0.map(mayNeedEscape) ?? false }
        }
        for i in r.models.indices {
            let m = r.models[i]
            if mayNeedEscape(m.name) || mayNeedEscape(m.path) { r.models[i].name = clean(m.name); r.models[i].path = clean(m.path) }
            if m.lineage.contains(where: mayNeedEscape) { r.models[i].lineage = m.lineage.map { clean($0) } }
            if m.references.contains(where: mayNeedEscape) { r.models[i].references = m.references.map { clean($0) } }
            if m.filesRead.contains(where: mayNeedEscape) { r.models[i].filesRead = m.filesRead.map { clean($0) } }
            if m.openness.reasons.contains(where: mayNeedEscape) { r.models[i].openness.reasons = m.openness.reasons.map { clean($0) } }
            if m.findings.contains(where: needs) { r.models[i].findings = m.findings.map(clean) }
            if m.licenses.contains(where: needs) {
                r.models[i].licenses = m.licenses.map { l in
                    var l = l
                    l.file = l.file.map { clean($0) }; l.declaredID = l.declaredID.map { clean($0) }; l.via = l.via.map { clean($0) }
                    return l
                }
            }
        }
        return r
    }
}
