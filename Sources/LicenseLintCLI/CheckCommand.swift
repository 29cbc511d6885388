import LicenseLint

enum CheckCommand {
    static let usage = "licenselint check [--profile FILE] [--format FORMAT] [--output FILE] [--fail-on error|warning] [--models-root DIR] [--baseline FILE] [--write-baseline FILE] [--sbom FILE] [--allow-empty-profile] [PATH...]"

    /// Every option `check` accepts (for "did you mean" and shell completions).
    static let options = ["--profile", "--format", "--output", "--fail-on", "--models-root", "--baseline", "--write-baseline",
                          "--sbom", "--color", "--no-color", "--allow-empty-profile", "--lock", "--strict", "--help"]

    static var formats: [String] { Reporters.formats }

    struct Options {
        var profile: String?
        var format = "text"
        var output: String?
        var failOn: Severity?
        var color: Bool?
        var modelsRoot: String?
        var baseline: String?
        var writeBaseline: String?
        var sboms: [String] = []
        var paths: [String] = []
        var allowEmptyProfile = false
        /// Any input the run did not read (a file too large to scan, a licence-like file skipped, a model
        /// loaded from a name it cannot resolve) makes the run exit 2.
        var strict = false
        /// The lock file of reviewed terms (default: .licenselint.lock beside the profile, when it exists).
        var lock: String?
        /// `licenselint lock`: write the lock instead of a report; with `--update`, only these models.
        var writingLock = false
        var updates: [String] = []
    }

    static func parseOptions(_ args: [String], console: Console, lockCommand: Bool = false) -> Options? {
        var o = Options()
        o.writingLock = lockCommand
        var reader = ArgumentReader(args, usage: usage, console: console)
        // An option that takes one value, given twice, is a mistake: which one was meant is not a guess to make.
        let single: [String: String] = ["--profile": "--profile", "-p": "--profile", "--format": "--format", "-f": "--format",
                                        "--output": "--output", "-o": "--output", "--fail-on": "--fail-on", "--models-root": "--models-root",
                                        "--baseline": "--baseline", "--write-baseline": "--write-baseline", "--lock": "--lock"]
        var given = Set<String>()
        while let (name, inline, a) = reader.next() {
            if let long = single[name], !given.insert(long).inserted {
                console.err(Help.usageError("\(long) is given twice; give it once", usage: usage)); return nil
            }
            switch name {
            case "--profile", "-p": guard let v = reader.value(name, inline: inline) else { return nil }; o.profile = v
            case "--format", "-f": guard let v = reader.value(name, inline: inline) else { return nil }; o.format = v
            case "--output", "-o": guard let v = reader.value(name, inline: inline) else { return nil }; o.output = v
            case "--fail-on":
                guard let v = reader.value(name, inline: inline) else { return nil }
                guard let s = Severity(rawValue: v), s != .note else {
                    console.err(Help.usageError("--fail-on takes error or warning, not '\(v)'", usage: usage)); return nil
                }
                o.failOn = s
            case "--models-root": guard let v = reader.value(name, inline: inline) else { return nil }; o.modelsRoot = v
            case "--baseline": guard let v = reader.value(name, inline: inline) else { return nil }; o.baseline = v
            case "--write-baseline": guard let v = reader.value(name, inline: inline) else { return nil }; o.writeBaseline = v
            case "--sbom": guard let v = reader.value(name, inline: inline) else { return nil }; o.sboms.append(v)
            case "--color": o.color = true
            case "--no-color": o.color = false
            case "--allow-empty-profile": o.allowEmptyProfile = true
            case "--strict": o.strict = true
            case "--lock": guard let v = reader.value(name, inline: inline) else { return nil }; o.lock = v
            case "--update" where lockCommand: guard let v = reader.value(name, inline: inline) else { return nil }; o.updates.append(v)
            default:
                if a.hasPrefix("-") && a != "-" {
                    console.err(Help.usageError("unknown option '\(a)'" + Help.suggestion(name, among: options), usage: usage))
                    return nil
                }
                o.paths.append(a)
            }
        }
        guard formats.contains(o.format) else {
            console.err(Help.usageError("unknown format '\(o.format)'" + Help.suggestion(o.format, among: formats)
                                        + "; formats: " + formats.joined(separator: ", "), usage: usage))
            return nil
        }
        if let b = o.baseline, let w = o.writeBaseline, b == w {
            console.err(Help.usageError("--baseline and --write-baseline name the same file; to refresh a baseline, pass only --write-baseline \(w)", usage: usage))
            return nil
        }
        return o
    }

