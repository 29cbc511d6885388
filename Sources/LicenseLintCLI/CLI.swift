import Foundation
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
        tuneAllocator()
        let code = run(Array(CommandLine.arguments.dropFirst()), console: .standard)
        exit(code)
    }

    /// A run allocates and frees a few arrays per file, each up to a few times the file's size. glibc's
    /// defaults hand large blocks to mmap and give freed memory back at once (munmap, madvise, with TLB
    /// flushes on every core), then fault the same pages in again for the next file: a sixth of the CPU
    /// time of a parallel `parse` went to the kernel. Keeping freed memory for reuse costs nothing in
    /// peak memory (it is the same memory, reused) and removes that churn.
    static func tuneAllocator() {
        #if os(Linux) && canImport(Glibc)
        // <malloc.h>'s M_TRIM_THRESHOLD and M_MMAP_THRESHOLD (not visible through the Glibc module).
        _ = glibcMallopt(-3, 64 << 20)
        _ = glibcMallopt(-1, 128 << 20)
        #endif
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
            console.out("licenselint \(version)\n")
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
        default:
            console.err(Help.usageError("unknown command '\(first)'" + Help.suggestion(first, among: Help.commands)))
            return ExitCode.error
        }
    }
}

#if os(Linux) && canImport(Glibc)
/// glibc's `int mallopt(int param, int value)`.
@_silgen_name("mallopt")
private func glibcMallopt(_ param: Int32, _ value: Int32) -> Int32
#endif
