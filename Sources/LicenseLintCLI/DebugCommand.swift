import Foundation
import LicenseLint

enum DebugCommand {
    static func run(_ args: [String], console: Console) -> Int32 {
        console.err(Help.usageError("debug needs a tool: yaml-to-json FILE", usage: "licenselint debug yaml-to-json FILE"))
        return ExitCode.error
    }
}
