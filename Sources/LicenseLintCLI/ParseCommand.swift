import LicenseLint

enum ParseCommand {
    static let usage = "licenselint parse [--format text|json] FILE..."

    static func run(_ args: [String], console: Console) -> Int32 {
        var format = "text"
        var jobs = FileSystem.processorCount()
        var files: [String] = []
        var i = 0
        func setJobs(_ v: String) -> Bool {
            guard let n = Int(v), n >= 1 else {
                console.err(Help.usageError("--jobs needs a whole number of at least 1, not '\(v)'", usage: usage))
                return false
            }
            jobs = n
            return true
        }
        while i < args.count {
            let a = args[i]
            switch a {
            case "-h", "--help":
                console.out(Help.parse); return ExitCode.ok
            case "--format":
                guard i + 1 < args.count else { console.err(Help.usageError("--format needs a value: text or json", usage: usage)); return ExitCode.error }
                format = args[i + 1]; i += 1
            case "--jobs", "-j":
                guard i + 1 < args.count else { console.err(Help.usageError("--jobs needs a value: the number of files read at once", usage: usage)); return ExitCode.error }
                guard setJobs(args[i + 1]) else { return ExitCode.error }
                i += 1
            default:
                if a.hasPrefix("--format=") { format = String(a.dropFirst(9)) }
                else if a.hasPrefix("--jobs=") { guard setJobs(String(a.dropFirst(7))) else { return ExitCode.error } }
                else if a.hasPrefix("-") && a != "-" {
                    console.err(Help.usageError("unknown option '\(a)'" + Help.suggestion(a, among: ["--format", "--help", "--jobs"]), usage: usage))
                    return ExitCode.error
                } else { files.append(a) }
            }
            i += 1
        }
        guard ["text", "json"].contains(format) else {
            console.err(Help.usageError("unknown format '\(format)'; use text or json" + Help.suggestion(format, among: ["text", "json"]), usage: usage))
            return ExitCode.error
        }
        guard !files.isEmpty else {
            console.err(Help.usageError("no licence file given", usage: usage))
            return ExitCode.error
        }
        let catalogue = CatalogueAccess.load(console: console, required: false)
        let failed = ParseReport.stream(paths: files, catalogue: catalogue, json: format == "json", jobs: jobs,
                                        output: { console.outBytes($0) }, failure: { console.err("error: \($0)\n") })
        return failed ? ExitCode.error : ExitCode.ok
    }
}
