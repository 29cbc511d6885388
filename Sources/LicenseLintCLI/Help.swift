import LicenseLint

/// Help texts and usage errors in the shape "Error: … / Usage: … / See 'licenselint --help'".
enum Help {
    static let commands = ["check", "parse", "explain", "rules", "licenses", "schema", "debug", "help", "version"]

    static let main = """
    licenselint — checks that the AI models you ship are licensed for what you are about to do.

    Usage: licenselint <command> [options]

    Commands:
      check      Check model folders or licence files against a deployment profile
      parse      List the clauses of licence texts (any text, known or not)
      explain    Explain a rule: what it checks, why, and examples
      rules      List the rules with their ids and severities
      licenses   List the licence catalogue
      schema     Print the JSON Schema of deployment profiles
      debug      Developer tools (yaml-to-json)
      version    Print the version

    Examples:
      licenselint check --profile Fixtures/profiles/enterprise.yaml Fixtures/models
      licenselint parse --format json LICENSE

    Exit codes: 0 no findings at or above the threshold, 1 findings, 2 usage or input error.
    Run 'licenselint help <command>' for a command's options.

    """

    static func command(_ name: String) -> String? {
        switch name {
        case "parse": return parse
        default: return nil
        }
    }

    static let parse = """
    Usage: licenselint parse [--format text|json] FILE...

    Reads licence texts and lists their clauses: kind, parameters, line and excerpt.
    Works on any text, known licence or not.

    Options:
      --format text|json   Output format (default: text)
      -h, --help           Show this help

    Example:
      licenselint parse --format json Fixtures/texts/llama-style-community.txt

    Exit codes: 0 every file parsed, 2 a file could not be read (the others are still reported).

    """

    static func usageError(_ message: String, usage: String = "licenselint <command> [options]") -> String {
        "Error: \(message)\nUsage: \(usage)\nSee 'licenselint --help'.\n"
    }

    /// " (did you mean 'x'?)" when a candidate is close to what was typed.
    static func suggestion(_ typed: String, among candidates: [String]) -> String {
        guard let best = closest(typed, among: candidates) else { return "" }
        return " (did you mean '\(best)'?)"
    }

    static func closest(_ typed: String, among candidates: [String]) -> String? {
        ProfileValues.closest(typed, among: candidates)
    }
}
