import LicenseLintYAML

/// A mistake in a profile, at its line and column, with a fix when one can be suggested.
public struct ProfileError: Error, Sendable, Equatable, CustomStringConvertible {
    public var code: String
    public var path: String
    public var line: Int
    public var column: Int
    public var message: String
    public var suggestion: String?

    public var description: String {
        "\(path):\(line):\(column): \(message)" + (suggestion.map { " (\($0))" } ?? "") + " [\(code)]"
    }
}

/// All the mistakes found in one profile, in line order.
public struct ProfileErrors: Error, Sendable {
    public var errors: [ProfileError]
}

/// Reads a profile strictly: every unknown key, wrong type and impossible value is an error at its line,
/// collected in one pass. Nothing falls back to a default.
public enum ProfileLoader {
    public static func load(path: String) -> Result<Profile, ProfileErrors> {
        let source: SourceFile
        do {
            source = try SourceFile.load(path: path, maxBytes: InputLimits.maxProfileBytes)
        } catch {
            let loc = error.location ?? SourceLocation(line: 1, column: 1)
            let code = error.code.replacing("input.", with: "profile.")
            return .failure(ProfileErrors(errors: [ProfileError(code: code, path: path, line: loc.line, column: loc.column, message: error.message)]))
        }
        // The digest of the bytes read here: the report names the plan it judged, without reading it again.
        return parse(bytes: source.bytes, path: path).map { p in var p = p; p.sha256 = SHA256.hex(source.bytes); return p }
    }

    public static func parse(bytes: [UInt8], path: String) -> Result<Profile, ProfileErrors> {
        let root: YAMLNode
        do {
            root = try YAML.load(bytes, limits: YAMLLimits(maxBytes: InputLimits.maxProfileBytes, maxDepth: 64, maxAliasExpansion: 1_000))
        } catch {
            return .failure(ProfileErrors(errors: [ProfileError(code: error.code.replacing("yaml.", with: "profile.yaml-"),
                                                                path: path, line: error.mark.line, column: error.mark.column,
                                                                message: error.message, suggestion: nil)]))
        }
        var reader = Reader(path: path)
        let profile = reader.read(root)
        return reader.errors.isEmpty ? .success(profile) : .failure(ProfileErrors(errors: reader.errors.sorted { ($0.line, $0.column) < ($1.line, $1.column) }))
    }

    struct Reader {
        let path: String
        var errors: [ProfileError] = []

        mutating func fail(_ node: YAMLNode, _ code: String, _ message: String, _ suggestion: String? = nil) {
            errors.append(ProfileError(code: code, path: path, line: node.mark.line, column: node.mark.column,
                                       message: message, suggestion: suggestion))
        }

        mutating func read(_ root: YAMLNode) -> Profile {
            var p = Profile(path: path)
            if case .null = root.content { return p }
            guard case .mapping(let pairs) = root.content else {
                fail(root, "profile.wrong-type", "a profile is a mapping of sections (organisation, deployment, distribution, training, policy)")
                return p
            }
            let sectionKeys = ProfileSchema.sections.map(\.key) + ProfileSchema.topLevel.map(\.key)
            var modelEntries: YAMLNode? = nil
            for pair in pairs {
                guard let key = keyName(pair.key) else { continue }
                switch key {
                case "version":
                    if case .int(let v) = pair.value.content, v == 1 { } else {
                        fail(pair.value, "profile.invalid-value", "version must be 1")
                    }
                case "models":
                    modelEntries = pair.value
                    if let list = modelPaths(pair.value) { p.models = Located(list, line: pair.value.mark.line, column: pair.value.mark.column) }
                default:
                    if let section = ProfileSchema.sections.first(where: { $0.key == key }) {
                        readSection(section, pair.value, into: &p)
                    } else {
                        unknownKey(pair.key, key, among: sectionKeys, context: "top level")
                    }
                }
            }
            // Per-model plans are read last: each starts from the whole profile, wherever `models:` stands.
            if let entries = modelEntries, case .sequence(let items) = entries.content {
                let base = p
                for item in items {
                    guard case .mapping(let fields) = item.content else { continue }
                    var q = base
                    var path: String? = nil
                    for f in fields {
                        guard let key = keyName(f.key) else { continue }
                        if key == "path" { path = text(f.value, "models[].path"); continue }
                        guard ProfileSchema.planSections.contains(key), let section = ProfileSchema.sections.first(where: { $0.key == key }) else {
                            let hint = ProfileSchema.sections.contains(where: { $0.key == key })
                                ? "'\(key)' applies to the whole profile; a model entry may set path, " + ProfileSchema.planSections.joined(separator: ", ")
                                : "a model entry may set path, " + ProfileSchema.planSections.joined(separator: ", ")
                            fail(f.key, "profile.unknown-key", "unknown key '\(key)' in a models entry", hint)
                            continue
                        }
                        readSection(section, f.value, into: &q)
                    }
                    guard let path else {
                        fail(item, "profile.missing-key", "a models entry written as a mapping needs 'path' (the model folder it plans for)")
                        continue
                    }
                    q.models = nil
                    p.modelPlans.append(ModelPlan(path: path, line: item.mark.line, column: item.mark.column, profile: q))
                }
            }
            return p
        }

