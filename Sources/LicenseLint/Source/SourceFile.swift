#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A decoded text file: UTF-8 bytes (BOM removed, UTF-16 converted), and where each line starts.
public struct SourceFile: Sendable {
    public let path: String
    /// The text as UTF-8 bytes, exactly as written apart from a removed byte-order mark.
    public let bytes: [UInt8]
    /// Byte offset of the first byte of each line (line 1 starts at 0).
    public let lineStarts: [Int]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        var starts = [0]
        starts.reserveCapacity(bytes.count / 40 + 1)
        bytes.withUnsafeBufferPointer { b in
            let n = b.count
            var i = 0
            while i < n {
                // Eight bytes at a time while none of them is a CR or LF (or any byte below 0x0E).
                if let base = b.baseAddress {
                    while i + 8 <= n {
                        let x = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                        if SourceFile.hasByteBelow14(x) { break }
                        i += 8
                    }
                }
                guard i < n else { break }
                let c = b[i]
                if c == 0x0A {
                    starts.append(i + 1)
                } else if c == 0x0D {
                    if i + 1 < n && b[i + 1] == 0x0A { i += 1 }
                    starts.append(i + 1)
                }
                i += 1
            }
        }
        self.lineStarts = starts
    }

    /// Whether any byte of `x` is below 0x0E (so possibly a CR or LF).
    @inline(__always) static func hasByteBelow14(_ x: UInt64) -> Bool {
        (x &- 0x0E0E_0E0E_0E0E_0E0E) & ~x & 0x8080_8080_8080_8080 != 0
    }

    /// Whether any byte of `x` is zero or has its top bit set (not plain non-NUL ASCII).
    @inline(__always) static func hasZeroOrHighByte(_ x: UInt64) -> Bool {
        ((x &- 0x0101_0101_0101_0101) & ~x | x) & 0x8080_8080_8080_8080 != 0
    }

    /// Reads and decodes a file; fails closed with a coded error for anything it cannot read faithfully.
    public static func load(path: String, maxBytes: Int = InputLimits.maxLicenseBytes) throws(InputError) -> SourceFile {
        return try decode(path: path, raw: readPOSIX(path: path, maxBytes: maxBytes))
    }

    /// The first `count` bytes of a regular file (nil for anything else, a FIFO or device included, or
    /// on any error): for sniffing a file without ever waiting on it.
    public static func head(path: String, count: Int) -> [UInt8]? {
        var st = stat()
        guard !path.utf8.contains(0), stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var opened = stat()
        guard fstat(fd, &opened) == 0, (opened.st_mode & S_IFMT) == S_IFREG else { return nil }
        var buf = [UInt8](repeating: 0, count: max(0, count))
        let n = buf.withUnsafeMutableBytes { read(fd, $0.baseAddress, count) }
        return n < 0 ? nil : Array(buf.prefix(n))
    }

    /// A file's raw bytes (no decoding), with the same checks and errors as `load`: for data files such
    /// as the catalogue's JSON.
    static func readRaw(path: String, maxBytes: Int) throws(InputError) -> [UInt8] {
        return try readPOSIX(path: path, maxBytes: maxBytes)
    }

    /// The file's bytes, read with stat/open/read: the same checks, in the same order and with the same
    /// errors, as the FileManager route (exists and is not a folder following links; the size of the
    /// item itself, not following a final link; opens; reads at most `maxBytes + 1` bytes).
    private static func readPOSIX(path: String, maxBytes: Int) throws(InputError) -> [UInt8] {
        // A path with a NUL cannot name a file (FileManager answers "does not exist").
        guard !path.utf8.contains(0) else {
            throw InputError(code: "input.not-found", path: path, message: "no such file")
        }
        var st = stat()
        guard stat(path, &st) == 0 else {
            throw InputError(code: "input.not-found", path: path, message: "no such file")
        }
        if (st.st_mode & S_IFMT) == S_IFDIR {
            throw InputError(code: "input.is-directory", path: path, message: "is a folder, not a file")
        }
        // Opening a FIFO waits for a writer, forever if none comes; a socket cannot be opened at all.
        if (st.st_mode & S_IFMT) == S_IFIFO || (st.st_mode & S_IFMT) == S_IFSOCK {
            throw InputError(code: "input.not-regular", path: path,
                             message: "is a \((st.st_mode & S_IFMT) == S_IFIFO ? "FIFO (named pipe)" : "socket"), not a file; licenselint reads regular files")
        }
        var own = stat()
        if lstat(path, &own) == 0, Int(own.st_size) > maxBytes {
            throw InputError(code: "input.too-large", path: path,
                             message: "file is \(Int(own.st_size)) bytes; the limit is \(maxBytes) bytes")
        }
        // Non-blocking open, in case the path became a FIFO after the stat; then an ordinary blocking read.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else {
            throw InputError(code: "input.unreadable", path: path, message: "cannot open the file for reading")
        }
        defer { close(fd) }
        var opened = stat()
        if fstat(fd, &opened) == 0, (opened.st_mode & S_IFMT) == S_IFIFO {
            throw InputError(code: "input.not-regular", path: path, message: "is a FIFO (named pipe), not a file; licenselint reads regular files")
        }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        let limit = maxBytes + 1
        var capacity = max(1, min(limit, Int(st.st_size) + 1))
        var buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        defer { buffer.deallocate() }
        var count = 0
        while count < limit {
            if count == capacity {
                let bigger = min(limit, capacity * 2)
                let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: bigger)
                grown.update(from: buffer, count: count)
                buffer.deallocate()
                buffer = grown
                capacity = bigger
            }
            let r = read(fd, buffer + count, capacity - count)
            if r > 0 { count += r; continue }
            if r == 0 { break }
            if errno == EINTR { continue }
            throw InputError(code: "input.unreadable", path: path, message: "cannot read the file")
        }
        if count > maxBytes {
            throw InputError(code: "input.too-large", path: path,
                             message: "file is larger than the limit of \(maxBytes) bytes")
        }
        return Array(UnsafeBufferPointer(start: buffer, count: count))
    }

    /// Decodes raw bytes: UTF-8 (optional BOM), or UTF-16 or UTF-32 with a BOM (the BOM says which; nothing
    /// is guessed). Refuses binary and invalid text.
    public static func decode(path: String, raw: [UInt8]) throws(InputError) -> SourceFile {
        if raw.count >= 4 && raw[0] == 0xFF && raw[1] == 0xFE && raw[2] == 0 && raw[3] == 0 {
            return try decodeWide(path: path, raw: raw, little: true, as: UTF32.self)
        }
        if raw.count >= 4 && raw[0] == 0 && raw[1] == 0 && raw[2] == 0xFE && raw[3] == 0xFF {
            return try decodeWide(path: path, raw: raw, little: false, as: UTF32.self)
        }
        if raw.count >= 2 && ((raw[0] == 0xFF && raw[1] == 0xFE) || (raw[0] == 0xFE && raw[1] == 0xFF)) {
            return try decodeWide(path: path, raw: raw, little: raw[0] == 0xFF, as: UTF16.self)
        }
        var start = 0
        if raw.count >= 3 && raw[0] == 0xEF && raw[1] == 0xBB && raw[2] == 0xBF { start = 3 }
        let body = start == 0 ? raw : Array(raw[start...])
        if let bad = firstInvalidUTF8(body) {
            let probe = SourceFile(path: path, bytes: Array(body[..<bad.offset]))
            let loc = probe.location(ofByte: bad.offset)
            if bad.isNUL {
                if looksLikeUTF16WithoutBOM(body) {
                    throw InputError(code: "input.utf16-without-bom", path: path, location: loc,
                                     message: "looks like UTF-16 text without a byte-order mark; save it as UTF-8")
                }
                throw InputError(code: "input.binary", path: path, location: loc,
                                 message: "binary file (NUL byte); expected a licence text")
            }
            throw InputError(code: "input.invalid-utf8", path: path, location: loc,
                             message: "invalid UTF-8 byte 0x\(String(body[bad.offset], radix: 16, uppercase: true)); save the file as UTF-8")
        }
        return SourceFile(path: path, bytes: body)
    }

    private static func looksLikeUTF16WithoutBOM(_ b: [UInt8]) -> Bool {
        let n = min(b.count, 512)
        guard n >= 4 else { return false }
        var evenZero = 0, oddZero = 0
        for i in 0..<n where b[i] == 0 { if i % 2 == 0 { evenZero += 1 } else { oddZero += 1 } }
        return max(evenZero, oddZero) * 4 >= n && min(evenZero, oddZero) * 8 < max(evenZero, oddZero)
    }

    /// UTF-16 or UTF-32 text that starts with its byte-order mark (`Codec` is `UTF16` or `UTF32`).
    private static func decodeWide<Codec: UnicodeCodec>(path: String, raw: [UInt8], little: Bool, as codec: Codec.Type)
        throws(InputError) -> SourceFile where Codec.CodeUnit: FixedWidthInteger & UnsignedInteger {
        let width = Codec.CodeUnit.bitWidth / 8
        let name = "UTF-\(Codec.CodeUnit.bitWidth)", code = "input.invalid-utf\(Codec.CodeUnit.bitWidth)"
        guard raw.count % width == 0 else {
            throw InputError(code: code, path: path, message: "\(name) text with a length that is not a multiple of \(width) bytes")
        }
        let units: [Codec.CodeUnit] = codeUnits(raw, after: width, little: little)
        return try transcode(path: path, units: units, as: codec, invalid: code,
                             message: width == 2 ? "invalid UTF-16 (unpaired surrogate)" : "invalid UTF-32 (a value that is not a Unicode scalar)")
    }

    /// The bytes after the byte-order mark as code units of `T`'s width, in the given byte order (the caller
    /// has checked that the length is a whole number of units).
    private static func codeUnits<T: FixedWidthInteger & UnsignedInteger>(_ raw: [UInt8], after bom: Int, little: Bool) -> [T] {
        let width = T.bitWidth / 8
        var units: [T] = []
        units.reserveCapacity((raw.count - bom) / width)
        var i = bom
        while i + width <= raw.count {
            var v: T = 0
            for k in 0..<width { v |= T(raw[i + (little ? k : width - 1 - k)]) << (8 * k) }
            units.append(v)
            i += width
        }
        return units
    }

    /// UTF-16 or UTF-32 code units (the byte-order mark already dropped) to UTF-8: every scalar checked, a NUL
    /// refused as binary, an invalid unit reported at its line.
    private static func transcode<Codec: UnicodeCodec>(path: String, units: [Codec.CodeUnit], as _: Codec.Type,
                                                       invalid code: String, message: String) throws(InputError) -> SourceFile {
        var out: [UInt8] = []
        out.reserveCapacity(units.count)
        var line = 1
        var iterator = units.makeIterator()
        var decoder = Codec()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let s):
                if s.value == 0 {
                    throw InputError(code: "input.binary", path: path, location: SourceLocation(line: line, column: 1),
                                     message: "binary file (NUL character); expected a licence text")
                }
                if s.value == 0x0A { line += 1 }
                UTF8.encode(s) { out.append($0) }
            case .emptyInput: break loop
            case .error:
                throw InputError(code: code, path: path, location: SourceLocation(line: line, column: 1), message: message)
            }
        }
        return SourceFile(path: path, bytes: out)
    }

    /// The first byte that is not valid UTF-8, or a NUL byte (a sign of binary data).
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> (offset: Int, isNUL: Bool)? {
        bytes.withUnsafeBufferPointer { firstInvalidUTF8($0) }
    }

    private static func firstInvalidUTF8(_ b: UnsafeBufferPointer<UInt8>) -> (offset: Int, isNUL: Bool)? {
        var i = 0
        let n = b.count
        while i < n {
            // Eight bytes at a time while they are all plain ASCII (no NUL, no top bit).
            if let base = b.baseAddress {
                while i + 8 <= n && !hasZeroOrHighByte(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) {
                    i += 8
                }
            }
            guard i < n else { break }
            let c = b[i]
            if c < 0x80 {
                if c == 0 { return (i, true) }
                i += 1
                continue
            }
            var need = 0
            var minValue: UInt32 = 0
            var value: UInt32 = 0
            if c & 0xE0 == 0xC0 { need = 1; value = UInt32(c & 0x1F); minValue = 0x80 }
            else if c & 0xF0 == 0xE0 { need = 2; value = UInt32(c & 0x0F); minValue = 0x800 }
            else if c & 0xF8 == 0xF0 { need = 3; value = UInt32(c & 0x07); minValue = 0x10000 }
            else { return (i, false) }
            if i + need >= n { return (i, false) }
            for k in 1...need {
                let d = b[i + k]
                if d & 0xC0 != 0x80 { return (i, false) }
                value = value << 6 | UInt32(d & 0x3F)
            }
            if value < minValue || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF) { return (i, false) }
            i += need + 1
        }
        return nil
    }

    public var lineCount: Int { lineStarts.count }

    /// 1-based line containing a byte offset.
    public func line(ofByte offset: Int) -> Int {
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo + 1
    }

    /// Line and column (in Unicode scalars) of a byte offset.
    public func location(ofByte offset: Int) -> SourceLocation {
        let clamped = max(0, min(offset, bytes.count))
        let line = self.line(ofByte: clamped)
        var col = 1
        var i = lineStarts[line - 1]
        bytes.withUnsafeBufferPointer { b in
            // Plain ASCII eight bytes at a time: each byte is a scalar.
            if let base = b.baseAddress {
                while i + 8 <= clamped && !SWAR.hasHigh(SWAR.load(base + i)) { col += 8; i += 8 }
            }
            while i < clamped {
                if b[i] & 0xC0 != 0x80 { col += 1 }
                i += 1
            }
        }
        return SourceLocation(line: line, column: col)
    }

    /// The text of a 1-based line, without its line break.
    public func lineText(_ line: Int) -> String {
        guard line >= 1 && line <= lineStarts.count else { return "" }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] : bytes.count
        while end > start && (bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D) { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// An excerpt of the source between two byte offsets with whitespace collapsed, at most `limit` characters.
    public func excerpt(from start: Int, to end: Int, limit: Int = 300) -> String {
        var s = max(0, min(start, bytes.count)), e = max(s, min(end, bytes.count))
        // Whole characters only: a range that ends inside a character's bytes (the closing quotation mark of
        // a notice) takes the rest of it, and one that starts inside one starts at its beginning; a cut
        // there showed as "…Reserved.�".
        while s > 0 && s < bytes.count && bytes[s] & 0xC0 == 0x80 { s -= 1 }
        while e < bytes.count && e > s && bytes[e] & 0xC0 == 0x80 { e += 1 }
        let (text, cut) = asciiExcerpt(from: s, to: e, limit: limit) ?? characterExcerpt(from: s, to: e, limit: limit)
        // Only an excerpt the limit cut is shortened to a boundary: a sentence that itself ends in "…" is whole.
        return cut ? SourceFile.endAtABoundary(text) : text
    }

    /// A letter or digit of a script written with spaces between words (Latin, Greek, Cyrillic): a cut between
    /// two of them is inside a word. (Chinese and Japanese are written without spaces; any character boundary
    /// is a place to cut them.)
    static func isWordCharacter(_ c: Character) -> Bool {
        guard let v = c.unicodeScalars.first?.value, v < 0x0530 else { return false }
        return c.isLetter || c.isNumber
    }

    /// An excerpt cut at its limit ends at the last clause boundary (a comma, semicolon or colon) in its last
    /// third, else at the last word boundary, marked " …": never inside a word ("under this A…").
    static func endAtABoundary(_ excerpt: String) -> String {
        guard excerpt.hasSuffix("…") else { return excerpt }
        var body = excerpt.dropLast()
        let keep = body.count * 2 / 3
        if let p = body.lastIndex(where: { $0 == "," || $0 == ";" || $0 == ":" }), body.distance(from: body.startIndex, to: p) >= keep {
            body = body[..<p]
        } else if let sp = body.lastIndex(of: " "), body.distance(from: body.startIndex, to: sp) >= keep {
            body = body[..<sp]
        } else if let last = body.last, isWordCharacter(last) {
            // No boundary near the end (a long word, or text written without spaces): leave out the word the
            // limit cut, where something comes before it.
            var cut = body
            while let c = cut.last, isWordCharacter(c) { cut = cut.dropLast() }
            if cut.contains(where: { !$0.isWhitespace }) { body = cut }
        }
        while let last = body.last, last == " " { body = body.dropLast() }
        return String(body) + " …"
    }

    /// `excerpt` read Character by Character (any text; `s` and `e` already clamped), and whether the limit
    /// cut it (then it ends in "…"): text left after the limit that is only whitespace is not a cut.
    func characterExcerpt(from s: Int, to e: Int, limit: Int) -> (text: String, cut: Bool) {
        let raw = String(decoding: bytes[s..<e], as: UTF8.self)
        var out = ""
        out.reserveCapacity(max(0, min(e - s, 4 * limit + 4)))
        var lastSpace = false
        var count = 0
        var cut = false
        for i in raw.indices {
            let ch = raw[i]
            if ch.isWhitespace {
                if !lastSpace && !out.isEmpty { out.append(" "); count += 1 }
                lastSpace = true
            } else {
                out.append(ch); count += 1
                lastSpace = false
            }
            if count >= limit {
                cut = raw[raw.index(after: i)...].contains { !$0.isWhitespace }
                break
            }
        }
        // The mark goes before the trim: a space before it says the last word was whole.
        if cut { out.append("…") }
        while out.hasSuffix(" ") { out.removeLast() }
        return (out, cut)
    }

    /// `excerpt` byte by byte, for text in which every character is a single scalar: ASCII, and the
    /// non-ASCII scalars licences commonly use (Latin letters with accents, curly quotes, dashes,
    /// bullets, currency and letterlike symbols, non-breaking and other spaces; see `simpleScalar`).
    /// nil when any other scalar is in the range, since it could start or extend a multi-scalar
    /// character; then the Character-based reading decides.
    /// Every byte of ASCII is one Character except CR LF, and whitespace is HT, LF, VT, FF, CR and space;
    /// a CR LF pair reads the same as two whitespace characters here, since runs collapse to one space.
    func asciiExcerpt(from s: Int, to e: Int, limit: Int) -> (text: String, cut: Bool)? {
        guard limit >= 0 else { return nil }
        // Each character written is at most 3 bytes and the count is checked after every write, so at
        // most max(limit, 1) characters (and no more than the range's bytes) come before the ellipsis.
        let capacity = min(e - s, 3 * max(limit, 1)) + 3
        return bytes.withUnsafeBufferPointer { buf -> (text: String, cut: Bool)? in
            let out = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
            defer { out.deallocate() }
            var n = 0
            var lastSpace = false
            var count = 0
            var i = s
            var cut = false
            while i < e {
                // Eight printable ASCII bytes with no two spaces in a row, and not a space that a space or
                // the start already stands for: eight characters, copied as they are.
                if i + 8 <= e && count + 8 < limit, let base = buf.baseAddress {
                    let x = SWAR.load(base + i)
                    if !SWAR.hasHigh(x) && !SWAR.hasLess(x, 0x20) {
                        let spaces = SWAR.equalMask(x, 0x20)
                        if spaces & (spaces >> 8) == 0 && (spaces & 0x80 == 0 || (!lastSpace && n > 0)) {
                            (out + n).update(from: base + i, count: 8)
                            n += 8; count += 8; i += 8
                            lastSpace = spaces >> 63 != 0
                            continue
                        }
                    }
                }
                let b = buf[i]
                if b >= 0x80 {
                    // A two- or three-byte scalar from the simple set, or give up.
                    let len: Int, scalar: UInt32
                    if b >= 0xC2 && b <= 0xDF && i + 1 < e && buf[i + 1] & 0xC0 == 0x80 {
                        len = 2; scalar = UInt32(b & 0x1F) << 6 | UInt32(buf[i + 1] & 0x3F)
                    } else if b >= 0xE0 && b <= 0xEF && i + 2 < e && buf[i + 1] & 0xC0 == 0x80 && buf[i + 2] & 0xC0 == 0x80 {
                        len = 3; scalar = UInt32(b & 0x0F) << 12 | UInt32(buf[i + 1] & 0x3F) << 6 | UInt32(buf[i + 2] & 0x3F)
                    } else {
                        return nil
                    }
                    switch SourceFile.simpleScalar(scalar) {
                    case .space:
                        if !lastSpace && n > 0 { out[n] = 0x20; n += 1; count += 1 }
                        lastSpace = true
                    case .visible:
                        for k in 0..<len { out[n + k] = buf[i + k] }
                        n += len; count += 1
                        lastSpace = false
                    case .other:
                        return nil
                    }
                    i += len
                } else {
                    if b == 0x20 || (b >= 0x09 && b <= 0x0D) {
                        if !lastSpace && n > 0 { out[n] = 0x20; n += 1; count += 1 }
                        lastSpace = true
                    } else {
                        out[n] = b; n += 1; count += 1
                        lastSpace = false
                    }
                    i += 1
                }
                if count >= limit {
                    // What is left decides whether this is a cut: only ASCII whitespace is not; anything not
                    // ASCII (a combining scalar, a space of another script) is for the Character reading.
                    var j = i
                    while j < e && (buf[j] == 0x20 || (buf[j] >= 0x09 && buf[j] <= 0x0D)) { j += 1 }
                    if j < e && buf[j] >= 0x80 { return nil }
                    cut = j < e
                    break
                }
            }
            // The mark goes before the trim: a space before it says the last word was whole.
            if cut { out[n] = 0xE2; out[n + 1] = 0x80; out[n + 2] = 0xA6; n += 3 }  // …
            while n > 0 && out[n - 1] == 0x20 { n -= 1 }
            return (String(decoding: UnsafeBufferPointer(start: out, count: n), as: UTF8.self), cut)
        }
    }

    enum SimpleScalar { case space, visible, other }

    /// Scalars that are a character on their own whatever surrounds them (grapheme break property
    /// Other or Control: nothing joins them to a neighbour), as `Character.isWhitespace` sees them.
    /// Combining marks, joiners, Hangul jamo, emoji and the rest are `other`.
    @inline(__always) static func simpleScalar(_ u: UInt32) -> SimpleScalar {
        switch u {
        case 0x85, 0xA0, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return .space
        case 0xA1...0x24F,                 // Latin-1 supplement, Latin extended A and B
             0x2010...0x2027,              // dashes, quotes, bullets, ellipsis
             0x2030...0x205E,              // per mille, primes, guillemets, other punctuation
             0x20A0...0x20C0,              // currency signs
             0x2100...0x214F,              // letterlike symbols (™, ℠, №)
             0x2190...0x21FF,              // arrows
             0x200B, 0x2060...0x2064, 0xFEFF: // zero-width space, word joiner, invisible operators, BOM
            // (format characters of the Control grapheme class: each is a Character of its own)
            return .visible
        default: return .other
        }
    }
}
