import Testing
import Foundation
@testable import LicenseLintCLI

// The places people already work: zero-config runs, baselines, init, completions, CI files, SBOMs, GitLab.
// Every case runs the real executable (see BadInputTests.swift for `run` and `Scratch`).

// Synthetic licence texts written for these tests (not real licences).
private let capLicence = """
Quillwort Model Licence

You may use, copy and modify the Quillwort model. If the monthly active users of your products exceed 50 million, you must request a separate licence from Quillwort Labs before continuing to use the model.

You will not use the model or its outputs to train or improve any other large language model.

"""

private let noticeLicence = """
Bramble Open Weights Terms

Permission is granted to use, copy, modify and distribute the Bramble model for any purpose.
You must give any other recipients of the model a copy of this licence.
You must retain all copyright and attribution notices in every copy of the model.

"""

private let researchLicence = """
Foxglove Research Terms

You may use the Foxglove model solely for non-commercial research purposes. Any commercial use of the model is not permitted.

"""

private func repoProfile(models: [String]) -> String {
    """
    version: 1
    organisation:
      monthly_active_users: 900M
    deployment:
      commercial: true
      production: true
      hosting: saas
    distribution:
      weights: true
      derivatives: false
    training:
      outputs_train_other_models: true
      model_train_other_models: false
    models: [\(models.joined(separator: ", "))]

    """
}

/// A repository with `.licenselint.yaml` (models: [a, b]) and two model folders.
private func makeRepo() throws -> Scratch {
    let s = try Scratch()
    try s.write(".licenselint.yaml", repoProfile(models: ["a", "b"]))
    try s.write("a/LICENSE", capLicence)
    try s.write("b/LICENSE", noticeLicence)
    try s.write("docs/guides/README.md", "# Guides\n")
    return s
}

/// Every paragraph's words re-flowed at `width` columns, after two blank lines: same terms, other lines.
private func rewrapped(_ text: String, width: Int = 30) -> String {
    var paragraphs: [String] = []
    for para in text.components(separatedBy: "\n\n") {
        var lines: [String] = [], line = ""
        for word in para.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            if !line.isEmpty && line.count + word.count + 1 > width { lines.append(line); line = "" }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        paragraphs.append(lines.joined(separator: "\n"))
    }
    return "\n\n" + paragraphs.joined(separator: "\n\n") + "\n"
}

private func json(_ s: String) throws -> Any {
    try JSONSerialization.jsonObject(with: Data(s.utf8))
}

/// (model, rule, line) of every finding not silenced by an exception, from a JSON report.
private func findings(_ stdout: String) throws -> [(model: String, rule: String, line: Int)] {
    let doc = try #require(try json(stdout) as? [String: Any])
    let models = try #require(doc["models"] as? [[String: Any]])
    var out: [(String, String, Int)] = []
    for m in models {
        for f in (m["findings"] as? [[String: Any]]) ?? [] where f["suppressedBy"] is NSNull {
            out.append((m["name"] as? String ?? "", f["ruleId"] as? String ?? "", (f["location"] as? [String: Any])?["line"] as? Int ?? 0))
        }
    }
    return out
}

@Suite struct ZeroConfigAndBaselineTests {
    @Test func checkWithNoArgumentsFromASubFolderMatchesTheExplicitCommand() throws {
        let repo = try makeRepo()
        let implicit = try run(["check", "--format", "json"], cwd: repo.dir + "/docs/guides")
        let explicit = try run(["check", "--format", "json", "--profile", repo.dir + "/.licenselint.yaml", repo.dir + "/a", repo.dir + "/b"])
        #expect(implicit.code == 1, "\(implicit.stderr)")
        #expect(explicit.code == implicit.code)
        let a = try #require(try json(implicit.stdout) as? [String: Any])
        let b = try #require(try json(explicit.stdout) as? [String: Any])
        #expect((a["models"] as? NSArray) == (b["models"] as? NSArray))
        #expect((a["summary"] as? NSDictionary) == (b["summary"] as? NSDictionary))
        #expect(((a["models"] as? [[String: Any]]) ?? []).compactMap { $0["name"] as? String } == ["a", "b"])
        #expect(try findings(implicit.stdout).contains { $0.rule == "user-cap-exceeded" })
        // The text format too, from the repository root.
        let text = try run(["check"], cwd: repo.dir)
        #expect(text.code == 1)
        #expect(text.stdout.contains("error[user-cap-exceeded]"))
    }

