#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif


/// A model to check: a folder with licence files and a model card, or a single licence file.
public struct ModelInput: Sendable {
    public var name: String
    public var path: String
    public var isFolder: Bool
    /// Licence texts found (LICENSE*, LICENCE*, COPYING*, USE_POLICY*, policy Markdown files).
    public var licenseFiles: [String]
    /// NOTICE files (required notices are looked for there and in the README).
    public var noticeFiles: [String]
    /// README.md (the model card) if present.
    public var readme: String?
    /// Problems met while walking (unreadable files, symlink loops), reported per file.
    public var walkErrors: [InputError]
    /// Files whose names speak of a licence but which are not read, with why ("license_utils.py": code).
    public var skippedFiles: [(path: String, why: String)] = []
    /// A GGUF file whose header metadata (licence, name, base models) stands in for a model card.
    public var gguf: String? = nil
}

public enum ModelDiscovery {
    /// Extensions of files that are code, data or weights, never licence texts ("license_utils.py",
    /// "terms.json", "model.safetensors"). Documents are not among them: LICENSE.pdf is a licence that
    /// cannot be read, and is reported as such rather than skipped.
    static let notTextExtensions: Set<String> = [
        "py", "js", "ts", "json", "jsonl", "yaml", "yml", "toml", "cfg", "ini", "sh", "swift", "c", "h", "cc", "cpp",
        "go", "rs", "java", "rb", "bin", "safetensors", "pt", "pth", "gguf", "ggml", "onnx", "h5", "ckpt", "msgpack",
        "png", "jpg", "jpeg", "gif", "svg", "webp", "zip", "gz", "tar", "model", "tiktoken", "npz", "npy", "parquet",
    ]

    /// A licence, terms or use-policy text, told by its name in any position and case: LICENSE, LICENSE.md,
    /// MODEL_LICENSE, LICENSE-MODEL, LICENCE-SD-Turbo, "Tongyi Qianwen LICENSE AGREEMENT",
    /// MODEL_LICENSE_AGREEMENT.txt, COPYING, USE_POLICY.md, TERMS_OF_USE.md, acceptable-use-policy.txt —
    /// unless its extension says it is code, data or weights.
    static func isLicenseFile(_ name: String) -> Bool {
        let u = name.uppercased()
        let ext = Path.pathExtension(name).lowercased()
        if notTextExtensions.contains(ext) { return false }
        if u.hasPrefix("README") || isNoticeFile(name) { return false }
        let words = ["LICENSE", "LICENCE", "COPYING", "USE_POLICY", "USE-POLICY", "USE POLICY", "ACCEPTABLE_USE",
                     "ACCEPTABLE-USE", "ACCEPTABLE USE", "TERMS_OF_USE", "TERMS-OF-USE", "TERMS OF USE", "TERMS_OF_SERVICE",
                     "TERMS-OF-SERVICE", "TERMS OF SERVICE", "EULA"]
        if words.contains(where: { u.contains($0) }) { return true }
        if ["MD", "TXT", ""].contains(ext.uppercased()) && (u.contains("POLICY") || u.contains("TERMS")) { return true }
        return false
    }

    /// How a licence file's name places it: a code licence (LICENSE-CODE), a use policy, the generic
    /// LICENSE/LICENCE/COPYING, or a model-specific licence (MODEL_LICENSE, LICENSE-SDXL1.0, "Tongyi
    /// Qianwen LICENSE AGREEMENT").
    enum LicenseFileRole { case code, policy, generic, modelSpecific }

    static func role(_ name: String) -> LicenseFileRole {
        let u = name.uppercased()
        let stem = Path.droppingExtension(u)
        // Terms quoted in the model card's access gate are the model's own.
        if u.hasPrefix("README") || u.hasPrefix("MODEL_CARD") { return .modelSpecific }
        // A file found by its title, not its name (AGREEMENT.md), never displaces another licence.
        if !isLicenseFile(name) { return .generic }
        if u.contains("CODE") || u.contains("SOFTWARE") { return .code }
        if u.contains("POLICY") || u.contains("ACCEPTABLE") { return .policy }
        if ["LICENSE", "LICENCE", "COPYING", "LICENSE.TXT", "LICENCE.TXT"].contains(stem) || ["LICENSE", "LICENCE", "COPYING"].contains(u) { return .generic }
        return .modelSpecific
    }

