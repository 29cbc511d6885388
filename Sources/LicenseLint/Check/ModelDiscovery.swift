import Foundation

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
}

public enum ModelDiscovery {
    static func isLicenseFile(_ name: String) -> Bool {
        let u = name.uppercased()
        if u.hasPrefix("LICENSE") || u.hasPrefix("LICENCE") || u.hasPrefix("COPYING") || u.hasPrefix("USE_POLICY")
            || u.hasPrefix("USE-POLICY") || u.hasPrefix("ACCEPTABLE_USE") || u.hasPrefix("ACCEPTABLE-USE") { return true }
        if u.hasSuffix(".MD") && (u.contains("POLICY") || u.contains("LICENSE") || u.contains("LICENCE") || u.contains("TERMS")) { return true }
        return false
    }

    static func isNoticeFile(_ name: String) -> Bool { name.uppercased().hasPrefix("NOTICE") }

    /// Resolves command-line paths to models: a licence file is one model; a folder with licence files or
    /// a model card is one model; a folder of such folders is one model per sub-folder.
    public static func discover(paths: [String]) -> (models: [ModelInput], errors: [InputError]) {
        var models: [ModelInput] = []
        var errors: [InputError] = []
        var budget = InputLimits.maxFilesWalked
        for raw in paths {
            let path = raw.count > 1 && raw.hasSuffix("/") ? String(raw.dropLast()) : raw
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
                errors.append(InputError(code: "input.not-found", path: path, message: "no such file or folder"))
                continue
            }
            if !isDir.boolValue {
                let name = (path as NSString).lastPathComponent
                models.append(ModelInput(name: name, path: path, isFolder: false, licenseFiles: [path], noticeFiles: [],
                                         readme: nil, walkErrors: []))
                continue
            }
            if let m = model(in: path, budget: &budget) {
                models.append(m)
                continue
            }
            // A folder of model folders.
            let children = (try? FileManager.default.contentsOfDirectory(atPath: path))?.sorted() ?? []
            var found = false
            for child in children where !child.hasPrefix(".") {
                let sub = (path as NSString).appendingPathComponent(child)
                var subDir: ObjCBool = false
                guard FileManager.default.fileExists(atPath: sub, isDirectory: &subDir), subDir.boolValue else { continue }
                if isSymlink(sub) { continue }
                found = true
                if let m = model(in: sub, budget: &budget) { models.append(m) }
                else {
                    // A folder with neither licence nor card is still a model: one with no licence.
                    models.append(ModelInput(name: child, path: sub, isFolder: true, licenseFiles: [], noticeFiles: [],
                                             readme: nil, walkErrors: []))
                }
            }
            if !found {
                models.append(ModelInput(name: (path as NSString).lastPathComponent, path: path, isFolder: true,
                                         licenseFiles: [], noticeFiles: [], readme: nil, walkErrors: []))
            }
        }
        if budget <= 0 {
            errors.append(InputError(code: "input.too-many-files", path: paths.joined(separator: " "),
                                     message: "stopped after \(InputLimits.maxFilesWalked) files; check fewer folders at once"))
        }
        return (models, errors)
    }

    /// A model folder's files, if the folder holds a licence or a model card.
    static func model(in dir: String, budget: inout Int) -> ModelInput? {
        let fm = FileManager.default
        let entries: [String]
        do { entries = try fm.contentsOfDirectory(atPath: dir).sorted() }
        catch {
            return ModelInput(name: (dir as NSString).lastPathComponent, path: dir, isFolder: true, licenseFiles: [],
                              noticeFiles: [], readme: nil,
                              walkErrors: [InputError(code: "input.unreadable", path: dir, message: "cannot list the folder")])
        }
        var licenses: [String] = [], notices: [String] = []
        var readme: String? = nil
        var walkErrors: [InputError] = []
        for name in entries {
            budget -= 1
            if budget <= 0 { break }
            let p = (dir as NSString).appendingPathComponent(name)
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: p, isDirectory: &isDir) else {
                if isSymlink(p) { walkErrors.append(InputError(code: "input.broken-link", path: p, message: "symbolic link to nothing")) }
                continue
            }
            if isDir.boolValue { continue }
            if name.uppercased() == "README.MD" { readme = p; continue }
            if isNoticeFile(name) { notices.append(p); continue }
            if isLicenseFile(name) {
                if !fm.isReadableFile(atPath: p) {
                    walkErrors.append(InputError(code: "input.unreadable", path: p, message: "permission denied"))
                }
                licenses.append(p)
            }
        }
        guard !licenses.isEmpty || readme != nil || !walkErrors.isEmpty else { return nil }
        return ModelInput(name: (dir as NSString).lastPathComponent, path: dir, isFolder: true, licenseFiles: licenses,
                          noticeFiles: notices, readme: readme, walkErrors: walkErrors)
    }

    static func isSymlink(_ p: String) -> Bool {
        (try? FileManager.default.attributesOfItem(atPath: p)[.type] as? FileAttributeType) == .typeSymbolicLink
    }
}