        /// `models:` — a list whose items are paths, or mappings with `path` and a per-model plan.
        mutating func modelPaths(_ v: YAMLNode) -> [String]? {
            if case .string(let s) = v.content { return [s] }
            guard case .sequence(let items) = v.content else {
                fail(v, "profile.wrong-type", "models must be a list, not \(describe(v))", "write one path per line starting with '- ', or '- path: …' with the model's own plan")
                return nil
            }
            var out: [String] = []
            for item in items {
                switch item.content {
                case .string(let s): out.append(s)
                case .mapping(let fields):
                    // The path is read (and checked) with the entry's plan.
                    for f in fields { if case .string("path") = f.key.content, case .string(let s) = f.value.content { out.append(s) } }
                default:
                    fail(item, "profile.wrong-type", "a models entry must be a path or a mapping with 'path', not \(describe(item))")
                }
            }
            return out
        }

        mutating func keyName(_ node: YAMLNode) -> String? {
            if case .string(let s) = node.content { return s }
            fail(node, "profile.wrong-type", "keys must be names, not \(describe(node))")
            return nil
        }

        mutating func unknownKey(_ node: YAMLNode, _ key: String, among known: [String], context: String) {
            var hint: String? = nil
            if let best = closest(key, among: known) { hint = "did you mean '\(best)'?" }
            else {
                // A field written in the wrong section?
                for s in ProfileSchema.sections where s.fields.contains(where: { $0.key == key }) {
                    hint = "'\(key)' belongs in the '\(s.key)' section"
                }
                if hint == nil { hint = "known keys: " + known.joined(separator: ", ") }
            }
            fail(node, "profile.unknown-key", "unknown key '\(key)' in \(context)", hint)
        }

        mutating func readSection(_ section: ProfileSchema.Section, _ node: YAMLNode, into p: inout Profile) {
            if case .null = node.content { return }
            guard case .mapping(let pairs) = node.content else {
                fail(node, "profile.wrong-type", "'\(section.key)' must be a mapping of fields, not \(describe(node))")
                return
            }
            for pair in pairs {
                guard let key = keyName(pair.key) else { continue }
                guard let field = section.fields.first(where: { $0.key == key }) else {
                    unknownKey(pair.key, key, among: section.fields.map(\.key), context: "'\(section.key)'")
                    continue
                }
                assign(section.key + "." + field.key, field, pair.value, into: &p)
            }
        }

