#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif


/// A model an application names in its code or configuration: a Hugging Face id loaded at run time, an
/// Ollama model, a model downloaded in a Dockerfile. `id` is nil when the name cannot be read (a variable,
/// an f-string): such a reference is a "cannot decide", never ignored.
public struct ModelReference: Sendable, Equatable {
    /// "meta-llama/Llama-3.1-8B-Instruct", "ollama:llama3.1:8b", or nil when unresolved.
    public var id: String?
    public var file: String
    public var line: Int
    public var column: Int
    /// How it is referenced: "from_pretrained", "pipeline(model=)", "config key model_id", "Modelfile FROM", …
    public var how: String
    /// The expression that could not be resolved, for an unresolved reference.
    public var expression: String?
}

/// Finds model references in source and configuration files: Python calls and keywords, YAML/JSON/TOML
/// configuration keys, Ollama Modelfiles, Dockerfiles and shell scripts. Works on text line by line;
/// reads no file over `maxBytes`, and never weights or data.
public enum ModelReferenceScanner {
    /// A shell word without the quotes around it.
    static func unquoted<S: StringProtocol>(_ w: S) -> String {
        var s = Substring(w)
        while let f = s.first, f == "\"" || f == "'" { s = s.dropFirst() }
        while let l = s.last, l == "\"" || l == "'" { s = s.dropLast() }
        return String(s)
    }

    public static let maxBytes = 2 << 20

    /// Python calls that load a model, and where their model argument is: the first positional argument
    /// (when `positional`) or one of the keywords.
    struct Call { var name: String; var positional: Bool; var keywords: [String] }
    static let pythonCalls: [Call] = [
        Call(name: "from_pretrained", positional: true, keywords: ["pretrained_model_name_or_path"]),
        Call(name: "pipeline", positional: false, keywords: ["model"]),
        Call(name: "hf_hub_download", positional: true, keywords: ["repo_id"]),
        Call(name: "snapshot_download", positional: true, keywords: ["repo_id"]),
        Call(name: "LLM", positional: true, keywords: ["model"]),
        Call(name: "SentenceTransformer", positional: true, keywords: ["model_name_or_path"]),
        Call(name: "CrossEncoder", positional: true, keywords: ["model_name", "model_name_or_path"]),
    ]
    /// Configuration keys whose value names a model.
    static let configKeys: Set<String> = ["model", "model_id", "model_name", "base_model", "pretrained_model_name_or_path", "model_name_or_path"]
    /// Model artefacts that mention other models for their own purposes (a model's config.json).
    static let artefacts: Set<String> = ["config.json", "tokenizer_config.json", "generation_config.json", "adapter_config.json",
                                         "preprocessor_config.json", "special_tokens_map.json", "tokenizer.json"]
    static let skippedFolders: Set<String> = ["node_modules", "vendor", "third_party", "third-party", "site-packages", "venv", ".venv",
                                              "__pycache__", "blobs", "dist", "build"]

    enum Kind { case python, config, modelfile, shell }

    static func kind(of name: String) -> Kind? {
        let lower = name.lowercased()
        let ext = Path.pathExtension(lower)
        if lower == "modelfile" || lower.hasPrefix("modelfile.") || ext == "modelfile" { return .modelfile }
        if lower == "dockerfile" || lower.hasPrefix("dockerfile.") || lower.hasSuffix(".dockerfile") || ext == "sh" || ext == "bash" { return .shell }
        if ext == "py" { return .python }
        if ["yaml", "yml", "json", "toml"].contains(ext) && !artefacts.contains(lower) { return .config }
        return nil
    }

