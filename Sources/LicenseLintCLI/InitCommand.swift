#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import LicenseLint

/// `licenselint init`: writes a commented starter `.licenselint.yaml`, asking a few questions on a terminal.
enum InitCommand {
    static let usage = "licenselint init [--users N] [--commercial|--no-commercial] [--hosting MODE] [--distributes-weights] "
        + "[--outputs-train-other-models] [--yes] [--output FILE] [--force]"

    static let options = ["--users", "--commercial", "--no-commercial", "--hosting", "--distributes-weights", "--no-distributes-weights",
                          "--outputs-train-other-models", "--no-outputs-train-other-models", "--yes", "--output", "--force", "--help"]

    static let fileName = ".licenselint.yaml"

    /// The answers that go into the file. Nil: not given yet (a flag or a question may still set it).
    struct Answers {
        /// As written in the file (e.g. "900M"); nil leaves the field out.
        var users: String?
        var commercial: Bool?
        var hosting: [String]?
        var distributesWeights: Bool?
        var outputsTrainOtherModels: Bool?
    }

    struct Options {
        var answers = Answers()
        var yes = false
        var force = false
        var output: String?
    }

    /// `input` reads one line of an answer (nil at end of input); when nil, standard input is used, and only
    /// if both standard input and standard output are terminals.
    static func run(_ args: [String], console: Console, input: (() -> String?)? = nil) -> Int32 {
        if args.contains("-h") || args.contains("--help") { console.out(Help.initCommand); return ExitCode.ok }
        guard var o = parseOptions(args, console: console) else { return ExitCode.error }
        let target = CheckCommand.resolve(o.output ?? fileName, console)
        let shown = o.output ?? fileName
        if let kind = FileSystem.kind(target) {
            if kind == .directory {
                console.err("error: \(shown) is a folder; pass --output FILE to name the profile file [init.is-directory]\n")
                return ExitCode.error
            }
            if !o.force {
                console.err("error: \(shown) already exists; not overwriting it. Edit it, or pass --force to replace it with a new starter profile [init.exists]\n")
                return ExitCode.error
            }
        }
        let interactive: (() -> String?)?
        if o.yes { interactive = nil }
        else if let input { interactive = input }
        else if console.isTerminal && isatty(0) == 1 { interactive = { readLine(strippingNewline: true) } }
        else { interactive = nil }
        if let reader = interactive {
            console.out("Creating \(shown). Press Enter to accept the answer in [brackets]; every answer can be changed in the file later.\n\n")
            ask(&o, read: reader, console: console)
            console.out("\n")
        }
        let text = template(o.answers)
        do {
            let dir = Path.parent(target)
            if !dir.isEmpty && !FileSystem.createDirectories(dir) {
                console.err("error: cannot create the folder \(dir) for \(shown) [output.unwritable]\n")
                return ExitCode.error
            }
            try OutputFile.write(text, to: target, displayName: shown, inputs: [], console: console)
        } catch {
            console.err("error: \(error.message)\n")
            return ExitCode.error
        }
        var next = "Wrote \(shown). Review it (every field is explained in it), then run:\n"
        next += o.output == nil || (o.output.map { Path.lastComponent($0) == fileName } ?? false)
            ? "  licenselint check\n" : "  licenselint check --profile \(shown)\n"
        console.out(next)
        return ExitCode.ok
    }

    static func parseOptions(_ args: [String], console: Console) -> Options? {
        var o = Options()
        var reader = ArgumentReader(args, usage: usage, console: console)
        while let (name, inline, a) = reader.next() {
            switch name {
            case "--users":
                guard let v = reader.value(name, inline: inline) else { return nil }
                guard let users = users(v) else {
                    console.err(Help.usageError("--users takes a number of monthly active users such as 40000, 40K, 900M or 1.2B, not '\(v)'", usage: usage))
                    return nil
                }
                o.answers.users = users
            case "--commercial": o.answers.commercial = true
            case "--no-commercial": o.answers.commercial = false
            case "--hosting":
                guard let v = reader.value(name, inline: inline) else { return nil }
                switch hosting(v) {
                case .success(let modes): o.answers.hosting = modes
                case .failure(let message): console.err(Help.usageError(message, usage: usage)); return nil
                }
            case "--distributes-weights": o.answers.distributesWeights = true
            case "--no-distributes-weights": o.answers.distributesWeights = false
            case "--outputs-train-other-models": o.answers.outputsTrainOtherModels = true
            case "--no-outputs-train-other-models": o.answers.outputsTrainOtherModels = false
            case "--yes", "-y": o.yes = true
            case "--force": o.force = true
            case "--output", "-o":
                guard let v = reader.value(name, inline: inline) else { return nil }
                o.output = v
            default:
                let hint = a.hasPrefix("-") ? Help.suggestion(name, among: options) : ""
                console.err(Help.usageError("unknown \(a.hasPrefix("-") ? "option" : "argument") '\(a)'" + hint, usage: usage))
                return nil
            }
        }
        return o
    }

