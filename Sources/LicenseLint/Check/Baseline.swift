
/// Known findings a team has accepted for now, so that `check --baseline FILE` reports only new ones.
///
/// A finding is identified by its rule id, model name, clause kind and licence id — never by a line
/// number — so re-wrapping or re-ordering a licence file does not resurface it. Several findings with the
/// same key are recorded once with a count: when more appear than were baselined, the extra ones are new.
/// A finding whose severity is higher than the baselined one (say a *cannot decide* warning that became an
/// error once the profile filled in the missing field) is new too.
///
/// The file (`licenselintBaseline: 1`) is JSON with entries sorted by key, so it diffs well in review:
///
/// ```
/// {"licenselintBaseline": 1,
///  "findings": [{"ruleId", "model", "clauseKind" | null, "licenseId" | null, "severity", "count", "message"}]}
/// ```
/// `message` is the finding's text for reviewers; it plays no part in matching.
public struct Baseline: Sendable, Equatable {
    public static let formatVersion = 1
    /// Baseline files larger than this are refused (a baseline is a short list, not a report).
    public static let maxBytes = 16 << 20

    public struct Key: Sendable, Hashable, Comparable {
        public var ruleID: String
        public var model: String
        public var clauseKind: String?
        public var licenseID: String?
        public init(ruleID: String, model: String, clauseKind: String?, licenseID: String?) {
            self.ruleID = ruleID; self.model = model; self.clauseKind = clauseKind; self.licenseID = licenseID
        }
        public init(_ f: Finding) {
            self.init(ruleID: f.ruleID, model: f.model, clauseKind: f.clauseKind?.rawValue, licenseID: f.licenseID)
        }
        public static func < (a: Key, b: Key) -> Bool {
            (a.ruleID, a.model, a.clauseKind ?? "", a.licenseID ?? "") < (b.ruleID, b.model, b.clauseKind ?? "", b.licenseID ?? "")
        }
    }

    public struct Entry: Sendable, Equatable {
        public var key: Key
        /// The highest severity recorded under this key.
        public var severity: Severity
        public var count: Int
        public var message: String
        public init(key: Key, severity: Severity, count: Int, message: String) {
            self.key = key; self.severity = severity; self.count = count; self.message = message
        }
    }

    /// Sorted by key, one entry per key.
    public var entries: [Entry]

    public init(entries: [Entry]) {
        var merged: [Key: Entry] = [:]
        for e in entries {
            if var m = merged[e.key] {
                m.count += e.count
                m.severity = max(m.severity, e.severity)
                m.message = min(m.message, e.message)
                merged[e.key] = m
            } else {
                merged[e.key] = e
            }
        }
        self.entries = merged.values.sorted { $0.key < $1.key }
    }

    /// Today's findings not silenced by a profile exception (those are accepted in the profile already).
    public init(report: Report) {
        self.init(entries: report.allFindings.filter { $0.suppressedBy == nil }.map {
            Entry(key: Key($0), severity: $0.severity, count: 1, message: $0.message)
        })
    }

    /// How many findings the baseline holds (entries times their counts).
    public var findingCount: Int { entries.reduce(0) { $0 + $1.count } }

    // MARK: File

    public var json: JSON {
        .object([
            ("licenselintBaseline", .int(Int64(Baseline.formatVersion))),
            ("about", .string("Findings accepted for now; 'licenselint check --baseline FILE' reports only findings not listed here. "
                              + "Regenerate with 'licenselint check --write-baseline FILE'.")),
            ("findings", .array(entries.map { e in
                .object([
                    ("ruleId", .string(e.key.ruleID)),
                    ("model", .string(e.key.model)),
                    ("clauseKind", e.key.clauseKind.map { .string($0) } ?? .null),
                    ("licenseId", e.key.licenseID.map { .string($0) } ?? .null),
                    ("severity", .string(e.severity.rawValue)),
                    ("count", .int(Int64(e.count))),
                    ("message", .string(e.message)),
                ])
            })),
        ])
    }

    /// The file's bytes: same findings, same bytes.
    public func render() -> String { json.render(pretty: true) + "\n" }

    /// Reads a baseline file. A missing, unreadable or malformed file is an error, never an empty baseline.
    public static func load(path: String) -> Result<Baseline, InputError> {
        let source: SourceFile
        do { source = try SourceFile.load(path: path, maxBytes: maxBytes) }
        catch {
            var e = error
            if e.code == "input.not-found" {
                e = InputError(code: "baseline.not-found", path: path,
                               message: "no such baseline file; create it with 'licenselint check --write-baseline \(path)'")
            } else {
                e.code = e.code.replacing("input.", with: "baseline.")
            }
            return .failure(e)
        }
        return parse(bytes: source.bytes, path: path)
    }