    @Test func baselineReportsOnlyNewFindings() throws {
        let repo = try makeRepo()
        let first = try run(["check", "--format", "json"], cwd: repo.dir)
        #expect(first.code == 1)
        let before = try findings(first.stdout)
        #expect(!before.isEmpty)

        let write = try run(["check", "--write-baseline", "licenselint-baseline.json"], cwd: repo.dir)
        #expect(write.code == 0, "\(write.stderr)")
        #expect(write.stderr.contains("wrote licenselint-baseline.json"))
        let baselineText = try String(contentsOfFile: repo.dir + "/licenselint-baseline.json", encoding: .utf8)
        #expect(!baselineText.contains("\"line\""))
        // Writing again gives the same bytes (sorted, no dates).
        #expect(try run(["check", "--write-baseline", "again.json"], cwd: repo.dir).code == 0)
        #expect(try String(contentsOfFile: repo.dir + "/again.json", encoding: .utf8) == baselineText)

        let clean = try run(["check", "--baseline", "../licenselint-baseline.json"], cwd: repo.dir + "/docs")
        #expect(clean.code == 0, "\(clean.stdout)")
        #expect(clean.stdout.contains("\(before.count) known findings not shown"), "\(clean.stdout)")
        let cleanJSON = try run(["check", "--baseline", "licenselint-baseline.json", "--format", "json"], cwd: repo.dir)
        #expect(cleanJSON.code == 0)
        #expect(try findings(cleanJSON.stdout).isEmpty)
        #expect(cleanJSON.stderr.contains("known findings not shown"))

        // A third model, non-commercial: only its findings are reported, and they fail the run.
        try repo.write("c/LICENSE", researchLicence)
        try repo.write(".licenselint.yaml", repoProfile(models: ["a", "b", "c"]))
        let third = try run(["check", "--baseline", "licenselint-baseline.json", "--format", "json"], cwd: repo.dir)
        #expect(third.code == 1)
        let new = try findings(third.stdout)
        #expect(!new.isEmpty)
        #expect(new.allSatisfy { $0.model == "c" }, "\(new)")
        #expect(new.contains { $0.rule == "non-commercial-use" })

        // Re-wrapping the licences moves every finding to another line; none resurfaces.
        try repo.write("a/LICENSE", rewrapped(capLicence))
        try repo.write("b/LICENSE", rewrapped(noticeLicence))
        let moved = try findings(try run(["check", "--format", "json"], cwd: repo.dir).stdout).filter { $0.model != "c" }
        #expect(moved.count == before.count, "re-wrapping changed what is found: \(moved) vs \(before)")
        #expect(moved.map(\.line).sorted() != before.map(\.line).sorted(), "the re-wrap did not move any finding")
        let rewrapped = try run(["check", "--baseline", "licenselint-baseline.json", "--format", "json"], cwd: repo.dir)
        #expect(rewrapped.code == 1)
        #expect(try findings(rewrapped.stdout).allSatisfy { $0.model == "c" })

        // Without c, the re-wrapped repository is clean against the baseline.
        try repo.write(".licenselint.yaml", repoProfile(models: ["a", "b"]))
        #expect(try run(["check", "--baseline", "licenselint-baseline.json"], cwd: repo.dir).code == 0)
    }

