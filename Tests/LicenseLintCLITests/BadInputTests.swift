import Testing
import Foundation

/// Runs the real `licenselint` executable, as CI and users do.
struct Run {
    var code: Int32
    var stdout: String
    var stderr: String
    var firstErrorLine: String { stderr.split(separator: "\n").first.map(String.init) ?? "" }
}

let packageRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
        url.deleteLastPathComponent()
        if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
    }
    return FileManager.default.currentDirectoryPath
}()

/// The executable built next to the test bundle (debug or release, whichever is running).
let executable: String = {
    let candidates = [
        URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent().appendingPathComponent("licenselint").path,
        Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("licenselint").path,
        packageRoot + "/.build/debug/licenselint",
    ]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[2]
}()

/// The executable, set up to run with `args` in `cwd` without colour.
func licenselint(_ args: [String], environment: [String: String] = [:], cwd: String = packageRoot) -> Process {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: executable)
    p.arguments = args
    p.currentDirectoryURL = URL(fileURLWithPath: cwd)
    var env = ProcessInfo.processInfo.environment
    env["NO_COLOR"] = "1"
    for (k, v) in environment { env[k] = v }
    p.environment = env
    return p
}

func run(_ args: [String], environment: [String: String] = [:], cwd: String = packageRoot) throws -> Run {
    let p = licenselint(args, environment: environment, cwd: cwd)
    let out = Pipe(), err = Pipe()
    p.standardOutput = out
    p.standardError = err
    try p.run()
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return Run(code: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
}

/// A scratch folder with the files a case needs.
final class Scratch {
    let dir: String
    init() throws {
        dir = NSTemporaryDirectory() + "licenselint-cli-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(atPath: dir) }
    @discardableResult func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let path = dir + "/" + name
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }
    @discardableResult func write(_ name: String, _ text: String) throws -> String { try write(name, Array(text.utf8)) }
}

struct BadInput: CustomTestStringConvertible, Sendable {
    var name: String
    /// Builds the files and returns the arguments.
    var setup: @Sendable (Scratch) throws -> [String]
    var exit: Int32
    /// Must appear in stderr's first line (or in stdout for findings).
    var expect: String
    var inStdout = false
    var testDescription: String { name }
}

let okProfile = "deployment:\n  commercial: true\n  production: true\ndistribution:\n  weights: false\n  derivatives: false\n"

let badInputs: [BadInput] = [
    BadInput(name: "missing file", setup: { _ in ["parse", "/nonexistent/LICENSE"] }, exit: 2, expect: "input.not-found"),
    BadInput(name: "directory without licence", setup: { s in
        try s.write("model/weights.bin", [1, 2, 3]); try s.write("p.yaml", okProfile)
        return ["check", "--profile", s.dir + "/p.yaml", s.dir + "/model"] }, exit: 1, expect: "no-license-found", inStdout: true),
    BadInput(name: "empty file", setup: { s in [ "parse", try s.write("LICENSE", "") ] }, exit: 2, expect: "input.empty"),
    BadInput(name: "binary file", setup: { s in ["parse", try s.write("LICENSE", [0x7F, 0x45, 0x4C, 0x46, 0, 0, 0, 1])] }, exit: 2, expect: "input.binary"),
    BadInput(name: "invalid UTF-8", setup: { s in ["parse", try s.write("LICENSE", Array("Licence ".utf8) + [0xC3, 0x28])] }, exit: 2, expect: "input.invalid-utf8"),
    BadInput(name: "UTF-16 without BOM", setup: { s in
        var b: [UInt8] = []; for u in "You may not use this model commercially.".utf16 { b += [UInt8(u & 0xFF), UInt8(u >> 8)] }
        return ["parse", try s.write("LICENSE", b)] }, exit: 2, expect: "input.utf16-without-bom"),
    BadInput(name: "50 MB text", setup: { s in
        let path = try s.write("LICENSE", "x")
        let h = try FileHandle(forWritingTo: URL(fileURLWithPath: path)); try h.truncate(atOffset: 50 << 20); try h.close()
        return ["parse", path] }, exit: 2, expect: "input.too-large"),
    BadInput(name: "CRLF licence parses", setup: { s in
        ["parse", try s.write("LICENSE", "Grant.\r\nYou may use the Model solely for non-commercial purposes.\r\n")] }, exit: 0, expect: "non-commercial", inStdout: true),
    BadInput(name: "licence with only an unknown URL", setup: { s in
        try s.write("m/LICENSE", "See https://example.invalid/terms\n"); try s.write("p.yaml", okProfile)
        return ["check", "--profile", s.dir + "/p.yaml", s.dir + "/m"] }, exit: 1, expect: "license-unknown", inStdout: true),
    BadInput(name: "profile with a typo", setup: { s in
        ["check", "--profile", try s.write("p.yaml", "deploymnet:\n  commercial: true\n"), packageRoot + "/Fixtures/models"] }, exit: 2, expect: "did you mean 'deployment'?"),
    BadInput(name: "profile with a wrong type", setup: { s in
        ["check", "--profile", try s.write("p.yaml", "organisation:\n  monthly_active_users: many\n"), packageRoot + "/Fixtures/models"] }, exit: 2, expect: "p.yaml:2:25:"),
    BadInput(name: "tab-indented model card names the tab's column", setup: { s in
        try s.write("m/README.md", "---\nlicense: apache-2.0\ntags:\n\t- x\n---\n# Card\n"); try s.write("p.yaml", okProfile)
        return ["check", "--profile", s.dir + "/p.yaml", s.dir + "/m"] }, exit: 1, expect: "README.md:4:1: error[license-unreadable]", inStdout: true),
    BadInput(name: "tab-indented profile names the tab's column", setup: { s in
        ["check", "--profile", try s.write("p.yaml", okProfile + "  \tfail_on: error\n"), packageRoot + "/Fixtures/models"] }, exit: 2, expect: "p.yaml:7:3:"),
    BadInput(name: "alias bomb", setup: { s in
        var y = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1...9 { y += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n" }
        return ["debug", "yaml-to-json", try s.write("bomb.yaml", y)] }, exit: 2, expect: "alias"),
    BadInput(name: "100,000-deep YAML", setup: { s in
        ["debug", "yaml-to-json", try s.write("deep.yaml", String(repeating: "[", count: 100_000))] }, exit: 2, expect: "depth"),
    BadInput(name: "100,000-deep YAML as a profile", setup: { s in
        ["check", "--profile", try s.write("deep.yaml", String(repeating: "- ", count: 100_000) + "x\n"), packageRoot + "/Fixtures/models"] }, exit: 2, expect: "deep.yaml:"),
    BadInput(name: "expired exception", setup: { s in
        let p = okProfile + "policy:\n  exceptions:\n    - rule: non-commercial-use\n      model: x\n      reason: old\n      expires: 2020-01-01\n"
        return ["check", "--profile", try s.write("p.yaml", p), packageRoot + "/Fixtures/models/open-source-olmo-like"] }, exit: 1, expect: "exception-expired", inStdout: true),
    BadInput(name: "unknown --format", setup: { _ in ["parse", "--format", "xml", "LICENSE"] }, exit: 2, expect: "unknown format 'xml'"),
    BadInput(name: "unknown rule for explain", setup: { _ in ["explain", "user-cap-exceded"] }, exit: 2, expect: "did you mean 'user-cap-exceeded'?"),
    BadInput(name: "unknown command", setup: { _ in ["chek"] }, exit: 2, expect: "did you mean 'check'?"),
    BadInput(name: "empty profile", setup: { s in
        ["check", "--profile", try s.write("p.yaml", ""), packageRoot + "/Fixtures/models/open-source-olmo-like"] }, exit: 2, expect: "profile.empty"),
    BadInput(name: "comment-only profile", setup: { s in
        ["check", "--profile", try s.write("p.yaml", "# nothing yet\n"), packageRoot + "/Fixtures/models/open-source-olmo-like"] }, exit: 2, expect: "states nothing"),
    BadInput(name: "empty profile allowed", setup: { s in
        ["check", "--allow-empty-profile", "--profile", try s.write("p.yaml", "# nothing yet\n"), packageRoot + "/Fixtures/models/noncommercial-research-vision"] }, exit: 0, expect: "cannot decide", inStdout: true),
    BadInput(name: "option given twice", setup: { s in
        ["check", "--profile", try s.write("p.yaml", okProfile), "--format", "json", "--format", "sarif", packageRoot + "/Fixtures/models"] }, exit: 2, expect: "--format is given twice"),
    BadInput(name: "baseline of an unreadable licence", setup: { s in
        try s.write("m/LICENSE", [0x7F, 0x45, 0x4C, 0x46, 0, 0, 0, 1])
        return ["check", "--profile", try s.write("p.yaml", okProfile), "--write-baseline", s.dir + "/b.json", s.dir + "/m"] }, exit: 2, expect: "baseline.incomplete"),
    BadInput(name: "missing --models-root", setup: { s in
        ["check", "--profile", try s.write("p.yaml", okProfile), "--models-root", s.dir + "/nowhere", packageRoot + "/Fixtures/models"] }, exit: 2, expect: "--models-root"),
]

@Suite struct BadInputTests {
    @Test(arguments: badInputs)
    func badInput(_ c: BadInput) throws {
        let scratch = try Scratch()
        let args = try c.setup(scratch)
        let start = Date()
        let r = try run(args)
        #expect(r.code == c.exit, "exit \(r.code); stderr: \(r.stderr.prefix(300))")
        if c.inStdout { #expect(r.stdout.contains(c.expect), "stdout lacks '\(c.expect)': \(r.stdout.prefix(400))") }
        else { #expect(r.firstErrorLine.contains(c.expect), "first stderr line: \(r.firstErrorLine)") }
        #expect(Date().timeIntervalSince(start) < 5, "took too long")
        #expect(!r.stderr.contains("Fatal error") && !r.stderr.contains("Crash"))
    }

    @Test func enterpriseCheckFindsConflictsAndStartupDiffers() throws {
        let e = try run(["check", "--profile", "Fixtures/profiles/enterprise.yaml", "Fixtures/models"])
        #expect(e.code == 1)
        #expect(e.stdout.contains("error[user-cap-exceeded]"))
        #expect(e.stdout.contains("error[non-commercial-use]"))
        let s = try run(["check", "--profile", "Fixtures/profiles/startup.yaml", "Fixtures/models"])
        #expect(s.stdout != e.stdout)
        #expect(!s.stdout.contains("error[user-cap-exceeded]"))
    }

    @Test func startupCheckOfAnApacheModelPasses() throws {
        let r = try run(["check", "--profile", "Fixtures/profiles/startup.yaml", "Fixtures/models/open-source-olmo-like"])
        #expect(r.code == 0, "\(r.stdout)")
    }

    @Test func outputIsByteIdenticalAcrossRuns() throws {
        for format in ["text", "json", "sarif", "markdown", "github"] {
            let a = try run(["check", "--profile", "Fixtures/profiles/enterprise.yaml", "--format", format, "Fixtures/models"])
            let b = try run(["check", "--profile", "Fixtures/profiles/enterprise.yaml", "--format", format, "Fixtures/models"])
            #expect(a.stdout == b.stdout, "\(format) differs between runs")
        }
    }

    @Test func sarifHasTheRequiredStructure() throws {
        let r = try run(["check", "--profile", "Fixtures/profiles/enterprise.yaml", "--format", "sarif", "Fixtures/models"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(json["version"] as? String == "2.1.0")
        let runs = try #require(json["runs"] as? [[String: Any]])
        let driver = try #require((runs.first?["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let ruleIDs = Set(((driver["rules"] as? [[String: Any]]) ?? []).compactMap { $0["id"] as? String })
        let results = try #require(runs.first?["results"] as? [[String: Any]])
        #expect(!results.isEmpty)
        for res in results {
            let id = try #require(res["ruleId"] as? String)
            #expect(ruleIDs.contains(id))
            #expect((res["message"] as? [String: Any])?["text"] is String)
        }
        // The cap finding points at the licence line.
        let cap = results.first { $0["ruleId"] as? String == "user-cap-exceeded" }
        let loc = ((cap?["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        #expect((loc?["artifactLocation"] as? [String: Any])?["uri"] as? String == "Fixtures/models/aurora-community-chat/LICENSE")
        #expect((loc?["region"] as? [String: Any])?["startLine"] as? Int == 31)
    }

    @Test func parseJSONFollowsTheContract() throws {
        let r = try run(["parse", "--format", "json", "Fixtures/models/aurora-community-chat/LICENSE"])
        #expect(r.code == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(json["schemaVersion"] as? Int == 1)
        let doc = try #require((json["documents"] as? [[String: Any]])?.first)
        let clauses = try #require(doc["clauses"] as? [[String: Any]])
        let cap = try #require(clauses.first { $0["kind"] as? String == "user-cap" })
        #expect((cap["parameters"] as? [String: Any])?["threshold"] as? Int == 700_000_000)
        #expect((cap["evidence"] as? [String: Any])?["line"] as? Int == 31)
    }

    @Test func noColorWithoutATerminal() throws {
        let r = try run(["check", "--profile", "Fixtures/profiles/enterprise.yaml", "Fixtures/models"], environment: ["NO_COLOR": ""])
        #expect(!r.stdout.contains("\u{1B}["))
        let forced = try run(["check", "--color", "--profile", "Fixtures/profiles/enterprise.yaml", "Fixtures/models"])
        #expect(forced.stdout.contains("\u{1B}["))
    }

    @Test func helpAndVersion() throws {
        #expect(try run(["--help"]).stdout.contains("Usage: licenselint"))
        #expect(try run(["check", "--help"]).stdout.contains("Example"))
        #expect(try run(["--version"]).code == 0)
        #expect(try run(["explain", "user-cap-exceeded"]).stdout.contains("Why it matters"))
    }
}

/// `licenselint diff` exits as diff(1) does: 0 same terms, 1 different, 2 input error.
@Suite struct DiffCommandTests {
    @Test func exitCodesAreThoseOfDiff() throws {
        let s = try Scratch()
        let a = try s.write("a/LICENSE", "If your products have more than 700 million monthly active users, you must request a license from us.\n")
        let b = try s.write("b/LICENSE", "If your products have more than 700 million\nmonthly active users, you must request a license from us.\n")
        let c = try s.write("c/LICENSE", "If your products have more than 900 million monthly active users, you must request a license from us.\n")
        var r = try run(["diff", a, b])
        #expect(r.code == 0 && r.stdout.contains("the terms are the same"), "\(r.stdout)\(r.stderr)")
        r = try run(["diff", s.dir + "/a", s.dir + "/c"])
        #expect(r.code == 1 && r.stdout.contains("user-cap: threshold 700000000 → 900000000"), "\(r.stdout)")
        r = try run(["diff", "--format", "json", a, c])
        #expect(r.code == 1 && r.stdout.contains("\"changed\""))
        r = try run(["diff", a, s.dir + "/missing"])
        #expect(r.code == 2 && r.stderr.contains("input.not-found"))
    }
}

/// A lock of reviewed terms: a re-wrapped text is a note, a changed cap an error with the difference, a
/// new model a warning; `--update` accepts one model; a broken or missing named lock is an input error.
@Suite struct LockCommandTests {
    @Test func lockThenCheckSaysWhichTermsChanged() throws {
        let s = try Scratch()
        try s.write(".licenselint.yaml", "organisation:\n  monthly_active_users: 1000\nmodels: [models]\n")
        try s.write("models/a/LICENSE", "If your products have more than 700 million monthly active users, you must request a license from us.\n")
        var r = try run(["lock"], cwd: s.dir)
        #expect(r.code == 0, "\(r.stderr)")
        #expect(try String(contentsOfFile: s.dir + "/.licenselint.lock", encoding: .utf8).contains("\"threshold\": 700000000"))
        r = try run(["check"], cwd: s.dir)
        #expect(r.code == 0 && !r.stdout.contains("terms-"), "\(r.stdout)")
        try s.write("models/a/LICENSE", "If your products have more than 700 million monthly\nactive users, you must request a license from us.\n")
        r = try run(["check"], cwd: s.dir)
        #expect(r.code == 0 && r.stdout.contains("note[terms-changed]"), "\(r.stdout)")
        try s.write("models/a/LICENSE", "If your products have more than 900 million monthly active users, you must request a license from us.\n")
        try s.write("models/b/LICENSE", "You may use the Model solely for non-commercial purposes.\n")
        r = try run(["check"], cwd: s.dir)
        #expect(r.code == 1 && r.stdout.contains("error[terms-changed]") && r.stdout.contains("threshold 700000000 → 900000000"), "\(r.stdout)")
        #expect(r.stdout.contains("warning[terms-unreviewed]"))
        r = try run(["lock", "--update", "models/a"], cwd: s.dir)
        #expect(r.code == 0, "\(r.stderr)")
        r = try run(["check"], cwd: s.dir)
        #expect(!r.stdout.contains("terms-changed") && r.stdout.contains("terms-unreviewed"), "\(r.stdout)")
        try s.write(".licenselint.lock", "{\"lockVersion\": 1}")
        r = try run(["check"], cwd: s.dir)
        #expect(r.code == 2 && r.stderr.contains("lock.invalid"))
        r = try run(["check", "--lock", s.dir + "/nowhere.lock"], cwd: s.dir)
        #expect(r.code == 2)
    }

    /// A use policy beside an unchanged licence is part of the terms: changing it is a change of terms,
    /// reported at the policy file with the clause that changed.
    @Test func aChangedUsePolicyUnderAnUnchangedLicenceIsAChangeOfTerms() throws {
        let s = try Scratch()
        try s.write(".licenselint.yaml", "organisation:\n  monthly_active_users: 1000\ndeployment:\n  use_cases: [chat-assistant]\nmodels: [models]\n")
        try s.write("models/a/LICENSE", "AURORA LICENCE\n\nYou may use and modify the Model.\n\nYour use of the Model must comply with the Acceptable Use Policy, which is hereby incorporated by reference.\n")
        try s.write("models/a/USE_POLICY.md", "AURORA ACCEPTABLE USE POLICY\n\nYou agree not to use the Model:\n\n(a) to harass or bully anyone;\n\n(b) for the surveillance of individuals.\n")
        var r = try run(["lock"], cwd: s.dir)
        #expect(r.code == 0, "\(r.stderr)")
        r = try run(["check"], cwd: s.dir)
        #expect(!r.stdout.contains("terms-changed"), "\(r.stdout)")
        try s.write("models/a/USE_POLICY.md", "AURORA ACCEPTABLE USE POLICY\n\nYou agree not to use the Model:\n\n(a) to harass or bully anyone;\n\n(b) for the surveillance of individuals;\n\n(c) to create malware or to conduct cyberattacks.\n")
        r = try run(["check"], cwd: s.dir)
        #expect(r.code == 1, "\(r.stdout)")
        #expect(r.stdout.contains("USE_POLICY.md:1:1: error[terms-changed]"), "\(r.stdout)")
        #expect(r.stdout.contains("changed acceptable-use: categories [harassment, surveillance] → [harassment, surveillance, malware-cyberattack]"), "\(r.stdout)")
        #expect(r.stdout.contains("changed file: models/a/USE_POLICY.md"), "\(r.stdout)")
        // The same difference, asked of diff against the lock, in text and Markdown.
        r = try run(["diff", "--lock", ".licenselint.lock", "models/a"], cwd: s.dir)
        #expect(r.code == 1, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("changed  acceptable-use: categories [harassment, surveillance] → [harassment, surveillance, malware-cyberattack]  (in the lock, new models/a/USE_POLICY.md:3)"), "\(r.stdout)")
        r = try run(["diff", "--lock", ".licenselint.lock", "--format", "markdown", "models/a"], cwd: s.dir)
        #expect(r.code == 1 && r.stdout.hasPrefix("# Licence terms: what changed") && r.stdout.contains("## Changed"), "\(r.stdout)")
        r = try run(["diff", "--lock", ".licenselint.lock", "models/none"], cwd: s.dir)
        #expect(r.code == 2 && r.stderr.contains("lock.no-entry"), "\(r.stderr)")
        r = try run(["lock", "--update", "models/a"], cwd: s.dir)
        r = try run(["diff", "--lock", ".licenselint.lock", "models/a"], cwd: s.dir)
        #expect(r.code == 0 && r.stdout.contains("the terms are the same"), "\(r.stdout)")
    }
}

/// `licenselint models` lists what code and configuration name; `licenselint bom` writes an ML-BOM that
/// `check --sbom` reads to the same exit code; an input it cannot read writes nothing.
@Suite struct ModelsAndBOMCommandTests {
    @Test func modelsAndBOMThroughTheExecutable() throws {
        let s = try Scratch()
        try s.write("app/src/run.py", "m = AutoModelForCausalLM.from_pretrained(\"meta-llama/Llama-3.1-8B-Instruct\")\nx = pipeline(model=name)\n")
        try s.write("app/deploy/Modelfile", "FROM gemma2:9b\n")
        var r = try run(["models", s.dir + "/app"])
        #expect(r.code == 0, "\(r.stderr)")
        #expect(r.stdout.contains("src/run.py:1:") && r.stdout.contains("meta-llama/Llama-3.1-8B-Instruct (from_pretrained) → llama3.1"), "\(r.stdout)")
        #expect(r.stdout.contains("src/run.py:2:") && r.stdout.contains("unresolved"), "\(r.stdout)")
        #expect(r.stdout.contains("ollama:gemma2:9b (Modelfile FROM) → gemma"), "\(r.stdout)")
        let profile = packageRoot + "/Fixtures/profiles/enterprise.yaml"
        r = try run(["check", "--profile", profile, s.dir + "/app"])
        #expect(r.code == 1 && r.stdout.contains("error[user-cap-exceeded]") && r.stdout.contains("referenced at src/run.py:1 (from_pretrained)"), "\(r.stdout)")
        // --strict: a model loaded from a name that cannot be resolved makes the scan incomplete.
        r = try run(["check", "--strict", "--profile", profile, s.dir + "/app"])
        #expect(r.code == 2 && r.stderr.contains("strict.incomplete") && r.stderr.contains("model-reference-unresolved"), "\(r.stderr)")
        let bom = s.dir + "/app.cdx.json"
        r = try run(["bom", "--profile", profile, "--output", bom, s.dir + "/app"])
        #expect(r.code == 0 && FileManager.default.fileExists(atPath: bom), "\(r.stderr)")
        r = try run(["check", "--profile", profile, "--sbom", bom])
        #expect(r.code == 1 && r.stdout.contains("error[user-cap-exceeded]"), "\(r.stdout)")
        r = try run(["bom", "--profile", profile, "--output", s.dir + "/none.json", s.dir + "/nowhere"])
        #expect(r.code == 2 && !FileManager.default.fileExists(atPath: s.dir + "/none.json") && r.stderr.contains("bom.incomplete"), "\(r.stderr)")
    }
}

/// A repository under review cannot replace the licence facts licenselint decides with: a `Licenses/`
/// folder in the current folder (or above it) is never taken for the catalogue.
@Test func hostileLicensesFolderInTheCurrentFolderIsNotTheCatalogue() throws {
    let s = try Scratch()
    let hostile = """
    {"id": "apache-2.0", "name": "HOSTILE catalogue entry", "type": "open-source",
     "ids": {"spdx": "Apache-2.0", "aliases": ["llama3.1"]}, "clauses": []}
    """
    try s.write("Licenses/apache-2.0.json", hostile)
    try s.write("repo/models/m/README.md", "---\nlicense: llama3.1\n---\n# A model\n")
    for cwd in [s.dir, s.dir + "/repo", s.dir + "/repo/models"] {
        let r = try run(["licenses"], environment: ["LICENSELINT_CATALOGUE": ""], cwd: cwd)
        #expect(r.code == 0)
        #expect(!r.stdout.contains("HOSTILE"), "the catalogue was taken from \(cwd)")
        #expect(r.stdout.contains("llama3.1"))
    }
    // The declared Llama licence is judged with the real catalogue's terms: the 700M cap decides.
    let check = try run(["check", "--profile", packageRoot + "/Fixtures/profiles/enterprise.yaml", "models/m"],
                        environment: ["LICENSELINT_CATALOGUE": ""], cwd: s.dir + "/repo")
    #expect(!check.stdout.contains("HOSTILE"))
    #expect(check.stdout.contains("Llama 3.1"))
}

/// The binary carries its catalogue: copied alone into an empty folder and run there with an empty
/// environment (no LICENSELINT_CATALOGUE, no PATH, no Licenses/ anywhere near), it still knows Llama 3.1.
@Test func theBinaryRunsAloneFromAnEmptyFolder() throws {
    let s = try Scratch()
    try FileManager.default.createDirectory(atPath: s.dir + "/bin", withIntermediateDirectories: true)
    try FileManager.default.createDirectory(atPath: s.dir + "/empty", withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: executable, toPath: s.dir + "/bin/licenselint")
    try s.write("models/m/README.md", "---\nlicense: llama3.1\n---\n# m\n")
    try s.write("plan.yaml", "organisation:\n  monthly_active_users: 900M\n")
    func bare(_ args: [String]) throws -> Run {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: s.dir + "/bin/licenselint")
        p.arguments = args
        p.currentDirectoryURL = URL(fileURLWithPath: s.dir + "/empty")
        p.environment = [:]
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Run(code: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }
    let version = try bare(["--version"])
    #expect(version.code == 0 && version.stdout.contains("catalogue: ") && version.stdout.contains("licences, sha256 ") && version.stdout.contains("(compiled in)"), "\(version.stdout)\(version.stderr)")
    let check = try bare(["check", "--profile", s.dir + "/plan.yaml", s.dir + "/models/m"])
    #expect(check.code == 1, "\(check.stderr)")
    #expect(check.stdout.contains("user-cap-exceeded") && check.stdout.contains("Llama 3.1"))
}
