import Testing
import Foundation

/// Runs the executable with a deadline: a run that would block forever is killed and reported.
func runWithin(_ seconds: Double, _ args: [String], cwd: String = packageRoot) throws -> (run: Run, timedOut: Bool) {
    let s = try Scratch()
    let outPath = s.dir + "/stdout", errPath = s.dir + "/stderr"
    _ = FileManager.default.createFile(atPath: outPath, contents: nil)
    _ = FileManager.default.createFile(atPath: errPath, contents: nil)
    let p = licenselint(args, cwd: cwd)
    p.standardOutput = FileHandle(forWritingAtPath: outPath)
    p.standardError = FileHandle(forWritingAtPath: errPath)
    p.standardInput = FileHandle.nullDevice
    try p.run()
    let deadline = Date().addingTimeInterval(seconds)
    while p.isRunning && Date() < deadline { usleep(20_000) }
    let timedOut = p.isRunning
    if timedOut { p.terminate(); usleep(100_000); if p.isRunning { kill(p.processIdentifier, SIGKILL) } }
    p.waitUntilExit()
    let out = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
    let err = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
    return (Run(code: p.terminationStatus, stdout: out, stderr: err), timedOut)
}

/// A FIFO anywhere the tool reads — a licence, a model card, a NOTICE, the profile, an SBOM, a baseline,
/// `parse`, `debug yaml-to-json` — is reported, never waited on. Each FIFO is made in a temporary folder.
@Suite struct FIFOInputTests {
    func fifo(_ s: Scratch, _ name: String) throws -> String {
        let path = s.dir + "/" + name
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        #expect(mkfifo(path, 0o644) == 0)
        return path
    }

    @Test(arguments: ["LICENSE", "README.md", "NOTICE"])
    func aFIFOInAModelFolder(_ name: String) throws {
        let s = try Scratch()
        let p = try s.write("p.yaml", okProfile)
        if name != "LICENSE" { try s.write("m/LICENSE", "You may use the Model solely for non-commercial purposes.\n") }
        _ = try fifo(s, "m/" + name)
        let (r, timedOut) = try runWithin(20, ["check", "--profile", p, s.dir + "/m"])
        #expect(!timedOut, "blocked on a FIFO named \(name)")
        #expect(r.code != 0 || name == "NOTICE", "\(r.stdout)\(r.stderr)")
        if name != "NOTICE" { #expect((r.stdout + r.stderr).contains("FIFO"), "\(r.stdout)\(r.stderr)") }
    }

    /// Files only sniffed (a nested folder's README, a hub cache's refs/main) never wait either.
    @Test func aFIFOWhereAFileIsOnlySniffed() throws {
        let s = try Scratch()
        let p = try s.write("p.yaml", okProfile)
        try s.write("repo/LICENSE", "You may use the Model solely for non-commercial purposes.\n")
        _ = try fifo(s, "repo/sub/README.md")
        try s.write("hub/models--ex--m/snapshots/r1/LICENSE", "You may use the Model solely for non-commercial purposes.\n")
        _ = try fifo(s, "hub/models--ex--m/refs/main")
        for target in ["repo", "hub"] {
            let (r, timedOut) = try runWithin(20, ["check", "--profile", p, s.dir + "/" + target])
            #expect(!timedOut, "blocked in \(target)")
            #expect(r.code == 1, "\(target): \(r.stdout)\(r.stderr)")
        }
    }

    @Test func aFIFOGivenAsAnyInputFile() throws {
        let s = try Scratch()
        let p = try s.write("p.yaml", okProfile)
        let model = packageRoot + "/Fixtures/models/open-source-olmo-like"
        let cases: [[String]] = [
            ["check", "--profile", try fifo(s, "profile.yaml"), model],
            ["check", "--profile", p, "--sbom", try fifo(s, "bom.json")],
            ["check", "--profile", p, "--baseline", try fifo(s, "baseline.json"), model],
            ["parse", try fifo(s, "LICENSE")],
            ["debug", "yaml-to-json", try fifo(s, "doc.yaml")],
        ]
        for args in cases {
            let (r, timedOut) = try runWithin(20, args)
            #expect(!timedOut, "blocked: \(args)")
            #expect(r.code == 2 && r.stderr.contains("FIFO"), "\(args): \(r.stderr)")
        }
    }
}
