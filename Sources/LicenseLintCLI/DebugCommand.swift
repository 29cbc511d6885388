import LicenseLint
import LicenseLintYAML

/// `licenselint debug yaml-to-json FILE`: the YAML loader's view of a file, for conformance testing.
enum DebugCommand {
    static let usage = "licenselint debug yaml-to-json FILE"

    static func run(_ args: [String], console: Console) -> Int32 {
        guard args.first == "yaml-to-json" else {
            if args.first == "-h" || args.first == "--help" { console.out("Usage: \(usage)\n\nPrints the value a YAML file loads to, as JSON.\n"); return ExitCode.ok }
            console.err(Help.usageError(args.first.map { "unknown debug tool '\($0)'" } ?? "debug needs a tool", usage: usage))
            return ExitCode.error
        }
        guard args.count == 2 else {
            console.err(Help.usageError("yaml-to-json takes one file", usage: usage))
            return ExitCode.error
        }
        let path = args[1]
        let source: SourceFile
        do { source = try SourceFile.load(path: path, maxBytes: YAMLLimits.default.maxBytes) }
        catch { console.err("error: \(error)\n"); return ExitCode.error }
        do {
            let node = try YAML.load(source.bytes)
            console.out(try YAML.json(node) + "\n")
            return ExitCode.ok
        } catch {
            console.err("\(path):\(error.mark.line):\(error.mark.column): error: \(error.message) [\(error.code)]\n")
            return ExitCode.error
        }
    }
}