    @Test func missingOrMalformedBaselineIsAnInputError() throws {
        let repo = try makeRepo()
        let missing = try run(["check", "--baseline", "nope.json"], cwd: repo.dir)
        #expect(missing.code == 2)
        #expect(missing.firstErrorLine.contains("baseline.not-found"), "\(missing.stderr)")
        #expect(missing.stdout.isEmpty)
        try repo.write("bad.json", "{\"findings\": []")
        let bad = try run(["check", "--baseline", "bad.json"], cwd: repo.dir)
        #expect(bad.code == 2)
        #expect(bad.firstErrorLine.contains("baseline.invalid"))
        try repo.write("other.json", "{\"version\": 1, \"findings\": []}")
        #expect(try run(["check", "--baseline", "other.json"], cwd: repo.dir).code == 2)
        // A baseline is not written from a run that could not read its inputs.
        let broken = try run(["check", "--write-baseline", "b.json", "missing-folder"], cwd: repo.dir)
        #expect(broken.code == 2)
        #expect(!FileManager.default.fileExists(atPath: repo.dir + "/b.json"))
    }
}

@Suite struct InitTests {
    @Test func writesAProfileThatCheckAccepts() throws {
        let s = try Scratch()
        try s.write("models/a/LICENSE", capLicence)
        let r = try run(["init", "--users", "900M", "--commercial", "--hosting", "saas", "--distributes-weights",
                         "--outputs-train-other-models"], cwd: s.dir)
        #expect(r.code == 0, "\(r.stderr)")
        let text = try String(contentsOfFile: s.dir + "/.licenselint.yaml", encoding: .utf8)
        #expect(text.contains("monthly_active_users: 900M"))
        // Every section and field of the schema is in the file, explained.
        let schema = try #require(try json(try run(["schema"]).stdout) as? [String: Any])
        let sections = try #require(schema["properties"] as? [String: Any])
        for (section, body) in sections {
            #expect(text.contains("\(section):"), "section \(section) missing")
            for field in ((body as? [String: Any])?["properties"] as? [String: Any] ?? [:]).keys {
                #expect(text.contains("\(field):"), "field \(section).\(field) missing")
            }
        }
        let check = try run(["check", "--format", "json", "models"], cwd: s.dir)
        #expect(check.code == 0 || check.code == 1, "\(check.stderr)")
        #expect(!check.stderr.contains("problem"), "\(check.stderr)")
        let doc = try #require(try json(check.stdout) as? [String: Any])
        let summary = try #require((doc["profile"] as? [String: Any])?["summary"] as? [String: String])
        #expect(summary["monthly active users"] == "900,000,000")
        #expect(summary["distributes weights"] == "yes")
        #expect(summary["outputs train other models"] == "yes")
        #expect(summary["hosting"] == "saas")
        #expect(try findings(check.stdout).contains { $0.rule == "user-cap-exceeded" })
    }

    @Test func defaultsWithoutATerminalAndRefusesToOverwrite() throws {
        let s = try Scratch()
        let first = try run(["init"], cwd: s.dir)   // not a terminal: no questions, defaults
        #expect(first.code == 0, "\(first.stderr)")
        let original = try String(contentsOfFile: s.dir + "/.licenselint.yaml", encoding: .utf8)
        #expect(original.contains("# monthly_active_users:"))
        #expect(try run(["check"], cwd: s.dir).code != 2)
        let again = try run(["init", "--yes", "--users", "5M"], cwd: s.dir)
        #expect(again.code == 2)
        #expect(again.firstErrorLine.contains("already exists") && again.firstErrorLine.contains("--force"), "\(again.stderr)")
        #expect(try String(contentsOfFile: s.dir + "/.licenselint.yaml", encoding: .utf8) == original)
        let forced = try run(["init", "--yes", "--users", "5M", "--force"], cwd: s.dir)
        #expect(forced.code == 0)
        #expect(try String(contentsOfFile: s.dir + "/.licenselint.yaml", encoding: .utf8).contains("monthly_active_users: 5M"))
        let other = try run(["init", "--yes", "--output", "profiles/team.yaml", "--no-commercial", "--hosting", "internal,on-prem"], cwd: s.dir)
        #expect(other.code == 0)
        #expect(other.stdout.contains("--profile profiles/team.yaml"))
        let bad = try run(["init", "--users", "lots", "--output", "x.yaml"], cwd: s.dir)
        #expect(bad.code == 2)
        #expect(try run(["init", "--hosting", "cloud", "--output", "x.yaml"], cwd: s.dir).firstErrorLine.contains("unknown hosting mode"))
    }

