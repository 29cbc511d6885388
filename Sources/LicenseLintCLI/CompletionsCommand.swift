import LicenseLint

/// `licenselint completions bash|zsh|fish`: a completion script built from the command table below.
enum CompletionsCommand {
    static let usage = "licenselint completions bash|zsh|fish"
    static let shells = ["bash", "zsh", "fish"]

    static func run(_ args: [String], console: Console) -> Int32 {
        if args.contains("-h") || args.contains("--help") { console.out(Help.completions); return ExitCode.ok }
        guard args.count == 1, let shell = args.first else {
            console.err(Help.usageError(args.isEmpty ? "completions needs a shell: bash, zsh or fish" : "completions takes one shell", usage: usage))
            return ExitCode.error
        }
        switch shell {
        case "bash": console.out(bash())
        case "zsh": console.out(zsh())
        case "fish": console.out(fish())
        default:
            console.err(Help.usageError("unknown shell '\(shell)'" + Help.suggestion(shell, among: shells) + "; shells: bash, zsh, fish", usage: usage))
            return ExitCode.error
        }
        return ExitCode.ok
    }

    // MARK: The command table

    enum Value {
        case file, directory, text
        case words([String])
    }

    struct Option {
        var long: String
        var short: String?
        var value: Value?
        var help: String
    }

    enum Arguments {
        case none, files, words([String])
    }

    struct Command {
        var name: String
        var summary: String
        var options: [Option]
        var arguments: Arguments
    }

    static var ruleIDs: [String] { RuleRegistry.descriptions.map(\.id) }

    static var table: [Command] {
        let help = Option(long: "--help", short: "-h", value: nil, help: "Show help")
        return [
            Command(name: "check", summary: "Check models against a deployment profile", options: [
                Option(long: "--profile", short: "-p", value: .file, help: "Deployment profile (YAML)"),
                Option(long: "--format", short: "-f", value: .words(CheckCommand.formats), help: "Report format"),
                Option(long: "--output", short: "-o", value: .file, help: "Write the report to a file"),
                Option(long: "--fail-on", short: nil, value: .words(["error", "warning"]), help: "Lowest severity that fails the run"),
                Option(long: "--models-root", short: nil, value: .directory, help: "Folder of base models"),
                Option(long: "--sbom", short: nil, value: .file, help: "CycloneDX JSON BOM to check"),
                Option(long: "--allow-empty-profile", short: nil, value: nil, help: "Accept a profile that states nothing"),
                Option(long: "--strict", short: nil, value: nil, help: "Exit 2 when anything was not read or resolved"),
                Option(long: "--lock", short: nil, value: .file, help: "Lock file of reviewed terms"),
                Option(long: "--baseline", short: nil, value: .file, help: "Report only findings not in this baseline"),
                Option(long: "--write-baseline", short: nil, value: .file, help: "Write todays findings as the baseline"),
                Option(long: "--color", short: nil, value: nil, help: "Force colour on"),
                Option(long: "--no-color", short: nil, value: nil, help: "Force colour off"),
                help,
            ], arguments: .files),
            Command(name: "init", summary: "Write a starter .licenselint.yaml", options: [
                Option(long: "--users", short: nil, value: .text, help: "Monthly active users (900M)"),
                Option(long: "--commercial", short: nil, value: nil, help: "Commercial use"),
                Option(long: "--no-commercial", short: nil, value: nil, help: "Non-commercial use"),
                Option(long: "--hosting", short: nil, value: .words(ProfileSchema.hostingModes), help: "How the models are offered"),
                Option(long: "--distributes-weights", short: nil, value: nil, help: "Weights are given to others"),
                Option(long: "--no-distributes-weights", short: nil, value: nil, help: "Weights stay in house"),
                Option(long: "--outputs-train-other-models", short: nil, value: nil, help: "Outputs train other models"),
                Option(long: "--no-outputs-train-other-models", short: nil, value: nil, help: "Outputs train no other model"),
                Option(long: "--yes", short: "-y", value: nil, help: "Do not ask; take the defaults"),
                Option(long: "--output", short: "-o", value: .file, help: "File to write"),
                Option(long: "--force", short: nil, value: nil, help: "Overwrite an existing file"),
                help,
            ], arguments: .none),
            Command(name: "parse", summary: "List the clauses of licence texts", options: [
                Option(long: "--format", short: nil, value: .words(["text", "json"]), help: "Output format"),
                Option(long: "--jobs", short: "-j", value: .text, help: "Files read at once"),
                help,
            ], arguments: .files),
            Command(name: "lock", summary: "Record the licence terms you reviewed", options: [
                Option(long: "--profile", short: "-p", value: .file, help: "Deployment profile"),
                Option(long: "--lock", short: nil, value: .file, help: "Lock file"),
                Option(long: "--update", short: nil, value: .text, help: "Accept one model's current terms"),
                help,
            ], arguments: .files),
            Command(name: "diff", summary: "Show which clauses changed between two licences", options: [
                Option(long: "--format", short: "-f", value: .words(["text", "markdown", "json"]), help: "Output format"),
                Option(long: "--lock", short: nil, value: .file, help: "Compare a model with its entry in this lock file"),
                help,
            ], arguments: .files),
            Command(name: "models", summary: "List the models code and configuration name", options: [
                Option(long: "--format", short: "-f", value: .words(["text", "json"]), help: "Output format"),
                help,
            ], arguments: .files),
            Command(name: "bom", summary: "Write a CycloneDX ML-BOM of the models checked", options: [
                Option(long: "--profile", short: "-p", value: .file, help: "Deployment profile"),
                Option(long: "--output", short: "-o", value: .file, help: "Write the BOM to a file"),
                help,
            ], arguments: .files),
            Command(name: "explain", summary: "Explain a rule", options: [help], arguments: .words(ruleIDs)),
            Command(name: "rules", summary: "List the rules", options: [help], arguments: .none),
            Command(name: "licenses", summary: "List the licence catalogue", options: [help], arguments: .none),
            Command(name: "schema", summary: "Print the profile JSON Schema", options: [help], arguments: .none),
            Command(name: "completions", summary: "Print a shell completion script", options: [help], arguments: .words(shells)),
            Command(name: "debug", summary: "Developer tools", options: [help], arguments: .words(["yaml-to-json"])),
            Command(name: "help", summary: "Show help for a command", options: [], arguments: .words(Help.commands.filter { $0 != "help" })),
            Command(name: "version", summary: "Print the version", options: [], arguments: .none),
        ]
    }