    /// References in every source and configuration file under `paths` (files or folders), in path order.
    /// Files over `maxBytes` are listed in `skipped` with why.
    public static func scan(paths: [String], budget: Int = InputLimits.maxFilesWalked) -> (references: [ModelReference], skipped: [(path: String, why: String)]) {
        var refs: [ModelReference] = [], skipped: [(String, String)] = []
        var budget = budget
        var seen: Set<String> = []
        // `inModel`: the folder holds weights, so its Python is the model's own code (trust_remote_code
        // modelling files), not an application loading a model.
        func visit(_ path: String, depth: Int, inModel: Bool) {
            guard budget > 0 else { return }
            guard let entry = FileSystem.kind(path) else { return }
            let name = Path.lastComponent(path)
            if entry == .directory {
                guard seen.insert(ModelDiscovery.realPath(path)).inserted else { return }
                if depth > 0 && (name.hasPrefix(".") || name.hasPrefix("models--") || skippedFolders.contains(name.lowercased())) { return }
                guard depth <= 12 else { skipped.append((path, "more than 12 folders deep: not scanned for model references")); return }
                let model = ModelDiscovery.contents(path).weights
                for child in ModelDiscovery.list(path).names { visit(Path.join(path, child), depth: depth + 1, inModel: model) }
                return
            }
            budget -= 1
            if budget == 0 { skipped.append((path, "the scan stopped here, after \(InputLimits.maxFilesWalked) files: files after it were not scanned for model references")) }
            guard let kind = kind(of: name), !(inModel && kind == .python) else { return }
            var st = stat()
            guard stat(path, &st) == 0, st.st_mode & S_IFMT == S_IFREG else { return }
            guard Int(st.st_size) <= maxBytes else { skipped.append((path, "over \(maxBytes >> 20) MB: not scanned for model references")); return }
            guard let source = try? SourceFile.load(path: path, maxBytes: maxBytes) else {
                skipped.append((path, "not readable as UTF-8 text: not scanned for model references")); return
            }
            refs += scan(text: String(decoding: source.bytes, as: UTF8.self), kind: kind, file: path)
        }
        for p in paths { visit(p, depth: 0, inModel: false) }
        return (refs, skipped)
    }

