#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

// What licenselint needs of the operating system, through the C library: no Foundation, so the binary
// carries no ICU data and starts in a few milliseconds.

/// File paths as text, with no look-up on the file system (what NSString's path methods did).
public enum Path {
    /// `a/b`: one slash between them; a leading slash of `b` is dropped, and `a` empty gives `b`.
    public static func join(_ a: String, _ b: String) -> String {
        var tail = Substring(b)
        while tail.first == "/" { tail = tail.dropFirst() }
        if a.isEmpty { return String(tail) }
        var head = Substring(a)
        while head.count > 1 && head.last == "/" { head = head.dropLast() }
        if tail.isEmpty { return String(head) }
        return head == "/" ? "/" + tail : head + "/" + tail
    }

    /// The last component: "b" of "/a/b" and of "/a/b/"; "/" of "/".
    public static func lastComponent(_ p: String) -> String {
        var s = Substring(p)
        while s.count > 1 && s.last == "/" { s = s.dropLast() }
        if s == "/" { return "/" }
        if let i = s.lastIndex(of: "/") { return String(s[s.index(after: i)...]) }
        return String(s)
    }

    /// Without its last component: "/a" of "/a/b", "/" of "/a", "" of "a".
    public static func parent(_ p: String) -> String {
        var s = Substring(p)
        while s.count > 1 && s.last == "/" { s = s.dropLast() }
        guard let i = s.lastIndex(of: "/") else { return "" }
        if i == s.startIndex { return "/" }
        var head = s[..<i]
        while head.count > 1 && head.last == "/" { head = head.dropLast() }
        return String(head)
    }

    /// The extension of the last component, without its dot ("txt" of "a/b.txt"); "" for ".hidden" and "b".
    public static func pathExtension(_ p: String) -> String {
        let last = lastComponent(p)
        guard let i = last.lastIndex(of: "."), i != last.startIndex else { return "" }
        return String(last[last.index(after: i)...])
    }

    /// The path without the extension of its last component ("a/b" of "a/b.txt").
    public static func droppingExtension(_ p: String) -> String {
        let ext = pathExtension(p)
        guard !ext.isEmpty else { return p }
        var s = Substring(p)
        while s.count > 1 && s.last == "/" { s = s.dropLast() }
        return String(s.dropLast(ext.count + 1))
    }

    public static func isAbsolute(_ p: String) -> Bool { p.hasPrefix("/") || p.hasPrefix("~") }
}

/// A mutual-exclusion lock (a pthread mutex), for state shared between threads.
final class Lock: @unchecked Sendable {
    private let m = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    init() { pthread_mutex_init(m, nil) }
    deinit { pthread_mutex_destroy(m); m.deallocate() }
    func lock() { pthread_mutex_lock(m) }
    func unlock() { pthread_mutex_unlock(m) }
}

/// A lock with a condition to wait on (a pthread mutex and condition variable).
final class Condition: @unchecked Sendable {
    private let m = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let c = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    init() { pthread_mutex_init(m, nil); pthread_cond_init(c, nil) }
    deinit { pthread_cond_destroy(c); pthread_mutex_destroy(m); c.deallocate(); m.deallocate() }
    func lock() { pthread_mutex_lock(m) }
    func unlock() { pthread_mutex_unlock(m) }
    /// Releases the lock until signalled, then holds it again.
    func wait() { pthread_cond_wait(c, m) }
    func broadcast() { pthread_cond_broadcast(c) }
}

/// The file system and the process, through the C library.
public enum FileSystem {
    private static func status(_ p: String, follow: Bool = true) -> stat? {
        var st = stat()
        let rc = follow ? stat(p, &st) : lstat(p, &st)
        return rc == 0 ? st : nil
    }

    /// Whether something is at the path (a symbolic link is followed).
    public static func exists(_ p: String) -> Bool { status(p) != nil }