    // MARK: bash

    static func bash() -> String {
        let commands = table.map(\.name).joined(separator: " ")
        var valueCases = ""
        var seen: Set<String> = []
        // Values of options, by the option's spelling (the same spelling takes the same kind of value everywhere,
        // except --format, whose words depend on the command).
        for c in table {
            for o in c.options {
                guard let v = o.value, o.long != "--format" else { continue }
                let spellings = [o.long] + (o.short.map { [$0] } ?? [])
                guard seen.insert(o.long).inserted else { continue }
                valueCases += "        \(spellings.joined(separator: "|"))) \(bashValue(v)); return ;;\n"
            }
        }
        var formatCases = ""
        for c in table {
            guard let o = c.options.first(where: { $0.long == "--format" }), let v = o.value else { continue }
            let spellings = ([o.long] + (o.short.map { [$0] } ?? [])).map { "\(c.name):\($0)" }
            formatCases += "        \(spellings.joined(separator: "|"))) \(bashValue(v)); return ;;\n"
        }
        var argumentCases = ""
        for c in table {
            let opts = c.options.flatMap { [$0.long] + ($0.short.map { [$0] } ?? []) }.joined(separator: " ")
            let args: String
            switch c.arguments {
            case .none: args = "COMPREPLY=()"
            case .files: args = "COMPREPLY=( $(compgen -f -- \"$cur\") )"
            case .words(let w): args = "COMPREPLY=( $(compgen -W \"\(w.joined(separator: " "))\" -- \"$cur\") )"
            }
            argumentCases += """
                    \(c.name))
                        if [[ "$cur" == -* ]]; then COMPREPLY=( $(compgen -W "\(opts)" -- "$cur") ); else \(args); fi ;;

            """
        }
        return """
        # bash completion for licenselint (generated by 'licenselint completions bash').
        # Install: licenselint completions bash > ~/.local/share/bash-completion/completions/licenselint
        # or, for this shell only: source <(licenselint completions bash)
        _licenselint() {
            local cur prev cmd
            cur="${COMP_WORDS[COMP_CWORD]}"
            prev="${COMP_WORDS[COMP_CWORD-1]}"
            if [[ $COMP_CWORD -eq 1 ]]; then
                COMPREPLY=( $(compgen -W "\(commands) --help --version" -- "$cur") )
                return
            fi
            cmd="${COMP_WORDS[1]}"
            case "$cmd:$prev" in
        \(formatCases)    esac
            case "$prev" in
        \(valueCases)    esac
            case "$cmd" in
        \(argumentCases)    esac
        }
        complete -o filenames -F _licenselint licenselint

        """
    }