    static func isNoticeFile(_ name: String) -> Bool { name.uppercased().hasPrefix("NOTICE") }

    static let weightsExtensions: Set<String> = ["safetensors", "bin", "gguf", "ggml", "pt", "pth", "onnx", "h5", "ckpt", "msgpack", "npz", "tflite", "mlmodel"]
    static let codeExtensions: Set<String> = ["py", "ipynb", "js", "mjs", "ts", "go", "rs", "java", "kt", "rb", "sh", "c", "cc", "cpp", "h", "swift", "php", "cs", "scala"]

    /// Whether a folder (at its top level) holds weights files, and whether it holds source code.
    static func contents(_ dir: String) -> (weights: Bool, code: Bool) {
        var weights = false, code = false
        for name in list(dir).names {
            let ext = Path.pathExtension(name).lowercased()
            if weightsExtensions.contains(ext) { weights = true }
            if codeExtensions.contains(ext) || ["dockerfile", "modelfile"].contains(name.lowercased()) { code = true }
        }
        return (weights, code)
    }

    /// Names of text files whose first line is read for a licence title: documents, not code or data.
    static let titledExtensions: Set<String> = ["", "md", "txt", "rst", "markdown", "text"]

    /// A text file whose name says nothing ("AGREEMENT.md", "Aurora-Research-Terms-2025") but whose first
    /// line is a licence title: short, and naming a licence, agreement, terms of use or use policy. Only the
    /// first 512 bytes are read; never a non-regular file.
    static func titleReadsLikeALicence(_ path: String, name: String) -> Bool {
        let u = name.uppercased()
        guard titledExtensions.contains(Path.pathExtension(name).lowercased()), !name.hasPrefix("."),
              !u.hasPrefix("README"), !u.hasPrefix("MODEL_CARD"), !u.hasPrefix("CHANGELOG"), !u.hasPrefix("CONTRIBUTING"),
              let head = SourceFile.head(path: path, count: 512) else { return false }
        let bytes = head.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(head.dropFirst(3)) : head
        guard !bytes.contains(0) else { return false }
        let text = String(decoding: bytes, as: UTF8.self)
        guard let first = text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
            .map({ $0.trimmingSpaces() }).first(where: { !$0.isEmpty && $0 != "---" }) else { return false }
        let title = first.drop(while: { $0 == "#" || $0 == " " || $0 == "*" || $0 == "=" }).uppercased()
        guard title.count <= 100, !title.hasSuffix(".") || title.hasSuffix("INC.") else { return false }
        return ["LICENSE", "LICENCE", "AGREEMENT", "TERMS OF USE", "TERMS AND CONDITIONS", "TERMS OF SERVICE",
                "USE POLICY", "EULA"].contains { title.contains($0) }
    }