    // MARK: Values

    /// The user count as written in the file, or nil when it cannot be read as one.
    static func users(_ s: String) -> String? {
        let t = s.trimmingSpaces()
        guard let n = ProfileValues.count(t) else { return nil }
        // Short forms the profile loader reads back as written (900M, 40_000); anything else as a plain number.
        let simple = t.unicodeScalars.allSatisfy { (($0.properties.isAlphabetic || $0.properties.numericType != nil)) || $0 == "_" || $0 == "." }
            && t.first?.isNumber == true
        return simple ? t : String(n)
    }

    enum HostingResult { case success([String]), failure(String) }

    static func hosting(_ s: String) -> HostingResult {
        let modes = ProfileSchema.hostingModes
        var out: [String] = []
        for raw in s.split(whereSeparator: { $0 == "," || $0 == " " }) {
            let m = raw.lowercased().replacing("_", with: "-")
            guard modes.contains(m) else {
                return .failure("unknown hosting mode '\(raw)'" + Help.suggestion(m, among: modes) + "; use one or more of: " + modes.joined(separator: ", "))
            }
            if !out.contains(m) { out.append(m) }
        }
        if out.isEmpty { return .failure("--hosting needs a mode: " + modes.joined(separator: ", ")) }
        return .success(out)
    }

    // MARK: Questions

    static func ask(_ o: inout Options, read: () -> String?, console: Console) {
        func question(_ text: String, default d: String, parse: (String) -> Bool) {
            for attempt in 0..<3 {
                console.out("\(text) [\(d)] ")
                guard let line = read() else { console.out("\n"); return }
                let t = line.trimmingSpaces()
                if t.isEmpty || parse(t) { return }
                if attempt == 2 { console.out("  keeping the default: \(d)\n") }
            }
        }
        func yesNo(_ t: String, console: Console) -> Bool? {
            switch t.lowercased() {
            case "y", "yes", "true": return true
            case "n", "no", "false": return false
            default: console.out("  please answer y or n\n"); return nil
            }
        }
        if o.answers.users == nil {
            question("Monthly active users of the products that use the models (e.g. 40K, 2M, 900M; Enter if not known yet)?",
                     default: "not known") { t in
                if let u = users(t) { o.answers.users = u; return true }
                console.out("  write a number such as 40000, 40K, 900M or 1.2B\n"); return false
            }
        }
        if o.answers.commercial == nil {
            question("Is the use commercial (a product, paying customers, or business operations)? y/n", default: "y") { t in
                guard let b = yesNo(t, console: console) else { return false }
                o.answers.commercial = b; return true
            }
        }
        if o.answers.hosting == nil {
            question("How are the models offered: " + ProfileSchema.hostingModes.joined(separator: ", ") + " (comma-separated for several)?",
                     default: "saas") { t in
                switch hosting(t) {
                case .success(let m): o.answers.hosting = m; return true
                case .failure(let message): console.out("  \(message)\n"); return false
                }
            }
        }
        if o.answers.distributesWeights == nil {
            question("Do you give the model weights to others (downloads, apps that ship them, customer installs)? y/n", default: "n") { t in
                guard let b = yesNo(t, console: console) else { return false }
                o.answers.distributesWeights = b; return true
            }
        }
        if o.answers.outputsTrainOtherModels == nil {
            question("Are the models' outputs used to train or improve other models (e.g. synthetic training data)? y/n", default: "n") { t in
                guard let b = yesNo(t, console: console) else { return false }
                o.answers.outputsTrainOtherModels = b; return true
            }
        }
    }

    // MARK: The file

