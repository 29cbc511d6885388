#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import LicenseLint

/// Exit codes: 0 clean, 1 findings at or above the threshold, 2 usage or input errors.
public enum ExitCode {
    public static let ok: Int32 = 0
    public static let findings: Int32 = 1
    public static let error: Int32 = 2
}

public enum CLI {
    public static let version = "0.1.0"

    public static func main() -> Never {
        Allocator.keepFreedMemory()
        let code = run(Array(CommandLine.arguments.dropFirst()), console: .standard)
        let e = Console.standardOutputError.load(ordering: .relaxed)
        if e != 0 {
            _ = OutputFile.writeAll(2, Array("error: cannot write to standard output: \(String(cString: strerror(e))) [output.unwritable]\n".utf8))
            exit(ExitCode.error)
        }
        exit(code)
    }

    /// Runs one command line (without the program name).
    public static func run(_ arguments: [String], console: Console) -> Int32 {
        guard let first = arguments.first else {
            console.err(Help.usageError("no command given"))
            return ExitCode.error
        }
        let rest = Array(arguments.dropFirst())
        // `licenselint X --help` prints the same text as `licenselint help X`, for every command.
        if first != "help", !first.hasPrefix("-"), rest.contains("-h") || rest.contains("--help"), let text = Help.command(first) {
            console.out(text)
            return ExitCode.ok
        }
        switch first {
        case "-h", "--help", "help":
            guard let topic = rest.first(where: { $0 != "-h" && $0 != "--help" }) else { console.out(first == "help" && !rest.isEmpty ? Help.help : Help.main); return ExitCode.ok }
            guard let text = Help.command(topic) else {
                console.err(Help.usageError("no help for '\(topic)': it is not a command" + Help.suggestion(topic, among: Help.commands), usage: "licenselint help [COMMAND]"))
                return ExitCode.error
            }
            console.out(text)
            return ExitCode.ok
        case "--version", "version":
            // The catalogue decides as much as the code: say which one this binary holds (or the override).
            var catalogue = "\(Catalogue.embeddedVersion) (compiled in)"
            if let dir = console.environment["LICENSELINT_CATALOGUE"], !dir.isEmpty {
                catalogue = CatalogueAccess.load(console: console, required: false).map { "\($0.version) (\($0.origin))" } ?? "not loaded"
            }
            console.out("licenselint \(version)\ncatalogue: \(catalogue)\n")
            return ExitCode.ok
        case "parse":
            return ParseCommand.run(rest, console: console)
        case "debug":
            return DebugCommand.run(rest, console: console)
        case "check":
            return CheckCommand.run(rest, console: console)
        case "rules":
            return InfoCommands.rules(rest, console: console)
        case "explain":
            return InfoCommands.explain(rest, console: console)
        case "licenses", "licences":
            return InfoCommands.licenses(rest, console: console)
        case "schema":
            return InfoCommands.schema(rest, console: console)
        case "init":
            return InitCommand.run(rest, console: console)
        case "completions":
            return CompletionsCommand.run(rest, console: console)
        case "diff":
            return DiffCommand.run(rest, console: console)
        case "models":
            return ModelsCommand.run(rest, console: console)
        case "bom":
            return CheckCommand.run(rest, console: console, bomCommand: true)
        case "lock":
            return CheckCommand.run(rest, console: console, lockCommand: true)
        default:
            console.err(Help.usageError("unknown command '\(first)'" + Help.suggestion(first, among: Help.commands)))
            return ExitCode.error
        }
    }
}