    @Test func asksOnATerminal() throws {
        let s = try Scratch()
        let answers = Answers(["2M", "maybe", "n", "api, on-device", "", "y"])
        let console = Console(out: { _ in }, err: { _ in }, isTerminal: true, environment: [:], currentDirectory: s.dir)
        let code = InitCommand.run([], console: console, input: { answers.next() })
        #expect(code == 0)
        let text = try String(contentsOfFile: s.dir + "/.licenselint.yaml", encoding: .utf8)
        #expect(text.contains("monthly_active_users: 2M"))
        #expect(text.contains("commercial: false"))
        #expect(text.contains("hosting: [api, on-device]"))
        #expect(text.contains("weights: false"))
        #expect(text.contains("outputs_train_other_models: true"))
        #expect(try run(["check", "--format", "json"], cwd: s.dir).code != 2)
        // --yes never asks, even on a terminal.
        let none = Answers([])
        #expect(InitCommand.run(["--yes", "--force"], console: console, input: { none.next() }) == 0)
        #expect(none.asked == 0)
    }
}

/// Scripted answers for the questions.
private final class Answers: @unchecked Sendable {
    var lines: [String]
    var asked = 0
    init(_ lines: [String]) { self.lines = lines }
    func next() -> String? { asked += 1; return lines.isEmpty ? nil : lines.removeFirst() }
}

@Suite struct CompletionsAndHelpTests {
    @Test(arguments: ["bash", "zsh", "fish"])
    func completionScript(_ shell: String) throws {
        let r = try run(["completions", shell])
        #expect(r.code == 0)
        #expect(r.stdout.contains("check"))
        // fish spells long options `-l profile`.
        #expect(r.stdout.contains(shell == "fish" ? "-l profile" : "--profile"))
        #expect(r.stdout.contains("user-cap-exceeded"))   // rule ids for explain
        #expect(r.stdout.contains("gitlab"))              // formats
        #expect(r.stdout.contains("--write-baseline") || r.stdout.contains("-l write-baseline"))
        // Syntax check with the shell itself when it is installed.
        let shellPath = ["/bin/\(shell)", "/usr/bin/\(shell)"].first { FileManager.default.isExecutableFile(atPath: $0) }
        if let shellPath {
            let s = try Scratch()
            let script = try s.write("script", r.stdout)
            let p = Process()
            p.executableURL = URL(fileURLWithPath: shellPath)
            p.arguments = ["-n", script]
            try p.run(); p.waitUntilExit()
            #expect(p.terminationStatus == 0, "\(shell) -n rejects the script")
        }
    }