    /// The starter profile: every section and field, explained; the answers filled in, the rest commented out.
    /// It must load with the strict profile loader (a test runs `check` on it).
    static func template(_ a: Answers) -> String {
        func pad(_ s: String) -> String { s.count >= 40 ? s + " " : s.padded(to: 40) }
        func yn(_ b: Bool) -> String { b ? "true" : "false" }
        let users = a.users.map { pad("  monthly_active_users: \($0)") + "# users of the products that use the models, per month" }
            ?? pad("  # monthly_active_users: 900M") + "# not known yet: licences with user caps report \"cannot decide\""
        let hosting = a.hosting ?? ["saas"]
        let hostingValue = hosting.count == 1 ? hosting[0] : "[" + hosting.joined(separator: ", ") + "]"
        return """
        # licenselint deployment profile: what your team is about to do with the models in this repository.
        #
        # `licenselint check` with no arguments finds this file (in the current folder or a parent) and checks
        # the model folders listed under `models:` at the end, or this file's folder when there is no list.
        # Every field is optional. When a licence term depends on a field you leave out, licenselint reports
        # "cannot decide" (a warning) instead of assuming the harmless answer. Unknown keys are errors, so a
        # typo never goes unnoticed. All fields and values: `licenselint schema`; rule ids: `licenselint rules`.
        version: 1

        \(pad("organisation:"))# who deploys
        \(pad("  # name: Example Corp"))# shown in report headers
        \(users)
        \(pad(""))#   written as 40000, 40_000, 40K, 900M or 1.2B
        \(pad("  # daily_active_users: 250M"))# same forms as monthly_active_users
        \(pad("  # annual_revenue: $40B"))# an amount with a currency: $5M, 5000000 USD, EUR 3M,
        \(pad(""))#   or {amount: 5000000, currency: USD}
        \(pad("  # headquarters: US"))# ISO 3166-1 alpha-2 country code: US, DE, GB, CN

        \(pad("deployment:"))# how the models are used
        \(pad("  commercial: \(yn(a.commercial ?? true))"))# true: in a product, for paying customers, or for
        \(pad(""))#   business operations; false: non-commercial only
        \(pad("  # production: true"))# true: runs in production; false: evaluation or research
        \(pad("  hosting: \(hostingValue)"))# how the models are offered: internal, on-prem, saas,
        \(pad(""))#   api, on-device (one, or a list: [saas, api])
        \(pad("  # regions: [US, EU]"))# where it is offered or used: ISO 3166-1 alpha-2 codes, or EU
        \(pad("  # use_cases: [chat-assistant]"))# what the models do, e.g. chat-assistant, code-generation,
        \(pad(""))#   search, medical-advice; harm categories are matched
        \(pad(""))#   against acceptable-use policies (list: `licenselint schema`)

        \(pad("distribution:"))# what your team gives to others
        \(pad("  weights: \(yn(a.distributesWeights ?? false))"))# true: the model weights go to third parties (downloads,
        \(pad(""))#   apps that ship them, customer installs)
        \(pad("  # derivatives: false"))# true: fine-tuned or modified models are published or handed over
        \(pad("  # derivative_name: Example-Assist-8B"))# the name a published derivative carries (some licences
        \(pad(""))#   require a prefix such as the base model's name)
        \(pad("  # derivative_license: apache-2.0"))# the licence id the derivative is published under

        \(pad("training:"))# how the models and their outputs are used for training
        \(pad("  # fine_tune: false"))# true: the models are fine-tuned
        \(pad("  outputs_train_other_models: \(yn(a.outputsTrainOtherModels ?? false))"))# true: outputs train or improve other models
        \(pad(""))#   (synthetic data, evaluation data for another model)
        \(pad("  # model_train_other_models: false"))# true: the model itself trains others (distillation, teacher)

        \(pad("policy:"))# what your team requires of licences
        \(pad("  fail_on: error"))# lowest severity that fails the run (exit 1): error or warning
        \(pad("  # require_openness: open-weights"))# minimum openness: closed, open-weights-restricted,
        \(pad(""))#   open-weights, open-source
        \(pad("  # allowed_jurisdictions: [US-CA, GB]"))# governing laws your legal team accepts: ISO codes such
        \(pad(""))#   as GB, IE, or US-CA for a US state
        \(pad("  # allow_licenses: [apache-2.0, mit]"))# if set, only these licence ids (`licenselint licenses`)
        \(pad("  # deny_licenses: [cc-by-nc-4.0]"))# licence ids that are never allowed
        \(pad("  # exceptions:"))# findings your team accepts, each with a reason:
        \(pad("  #   - rule: user-cap-exceeded"))#   the rule id (`licenselint rules`)
        \(pad("  #     license: llama3.1"))#   the licence id it applies to (or model: <folder name>)
          #     reason: Separate licence signed, ref 2026-17
        \(pad("  #     expires: 2027-06-30"))#   yyyy-mm-dd; an expired exception is an error

        # Model folders to check when `licenselint check` is given no paths, relative to this file: a model
        # folder (LICENSE, USE_POLICY.md, README.md model card…) or a folder of model folders.
        # models: [models/]

        """
    }
}