    public static func parse(bytes: [UInt8], path: String) -> Result<Baseline, InputError> {
        func bad(_ message: String) -> Result<Baseline, InputError> {
            .failure(InputError(code: "baseline.invalid", path: path, message: message))
        }
        let root: JSON
        do { root = try JSONReader.parse(bytes) }
        catch { return bad("not valid JSON (\(error)); regenerate it with 'licenselint check --write-baseline \(path)'") }
        guard case .object = root else { return bad("a baseline is a JSON object with \"licenselintBaseline\" and \"findings\"") }
        /// A whole number, not true/false and not a fraction.
        func whole(_ v: JSON?) -> Int? {
            switch v {
            case .int(let i)?: return Int(exactly: i)
            case .double(let d)? where d == d.rounded() && abs(d) < 9e15: return Int(d)
            default: return nil
            }
        }
        guard let version = whole(root["licenselintBaseline"]) else {
            return bad("missing \"licenselintBaseline\": 1 (is this a licenselint baseline file?)")
        }
        guard version == formatVersion else {
            return bad("baseline format \(version) is not supported (this licenselint reads format \(formatVersion))")
        }
        guard let items = root["findings"]?.arrayValue else { return bad("\"findings\" must be a list") }
        var entries: [Entry] = []
        for (n, item) in items.enumerated() {
            let at = "findings[\(n)]"
            guard case .object = item else { return bad("\(at) must be an object") }
            guard let rule = item["ruleId"]?.stringValue, !rule.isEmpty else { return bad("\(at).ruleId must be a non-empty string") }
            guard let model = item["model"]?.stringValue else { return bad("\(at).model must be a string") }
            var kind: String? = nil, license: String? = nil
            switch item["clauseKind"] {
            case nil, .null?: break
            case .string(let s)?:
                guard ClauseKind(rawValue: s) != nil else { return bad("\(at).clauseKind '\(s)' is not a clause kind") }
                kind = s
            default: return bad("\(at).clauseKind must be a string or null")
            }
            switch item["licenseId"] {
            case nil, .null?: break
            case .string(let s)?: license = s
            default: return bad("\(at).licenseId must be a string or null")
            }
            var count = 1
            if let c = item["count"] {
                guard let num = whole(c), num >= 1 else { return bad("\(at).count must be a whole number of at least 1") }
                count = num
            }
            var severity = Severity.error
            if let s = item["severity"] {
                guard let str = s.stringValue, let sev = Severity(rawValue: str) else {
                    return bad("\(at).severity must be error, warning or note")
                }
                severity = sev
            }
            let message = item["message"]?.stringValue ?? ""
            entries.append(Entry(key: Key(ruleID: rule, model: model, clauseKind: kind, licenseID: license),
                                 severity: severity, count: count, message: message))
        }
        return .success(Baseline(entries: entries))
    }

    // MARK: Applying

    public struct Applied: Sendable {
        /// The report without the baselined findings.
        public var report: Report
        /// Findings the baseline matched (left out of the report).
        public var matched: Int
        /// Baselined findings that no longer occur (fixed, or their model removed).
        public var gone: Int
    }

    /// Leaves out the findings the baseline lists, up to each entry's count. Findings silenced by a
    /// profile exception are left as they are (they are listed as suppressed in every report).
    public func apply(to report: Report) -> Applied {
        var remaining: [Key: (severity: Severity, count: Int)] = [:]
        for e in entries { remaining[e.key] = (e.severity, e.count) }
        var matched = 0
        func keep(_ findings: [Finding]) -> [Finding] {
            var out: [Finding] = []
            for f in findings.sorted(by: Report.order) {
                let k = Key(f)
                if f.suppressedBy == nil, let r = remaining[k], r.count > 0, f.severity <= r.severity {
                    remaining[k] = (r.severity, r.count - 1)
                    matched += 1
                    continue
                }
                out.append(f)
            }
            return out
        }
        var r = report
        r.generalFindings = keep(report.generalFindings)
        for i in r.models.indices { r.models[i].findings = keep(report.models[i].findings) }
        let gone = remaining.values.reduce(0) { $0 + $1.count }
        return Applied(report: r, matched: matched, gone: gone)
    }
}
