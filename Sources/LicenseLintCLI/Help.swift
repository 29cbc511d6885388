#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import LicenseLint

/// Help texts and usage errors in the shape "Error: … / Usage: … / See 'licenselint --help'".
/// Every command has a help text with a real example; `licenselint help X` and `licenselint X --help` print the same.
enum Help {
    static let commands = ["check", "init", "parse", "diff", "lock", "models", "bom", "explain", "rules", "licenses", "schema", "completions", "debug", "help", "version"]

    static let diff = """
    Usage: licenselint diff [--format text|markdown|json] OLD NEW
           licenselint diff [--format text|markdown|json] --lock FILE MODEL

    Shows which clauses differ between two licence texts or two model folders (every licence file in
    each), or between a model folder's terms now and the terms recorded as reviewed in a lock file:
    clauses added, removed, and changed parameters ("user-cap threshold 700000000 → 1000000000"),
    with the line on each side. Re-wrapping, re-ordering, quote styles, encodings and whitespace are not
    differences: clauses are compared by kind and parameters.

    Options:
      -f, --format text|markdown|json   Output format (default: text)
          --lock FILE                   Compare MODEL with its entry in this lock file (see 'lock')
      -h, --help                        Show this help

    Exit codes: 0 the terms are the same, 1 clauses differ, 2 input error.

    Examples:
      licenselint diff llama3/LICENSE llama3.1/LICENSE
      licenselint diff --format json models/aurora-v1 models/aurora-v2
      licenselint diff --lock .licenselint.lock models/aurora --format markdown
    """

    static let models = """
    Usage: licenselint models [--format text|json] [PATH...]

    Lists the models that code and configuration under PATH (default: the current folder) name, with the
    file and line of each reference and the licence the base-model table records for it: Python calls
    (from_pretrained, pipeline(model=), hf_hub_download, snapshot_download, vLLM LLM, SentenceTransformer),
    configuration keys (model, model_id, model_name, base_model, pretrained_model_name_or_path), Ollama
    Modelfile FROM lines and 'ollama pull', and 'huggingface-cli download' in Dockerfiles and scripts. A
    model loaded from a variable is listed as unresolved. 'check' judges these models under a profile.

    Options:
      -f, --format text|json   Output format (default: text)
      -h, --help               Show this help

    Exit codes: 0 listed, 2 usage or input error.

    Examples:
      licenselint models
      licenselint models --format json src/ deploy/
    """

    static let bom = """
    Usage: licenselint bom [--profile FILE] [--output FILE] [PATH...]

    Writes a CycloneDX 1.6 JSON ML-BOM of the models found under PATH (as 'check' finds them: folders,
    licence files, GGUF files, and the models code and configuration name): one machine-learning-model
    component per model, with its licences (SPDX id, or the catalogue's name and URL, or the licence text
    embedded), its model card's datasets and training code, its base models as pedigree.ancestors with the
    licences that bind it, and the parsed clauses, openness and (with a profile) verdict as licenselint:
    properties. 'check --sbom' on the BOM reaches the same verdicts as 'check' on the models. Output is
    deterministic (no timestamp, no random serial number).

    Options:
      -p, --profile FILE   Deployment profile (default: .licenselint.yaml here or above; none: no verdicts)
      -o, --output FILE    Write the BOM to FILE (default: standard output)
      -h, --help           Show this help

    Exit codes: 0 written, 2 usage or input error (nothing is written when an input cannot be read).

    Examples:
      licenselint bom --output models.cdx.json
      licenselint bom --profile enterprise.yaml models/ > bom.json
    """

    static let lock = """
    Usage: licenselint lock [--profile FILE] [--lock FILE] [--update MODEL]... [PATH...]

    Records the licence terms of the models checked as reviewed: for every model, each licence file's
    path, SHA-256, identified id and version, and its clauses, in .licenselint.lock beside the profile
    (sorted JSON, reviewable in a diff). 'licenselint check' then reports terms-changed (an error, with
    the clause-level difference) for a model whose terms are no longer the ones locked, terms-unreviewed
    (a warning) for a model not in the lock, and a note when only the text changed.

    Options:
      -p, --profile FILE   Deployment profile (as for check; its models: are locked when no PATH is given)
          --lock FILE      The lock file (default: .licenselint.lock beside the profile)
          --update MODEL   Accept the current terms of this model only (path or name; repeatable); the
                           other entries stay as reviewed
      -h, --help           Show this help

    A licence that cannot be read is never locked (exit 2).

    Examples:
      licenselint lock
      licenselint lock --update models/llama-3.1-8b
    """