    static func bashValue(_ v: Value) -> String {
        switch v {
        case .file: return "COMPREPLY=( $(compgen -f -- \"$cur\") )"
        case .directory: return "COMPREPLY=( $(compgen -d -- \"$cur\") )"
        case .text: return "COMPREPLY=()"
        case .words(let w): return "COMPREPLY=( $(compgen -W \"\(w.joined(separator: " "))\" -- \"$cur\") )"
        }
    }

    // MARK: zsh

    static func zsh() -> String {
        func q(_ s: String) -> String {
            // Inside '…' for _arguments specs: no quotes, brackets or colons in the help texts.
            s.replacing("'", with: "").replacing("[", with: "(").replacing("]", with: ")")
                .replacing(":", with: " ")
        }
        func action(_ v: Value) -> String {
            switch v {
            case .file: return "_files"
            case .directory: return "_files -/"
            case .text: return " "
            case .words(let w): return "(\(w.joined(separator: " ")))"
            }
        }
        let described = table.map { "        '\($0.name):\(q($0.summary))'" }.joined(separator: "\n")
        var cases = ""
        for c in table {
            var specs: [String] = []
            for o in c.options {
                let valuePart = o.value.map { ":\(o.long.dropFirst(2)):\(action($0))" } ?? ""
                if let s = o.short {
                    specs.append("'(\(s) \(o.long))'{\(s),\(o.long)}'[\(q(o.help))]\(valuePart)'")
                } else {
                    specs.append("'\(o.long)[\(q(o.help))]\(valuePart)'")
                }
            }
            switch c.arguments {
            case .none: break
            case .files: specs.append("'*:file:_files'")
            case .words(let w): specs.append("'1:argument:(\(w.joined(separator: " ")))'")
            }
            let body = specs.isEmpty ? "" : "_arguments -s \\\n                " + specs.joined(separator: " \\\n                ")
            cases += "        \(c.name))\n            \(body.isEmpty ? ":" : body) ;;\n"
        }
        return """
        #compdef licenselint
        # zsh completion for licenselint (generated by 'licenselint completions zsh').
        # Install: licenselint completions zsh > "${fpath[1]}/_licenselint"   (then restart zsh)
        # or, for this shell only: source <(licenselint completions zsh)
        _licenselint() {
            local -a commands
            commands=(
        \(described)
            )
            if (( CURRENT == 2 )); then
                _describe -t commands 'licenselint command' commands
                return
            fi
            local cmd=${words[2]}
            shift words
            (( CURRENT-- ))
            case $cmd in
        \(cases)    esac
        }
        if [[ "${funcstack[1]}" == "_licenselint" ]]; then
            _licenselint "$@"
        else
            compdef _licenselint licenselint
        fi

        """
    }

    // MARK: fish

    static func fish() -> String {
        func q(_ s: String) -> String { s.replacing("'", with: "") }
        var out = """
        # fish completion for licenselint (generated by 'licenselint completions fish').
        # Install: licenselint completions fish > ~/.config/fish/completions/licenselint.fish
        complete -c licenselint -f
        complete -c licenselint -n __fish_use_subcommand -l help -s h -d 'Show help'
        complete -c licenselint -n __fish_use_subcommand -l version -d 'Print the version'

        """
        for c in table {
            out += "complete -c licenselint -n __fish_use_subcommand -a \(c.name) -d '\(q(c.summary))'\n"
        }
        for c in table {
            let when = "-n '__fish_seen_subcommand_from \(c.name)'"
            for o in c.options {
                var line = "complete -c licenselint \(when) -l \(o.long.dropFirst(2))"
                if let s = o.short { line += " -s \(s.dropFirst())" }
                switch o.value {
                case nil: break
                case .file?: line += " -r -F"
                case .directory?: line += " -r -a '(__fish_complete_directories)'"
                case .text?: line += " -x"
                case .words(let w)?: line += " -x -a '\(w.joined(separator: " "))'"
                }
                out += line + " -d '\(q(o.help))'\n"
            }
            switch c.arguments {
            case .none: break
            case .files: out += "complete -c licenselint \(when) -F\n"
            case .words(let w): out += "complete -c licenselint \(when) -x -a '\(w.joined(separator: " "))'\n"
            }
        }
        return out
    }
}