    @Test func bashCompletesOptionsFormatsAndRules() throws {
        guard FileManager.default.isExecutableFile(atPath: "/bin/bash") else { return }
        let s = try Scratch()
        let script = try s.write("c.bash", try run(["completions", "bash"]).stdout)
        func complete(_ words: [String]) throws -> String {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/bin/bash")
            let quoted = words.map { "'\($0)'" }.joined(separator: " ")
            p.arguments = ["-c", "source '\(script)'; COMP_WORDS=(\(quoted)); COMP_CWORD=\(words.count - 1); _licenselint; echo \"${COMPREPLY[*]}\""]
            let out = Pipe()
            p.standardOutput = out
            try p.run()
            let data = out.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        #expect(try complete(["licenselint", "ch"]) == "check")
        #expect(try complete(["licenselint", "check", "--pro"]) == "--profile")
        #expect(try complete(["licenselint", "check", "--format", "git"]) == "github gitlab")
        #expect(try complete(["licenselint", "parse", "--format", ""]) == "text json")
        #expect(try complete(["licenselint", "explain", "user-cap"]) == "user-cap-exceeded")
    }

    @Test func completionTableMatchesTheHelp() {
        #expect(CompletionsCommand.table.map(\.name).sorted() == Help.commands.sorted())
        for command in CompletionsCommand.table {
            let help = Help.command(command.name) ?? ""
            for option in command.options {
                #expect(help.contains(option.long), "\(command.name) --help does not mention \(option.long)")
                if let short = option.short { #expect(help.contains(short + ","), "\(command.name) --help does not mention \(short)") }
            }
        }
        for option in CheckCommand.options {
            #expect(CompletionsCommand.table.first { $0.name == "check" }?.options.contains { $0.long == option } == true, "\(option)")
        }
        for option in InitCommand.options {
            #expect(CompletionsCommand.table.first { $0.name == "init" }?.options.contains { $0.long == option } == true, "\(option)")
        }
    }

    @Test func unknownShellIsAUsageError() throws {
        let r = try run(["completions", "tcsh"])
        #expect(r.code == 2)
        #expect(r.firstErrorLine.contains("unknown shell"))
    }

    @Test(arguments: ["check", "init", "parse", "explain", "rules", "licenses", "schema", "completions", "debug", "help", "version"])
    func everyCommandHasHelpWithAnExample(_ command: String) throws {
        let viaHelp = try run(["help", command])
        let viaFlag = try run([command, "--help"])
        #expect(viaHelp.code == 0)
        #expect(viaFlag.code == 0)
        #expect(viaHelp.stdout == viaFlag.stdout)
        #expect(viaHelp.stdout.contains("Usage: licenselint \(command)"))
        #expect(viaHelp.stdout.contains("Example"))
        #expect(try run([command, "-h"]).stdout == viaHelp.stdout)
    }

    @Test func helpForAnUnknownCommandIsAnError() throws {
        let r = try run(["help", "chek"])
        #expect(r.code == 2)
        #expect(r.firstErrorLine.contains("did you mean 'check'?"))
    }
}

@Suite struct CIFilesTests {
    /// `licenselint …` command lines in a CI file: at a command position (line start, after `run:`, `entry:`,
    /// `- `, a shell separator, in a comment, or in backticks), up to the next shell separator.
    static func commands(in text: String) -> [[String]] {
        var logical: [String] = []
        var pending = ""
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(raw)
            if line.hasSuffix("\\") { pending += line.dropLast() + " "; continue }
            logical.append(pending + line)
            pending = ""
        }
        let starters: Set<String> = ["run:", "entry:", "-", "&&", "||", ";", "|", "$", "then", "do", "#", "script:"]
        let separators: Set<String> = ["|", "||", "&&", ";", ">", ">>", "2>", "2>&1", "#"]
        var out: [[String]] = []
        for line in logical {
            let tokens = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            for (i, raw) in tokens.enumerated() {
                let backticked = raw.hasPrefix("`")
                let word = raw.trimmingCharacters(in: CharacterSet(charactersIn: "`'\"()"))
                guard (word as NSString).lastPathComponent == "licenselint", !raw.hasSuffix(":") else { continue }
                guard i == 0 || backticked || starters.contains(tokens[i - 1]) || (tokens[..<i].allSatisfy { $0 == "#" || $0 == "-" }) else { continue }
                var command = ["licenselint"]
                for t in tokens[(i + 1)...] {
                    if separators.contains(t) || t.hasPrefix(">") { break }
                    // In prose, `licenselint init` ends at the closing backtick.
                    if backticked, let tick = t.firstIndex(of: "`") {
                        let inside = String(t[..<tick])
                        if !inside.isEmpty { command.append(inside) }
                        break
                    }
                    command.append(t.trimmingCharacters(in: CharacterSet(charactersIn: "'\"();,")))
                }
                out.append(command)
            }
        }
        return out
    }

    @Test func theCommandFinderFindsWhatItShould() {
        let sample = """
        licenselint:
          name: licenselint
          run: .build/release/licenselint check --format sarif --output x.sarif || true
          # then `licenselint init --force`), not licenselint prose
            - licenselint check \\
                --baseline b.json
        """
        let found = CIFilesTests.commands(in: sample)
        #expect(found == [["licenselint", "check", "--format", "sarif", "--output", "x.sarif"],
                          ["licenselint", "init", "--force"],
                          ["licenselint", "check", "--baseline", "b.json"]])
    }

    @Test(arguments: ["ci/github-workflow.yml", "ci/gitlab-ci.yml", ".pre-commit-hooks.yaml"])
    func commandLinesUseRealSubcommandsAndOptions(_ file: String) throws {
        let text = try String(contentsOfFile: packageRoot + "/" + file, encoding: .utf8)
        let commands = CIFilesTests.commands(in: text)
        #expect(!commands.isEmpty, "no licenselint command found in \(file)")
        var helpCache: [String: String] = [:]
        for command in commands {
            guard command.count >= 2 else { Issue.record("\(file): 'licenselint' without a subcommand"); continue }
            let sub = command[1]
            if helpCache[sub] == nil {
                let h = try run([sub, "--help"])
                #expect(h.code == 0, "\(file): '\(sub)' in '\(command.joined(separator: " "))' is not a licenselint command")
                #expect(try run(["help", sub]).code == 0)
                helpCache[sub] = h.stdout
            }
            let help = helpCache[sub] ?? ""
            var i = 2
            while i < command.count {
                let arg = command[i]
                if arg.hasPrefix("-") {
                    let option = arg.split(separator: "=", maxSplits: 1).first.map(String.init) ?? arg
                    #expect(mentions(help, option), "\(file): \(command.joined(separator: " ")): '\(option)' is not in 'licenselint \(sub) --help'")
                    if option == "--format", i + 1 < command.count {
                        #expect(mentions(help, command[i + 1]), "\(file): format '\(command[i + 1])' is not in the help")
                    }
                }
                i += 1
            }
        }
    }

    /// The help text has `word` as a whole word (so `--out` does not pass for `--output`).
    func mentions(_ help: String, _ word: String) -> Bool {
        var range = help.startIndex..<help.endIndex
        while let r = help.range(of: word, range: range) {
            let before = r.lowerBound == help.startIndex ? " " : help[help.index(before: r.lowerBound)]
            let after = r.upperBound == help.endIndex ? " " : help[r.upperBound]
            let wordChar: (Character) -> Bool = { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
            if !wordChar(before) && !wordChar(after) { return true }
            range = r.upperBound..<help.endIndex
        }
        return false
    }

    @Test func theFilesDoWhatTheySay() throws {
        let github = try String(contentsOfFile: packageRoot + "/ci/github-workflow.yml", encoding: .utf8)
        #expect(github.contains("github/codeql-action/upload-sarif"))
        #expect(github.contains("swift build -c release"))
        #expect(CIFilesTests.commands(in: github).contains { $0.starts(with: ["licenselint", "check", "--format", "sarif", "--output", "licenselint.sarif"]) })
        let gitlab = try String(contentsOfFile: packageRoot + "/ci/gitlab-ci.yml", encoding: .utf8)
        #expect(gitlab.contains("codequality: gl-code-quality-report.json"))
        #expect(CIFilesTests.commands(in: gitlab).contains { $0.contains("gitlab") && $0.contains("gl-code-quality-report.json") })
        let hooks = try String(contentsOfFile: packageRoot + "/.pre-commit-hooks.yaml", encoding: .utf8)
        for expected in ["id: licenselint", "language: swift", "entry: licenselint check", "pass_filenames: false", "files:"] {
            #expect(hooks.contains(expected), "\(expected)")
        }
    }
}

