import Foundation
import LicenseLint

enum ParseCommand {
    static func run(_ args: [String], console: Console) -> Int32 {
        var format = "text"
        var files: [String] = []
        var i = 0
        while i < args.count {
            let a = args[i]
            switch a {
            case "-h", "--help":
                console.out(Help.parse); return ExitCode.ok
            case "--format":
                guard i + 1 < args.count else { console.err(Help.usageError("--format needs a value: text or json", usage: "licenselint parse [--format text|json] FILE...")); return ExitCode.error }
                format = args[i + 1]; i += 1
            default:
                if a.hasPrefix("--format=") { format = String(a.dropFirst(9)) }
                else if a.hasPrefix("-") && a != "-" {
                    console.err(Help.usageError("unknown option '\(a)'" + Help.suggestion(a, among: ["--format", "--help"]), usage: "licenselint parse [--format text|json] FILE..."))
                    return ExitCode.error
                } else { files.append(a) }
            }
            i += 1
        }
        guard ["text", "json"].contains(format) else {
            console.err(Help.usageError("unknown format '\(format)'; use text or json" + Help.suggestion(format, among: ["text", "json"]), usage: "licenselint parse [--format text|json] FILE..."))
            return ExitCode.error
        }
        guard !files.isEmpty else {
            console.err(Help.usageError("no licence file given", usage: "licenselint parse [--format text|json] FILE..."))
            return ExitCode.error
        }
        let catalogue = CatalogueAccess.load(console: console, required: false)
        let results = LicenseParser.parse(paths: files, catalogue: catalogue)
        var failed = false
        for r in results { if case .failure(let e) = r.outcome { failed = true; console.err("error: \(e)\n") } }
        if format == "json" {
            console.out(ParseReport.json(results).render() + "\n")
        } else {
            console.out(ParseReport.text(results))
        }
        return failed ? ExitCode.error : ExitCode.ok
    }
}