    /// `.licenselint.yaml` in the current folder or a parent.
    static func findProfile(from dir: String) -> String? {
        var d = dir
        for _ in 0..<32 {
            let p = Path.join(d, ".licenselint.yaml")
            if FileSystem.exists(p) { return p }
            let parent = Path.parent(d)
            if parent == d || parent.isEmpty { break }
            d = parent
        }
        return nil
    }

    static func run(_ args: [String], console: Console, lockCommand: Bool = false, bomCommand: Bool = false) -> Int32 {
        if args.contains("-h") || args.contains("--help") { console.out(lockCommand ? Help.lock : bomCommand ? Help.bom : Help.check); return ExitCode.ok }
        guard var o = parseOptions(args, console: console, lockCommand: lockCommand) else { return ExitCode.error }
        var profileBase: String? = nil
        // An ML-BOM needs no plan: without a profile it lists the models and their licences, without verdicts.
        var planless = false
        if o.profile == nil {
            if let found = findProfile(from: console.currentDirectory) {
                o.profile = found
                profileBase = Path.parent(found)
            } else if bomCommand {
                planless = true
                o.allowEmptyProfile = true
            } else {
                console.err(Help.usageError("no profile: pass --profile FILE, or add .licenselint.yaml to this folder or a parent ('licenselint init' writes one)", usage: usage))
                return ExitCode.error
            }
        }
        let profilePath = o.profile ?? ""
        var profile: Profile
        switch planless ? ProfileLoader.parse(bytes: Array("version: 1\n".utf8), path: "") : ProfileLoader.load(path: resolve(profilePath, console)) {
        case .success(let p): profile = p
        case .failure(let e):
            for err in e.errors {
                var shown = err
                shown.path = profilePath
                console.err("error: \(shown)\n")
            }
            console.err("\(e.errors.count) problem\(e.errors.count == 1 ? "" : "s") in the profile; nothing was checked.\n")
            return ExitCode.error
        }
        profile.path = profilePath
        if let f = o.failOn { profile.failOn = f }
        // A profile that states nothing would turn every rule into "cannot decide" and pass on errors only:
        // say so, unless the user means it.
        if profile.statesNothing && !o.allowEmptyProfile {
            console.err("error: \(profilePath.isEmpty ? "the profile" : profilePath) states nothing about the plan; fill it in (licenselint init writes a starter), or pass --allow-empty-profile [profile.empty]\n")
            return ExitCode.error
        }
        if let root = o.modelsRoot {
            guard FileSystem.isDirectory(resolve(root, console)) else {
                console.err("error: --models-root \(root): no such folder [input.not-found]\n")
                return ExitCode.error
            }
        }
        guard let catalogue = CatalogueAccess.load(console: console, required: true) else { return ExitCode.error }
        var paths = o.paths
        // Per-model plans name their folders relative to the profile, as the listed models do.
        let planBase = profileBase ?? Path.parent(profilePath)
        for i in profile.modelPlans.indices {
            let p = profile.modelPlans[i].path
            profile.modelPlans[i].path = resolve(Path.isAbsolute(p) || planBase.isEmpty ? p : Path.join(planBase, p), console)
            profile.modelPlans[i].profile.path = profilePath
        }
        if paths.isEmpty && o.sboms.isEmpty {
            if let listed = profile.models?.value, !listed.isEmpty {
                let base = profileBase ?? Path.parent(profilePath)
                paths = listed.map { Path.isAbsolute($0) ? $0 : (base.isEmpty ? $0 : Path.join(base, $0)) }
            } else {
                paths = [profileBase ?? "."]
            }
        }
        // A baseline is read before anything is checked: a missing or malformed one is an input error, never "no baseline".
        var baseline: Baseline? = nil
        if let b = o.baseline {
            switch Baseline.load(path: resolve(b, console)) {
            case .success(let loaded): baseline = loaded
            case .failure(var e):
                e.path = b
                console.err("error: \(e)\n")
                return ExitCode.error
            }
        }
        // The lock of reviewed terms: named with --lock, or beside the profile. A named lock that is missing,
        // or any lock that cannot be read, is an input error, never "no lock".
        let lockBase = profileBase ?? { let d = Path.parent(resolve(profilePath, console)); return d.isEmpty ? console.currentDirectory : d }()
        let lockPath = o.lock.map { resolve($0, console) } ?? Path.join(lockBase, TermsLock.fileName)
        let lockShown = o.lock ?? TermsLock.fileName
        var lock: TermsLock? = nil
        if !o.writingLock || !o.updates.isEmpty {
            if o.lock != nil || FileSystem.exists(lockPath) || !o.updates.isEmpty {
                switch TermsLock.load(path: lockPath) {
                case .success(let l): lock = l
                case .failure(var e):
                    e.path = lockShown
                    console.err("error: \(e)\n")
                    return ExitCode.error
                }
            }
        }
        var checker = Checker(profile: profile, catalogue: catalogue, toolVersion: CLI.version,
                              baseModels: CatalogueAccess.baseModelsCache, modelsRoot: o.modelsRoot.map { resolve($0, console) })
        if let lock, !o.writingLock { checker.lock = (lock, Path.parent(lockPath)) }
        let result = checker.check(paths: paths.map { resolve($0, console) }, sboms: o.sboms.map { resolve($0, console) })
        for e in result.inputErrors { console.err("error: \(e)\n") }
        var report = result.report
        // What this run read: a report or baseline is never written over any of it.
        var inputs = [resolve(profilePath, console)] + o.sboms.map { resolve($0, console) } + (o.baseline.map { [resolve($0, console)] } ?? [])
        for m in report.models {
            // Every file read for the model (card, licence texts, NOTICE files, GGUF header), the licences
            // applied to it, and the README where a card would be.
            inputs += m.filesRead + m.licenses.compactMap(\.file)
            inputs.append(Path.join(m.path, "README.md"))
        }
        if bomCommand {
            // A BOM of a run that could not read an input would list fewer models than there are.
            guard result.inputErrors.isEmpty else {
                console.err("error: not writing the BOM: some inputs could not be read [bom.incomplete]\n")
                return ExitCode.error
            }
            let bom = BOMWriter.render(report, verdicts: !planless)
            if let out = o.output {
                do { try OutputFile.write(bom, to: resolve(out, console), displayName: out, inputs: inputs, console: console) }
                catch { console.err("error: \(error.message)\n"); return ExitCode.error }
                console.err("licenselint: wrote \(out): a CycloneDX 1.6 ML-BOM of \(count(report.models.count, "model"))\n")
            } else {
                console.out(bom)
            }
            return ExitCode.ok
        }
        // The lock of reviewed terms is an input of a check that reads it; only `licenselint lock` rewrites it.
        if lock != nil && !o.writingLock { inputs.append(lockPath) }
        if o.writingLock {
            let unread = report.allFindings.filter { $0.ruleID == "license-unreadable" }
            guard result.inputErrors.isEmpty, unread.isEmpty else {
                console.err("error: not writing \(lockShown): some inputs could not be read, so it would record terms nobody has read [lock.incomplete]\n")
                return ExitCode.error
            }
            let base = Path.parent(lockPath)
            let now = TermsLock.entries(for: report.models, relativeTo: base)
            var entries = now
            if !o.updates.isEmpty, let old = lock {
                // Only the named models take their current terms; every other entry stays as reviewed.
                let named = Set(o.updates.map { TermsLock.relative(resolve($0, console), to: base) } + o.updates)
                let updated = now.filter { named.contains($0.path) || named.contains($0.name) }
                guard !updated.isEmpty else {
                    console.err("error: --update \(o.updates.joined(separator: ", ")): no checked model has that path or name [lock.unknown-model]\n")
                    return ExitCode.error
                }
                entries = old.entries.filter { e in !updated.contains { $0.path == e.path } } + updated
            }
            do { try OutputFile.write(TermsLock(entries: entries).render(), to: lockPath, displayName: lockShown, inputs: inputs, console: console) }
            catch { console.err("error: \(error.message)\n"); return ExitCode.error }
            let recorded = o.updates.isEmpty ? entries.count : entries.filter { e in now.contains { $0.path == e.path } && (o.updates.contains(e.path) || o.updates.contains(e.name) || o.updates.map { TermsLock.relative(resolve($0, console), to: base) }.contains(e.path)) }.count
            console.err("licenselint: wrote \(lockShown): the terms of \(count(recorded, "model")) recorded as reviewed\n")
            return ExitCode.ok
        }
        var baselineNote: String? = nil
        if let target = o.writeBaseline {
            // A file that could not be read has terms nobody has seen: they cannot be accepted.
            let unread = report.allFindings.filter { $0.ruleID == "license-unreadable" }
            guard result.inputErrors.isEmpty, unread.isEmpty else {
                let which = unread.first.flatMap { $0.location?.path }.map { " (\($0))" } ?? ""
                console.err("error: not writing the baseline \(target): some inputs could not be read\(which), so it would accept terms nobody has read [baseline.incomplete]\n")
                return ExitCode.error
            }
            let written = Baseline(report: report)
            do { try OutputFile.write(written.render(), to: resolve(target, console), displayName: target, inputs: inputs, console: console) }
            catch { console.err("error: \(error.message)\n"); return ExitCode.error }
            console.err("licenselint: wrote \(target): \(count(written.findingCount, "finding")) accepted as the baseline; "
                        + "run 'licenselint check --baseline \(target)' to report only new ones\n")
        }
        if let baseline, let name = o.baseline {
            let applied = baseline.apply(to: report)
            report = applied.report
            var note = "baseline \(name): \(count(applied.matched, "known finding")) not shown"
            if applied.gone > 0 { note += "; \(count(applied.gone, "baselined finding")) no longer found (refresh with --write-baseline)" }
            baselineNote = note
        }
        let useColor = (o.output == nil || o.output == "-") && (o.color ?? console.useColor)
        // Markdown links cited lines relative to where the report is read: its folder, or here when printed.
        let linkBase = o.output.flatMap { $0 == "-" ? nil : Path.parent(resolve($0, console)) } ?? console.currentDirectory
        let options = ReportOptions(color: useColor && o.format == "text", baseDirectory: console.currentDirectory, linkBase: linkBase)
        guard var chunks = Reporters.renderChunks(format: o.format, report: report, rules: RuleRegistry.descriptions, options: options) else {
            return ExitCode.error
        }
        if let note = baselineNote {
            // The text report is read by people: the note goes in it. Machine formats keep their shape; the note goes to stderr.
            if o.format == "text" { chunks = chunks.appending(note + "\n") } else { console.err("licenselint: \(note)\n") }
        }
        if let out = o.output {
            do { try OutputFile.write(chunks: chunks, to: resolve(out, console), displayName: out, inputs: inputs, console: console) }
            catch { console.err("error: \(error.message)\n"); return ExitCode.error }
        } else {
            for c in chunks { console.out(c) }
        }
        if !result.inputErrors.isEmpty { return ExitCode.error }
        if o.strict {
            let skips = report.allFindings.filter { ["scan-skipped", "license-file-skipped", "model-reference-unresolved"].contains($0.ruleID) && $0.suppressedBy == nil }
            if !skips.isEmpty {
                console.err("error: --strict: \(count(skips.count, "input")) not read or not resolved (\(Set(skips.map(\.ruleID)).sorted().joined(separator: ", "))); the scan is incomplete [strict.incomplete]\n")
                return ExitCode.error
            }
        }
        // Writing a baseline accepts today's findings: the run succeeds.
        if o.writeBaseline != nil { return ExitCode.ok }
        return ReportSummary(report).exitCode == 0 ? ExitCode.ok : ExitCode.findings
    }

    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    /// Paths relative to the console's folder (tests run in-process with their own folder).
    static func resolve(_ p: String, _ console: Console) -> String {
        if Path.isAbsolute(p) || console.currentDirectory == FileSystem.currentDirectory() { return p }
        return Path.join(console.currentDirectory, p)
    }
}