    static func scan(text: String, kind: Kind, file: String) -> [ModelReference] {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }).map(String.init)
        switch kind {
        case .python: return python(lines, file: file)
        case .config: return config(lines, file: file)
        case .modelfile: return modelfile(lines, file: file)
        case .shell: return shell(lines, file: file)
        }
    }

    // MARK: Python

    static func python(_ lines: [String], file: String) -> [ModelReference] {
        var out: [ModelReference] = []
        for (n, raw) in lines.enumerated() {
            let line = raw.drop(while: { $0 == " " || $0 == "\t" })
            if line.hasPrefix("#") || line.hasPrefix("import ") || line.hasPrefix("from ") { continue }
            for call in pythonCalls {
                var search = raw.startIndex
                while let r = raw[search...].firstRange(of: call.name + "(") {
                    search = r.upperBound
                    // A whole name: "LLM(" but not "MyLLM(" or "load_LLM(" unless after a dot.
                    if r.lowerBound > raw.startIndex {
                        let before = raw[raw.index(before: r.lowerBound)]
                        if before.isLetter || before.isNumber || before == "_" { continue }
                    }
                    // The arguments, up to the closing parenthesis, possibly over the next lines.
                    var args = String(raw[r.upperBound...])
                    var k = n + 1
                    while depth(args) > 0 && k < lines.count && k < n + 20 && args.count < 4_000 { args += " " + lines[k]; k += 1 }
                    let column = raw.distance(from: raw.startIndex, to: r.lowerBound) + 1
                    if let ref = argument(of: call, in: args, file: file, line: n + 1, column: column) { out.append(ref) }
                }
            }
        }
        return out
    }

    /// Parenthesis depth still open in `s` (starting at 1: the call's own).
    static func depth(_ s: String) -> Int {
        var d = 1
        var quote: Character? = nil
        for c in s {
            if let q = quote { if c == q { quote = nil }; continue }
            if c == "\"" || c == "'" { quote = c; continue }
            if c == "(" { d += 1 } else if c == ")" { d -= 1; if d == 0 { return 0 } }
        }
        return d
    }

    /// The model argument of a call: a string literal (resolved), or any other expression (unresolved).
    static func argument(of call: Call, in args: String, file: String, line: Int, column: Int) -> ModelReference? {
        let parts = splitArguments(args)
        var expr: String? = nil
        var how = call.name
        for p in parts {
            if let eq = p.firstIndex(of: "="), !p[..<eq].contains("("), !p[..<eq].contains("\""), !p[..<eq].contains("'") {
                let key = p[..<eq].trimmingSpaces()
                if call.keywords.contains(key) { expr = String(p[p.index(after: eq)...]).trimmingSpaces(); how = "\(call.name)(\(key)=)"; break }
            }
        }
        if expr == nil, call.positional, let first = parts.first, !first.isEmpty {
            let key = first.firstIndex(of: "=").map { first[..<$0].trimmingSpaces() }
            if key == nil || key!.contains("\"") || key!.contains("'") || key!.contains("(") { expr = first.trimmingSpaces() }
        }
        guard let e = expr, !e.isEmpty else { return nil }
        if let literal = stringLiteral(e) {
            guard looksLikeModelID(literal) else { return nil }
            return ModelReference(id: literal, file: file, line: line, column: column, how: how, expression: nil)
        }
        return ModelReference(id: nil, file: file, line: line, column: column, how: how, expression: String(e.prefix(80)))
    }

    /// Top-level comma-separated arguments of a call's text (up to its closing parenthesis).
    static func splitArguments(_ s: String) -> [String] {
        var parts: [String] = [], cur = ""
        var d = 0
        var quote: Character? = nil
        for c in s {
            if let q = quote { cur.append(c); if c == q { quote = nil }; continue }
            if c == "\"" || c == "'" { quote = c; cur.append(c); continue }
            if c == "(" || c == "[" || c == "{" { d += 1 }
            if c == ")" || c == "]" || c == "}" {
                if d == 0 { parts.append(cur); return parts.map { $0.trimmingSpaces() } }
                d -= 1
            }
            if c == "," && d == 0 { parts.append(cur); cur = ""; continue }
            cur.append(c)
        }
        parts.append(cur)
        return parts.map { $0.trimmingSpaces() }
    }

    /// The content of a plain string literal ("x", 'x', r"x"); nil for f-strings, concatenations, names.
    static func stringLiteral(_ e: String) -> String? {
        var s = Substring(e.trimmingSpaces())
        if s.hasPrefix("r") || s.hasPrefix("R") { s = s.dropFirst() }
        guard let q = s.first, q == "\"" || q == "'", s.count >= 2, s.last == q else { return nil }
        let inner = s.dropFirst().dropLast()
        guard !inner.contains(q), !inner.contains("{") else { return nil }
        return String(inner)
    }

    /// A Hub id ("org/name", or a legacy one-word id such as "gpt2"), not a local path or a URL.
    static func looksLikeModelID(_ s: String) -> Bool {
        guard !s.isEmpty, s.count <= 200, !s.hasPrefix("/"), !s.hasPrefix("."), !s.hasPrefix("~"), !s.contains("://"), !s.contains(" ") else { return false }
        let parts = s.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count <= 2, parts.allSatisfy({ !$0.isEmpty }) else { return false }
        return s.allSatisfy { $0.isLetter || $0.isNumber || "-_./:".contains($0) } && !s.hasSuffix(".py")
    }

    // MARK: Configuration

    static func config(_ lines: [String], file: String) -> [ModelReference] {
        var out: [ModelReference] = []
        for (n, raw) in lines.enumerated() {
            var s = Substring(raw)
            let indent = s.prefix { $0 == " " || $0 == "\t" }.count
            s = s.dropFirst(indent)
            if s.hasPrefix("- ") { s = s.dropFirst(2) }
            if s.hasPrefix("#") { continue }
            // key: value (YAML), "key": "value" (JSON), key = "value" (TOML)
            var key = ""
            if s.first == "\"" || s.first == "'" {
                let q = s.first!
                s = s.dropFirst()
                guard let end = s.firstIndex(of: q) else { continue }
                key = String(s[..<end]); s = s[s.index(after: end)...]
            } else {
                let k = s.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "." }
                key = String(k); s = s.dropFirst(k.count)
            }
            let last = key.split(separator: ".").last.map(String.init) ?? key
            guard configKeys.contains(last) else { continue }
            s = s.drop { $0 == " " || $0 == "\t" }
            guard s.first == ":" || s.first == "=" else { continue }
            s = s.dropFirst().drop { $0 == " " || $0 == "\t" }
            var value: String
            if let q = s.first, q == "\"" || q == "'" {
                let rest = s.dropFirst()
                guard let end = rest.firstIndex(of: q) else { continue }
                value = String(rest[..<end])
            } else {
                value = String(s.prefix { !" \t#".contains($0) })
            }
            value = value.trimmingSpaces()
            // In configuration, a model is named "org/name": a bare word there is as often an API's model
            // ("gpt-4o") or a class name as a Hub id.
            guard value.contains("/"), looksLikeModelID(value) else {
                if value.hasPrefix("${") || value.hasPrefix("$") || value.hasPrefix("{{") {
                    out.append(ModelReference(id: nil, file: file, line: n + 1, column: indent + 1, how: "configuration key \(key)", expression: value))
                }
                continue
            }
            out.append(ModelReference(id: value, file: file, line: n + 1, column: indent + 1, how: "configuration key \(key)", expression: nil))
        }
        return out
    }

    // MARK: Ollama, Docker, shell

    static func modelfile(_ lines: [String], file: String) -> [ModelReference] {
        var out: [ModelReference] = []
        for (n, raw) in lines.enumerated() {
            let t = raw.trimmingSpaces()
            guard t.uppercased().hasPrefix("FROM ") else { continue }
            let arg = t.dropFirst(5).trimmingSpaces()
            if arg.hasPrefix("$") { out.append(ModelReference(id: nil, file: file, line: n + 1, column: 1, how: "Modelfile FROM", expression: arg)); continue }
            // A local file (a GGUF beside the Modelfile) is checked as a file; a library name is an Ollama model.
            if arg.hasPrefix(".") || arg.hasPrefix("/") || arg.lowercased().hasSuffix(".gguf") || arg.isEmpty { continue }
            out.append(ModelReference(id: "ollama:" + arg.lowercased(), file: file, line: n + 1, column: 1, how: "Modelfile FROM", expression: nil))
        }
        return out
    }

    static func shell(_ lines: [String], file: String) -> [ModelReference] {
        var out: [ModelReference] = []
        for (n, raw) in lines.enumerated() {
            let words = raw.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            for (i, w) in words.enumerated() where (w == "huggingface-cli" || w == "hf") && i + 1 < words.count && words[i + 1] == "download" {
                guard let arg = words.dropFirst(i + 2).first(where: { !$0.hasPrefix("-") }) else { continue }
                let value = Self.unquoted(arg)
                let column = (raw.firstRange(of: w).map { raw.distance(from: raw.startIndex, to: $0.lowerBound) } ?? 0) + 1
                if value.hasPrefix("$") { out.append(ModelReference(id: nil, file: file, line: n + 1, column: column, how: "\(w) download", expression: value)); continue }
                if looksLikeModelID(value) { out.append(ModelReference(id: value, file: file, line: n + 1, column: column, how: "\(w) download", expression: nil)) }
            }
            // ollama pull/run NAME
            for (i, w) in words.enumerated() where w == "ollama" && i + 2 < words.count && ["pull", "run"].contains(words[i + 1]) {
                let value = Self.unquoted(words[i + 2])
                let column = (raw.firstRange(of: "ollama").map { raw.distance(from: raw.startIndex, to: $0.lowerBound) } ?? 0) + 1
                if value.hasPrefix("$") { out.append(ModelReference(id: nil, file: file, line: n + 1, column: column, how: "ollama \(words[i + 1])", expression: value)); continue }
                out.append(ModelReference(id: "ollama:" + value.lowercased(), file: file, line: n + 1, column: column, how: "ollama \(words[i + 1])", expression: nil))
            }
        }
        return out
    }
}