    /// Whether the path is a folder (a symbolic link to one counts).
    public static func isDirectory(_ p: String) -> Bool {
        guard let st = status(p) else { return false }
        return st.st_mode & S_IFMT == S_IFDIR
    }

    /// The current folder, or "." when it cannot be read.
    public static func currentDirectory() -> String {
        var buf = [CChar](repeating: 0, count: 4096)
        guard getcwd(&buf, buf.count) != nil else { return "." }
        return String(decoding: buf.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The names in a folder (not "." and ".."), unsorted; nil when it cannot be read.
    public static func entries(_ dir: String) -> [String]? {
        guard let d = opendir(dir) else { return nil }
        defer { closedir(d) }
        var out: [String] = []
        while let e = readdir(d) {
            let name = withUnsafeBytes(of: e.pointee.d_name) { raw -> String in
                let bytes = raw.prefix { $0 != 0 }
                return String(decoding: bytes, as: UTF8.self)
            }
            if name != "." && name != ".." { out.append(name) }
        }
        return out
    }

    /// Creates the folder and any missing parents; whether it exists afterwards.
    @discardableResult
    public static func createDirectories(_ p: String) -> Bool {
        if isDirectory(p) { return true }
        let up = Path.parent(p)
        if !up.isEmpty && up != p && !isDirectory(up) { createDirectories(up) }
        return mkdir(p, 0o755) == 0 || isDirectory(p)
    }

    /// The path with every symbolic link resolved, or nil when it does not exist.
    public static func realPath(_ p: String) -> String? {
        guard let r = realpath(p, nil) else { return nil }
        defer { free(r) }
        return String(cString: r)
    }

    /// The process's environment.
    public static func environment() -> [String: String] {
        var out: [String: String] = [:]
        var p = environ
        while let entry = p.pointee {
            let s = String(cString: entry)
            if let eq = s.firstIndex(of: "=") { out[String(s[..<eq])] = String(s[s.index(after: eq)...]) }
            p += 1
        }
        return out
    }

    /// Whether the process may read the file.
    public static func isReadable(_ p: String) -> Bool { access(p, R_OK) == 0 }

    /// Whether the path itself is a symbolic link (not followed).
    public static func isSymbolicLink(_ p: String) -> Bool {
        guard let st = status(p, follow: false) else { return false }
        return st.st_mode & S_IFMT == S_IFLNK
    }

    /// What is at the path (a symbolic link followed): a folder or something else; nil when nothing is.
    public enum Kind: Sendable { case directory, other }
    public static func kind(_ p: String) -> Kind? {
        guard let st = status(p) else { return nil }
        return st.st_mode & S_IFMT == S_IFDIR ? .directory : .other
    }

    /// The processors the process may run on.
    public static func processorCount() -> Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    /// Seconds since 1970-01-01 UTC.
    public static func now() -> Int { Int(time(nil)) }
}

extension String {
    /// Without leading and trailing spaces and tabs (Unicode space separators), and line breaks too when
    /// `newlines`: the scalars Foundation's `.whitespaces` and `.whitespacesAndNewlines` trim, trimmed scalar
    /// by scalar as it does (a combining mark after a trimmed space stays).
    public func trimmingSpaces(newlines: Bool = false) -> String {
        trimmingScalars { u in
            if u == "\t" || u.properties.generalCategory == .spaceSeparator { return true }
            guard newlines else { return false }
            return Unicode.Scalar.isNewline(u) || u.properties.generalCategory == .lineSeparator
                || u.properties.generalCategory == .paragraphSeparator
        }
    }

    /// Without leading and trailing line breaks (Foundation's `.newlines`).
    public func trimmingNewlines() -> String { trimmingScalars(Unicode.Scalar.isNewline) }

    private func trimmingScalars(_ drop: (Unicode.Scalar) -> Bool) -> String {
        let u = unicodeScalars
        guard let first = u.firstIndex(where: { !drop($0) }), let last = u.lastIndex(where: { !drop($0) }) else { return "" }
        return String(u[first...last])
    }

    /// The text followed by spaces up to `width` characters (longer text is kept whole).
    public func padded(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}

extension String {
    /// Whether the UTF-8 of `other` occurs in this text (a byte search, memmem). The standard library's
    /// generic `contains` builds a searcher with a dictionary on every call, which the detectors and
    /// reporters cannot afford on the hot path; this overload is chosen wherever a String is searched for.
    func contains(_ other: String) -> Bool { byteOffset(of: other) != nil }

    /// The byte offset of the first occurrence of `other`'s UTF-8, or nil.
    func byteOffset(of other: String) -> Int? {
        var me = self, needle = other
        return me.withUTF8 { h in
            needle.withUTF8 { n -> Int? in
                if n.isEmpty { return 0 }
                guard let hb = h.baseAddress, let nb = n.baseAddress, h.count >= n.count else { return nil }
                // memchr to each candidate first byte, then memcmp the rest.
                let first = Int32(n[0]), last = h.count - n.count
                var i = 0
                while i <= last {
                    guard let p = memchr(hb + i, first, last - i + 1) else { return nil }
                    let k = UnsafeRawPointer(p) - UnsafeRawPointer(hb)
                    if memcmp(hb + k, nb, n.count) == 0 { return k }
                    i = k + 1
                }
                return nil
            }
        }
    }
}

extension Substring {
    func contains(_ other: String) -> Bool { String(self).contains(other) }
}

extension Unicode.Scalar {
    /// U+000A–U+000D, U+0085, U+2028 and U+2029.
    static func isNewline(_ u: Unicode.Scalar) -> Bool {
        (0x0A...0x0D).contains(u.value) || u.value == 0x85 || u.value == 0x2028 || u.value == 0x2029
    }
}

extension Substring {
    public func trimmingSpaces(newlines: Bool = false) -> String { String(self).trimmingSpaces(newlines: newlines) }
}

/// Base64 (RFC 4648), for licence texts embedded in a CycloneDX BOM.
public enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    public static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var i = 0
        while i + 2 < bytes.count {
            let n = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2])
            for s in [18, 12, 6, 0] { out.append(alphabet[Int(n >> UInt32(s) & 63)]) }
            i += 3
        }
        let rest = bytes.count - i
        if rest > 0 {
            var n = UInt32(bytes[i]) << 16
            if rest == 2 { n |= UInt32(bytes[i + 1]) << 8 }
            out.append(alphabet[Int(n >> 18 & 63)])
            out.append(alphabet[Int(n >> 12 & 63)])
            out.append(rest == 2 ? alphabet[Int(n >> 6 & 63)] : UInt8(ascii: "="))
            out.append(UInt8(ascii: "="))
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The bytes, or nil when the text is not base64 (whitespace must be removed first).
    public static func decode(_ text: String) -> [UInt8]? {
        var value: [UInt8] = Array(repeating: 255, count: 256)
        for (i, c) in alphabet.enumerated() { value[Int(c)] = UInt8(i) }
        let chars = Array(text.utf8)
        guard chars.count % 4 == 0 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(chars.count / 4 * 3)
        var i = 0
        while i < chars.count {
            var n: UInt32 = 0
            var pad = 0
            for k in 0..<4 {
                let c = chars[i + k]
                if c == UInt8(ascii: "=") && i + 4 == chars.count && k >= 2 { pad += 1; n <<= 6; continue }
                guard pad == 0 else { return nil }
                let v = value[Int(c)]
                guard v != 255 else { return nil }
                n = n << 6 | UInt32(v)
            }
            out.append(UInt8(n >> 16 & 255))
            if pad < 2 { out.append(UInt8(n >> 8 & 255)) }
            if pad < 1 { out.append(UInt8(n & 255)) }
            i += 4
        }
        return out
    }
}
