import Testing
import Foundation

/// `--output` never replaces or damages what is at the path: devices, FIFOs, symlinks and hard links are
/// written through, modes are kept, read-only files and the run's inputs are refused, `-` is standard
/// output. Every device, FIFO and link is made by the test in its own temporary folder.
@Suite struct OutputSafetyTests {
    let model = packageRoot + "/Fixtures/models/open-source-olmo-like"

    func profile(_ s: Scratch) throws -> String { try s.write("p.yaml", okProfile) }

    func mode(_ path: String) -> mode_t { var st = stat(); lstat(path, &st); return st.st_mode }

    @Test func aNewFileIsWrittenAndAnExistingOneKeepsItsMode() throws {
        let s = try Scratch()
        let out = s.dir + "/report.json"
        var r = try run(["check", "--profile", try profile(s), "--format", "json", "--output", out, model])
        #expect(r.code == 0, "\(r.stderr)")
        #expect(try String(contentsOfFile: out, encoding: .utf8).contains("\"findings\""))
        chmod(out, 0o600)
        r = try run(["check", "--profile", try profile(s), "--format", "json", "--output", out, model])
        #expect(r.code == 0)
        #expect(mode(out) & 0o777 == 0o600)
    }

    @Test func aReadOnlyFileIsRefused() throws {
        let s = try Scratch()
        let out = try s.write("report.txt", "keep me\n")
        chmod(out, 0o444)
        let r = try run(["check", "--profile", try profile(s), "--output", out, model])
        #expect(r.code == 2 && r.stderr.contains("output.read-only"))
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "keep me\n")
    }

    @Test func aSymlinkIsWrittenThroughAndStaysALink() throws {
        let s = try Scratch()
        let target = try s.write("target.txt", "old\n")
        let link = s.dir + "/link.txt"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        let r = try run(["check", "--profile", try profile(s), "--output", link, model])
        #expect(r.code == 0, "\(r.stderr)")
        #expect(mode(link) & S_IFMT == S_IFLNK)
        #expect(try String(contentsOfFile: target, encoding: .utf8).contains("open-source-olmo-like"))
    }

    @Test func aHardLinkKeepsItsOtherName() throws {
        let s = try Scratch()
        let a = try s.write("a.txt", "old\n")
        let b = s.dir + "/b.txt"
        #expect(link(a, b) == 0)
        let r = try run(["check", "--profile", try profile(s), "--output", a, model])
        #expect(r.code == 0, "\(r.stderr)")
        #expect(try String(contentsOfFile: b, encoding: .utf8).contains("open-source-olmo-like"))
    }

    @Test func aFIFOWithoutAReaderIsAnErrorNotAWait() throws {
        let s = try Scratch()
        let fifo = s.dir + "/fifo"
        #expect(mkfifo(fifo, 0o644) == 0)
        let r = try run(["check", "--profile", try profile(s), "--output", fifo, model])
        #expect(r.code == 2 && r.stderr.contains("no reader"))
        #expect(mode(fifo) & S_IFMT == S_IFIFO)
    }

    /// A character device the test makes (root only; skipped otherwise): written through, still a device.
    @Test func aDeviceStaysADevice() throws {
        guard getuid() == 0 else { return }
        let s = try Scratch()
        let dev = s.dir + "/null"
        // 1:3 is the null device (Linux encodes small major:minor numbers as major << 8 | minor).
        guard mknod(dev, S_IFCHR | 0o666, dev_t(1 << 8 | 3)) == 0 else { Issue.record("mknod failed: \(errno)"); return }
        let r = try run(["check", "--profile", try profile(s), "--output", dev, model])
        #expect(r.code == 0, "\(r.stderr)")
        #expect(mode(dev) & S_IFMT == S_IFCHR)
    }

    @Test func dashIsStandardOutput() throws {
        let s = try Scratch()
        let r = try run(["check", "--profile", try profile(s), "--output", "-", model], cwd: s.dir)
        #expect(r.code == 0 && r.stdout.contains("open-source-olmo-like"))
        #expect(!FileManager.default.fileExists(atPath: s.dir + "/-"))
    }

    @Test func theRunsInputsAreNeverOverwritten() throws {
        let s = try Scratch()
        let p = try profile(s)
        let m = s.dir + "/m"
        try FileManager.default.createDirectory(atPath: m, withIntermediateDirectories: true)
        let licence = try s.write("m/LICENSE", "You may use the Model solely for non-commercial purposes.\n")
        // Every file read for the model is an input too: its NOTICE file, and the lock of reviewed terms.
        let notice = try s.write("m/NOTICE", "Copyright 2026 Example Labs.\n")
        let lock = s.dir + "/.licenselint.lock"
        var r = try run(["lock", "--profile", p, m], cwd: s.dir)
        #expect(r.code == 0 && FileManager.default.fileExists(atPath: lock), "\(r.stderr)")
        for target in [p, licence, notice, lock] {
            let before = try String(contentsOfFile: target, encoding: .utf8)
            r = try run(["check", "--profile", p, "--output", target, m], cwd: s.dir)
            #expect(r.code == 2 && r.stderr.contains("output.is-input"), "\(target): \(r.stderr)")
            #expect(try String(contentsOfFile: target, encoding: .utf8) == before)
        }
    }

    /// A full device: the error is reported and the exit code is 2 (stdout to /dev/full would be the
    /// system's node, so the test makes its own device 1:7 when it may, and otherwise uses a closed stdout).
    @Test func aFailedWriteToStandardOutputIsAnError() throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = ["rules"]
        let s = try Scratch()
        var handle: FileHandle? = nil
        if getuid() == 0, mknod(s.dir + "/full", S_IFCHR | 0o666, dev_t(1 << 8 | 7)) == 0 {
            handle = FileHandle(forWritingAtPath: s.dir + "/full")
        }
        let err = Pipe()
        p.standardError = err
        if let handle { p.standardOutput = handle } else {
            // Standard output closed: a read-only descriptor makes every write fail with EBADF.
            p.standardOutput = FileHandle(forReadingAtPath: "/etc/hostname") ?? FileHandle.nullDevice
        }
        try p.run()
        let e = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 2, "\(e)")
        #expect(e.contains("cannot write to standard output"))
    }

    @Test func anInputErrorIsInEveryFormatAndTheStatedExitCodeIsTheRealOne() throws {
        let s = try Scratch()
        for format in ["text", "json", "sarif", "gitlab", "github", "markdown"] {
            let out = s.dir + "/report.\(format)"
            let r = try run(["check", "--profile", try profile(s), "--format", format, "--output", out, model, s.dir + "/missing"])
            #expect(r.code == 2)
            let text = try String(contentsOfFile: out, encoding: .utf8)
            #expect(text.contains("input-error") || text.contains("input.not-found"), "\(format)")
            #expect(!text.contains("exit 0") && !text.contains("exit 1"), "\(format)")
        }
    }
}

/// Names and sentences from checked files cannot forge report lines or send escape sequences.
@Suite struct ControlCharacterTests {
    @Test func aFolderNameCannotForgeLines() throws {
        let s = try Scratch()
        let p = try s.write("p.yaml", okProfile)
        let evil = "x\n::warning::forged\n0 errors, 0 warnings; fail_on: error → exit 0\u{1B}[2J"
        try s.write("models/\(evil)/LICENSE", "You may use the Model solely for non-commercial purposes.\n")
        for format in ["text", "markdown", "github"] {
            let r = try run(["check", "--profile", p, "--format", format, s.dir + "/models"])
            #expect(r.code == 1, "\(format): \(r.stderr)")
            let lines = r.stdout.split(separator: "\n")
            #expect(!lines.contains { $0.hasPrefix("::warning::forged") || $0.hasPrefix("0 errors") }, "\(format)")
            #expect(!r.stdout.contains("\u{1B}"), "\(format)")
        }
    }
}
