import LicenseLint
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a report or a generated file to the path a user gave, without damaging what is there:
///
/// - `-` is standard output;
/// - a new path, or a regular file with one link, is written to a temporary file beside it and renamed
///   over it (the old file stays whole if the write fails), keeping the old file's mode;
/// - a regular file with other hard links, a symlink, a character device or a FIFO is written through
///   (opened and truncated, never replaced), so `/dev/null`, `/dev/stdout` and links stay what they are;
/// - a read-only file, a directory, and any input of the run (the profile, a licence being checked, …)
///   are refused with a message and nothing is written.
enum OutputFile {
    struct Failure: Error { var message: String }

    /// Writes `text` to `path` (already resolved against the working folder). `inputs` are the files the
    /// run read, compared by their real paths.
    static func write(_ text: String, to path: String, displayName: String, inputs: [String], console: Console) throws(Failure) {
        try write(chunks: [text], to: path, displayName: displayName, inputs: inputs, console: console)
    }

    /// `write` for a report made of pieces (one per model): each is written from its own UTF-8 storage, so a
    /// large report is never copied or joined in memory.
    static func write<Chunks: Sequence<String>>(chunks: Chunks, to path: String, displayName: String, inputs: [String], console: Console) throws(Failure) {
        if displayName == "-" { for c in chunks { console.out(c) }; return }
        let bytes = chunks
        var st = stat()
        let exists = lstat(path, &st) == 0
        // The same file, whatever the path: same device and inode (through links, hard links included).
        // Each input once: a BOM of 100,000 components names the same file 100,000 times.
        var target = stat()
        if stat(path, &target) == 0 {
            var seen: Set<String> = []
            for input in inputs where seen.insert(input).inserted {
                var st = stat()
                if stat(input, &st) == 0, st.st_dev == target.st_dev, st.st_ino == target.st_ino {
                    throw Failure(message: "refusing to write \(displayName): it is an input of this run (\(input)) [output.is-input]")
                }
            }
        }
        guard exists else { return try replace(path, bytes, displayName: displayName, mode: nil) }
        switch st.st_mode & S_IFMT {
        case S_IFDIR:
            throw Failure(message: "cannot write \(displayName): it is a folder [output.unwritable]")
        case S_IFREG where st.st_nlink > 1:
            guard st.st_mode & 0o222 != 0 else { throw Failure(message: "refusing to write \(displayName): the file is read-only [output.read-only]") }
            try writeThrough(path, bytes, displayName: displayName)
        case S_IFREG:
            guard st.st_mode & 0o222 != 0 else { throw Failure(message: "refusing to write \(displayName): the file is read-only [output.read-only]") }
            try replace(path, bytes, displayName: displayName, mode: st.st_mode & 0o7777)
        case S_IFLNK:
            // Through the link to what it names (a file, /dev/stdout, …); a dangling link names a new file.
            var target = stat()
            if stat(path, &target) == 0, target.st_mode & S_IFMT == S_IFDIR {
                throw Failure(message: "cannot write \(displayName): it links to a folder [output.unwritable]")
            }
            if stat(path, &target) == 0, target.st_mode & S_IFMT == S_IFREG, target.st_mode & 0o222 == 0 {
                throw Failure(message: "refusing to write \(displayName): the file it links to is read-only [output.read-only]")
            }
            try writeThrough(path, bytes, displayName: displayName, create: true)
        case S_IFCHR, S_IFIFO:
            try writeThrough(path, bytes, displayName: displayName)
        default:
            throw Failure(message: "cannot write \(displayName): not a regular file, device or FIFO [output.unwritable]")
        }
    }

    private static func describe(_ e: Int32) -> String { String(cString: strerror(e)) }

    /// Opens the existing path for writing and writes the bytes to it (a FIFO without a reader is an
    /// error, never a wait).
    private static func writeThrough<Chunks: Sequence<String>>(_ path: String, _ bytes: Chunks, displayName: String, create: Bool = false) throws(Failure) {
        var flags = O_WRONLY | O_TRUNC | O_CLOEXEC | O_NONBLOCK
        if create { flags |= O_CREAT }
        let fd = open(path, flags, 0o644)
        guard fd >= 0 else {
            let e = errno
            throw Failure(message: "cannot write \(displayName): \(e == ENXIO ? "a FIFO with no reader" : describe(e)) [output.unwritable]")
        }
        defer { close(fd) }
        // Back to blocking writes now that it is open (a pipe with a reader may fill up).
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        for chunk in bytes {
            if let e = writeAll(fd, chunk) { throw Failure(message: "cannot write \(displayName): \(describe(e)) [output.unwritable]") }
        }
    }

    /// Writes to a temporary file in the same folder and renames it over `path`.
    private static func replace<Chunks: Sequence<String>>(_ path: String, _ bytes: Chunks, displayName: String, mode: mode_t?) throws(Failure) {
        let dir = Path.parent(path)
        var template = Array(((dir.isEmpty ? "." : dir) + "/.licenselint-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw Failure(message: "cannot write \(displayName): \(describe(errno)) [output.unwritable]") }
        let temp = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        var ok = false
        defer { if !ok { unlink(temp) } }
        // A new file gets the usual mode (0666 less the umask); a replaced one keeps its own.
        let m: mode_t
        if let mode { m = mode } else { let u = umask(0); umask(u); m = 0o666 & ~u }
        fchmod(fd, m)
        var werr: Int32? = nil
        for chunk in bytes {
            werr = writeAll(fd, chunk)
            if werr != nil { break }  // a full disk: stop making the rest of the report
        }
        let serr: Int32? = fsync(fd) == 0 ? nil : errno
        close(fd)
        if let e = werr ?? serr { throw Failure(message: "cannot write \(displayName): \(describe(e)) [output.unwritable]") }
        guard rename(temp, path) == 0 else { throw Failure(message: "cannot write \(displayName): \(describe(errno)) [output.unwritable]") }
        ok = true
    }

    /// Writes everything, retrying short writes and interruptions; the errno of a failure, or nil.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Int32? {
        bytes.withUnsafeBufferPointer { writeAll(fd, $0) }
    }

    static func writeAll(_ fd: Int32, _ text: String) -> Int32? {
        var text = text
        return text.withUTF8 { writeAll(fd, $0) }
    }

    static func writeAll(_ fd: Int32, _ buf: UnsafeBufferPointer<UInt8>) -> Int32? {
        guard let base = buf.baseAddress else { return nil }
        var done = 0
        while done < buf.count {
            let r = Glibc.write(fd, base + done, buf.count - done)
            if r > 0 { done += r } else if r < 0 && errno == EINTR { continue } else { return r < 0 ? errno : EIO }
        }
        return nil
    }
}