@Suite struct SBOMAndGitLabTests {
    @Test func theSBOMFixtureHasThreeOutcomes() throws {
        let bom = "Fixtures/sbom/three-models.cdx.json"
        let startup = try run(["check", "--profile", "Fixtures/profiles/startup.yaml", "--sbom", bom, "--format", "json"])
        #expect(startup.code == 1, "\(startup.stderr)")
        let doc = try #require(try json(startup.stdout) as? [String: Any])
        let models = try #require(doc["models"] as? [[String: Any]])
        #expect(models.compactMap { $0["name"] as? String } == ["tiny-classifier@1.0.0", "llama-chat@3.1-8b", "mystery-model@0.3"])
        #expect(models.allSatisfy { $0["path"] as? String == bom })
        func findings(_ m: [String: Any]) -> [[String: Any]] { m["findings"] as? [[String: Any]] ?? [] }
        // The permissive one is clean (duties only).
        #expect(findings(models[0]).allSatisfy { $0["category"] as? String == "duty" })
        // The Llama one has the catalogue's clauses.
        let llamaClauses = ((models[1]["licenses"] as? [[String: Any]]) ?? []).flatMap { ($0["clauses"] as? [[String: Any]]) ?? [] }
        #expect(llamaClauses.contains { $0["kind"] as? String == "user-cap" })
        // The unknown one is a license-unknown error.
        #expect(findings(models[2]).contains { $0["ruleId"] as? String == "license-unknown" && $0["severity"] as? String == "error" })

        let enterprise = try run(["check", "--profile", "Fixtures/profiles/enterprise.yaml", "--sbom", bom])
        #expect(enterprise.code == 1)
        #expect(enterprise.stdout.contains("error[user-cap-exceeded]: 900,000,000 monthly active users exceed the cap of 700,000,000"))
    }