        mutating func assign(_ name: String, _ field: ProfileSchema.Field, _ v: YAMLNode, into p: inout Profile) {
            let l = v.mark.line, c = v.mark.column
            switch name {
            case "organisation.name": if let s = text(v, name) { p.organisationName = Located(s, line: l, column: c) }
            case "organisation.monthly_active_users": if let n = count(v, name) { p.monthlyActiveUsers = Located(n, line: l, column: c) }
            case "organisation.daily_active_users": if let n = count(v, name) { p.dailyActiveUsers = Located(n, line: l, column: c) }
            case "organisation.annual_revenue": if let m = money(v, name) { p.annualRevenue = Located(m, line: l, column: c) }
            case "organisation.headquarters": if let s = region(v, name, allowEU: false) { p.headquarters = Located(s, line: l, column: c) }
            case "deployment.commercial": if let b = bool(v, name) { p.commercial = Located(b, line: l, column: c) }
            case "deployment.production": if let b = bool(v, name) { p.production = Located(b, line: l, column: c) }
            case "deployment.hosting":
                if let list = choices(v, name, ProfileSchema.hostingModes, single: true) {
                    p.hosting = Located(list.compactMap(HostingMode.init(rawValue:)), line: l, column: c)
                }
            case "deployment.regions":
                if let list = regions(v, name) { p.regions = Located(list, line: l, column: c) }
            case "deployment.use_cases":
                if let list = choices(v, name, ProfileSchema.useCases, single: false) { p.useCases = Located(list, line: l, column: c) }
            case "distribution.weights": if let b = bool(v, name) { p.distributesWeights = Located(b, line: l, column: c) }
            case "distribution.derivatives": if let b = bool(v, name) { p.distributesDerivatives = Located(b, line: l, column: c) }
            case "distribution.derivative_name": if let s = text(v, name) { p.derivativeName = Located(s, line: l, column: c) }
            case "distribution.derivative_license": if let s = text(v, name) { p.derivativeLicense = Located(s, line: l, column: c) }
            case "training.fine_tune": if let b = bool(v, name) { p.fineTune = Located(b, line: l, column: c) }
            case "training.outputs_train_other_models": if let b = bool(v, name) { p.outputsTrainOtherModels = Located(b, line: l, column: c) }
            case "training.model_train_other_models": if let b = bool(v, name) { p.modelTrainsOtherModels = Located(b, line: l, column: c) }
            case "policy.fail_on":
                if let s = choices(v, name, ["error", "warning"], single: true)?.first, let sev = Severity(rawValue: s) {
                    p.failOn = sev; p.failOnLocation = Located(s, line: l, column: c)
                }
            case "policy.require_openness":
                if let s = choices(v, name, OpennessLevel.allCases.map(\.rawValue), single: true)?.first, let o = OpennessLevel(rawValue: s) {
                    p.requireOpenness = Located(o, line: l, column: c)
                }
            case "policy.allowed_jurisdictions":
                if let list = jurisdictions(v, name) { p.allowedJurisdictions = Located(list, line: l, column: c) }
            case "policy.allow_licenses": if let list = stringList(v, name) { p.allowLicenses = Located(list, line: l, column: c) }
            case "policy.deny_licenses": if let list = stringList(v, name) { p.denyLicenses = Located(list, line: l, column: c) }
            case "policy.exceptions": p.exceptions = exceptions(v)
            default: break
            }
        }

        // MARK: Types

        func describe(_ n: YAMLNode) -> String {
            switch n.content {
            case .null: return "nothing (null)"
            case .bool(let b): return "a boolean (\(b))"
            case .int(let i): return "a number (\(i))"
            case .float(let d): return "a number (\(d))"
            case .string(let s): return "text ('\(s.prefix(40))')"
            case .sequence: return "a list"
            case .mapping: return "a mapping"
            }
        }

        mutating func bool(_ v: YAMLNode, _ name: String) -> Bool? {
            if case .bool(let b) = v.content { return b }
            var hint = "write true or false"
            if case .string(let s) = v.content, ["yes", "no", "on", "off", "y", "n"].contains(s.lowercased()) {
                hint = "write \(["yes", "on", "y"].contains(s.lowercased()) ? "true" : "false"); YAML 1.2 reads '\(s)' as text"
            }
            fail(v, "profile.wrong-type", "\(name) must be true or false, not \(describe(v))", hint)
            return nil
        }

        mutating func text(_ v: YAMLNode, _ name: String) -> String? {
            if case .string(let s) = v.content, !s.trimmingSpaces().isEmpty { return s }
            fail(v, "profile.wrong-type", "\(name) must be text, not \(describe(v))")
            return nil
        }

