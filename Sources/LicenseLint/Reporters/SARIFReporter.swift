/// SARIF 2.1.0 (one run), for GitHub code scanning and other SARIF viewers.
///
/// Every result's `ruleId` is declared in `tool.driver.rules` and `ruleIndex` points at it: the rules passed in
/// come first, in the order given, then one descriptor per other rule id found (input errors and the like),
/// described by its first finding's message. URIs are relative to `options.baseDirectory` (with `uriBaseId`
/// "%SRCROOT%") or, for absolute paths that cannot be made relative, `file://` URIs. `partialFingerprints`
/// hash rule id, model, clause kind and licence id (never the line), with an occurrence number for repeats.
public enum SARIFReporter: Reporter {
    public static let format = "sarif"
    public static let schema = "https://json.schemastore.org/sarif-2.1.0.json"
    public static let informationURI = "https://github.com/licenselint/licenselint"
    public static let fingerprintKey = "licenselint/v1"
    static let srcRoot = "%SRCROOT%"

    public static func render(_ report: Report, rules: [RuleDescription], options: ReportOptions) -> String {
        log(report, rules: rules, options: options).render(pretty: true) + "\n"
    }

    public static func log(_ report: Report, rules: [RuleDescription], options: ReportOptions) -> JSON {
        let entries = ReportFormatting.entries(report)

        // rules[]: the descriptions passed in (first of each id), then ids only findings know.
        var descriptors: [JSON] = []
        var index: [String: Int] = [:]
        for r in rules where index[r.id] == nil {
            index[r.id] = descriptors.count
            descriptors.append(descriptor(r))
        }
        for e in entries where index[e.finding.ruleID] == nil {
            index[e.finding.ruleID] = descriptors.count
            descriptors.append(descriptor(for: e.finding))
        }

        var occurrences: [String: Int] = [:]
        var results: [JSON] = []
        for e in entries {
            let key = fingerprintHash(e.finding)
            let n = (occurrences[key] ?? 0) + 1
            occurrences[key] = n
            results.append(result(e, ruleIndex: index[e.finding.ruleID] ?? 0, fingerprint: "\(key):\(n)",
                                  report: report, options: options))
        }

        var run: [(String, JSON)] = [
            ("tool", .object([("driver", .object([
                ("name", .string("licenselint")),
                ("version", .string(report.toolVersion)),
                ("informationUri", .string(informationURI)),
                ("rules", .array(descriptors)),
            ]))])),
        ]
        if let base = options.baseDirectory, ReportFormatting.components(base).absolute {
            let dir = ReportFormatting.joined(ReportFormatting.components(base))
            let uri = "file://" + ReportFormatting.uriEncode(dir.hasSuffix("/") ? dir : dir + "/")
            run.append(("originalUriBaseIds", .object([(srcRoot, .object([("uri", .string(uri))]))])))
        }
        run.append(("results", .array(results)))
        // The run's own outcome: input errors are tool execution notifications, and the run did not succeed.
        let notifications: [JSON] = report.inputErrors.map { e in
            .object([
                ("level", .string("error")),
                ("message", .object([("text", .string("\(e.message) [\(e.code)]"))])),
                ("locations", .array([.object([("physicalLocation", .object([
                    ("artifactLocation", .object([("uri", .string(ReportFormatting.relativePath(e.path, to: options.baseDirectory)))])),
                ]))])])),
            ])
        }
        run.append(("invocations", .array([.object([
            ("executionSuccessful", .bool(report.inputErrors.isEmpty)),
            ("exitCode", .int(Int64(ReportSummary(report).exitCode))),
            ("toolExecutionNotifications", .array(notifications)),
        ])])))
        run.append(("properties", .object([
            ("profile", .string(report.profilePath)),
            ("failOn", .string(report.failOn.rawValue)),
        ])))

        return .object([
            ("$schema", .string(schema)),
            ("version", .string("2.1.0")),
            ("runs", .array([.object(run)])),
        ])
    }

    /// The stable part of a result's fingerprint: rule id, model, clause kind, licence id (no line, no message).
    public static func fingerprintHash(_ f: Finding) -> String {
        ReportFormatting.stableHash([f.ruleID, f.model, f.clauseKind?.rawValue ?? "", f.licenseID ?? ""]
            .joined(separator: "\u{1F}"))
    }

    static func level(_ s: Severity) -> String {
        switch s {
        case .error: return "error"
        case .warning: return "warning"
        case .note: return "note"
        }
    }