    @Test func badSBOMIsAnInputError() throws {
        let s = try Scratch()
        let path = try s.write("bom.json", "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.4\", \"components\": []}")
        let r = try run(["check", "--profile", "Fixtures/profiles/startup.yaml", "--sbom", path])
        #expect(r.code == 2)
        #expect(r.firstErrorLine.contains("sbom.unsupported-version"))
        #expect(try run(["check", "--profile", "Fixtures/profiles/startup.yaml", "--sbom", s.dir + "/missing.json"]).code == 2)
    }

    @Test func gitlabCodeQualityReport() throws {
        let r = try run(["check", "--profile", "Fixtures/profiles/enterprise.yaml", "--format", "gitlab", "Fixtures/models"])
        #expect(r.code == 1)
        let issues = try #require(try json(r.stdout) as? [[String: Any]])
        #expect(!issues.isEmpty)
        var fingerprints: Set<String> = []
        for issue in issues {
            #expect(issue["description"] is String)
            #expect(issue["check_name"] is String)
            #expect(["info", "minor", "major", "critical", "blocker"].contains(issue["severity"] as? String ?? ""))
            let location = try #require(issue["location"] as? [String: Any])
            let path = try #require(location["path"] as? String)
            #expect(!path.hasPrefix("/"), "GitLab wants repository paths: \(path)")
            #expect(((location["lines"] as? [String: Any])?["begin"] as? Int ?? 0) >= 1)
            fingerprints.insert(try #require(issue["fingerprint"] as? String))
        }
        #expect(fingerprints.count == issues.count, "fingerprints must be unique")
        let cap = issues.first { $0["check_name"] as? String == "user-cap-exceeded" }
        #expect((cap?["location"] as? [String: Any])?["path"] as? String == "Fixtures/models/aurora-community-chat/LICENSE")
        #expect(cap?["severity"] as? String == "critical")
        #expect(try run(["check", "--profile", "Fixtures/profiles/enterprise.yaml", "--format", "gitlab", "Fixtures/models"]).stdout == r.stdout)
    }

    @Test func gitlabFingerprintsSurviveARewrap() throws {
        let repo = try makeRepo()
        func fingerprints() throws -> (Set<String>, [Int]) {
            let r = try run(["check", "--format", "gitlab"], cwd: repo.dir)
            let issues = try #require(try json(r.stdout) as? [[String: Any]])
            return (Set(issues.compactMap { $0["fingerprint"] as? String }),
                    issues.compactMap { ($0["location"] as? [String: Any]).flatMap { ($0["lines"] as? [String: Any])?["begin"] as? Int } }.sorted())
        }
        let (before, linesBefore) = try fingerprints()
        try repo.write("a/LICENSE", rewrapped(capLicence))
        let (after, linesAfter) = try fingerprints()
        #expect(!before.isEmpty)
        #expect(before == after)
        #expect(linesBefore != linesAfter)
    }
}

/// `parse --jobs N` through the real executable: the same bytes out, the same errors and exit code,
/// whatever N; bad values are usage errors.
@Suite struct ParseJobsTests {
    @Test func outputIsTheSameWhateverTheJobs() throws {
        var files: [String] = []
        let models = packageRoot + "/Fixtures/models"
        for m in try FileManager.default.contentsOfDirectory(atPath: models).sorted() {
            let p = models + "/" + m + "/LICENSE"
            if FileManager.default.fileExists(atPath: p) { files.append(p) }
        }
        #expect(files.count >= 4)
        let inputs = files + files + ["/nonexistent/LICENSE"] + files
        for format in ["json", "text"] {
            let one = try run(["parse", "--format", format, "--jobs", "1"] + inputs)
            #expect(one.code == 2)
            #expect(one.stderr.contains("/nonexistent/LICENSE"))
            #expect(one.stdout.count > 2_000)
            for jobs in ["2", "3", "16"] {
                let many = try run(["parse", "--format", format, "-j", jobs] + inputs)
                #expect(many.code == one.code && many.stdout == one.stdout && many.stderr == one.stderr, "--jobs \(jobs), \(format)")
            }
            let equals = try run(["parse", "--format", format, "--jobs=2"] + inputs)
            #expect(equals.stdout == one.stdout)
        }
    }