    static let main = """
    licenselint — checks that the AI models you ship are licensed for what you are about to do.

    Usage: licenselint <command> [options]

    Commands:
      check        Check model folders, licence files or a CycloneDX SBOM against a deployment profile
      init         Write a commented starter profile (.licenselint.yaml), asking a few questions
      parse        List the clauses of licence texts (any text, known or not)
      diff         Show which clauses changed between two licence texts or model folders
      lock         Record the licence terms you reviewed; check then says which clauses changed
      models       List the models an application's code and configuration name
      bom          Write a CycloneDX 1.6 ML-BOM of the models checked
      explain      Explain a rule: what it checks, why, and examples
      rules        List the rules with their ids and severities
      licenses     List the licence catalogue
      schema       Print the JSON Schema of deployment profiles
      completions  Print a shell completion script (bash, zsh, fish)
      debug        Developer tools (yaml-to-json)
      version      Print the version

    Getting started:
      licenselint init                 # writes .licenselint.yaml for this repository
      licenselint check                # checks the models it lists, from any sub-folder

    Examples:
      licenselint check --profile Fixtures/profiles/enterprise.yaml Fixtures/models
      licenselint parse --format json LICENSE

    Exit codes: 0 no findings at or above the threshold, 1 findings, 2 usage or input error.
    Environment: NO_COLOR turns colour off; LICENSELINT_CATALOGUE=DIR reads that catalogue folder instead of
    the one compiled in ('licenselint --version' names the catalogue in use).
    Run 'licenselint help <command>' (or 'licenselint <command> --help') for a command's options.

    """

    static func command(_ name: String) -> String? {
        switch name {
        case "check": return check
        case "init": return initCommand
        case "parse": return parse
        case "diff": return diff
        case "lock": return lock
        case "models": return models
        case "bom": return bom
        case "rules": return rules
        case "explain": return explain
        case "licenses", "licences": return licenses
        case "schema": return schema
        case "completions": return completions
        case "debug": return debug
        case "help": return help
        case "version": return version
        default: return nil
        }
    }

    static let check = """
    Usage: \(CheckCommand.usage)

    Checks model folders (or licence files, or the models of a CycloneDX SBOM) against a deployment
    profile, and reports which licence terms the plan breaks, which duties it takes on, and where each
    is written.

    A PATH may be a licence file, a model folder (LICENSE*, LICENCE*, COPYING*, USE_POLICY*, NOTICE*,
    policy Markdown files, and the license: fields of a README.md model card), or a folder of model
    folders. With no PATH (and no --sbom), the models listed in the profile (or the profile's folder)
    are checked. With no --profile, .licenselint.yaml is looked for in this folder and its parents, so
    'licenselint check' alone works anywhere in a repository that has one (see 'licenselint init').

    Options:
      -p, --profile FILE         Deployment profile (YAML); see 'licenselint schema'
      -f, --format FORMAT        text (default), json, sarif (GitHub code scanning), markdown,
                                 html (the Markdown review report as one self-contained page, print
                                 styles included), github (workflow annotations), gitlab (GitLab
                                 Code Quality)
      -o, --output FILE          Write the report to FILE instead of standard output ('-': standard
                                 output). A device, FIFO or symlink is written through, never replaced;
                                 an input of the run or a read-only file is refused
          --fail-on LEVEL        error (default) or warning; overrides policy.fail_on
          --models-root DIR      Where base models' folders are (base_model: org/name → DIR/org--name)
          --sbom FILE            Also check the machine-learning-model components of a CycloneDX 1.5/1.6
                                 JSON BOM (repeatable); each component is reported as name@version
          --baseline FILE        Report only findings not in FILE (written by --write-baseline); the
                                 exit code counts only those. Matched by rule, model, clause kind and
                                 licence id, not by line, so re-wrapping a licence changes nothing
          --write-baseline FILE  Accept today's findings: write them to FILE (sorted JSON, for review)
                                 and exit 0 unless an input could not be read
          --color, --no-color    Force colour on or off (default: on a terminal, unless NO_COLOR is set)
          --lock FILE            Lock file of reviewed terms (default: .licenselint.lock beside the
                                 profile, when there is one); see 'licenselint lock'
          --strict               Exit 2 when anything was not read or resolved: a file too large to scan,
                                 a licence-like file skipped, a model loaded from an unresolvable name
          --allow-empty-profile  Check with a profile that states nothing (every rule then says what
                                 it cannot decide); without it such a profile is an input error
      -h, --help                 Show this help

    Examples:
      licenselint check --profile Fixtures/profiles/enterprise.yaml Fixtures/models
      licenselint check -p profile.yaml --format sarif -o licenselint.sarif models/
      licenselint check -p profile.yaml --format markdown -o review/legal-review.md models/     # for counsel
      licenselint check -p profile.yaml --format html -o review/legal-review.html models/   # to print or PDF
      licenselint check --write-baseline .licenselint-baseline.json     # once, to adopt on an old repo
      licenselint check --baseline .licenselint-baseline.json           # in CI: fail only on new findings
      licenselint check --profile profile.yaml --sbom bom.cdx.json

    Exit codes: 0 nothing at or above the threshold, 1 findings at or above it, 2 usage or input error
    (bad profile, missing path, unreadable baseline or SBOM).

    """

