import Testing
@testable import LicenseLintYAML

/// Loads `text` and returns its compact JSON, or "ERROR code @line:col" when loading or
/// conversion fails — so one string comparison checks both the value and the failure.
func jsonOf(_ text: String, limits: YAMLLimits = .default) -> String {
    do {
        let node = try YAML.load(text, limits: limits)
        return try YAML.json(node)
    } catch {
        return "ERROR \(error.code) @\(error.mark)"
    }
}

/// The error `text` fails with, or nil when it loads.
func loadError(_ text: String, limits: YAMLLimits = .default) -> YAMLError? {
    do {
        _ = try YAML.load(text, limits: limits)
        return nil
    } catch {
        return error
    }
}

func loadError(bytes: [UInt8], limits: YAMLLimits = .default) -> YAMLError? {
    do {
        _ = try YAML.load(bytes, limits: limits)
        return nil
    } catch {
        return error
    }
}

/// The node at a path of mapping keys (strings) and sequence indexes (ints).
func node(_ root: YAMLNode, _ path: [any Sendable]) -> YAMLNode? {
    var current = root
    for step in path {
        switch (current.content, step) {
        case (.mapping(let pairs), let key as String):
            guard let pair = pairs.first(where: {
                if case .string(let s) = $0.key.content { return s == key }
                return false
            }) else { return nil }
            current = pair.value
        case (.sequence(let items), let index as Int):
            guard items.indices.contains(index) else { return nil }
            current = items[index]
        default:
            return nil
        }
    }
    return current
}

func mark(_ line: Int, _ column: Int) -> YAMLMark {
    YAMLMark(line: line, column: column)
}