    /// Resolves command-line paths to models: a licence file is one model; a folder with licence files or
    /// a model card is one model; a folder of such folders is one model per sub-folder.
    public static func discover(paths: [String]) -> (models: [ModelInput], errors: [InputError]) {
        var models: [ModelInput] = []
        var errors: [InputError] = []
        var budget = InputLimits.maxFilesWalked
        for raw in paths {
            let path = raw.count > 1 && raw.hasSuffix("/") ? String(raw.dropLast()) : raw
            guard let kind = FileSystem.kind(path) else {
                errors.append(InputError(code: "input.not-found", path: path, message: "no such file or folder"))
                continue
            }
            if kind != .directory {
                let name = Path.lastComponent(path)
                if GGUF.isGGUF(name) {
                    // A GGUF file: its header's metadata, never its tensors, says its licence.
                    var m = ModelInput(name: name, path: path, isFolder: false, licenseFiles: [], noticeFiles: [], readme: nil, walkErrors: [])
                    m.gguf = path
                    models.append(m)
                    continue
                }
                models.append(ModelInput(name: name, path: path, isFolder: false, licenseFiles: [path], noticeFiles: [],
                                         readme: nil, walkErrors: []))
                continue
            }
            var seen: Set<String> = [realPath(path)]
            // A Hugging Face hub cache, or one model in it: models--org--name/snapshots/<rev>/.
            if let m = hubModel(path, budget: &budget) { models.append(m); continue }
            // The folder is read once: as a model, or else as a hub cache or a folder of models.
            let root = model(in: path, budget: &budget)
            let listing = list(path)
            let hub = listing.names.filter { $0.hasPrefix("models--") }
            if !hub.isEmpty, root == nil {
                for child in hub {
                    if let m = hubModel(Path.join(path, child), budget: &budget) { models.append(m) }
                }
                continue
            }
            if let m = root {
                models.append(m)
                // A root licence or README does not hide the model folders below it.
                models += nested(under: path, depth: 1, seen: &seen, budget: &budget)
                continue
            }
            // A folder of model folders (symlinked ones too: the usual way to point at a hub cache).
            for bad in listing.undecodable {
                errors.append(InputError(code: "input.name-not-utf8", path: Path.join(path, bad),
                                         message: "a name in this folder is not valid UTF-8; licenselint cannot tell whether it is a model or a licence"))
            }
            var found = false
            for child in listing.names where !child.hasPrefix(".") {
                let sub = Path.join(path, child)
                guard FileSystem.isDirectory(sub) else { continue }
                guard seen.insert(realPath(sub)).inserted else { continue }
                found = true
                if let m = model(in: sub, budget: &budget) { models.append(m); continue }
                // A folder with neither licence nor card: a model with no licence when it holds weights or
                // nothing else; in an application repository (src/, deploy/) the models below it are looked
                // for, and a folder of code alone is not a model (its code is read for model references).
                let (weights, code) = contents(sub)
                if !weights {
                    let below = nested(under: sub, depth: 2, seen: &seen, budget: &budget)
                    if !below.isEmpty { models += below; continue }
                    if code { continue }
                }
                models.append(ModelInput(name: child, path: sub, isFolder: true, licenseFiles: [], noticeFiles: [],
                                         readme: nil, walkErrors: []))
            }
            if !found {
                models.append(ModelInput(name: Path.lastComponent(path), path: path, isFolder: true,
                                         licenseFiles: [], noticeFiles: [], readme: nil, walkErrors: []))
            }
        }
        if budget <= 0 {
            errors.append(InputError(code: "input.too-many-files", path: paths.joined(separator: " "),
                                     message: "stopped after looking at \(InputLimits.maxFilesWalked) files; models beyond them were not checked. Name the model folders themselves (or list them in the profile's models:) rather than a folder above a large tree"))
        }
        matchPerModelLicences(&models)
        return (models, errors)
    }