    @Test(arguments: ["0", "-1", "many", ""])
    func badJobValuesAreUsageErrors(_ value: String) throws {
        let r = try run(["parse", "--jobs", value, packageRoot + "/Fixtures/models/aurora-community-chat/LICENSE"])
        #expect(r.code == 2)
        #expect(r.stderr.contains("--jobs"))
        #expect(r.stdout.isEmpty)
    }
}

/// Output is the same run after run: each run is a new process (Swift seeds its hashing per process, so
/// anything that leaks a dictionary's order into output differs between processes, never within one).
@Test func everyFormatIsTheSameFromRunToRun() throws {
    for format in ["text", "json", "markdown", "sarif", "gitlab", "github"] {
        let args = ["check", "--profile", "Fixtures/profiles/enterprise.yaml", "--format", format, "Fixtures/models"]
        let first = try run(args, environment: ["SWIFT_DETERMINISTIC_HASHING": ""])
        let second = try run(args, environment: ["SWIFT_DETERMINISTIC_HASHING": ""])
        #expect(first.code == second.code && !first.stdout.isEmpty, "\(format)")
        #expect(first.stdout == second.stdout, "\(format) differs between two runs")
    }
    let parseArgs = ["parse", "--format", "json"] + (try FileManager.default.subpathsOfDirectory(atPath: packageRoot + "/Fixtures/models"))
        .filter { $0.hasSuffix("LICENSE") || $0.hasSuffix("README.md") }.sorted().map { "Fixtures/models/" + $0 }
    #expect(try run(parseArgs).stdout == (try run(parseArgs).stdout))
}

/// `licenses ID` shows one entry in full (licensor, version, URL, openness note, clauses, policies); an id
/// the catalogue lacks is an input error.
@Test func licensesShowsOneEntryInFull() throws {
    let r = try run(["licenses", "llama3.1"])
    #expect(r.code == 0)
    for expected in ["(llama3.1)", "licensor:   Meta Platforms, Inc.", "version:    3.1", "url:        https://", "policies:   llama3.1-aup",
                     "user-cap  ", "threshold=700000000", "openness:   restricted — "] {
        #expect(r.stdout.contains(expected), "missing \(expected)")
    }
    let unknown = try run(["licenses", "no-such-licence"])
    #expect(unknown.code == 2 && unknown.stderr.contains("'no-such-licence' is not in the licence catalogue"))
}