        mutating func stringList(_ v: YAMLNode, _ name: String) -> [String]? {
            if case .string(let s) = v.content { return [s] }
            guard case .sequence(let items) = v.content else {
                fail(v, "profile.wrong-type", "\(name) must be a list, not \(describe(v))", "write [a, b] or one item per line starting with '- '")
                return nil
            }
            var out: [String] = []
            for item in items {
                if case .string(let s) = item.content { out.append(s) }
                else { fail(item, "profile.wrong-type", "\(name) items must be text, not \(describe(item))") }
            }
            return out
        }

        mutating func count(_ v: YAMLNode, _ name: String) -> Int64? {
            var value: Int64? = nil
            switch v.content {
            case .int(let i): value = Int64(i)
            case .float(let d) where d == d.rounded() && abs(d) < 9e18: value = Int64(d)
            case .string(let s): value = ProfileValues.count(s)
            default: break
            }
            guard let n = value else {
                fail(v, "profile.wrong-type", "\(name) must be a number, not \(describe(v))", "write 900000000, 900_000_000, 900M or 1.2B")
                return nil
            }
            guard n >= 0 else { fail(v, "profile.invalid-value", "\(name) cannot be negative"); return nil }
            return n
        }

        mutating func money(_ v: YAMLNode, _ name: String) -> Money? {
            switch v.content {
            case .string(let s):
                if let m = ProfileValues.money(s) { return m }
                fail(v, "profile.invalid-value", "\(name): cannot read '\(s)' as an amount with a currency", "write $5M, 5000000 USD or EUR 3M")
            case .int, .float:
                fail(v, "profile.invalid-value", "\(name) needs a currency", "write $\(v.raw ?? "5000000") or \(v.raw ?? "5000000") USD")
            case .mapping(let pairs):
                var amount: Int64? = nil, currency: String? = nil
                for pair in pairs {
                    guard let k = keyName(pair.key) else { continue }
                    if k == "amount" { amount = count(pair.value, name + ".amount") }
                    else if k == "currency" {
                        if let c = text(pair.value, name + ".currency") {
                            if c.count == 3 && c.allSatisfy({ $0.isLetter }) { currency = c.uppercased() }
                            else { fail(pair.value, "profile.invalid-value", "\(name).currency must be an ISO 4217 code such as USD or EUR") }
                        }
                    } else { unknownKey(pair.key, k, among: ["amount", "currency"], context: "'\(name)'") }
                }
                if let a = amount, let c = currency { return Money(amount: a, currency: c) }
                if amount != nil && currency == nil { fail(v, "profile.invalid-value", "\(name) needs a currency", "add currency: USD") }
            default:
                fail(v, "profile.wrong-type", "\(name) must be an amount with a currency, not \(describe(v))", "write $5M or 5000000 USD")
            }
            return nil
        }

        mutating func region(_ v: YAMLNode, _ name: String, allowEU: Bool) -> String? {
            guard case .string(let s) = v.content else {
                fail(v, "profile.wrong-type", "\(name) must be a country code such as US or DE, not \(describe(v))")
                return nil
            }
            if let code = ProfileValues.regionCode(s, allowEU: allowEU) { return code }
            let hint = ProfileValues.regionSuggestion(s).map { "did you mean '\($0)'?" } ?? "use ISO 3166-1 alpha-2 codes such as US, DE, CN\(allowEU ? ", or EU" : "")"
            fail(v, "profile.invalid-value", "\(name): '\(s)' is not a country code", hint)
            return nil
        }

        mutating func regions(_ v: YAMLNode, _ name: String) -> [String]? {
            let items: [YAMLNode]
            if case .sequence(let list) = v.content { items = list } else if case .string = v.content { items = [v] } else {
                fail(v, "profile.wrong-type", "\(name) must be a list of country codes, not \(describe(v))", "write [US, EU]")
                return nil
            }
            var out: [String] = []
            for item in items { if let c = region(item, name, allowEU: true) { out.append(c) } }
            return out
        }