    /// A licence from a folder of per-model licences (`model_licenses/LICENSE-SDXL1.0`) is the licence of the
    /// model folder its name names (`sdxl-1.0/`), when exactly one folder matches and that folder has no
    /// licence of its own: it is read as that model's licence, not checked as a model of its own. Names are
    /// compared by their letters and digits ("SD-Turbo" names "sd-turbo" and "sd_turbo").
    static func matchPerModelLicences(_ models: inout [ModelInput]) {
        func key(_ s: String) -> String {
            String(String.UnicodeScalarView(s.lowercased().unicodeScalars.filter { ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") }))
        }
        func licenceKey(_ path: String) -> String? {
            let parent = Path.lastComponent(Path.parent(path)).lowercased()
            guard parent.contains("licen") else { return nil }
            // Only a text extension is dropped: in "LICENSE-SDXL1.0" the ".0" is part of the version.
            let file = Path.lastComponent(path)
            var name = ["md", "txt", "markdown", "rst"].contains(Path.pathExtension(file).lowercased()) ? Path.droppingExtension(file) : file
            name = name.lowercased()
            for p in ["license", "licence"] where name.hasPrefix(p) { name = String(name.dropFirst(p.count)) }
            for p in ["model", "weights"] where key(name).hasPrefix(p) && key(name).count > p.count + 2 { name = String(key(name).dropFirst(p.count)) }
            let k = key(name)
            return k.count >= 3 ? k : nil
        }
        // Folders without a licence of their own, by the key of their name (worked out once).
        let folders: [(index: Int, key: String)] = models.indices.compactMap { j in
            let m = models[j]
            guard m.isFolder, m.licenseFiles.isEmpty else { return nil }
            let k = key(Path.lastComponent(m.path))
            return k.count >= 3 ? (j, k) : nil
        }
        // Each licence's one folder: the same name, else the one name that contains or is contained in it; only
        // folders of the repository the licences folder belongs to.
        var named: [Int: [Int]] = [:]
        for (i, l) in models.enumerated() where !l.isFolder && l.licenseFiles == [l.path] {
            guard let lk = licenceKey(l.path) else { continue }
            let root = Path.parent(Path.parent(l.path))
            let inRepo = folders.filter { root.isEmpty || models[$0.index].path.hasPrefix(root + "/") }
            var candidates = inRepo.filter { $0.key == lk }
            if candidates.isEmpty {
                candidates = inRepo.filter { min($0.key.count, lk.count) >= 4 && ($0.key.contains(lk) || lk.contains($0.key)) }
            }
            guard candidates.count == 1, let j = candidates.first?.index else { continue }
            named[j, default: []].append(i)
        }
        // A folder two licences name is not guessed at: both stay models of their own.
        var matched: [Int] = []
        for (j, licences) in named where licences.count == 1 {
            models[j].licenseFiles = [models[licences[0]].path]
            matched.append(licences[0])
        }
        for i in matched.sorted(by: >) { models.remove(at: i) }
    }

    /// Model folders below a model folder (at most three levels down): a sub-folder with its own model
    /// card or licence is a model of its own; a `model_licenses/`-style folder of licences gives one model
    /// per licence file, never one merged "model"; folders of weights or code belong to the model above.
    static func nested(under dir: String, depth: Int, seen: inout Set<String>, budget: inout Int) -> [ModelInput] {
        guard depth <= 3, budget > 0 else { return [] }
        var out: [ModelInput] = []
        for child in list(dir).names where !child.hasPrefix(".") && !vendored.contains(child.lowercased()) {
            let sub = Path.join(dir, child)
            guard FileSystem.isDirectory(sub),
                  seen.insert(realPath(sub)).inserted else { continue }
            if let m = model(in: sub, budget: &budget) {
                let lower = child.lowercased()
                if m.readme == nil, m.licenseFiles.count > 1, lower.contains("license") || lower.contains("licence") {
                    for f in m.licenseFiles {
                        out.append(ModelInput(name: Path.lastComponent(f), path: f, isFolder: false, licenseFiles: [f],
                                              noticeFiles: [], readme: nil, walkErrors: []))
                    }
                } else if m.readme.map(hasFrontMatter) ?? false || !m.licenseFiles.isEmpty || !m.walkErrors.isEmpty {
                    out.append(m)
                }
            }
            out += nested(under: sub, depth: depth + 1, seen: &seen, budget: &budget)
        }
        return out
    }

    /// One model of a Hugging Face hub cache (`models--org--name/` with `refs/main` and `snapshots/<rev>/`,
    /// whose files are symlinks into `blobs/`): the snapshot `refs/main` points to (else the last one),
    /// named `org/name`. A cached model without a licence or card in its snapshot is a model with no licence.
    static func hubModel(_ dir: String, budget: inout Int) -> ModelInput? {
        let base = Path.lastComponent(dir)
        guard base.hasPrefix("models--") else { return nil }
        let snapshots = Path.join(dir, "snapshots")
        guard FileSystem.isDirectory(snapshots) else { return nil }
        let name = String(base.dropFirst("models--".count)).replacing("--", with: "/")
        let ref = SourceFile.head(path: Path.join(dir, "refs/main"), count: 256)
            .map { String(decoding: $0, as: UTF8.self).trimmingSpaces(newlines: true) }
        let revisions = list(snapshots).names.filter { !$0.hasPrefix(".") }
        guard let rev = ref.flatMap({ revisions.contains($0) ? $0 : nil }) ?? revisions.last else {
            return ModelInput(name: name, path: dir, isFolder: true, licenseFiles: [], noticeFiles: [], readme: nil,
                              walkErrors: [InputError(code: "input.empty-cache", path: snapshots, message: "the cached model has no snapshot")])
        }
        let snapshot = Path.join(snapshots, rev)
        var m = model(in: snapshot, budget: &budget)
            ?? ModelInput(name: name, path: snapshot, isFolder: true, licenseFiles: [], noticeFiles: [], readme: nil, walkErrors: [])
        m.name = name
        return m
    }

    /// Folders of other people's code inside a repository: their licences are the code's, not a model's.
    static let vendored: Set<String> = ["node_modules", "vendor", "third_party", "third-party", "thirdparty", "site-packages",
                                        "venv", "__pycache__"]

    /// A README that is a model card: it starts with YAML front matter.
    static func hasFrontMatter(_ path: String) -> Bool {
        guard let b = SourceFile.head(path: path, count: 8) else { return false }
        let start = b.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        return b.count >= start + 3 && b[start] == 0x2D && b[start + 1] == 0x2D && b[start + 2] == 0x2D
    }

    static func realPath(_ p: String) -> String { FileSystem.realPath(p) ?? p }

    /// A folder's entries, sorted, from the raw directory stream: names that are not valid UTF-8 are
    /// returned apart (as lossy text for the message), never silently dropped.
    static func list(_ dir: String) -> (names: [String], undecodable: [String], failed: Bool) {
        guard let d = opendir(dir) else { return ([], [], true) }
        defer { closedir(d) }
        var names: [String] = [], bad: [String] = []
        while let e = readdir(d) {
            let raw: [UInt8] = withUnsafeBytes(of: e.pointee.d_name) { buf in Array(buf.prefix { $0 != 0 }) }
            if raw == [0x2E] || raw == [0x2E, 0x2E] { continue }
            if let s = String(validating: raw, as: UTF8.self) { names.append(s) }
            else { bad.append(String(decoding: raw, as: UTF8.self)) }
        }
        return (names.sorted(), bad.sorted(), false)
    }

    /// A model folder's files, if the folder holds a licence or a model card.
    public static func model(in dir: String, budget: inout Int) -> ModelInput? {
        let listing = list(dir)
        if listing.failed {
            return ModelInput(name: Path.lastComponent(dir), path: dir, isFolder: true, licenseFiles: [],
                              noticeFiles: [], readme: nil,
                              walkErrors: [InputError(code: "input.unreadable", path: dir, message: "cannot list the folder")])
        }
        let entries = listing.names
        var licenses: [String] = [], notices: [String] = []
        var skipped: [(path: String, why: String)] = []
        var gguf: String? = nil
        var readme: String? = nil
        var walkErrors: [InputError] = listing.undecodable.map {
            InputError(code: "input.name-not-utf8", path: Path.join(dir, $0),
                       message: "a file name in the model folder is not valid UTF-8; licenselint cannot tell whether it is a licence")
        }
        for name in entries {
            budget -= 1
            if budget <= 0 { break }
            let p = Path.join(dir, name)
            guard let kind = FileSystem.kind(p) else {
                if isSymlink(p) { walkErrors.append(InputError(code: "input.broken-link", path: p, message: "symbolic link to nothing")) }
                continue
            }
            if kind == .directory { continue }
            let upper = name.uppercased()
            if upper == "README.MD" { readme = p; continue }
            if upper == "MODEL_CARD.MD" || (upper.hasPrefix("MODEL_CARD_") && upper.hasSuffix(".MD")) {
                if readme == nil { readme = p }
                continue
            }
            if isNoticeFile(name) { notices.append(p); continue }
            if GGUF.isGGUF(name) { if gguf == nil { gguf = p }; continue }
            if isLicenseFile(name) {
                if !FileSystem.isReadable(p) {
                    walkErrors.append(InputError(code: "input.unreadable", path: p, message: "permission denied"))
                }
                licenses.append(p)
            } else if titleReadsLikeALicence(p, name: name) {
                licenses.append(p)
            } else if ["LICENSE", "LICENCE"].contains(where: { upper.contains($0) }) {
                let ext = Path.pathExtension(name).lowercased()
                skipped.append((p, "its extension (.\(ext)) says it is code, data or weights, not a licence text"))
            }
        }
        guard !licenses.isEmpty || readme != nil || !walkErrors.isEmpty || gguf != nil else { return nil }
        return ModelInput(name: Path.lastComponent(dir), path: dir, isFolder: true, licenseFiles: licenses,
                          noticeFiles: notices, readme: readme, walkErrors: walkErrors, skippedFiles: skipped, gguf: gguf)
    }

    static func isSymlink(_ p: String) -> Bool {
        FileSystem.isSymbolicLink(p)
    }
}
