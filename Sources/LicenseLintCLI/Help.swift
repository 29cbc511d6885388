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
        case "check": return check
        case "rules": return rules
        case "explain": return explain
        case "licenses", "licences": return licenses
        case "schema": return schema
        case "debug": return "Usage: \(DebugCommand.usage)\n\nPrints the value a YAML file loads to, as JSON (for conformance testing).\n"
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

    static let check = """
    Usage: \(CheckCommand.usage)

    Checks model folders (or licence files) against a deployment profile and reports which licence
    terms the plan breaks, which duties it takes on, and where each is written.

    A PATH may be a licence file, a model folder (LICENSE*, LICENCE*, COPYING*, USE_POLICY*, NOTICE*,
    policy Markdown files, and the license: fields of a README.md model card), or a folder of model
    folders. With no PATH, the models listed in the profile (or the current folder) are checked.
    With no --profile, .licenselint.yaml is looked for in this folder and its parents.

    Options:
      -p, --profile FILE       Deployment profile (YAML); see 'licenselint schema'
      -f, --format FORMAT      text (default), json, sarif, markdown, github
      -o, --output FILE        Write the report to FILE instead of standard output
          --fail-on LEVEL      error (default) or warning; overrides policy.fail_on
          --models-root DIR    Where base models' folders are (base_model: org/name → DIR/org--name)
          --color, --no-color  Force colour on or off (default: on a terminal, unless NO_COLOR is set)
      -h, --help               Show this help

    Examples:
      licenselint check --profile Fixtures/profiles/enterprise.yaml Fixtures/models
      licenselint check -p profile.yaml --format sarif -o licenselint.sarif models/

    Exit codes: 0 nothing at or above the threshold, 1 findings at or above it, 2 usage or input error.

    """

    static let rules = "Usage: licenselint rules\n\nLists every rule: id, default severity and summary.\n"
    static let explain = "Usage: licenselint explain RULE-ID\n\nExplains a rule: what it checks, why it matters, what to do, and examples.\nExample: licenselint explain user-cap-exceeded\n"
    static let licenses = "Usage: licenselint licenses\n\nLists the licence catalogue: id, openness, name and key clauses.\n"
    static let schema = "Usage: licenselint schema\n\nPrints the JSON Schema of deployment profiles, for editors to complete and validate them.\nExample: licenselint schema > licenselint-profile.schema.json\n"

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