    static let initCommand = """
    Usage: \(InitCommand.usage)

    Writes a starter deployment profile, .licenselint.yaml, in the current folder: every section, each
    field explained with the values it accepts. On a terminal it asks five questions first (monthly
    active users, commercial use, hosting, redistributed weights, training other models on outputs);
    press Enter to take the default shown in brackets. Elsewhere (CI, scripts) it uses the flags and
    the defaults without asking. Then edit the file and run 'licenselint check'.

    Options:
          --users N                      Monthly active users: 40000, 40_000, 40K, 900M or 1.2B
                                         (default: left out, so user caps report "cannot decide")
          --commercial, --no-commercial  Used commercially, or not (default: commercial)
          --hosting MODE                 internal, on-prem, saas, api or on-device; a comma-separated
                                         list for several (default: saas)
          --distributes-weights, --no-distributes-weights
                                         The weights are given to others, or not (default: not)
          --outputs-train-other-models, --no-outputs-train-other-models
                                         Outputs train or improve other models, or not (default: not)
      -y, --yes                          Do not ask; take the flags and the defaults
      -o, --output FILE                  Write to FILE instead of ./.licenselint.yaml
          --force                        Overwrite an existing file
      -h, --help                         Show this help

    Examples:
      licenselint init
      licenselint init --yes --users 900M --commercial --hosting saas --outputs-train-other-models

    Exit codes: 0 written, 2 usage error or the file exists already (pass --force to overwrite it).

    """

    static let parse = """
    Usage: licenselint parse [--format text|json] [--jobs N] FILE...

    Reads licence texts and lists their clauses: kind, parameters, line and excerpt.
    Works on any text, known licence or not. Useful to see what licenselint reads in a licence
    before writing a profile.

    Options:
      --format text|json   Output format (default: text)
      -j, --jobs N         Files read at once, on N threads (default: the number of cores); the
                           output is the same, in the same order, whatever N is
      -h, --help           Show this help

    Examples:
      licenselint parse Fixtures/models/aurora-community-chat/LICENSE
      licenselint parse --format json LICENSE USE_POLICY.md

    Exit codes: 0 every file parsed, 2 a file could not be read (the others are still reported).

    """

    static let rules = """
    Usage: licenselint rules

    Lists every rule: its id (used in reports, in profile exceptions and by 'licenselint explain'),
    its default severity and a one-line summary.

    Options:
      -h, --help   Show this help

    Example:
      licenselint rules
      licenselint rules | grep cap

    """

    static let explain = """
    Usage: licenselint explain RULE-ID

    Explains a rule: what it checks, why it matters, what to do about a finding, which clauses and
    profile fields it reads, and worked examples. The rule id is the one in brackets in a report,
    e.g. error[user-cap-exceeded].

    Options:
      -h, --help   Show this help

    Example:
      licenselint explain user-cap-exceeded

    """

    static let licenses = """
    Usage: licenselint licenses [ID...]

    Lists the licence catalogue (the Licenses/ folder): id, openness, name and key clauses. The ids
    are the ones profiles use in allow_licenses, deny_licenses and exceptions. With ids, shows each
    entry in full: licensor, version, URL, openness, the clauses licenselint decides with, and the
    policies it incorporates.

    Options:
      -h, --help   Show this help

    Example:
      licenselint licenses
      licenselint licenses llama3.1 gemma
      LICENSELINT_CATALOGUE=/path/to/Licenses licenselint licenses

    """

    static let schema = """
    Usage: licenselint schema

    Prints the JSON Schema of deployment profiles, for editors to complete and validate them.

    Options:
      -h, --help   Show this help

    Example:
      licenselint schema > licenselint-profile.schema.json
      # then, first line of .licenselint.yaml (YAML language server):
      # yaml-language-server: $schema=licenselint-profile.schema.json

    """

    static let completions = """
    Usage: licenselint completions bash|zsh|fish

    Prints a shell completion script: subcommands, each command's options, report formats, and rule
    ids for 'licenselint explain'.

    Options:
      -h, --help   Show this help

    Examples:
      licenselint completions bash > ~/.local/share/bash-completion/completions/licenselint
      licenselint completions zsh > "${fpath[1]}/_licenselint"
      licenselint completions fish > ~/.config/fish/completions/licenselint.fish
      source <(licenselint completions bash)            # this shell only

    """

    static let debug = """
    Usage: \(DebugCommand.usage)

    Developer tools. yaml-to-json prints the value a YAML file loads to, as JSON, to see how the
    built-in YAML loader reads a profile (and for YAML conformance testing).

    Options:
      -h, --help   Show this help

    Example:
      licenselint debug yaml-to-json .licenselint.yaml

    """

    static let help = """
    Usage: licenselint help [COMMAND]

    Prints the list of commands, or one command's help (the same as 'licenselint COMMAND --help').

    Example:
      licenselint help check

    """

    static let version = """
    Usage: licenselint version

    Prints the version of licenselint (also: licenselint --version).

    Example:
      licenselint version

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
