/// Walks a command's arguments: `--name value`, `--name=value` and plain arguments, with a usage error
/// (and nil) when an option's value is missing. Shared by the commands so every one reads options alike.
struct ArgumentReader {
    private let args: [String]
    private var index = 0
    private let usage: String
    private let console: Console

    init(_ args: [String], usage: String, console: Console) {
        self.args = args; self.usage = usage; self.console = console
    }

    /// The next argument: its option name (the part before "=" for "--name=value"), an inline value, and
    /// the argument as written.
    mutating func next() -> (name: String, inline: String?, raw: String)? {
        guard index < args.count else { return nil }
        let a = args[index]
        index += 1
        if a.hasPrefix("--"), let eq = a.firstIndex(of: "=") {
            return (String(a[..<eq]), String(a[a.index(after: eq)...]), a)
        }
        return (a, nil, a)
    }

    /// The option's value: inline, or the following argument; prints a usage error when there is none.
    mutating func value(_ name: String, inline: String?) -> String? {
        if let inline { return inline }
        if index < args.count { index += 1; return args[index - 1] }
        console.err(Help.usageError("\(name) needs a value", usage: usage))
        return nil
    }
}