    static func descriptor(_ r: RuleDescription) -> JSON {
        let text = "What it checks: \(r.whatItChecks)\n\nWhy it matters: \(r.why)\n\nWhat to do: \(r.fix)"
        let markdown = "**What it checks.** \(r.whatItChecks)\n\n**Why it matters.** \(r.why)\n\n**What to do.** \(r.fix)"
        var tags = ["license"]
        for k in r.reads where !tags.contains(k.rawValue) { tags.append(k.rawValue) }
        return .object([
            ("id", .string(r.id)),
            ("name", .string(r.name)),
            ("shortDescription", .object([("text", .string(r.summary))])),
            ("fullDescription", .object([("text", .string(r.whatItChecks))])),
            ("help", .object([("text", .string(text)), ("markdown", .string(markdown))])),
            ("defaultConfiguration", .object([("level", .string(level(r.severity)))])),
            ("properties", .object([("tags", .array(tags.map { .string($0) }))])),
        ])
    }

    /// A descriptor for a rule id that no `RuleDescription` covers (input errors and the like).
    static func descriptor(for f: Finding) -> JSON {
        .object([
            ("id", .string(f.ruleID)),
            ("name", .string(f.ruleID)),
            ("shortDescription", .object([("text", .string(f.message))])),
            ("defaultConfiguration", .object([("level", .string(level(f.severity)))])),
            ("properties", .object([("tags", .array(["license", f.category.rawValue].map { .string($0) }))])),
        ])
    }

    static func result(_ e: ReportFormatting.Entry, ruleIndex: Int, fingerprint: String, report: Report,
                       options: ReportOptions) -> JSON {
        let f = e.finding
        let primary = ReportFormatting.primary(e, report: report)
        var r: [(String, JSON)] = [
            ("ruleId", .string(f.ruleID)),
            ("ruleIndex", .int(Int64(ruleIndex))),
            ("level", .string(level(f.severity))),
            ("message", .object([("text", .string(([f.message] + f.details).joined(separator: "\n")))])),
            ("locations", .array([.object([
                ("physicalLocation", physicalLocation(path: primary.path, region: primary.region, options: options)),
            ])])),
        ]
        if let p = f.profileLocation, !primary.isProfile {
            r.append(("relatedLocations", .array([.object([
                ("id", .int(1)),
                ("physicalLocation", physicalLocation(path: p.path, region: p, options: options)),
                ("message", .object([("text", .string("where the profile states the plan"))])),
            ])])))
        }
        r.append(("partialFingerprints", .object([(fingerprintKey, .string(fingerprint))])))
        if let x = f.suppressedBy {
            var s: [(String, JSON)] = [
                ("kind", .string("external")),
                ("status", .string("accepted")),
                ("justification", .string(x.reason)),
            ]
            if let loc = x.location {
                s.append(("location", .object([("physicalLocation", physicalLocation(path: loc.path, region: loc, options: options))])))
            }
            var props: [(String, JSON)] = [("rule", .string(x.rule))]
            if let exp = x.expires { props.append(("expires", .string(exp))) }
            s.append(("properties", .object(props)))
            r.append(("suppressions", .array([.object(s)])))
        }
        var props: [(String, JSON)] = [("category", .string(f.category.rawValue)), ("model", .string(f.model))]
        if let k = f.clauseKind { props.append(("clauseKind", .string(k.rawValue))) }
        if let l = f.licenseID { props.append(("licenseId", .string(l))) }
        r.append(("properties", .object(props)))
        return .object(r)
    }

    static func physicalLocation(path: String, region: FileLocation?, options: ReportOptions) -> JSON {
        var pl: [(String, JSON)] = [("artifactLocation", artifactLocation(path, options: options))]
        if let loc = region {
            let start = max(1, loc.line)
            var reg: [(String, JSON)] = [
                ("startLine", .int(Int64(start))),
                ("startColumn", .int(Int64(max(1, loc.column)))),
                ("endLine", .int(Int64(max(start, loc.endLine)))),
            ]
            if let ex = loc.excerpt, !ex.isEmpty { reg.append(("snippet", .object([("text", .string(ex))]))) }
            pl.append(("region", .object(reg)))
        }
        return .object(pl)
    }

    static func artifactLocation(_ path: String, options: ReportOptions) -> JSON {
        let rel = ReportFormatting.relativePath(path, to: options.baseDirectory)
        if rel.hasPrefix("/") {
            return .object([("uri", .string("file://" + ReportFormatting.uriEncode(rel)))])
        }
        return .object([("uri", .string(ReportFormatting.uriEncode(rel))), ("uriBaseId", .string(srcRoot))])
    }
}