        mutating func jurisdictions(_ v: YAMLNode, _ name: String) -> [String]? {
            guard let list = stringList(v, name) else { return nil }
            var out: [String] = []
            let items: [YAMLNode]
            if case .sequence(let l) = v.content { items = l } else { items = [v] }
            for (s, node) in zip(list, items) {
                if let code = ProfileValues.jurisdictionCode(s) { out.append(code) }
                else {
                    fail(node, "profile.invalid-value", "\(name): '\(s)' is not a jurisdiction code",
                         ProfileValues.jurisdictionSuggestion(s).map { "did you mean '\($0)'?" } ?? "use ISO codes: GB, IE, CN, or US-CA for a US state")
                }
            }
            return out
        }

        mutating func choices(_ v: YAMLNode, _ name: String, _ allowed: [String], single: Bool) -> [String]? {
            var items: [YAMLNode] = []
            switch v.content {
            case .string: items = [v]
            case .sequence(let l): items = l
            default:
                fail(v, "profile.wrong-type", "\(name) must be one of: \(allowed.joined(separator: ", ")); not \(describe(v))")
                return nil
            }
            var out: [String] = []
            for item in items {
                guard case .string(let s) = item.content else {
                    fail(item, "profile.wrong-type", "\(name) must be text, not \(describe(item))"); continue
                }
                let norm = s.lowercased().replacing("_", with: "-").replacing(" ", with: "-")
                if allowed.contains(norm) { out.append(norm) }
                else {
                    let hint = closest(s, among: allowed).map { "did you mean '\($0)'?" } ?? "one of: \(allowed.joined(separator: ", "))"
                    fail(item, "profile.invalid-value", "\(name): unknown value '\(s)'", hint)
                }
            }
            _ = single
            return out
        }

        mutating func exceptions(_ v: YAMLNode) -> [ProfileException] {
            guard case .sequence(let items) = v.content else {
                if case .null = v.content { return [] }
                fail(v, "profile.wrong-type", "policy.exceptions must be a list of exceptions, not \(describe(v))")
                return []
            }
            var out: [ProfileException] = []
            for item in items {
                guard case .mapping(let pairs) = item.content else {
                    fail(item, "profile.wrong-type", "each exception is a mapping with rule, license, reason and expires")
                    continue
                }
                var rule: Located<String>? = nil, license: String? = nil, model: String? = nil, reason: String? = nil, expires: String? = nil
                for pair in pairs {
                    guard let k = keyName(pair.key) else { continue }
                    switch k {
                    case "rule": if let s = text(pair.value, "exception rule") { rule = Located(s, line: pair.value.mark.line, column: pair.value.mark.column) }
                    case "license": license = text(pair.value, "exception license")
                    case "model": model = text(pair.value, "exception model")
                    case "reason": reason = text(pair.value, "exception reason")
                    case "expires":
                        let raw: String?
                        if case .string(let s) = pair.value.content { raw = s } else { raw = pair.value.raw }
                        if let s = raw, ProfileValues.isDate(s) { expires = s }
                        else { fail(pair.value, "profile.invalid-value", "exception expires must be a date yyyy-mm-dd", "e.g. 2026-12-31") }
                    default: unknownKey(pair.key, k, among: ProfileSchema.exceptionKeys, context: "an exception")
                    }
                }
                if rule == nil { fail(item, "profile.invalid-value", "an exception needs the rule id it silences", "add rule: <id> (see licenselint rules)") }
                if reason == nil { fail(item, "profile.invalid-value", "an exception needs a reason", "add reason: why this is accepted") }
                if license == nil && model == nil { fail(item, "profile.invalid-value", "an exception names the licence or the model it applies to", "add license: <id> or model: <folder>") }
                if let r = rule, let why = reason {
                    out.append(ProfileException(rule: r, license: license, model: model, reason: why, expires: expires,
                                                line: item.mark.line, column: item.mark.column))
                }
            }
            return out
        }

        func closest(_ typed: String, among candidates: [String]) -> String? {
            ProfileValues.closest(typed, among: candidates)
        }
    }
}
