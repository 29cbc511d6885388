// swift-tools-version:6.0
// licenselint: no package dependencies, by design. The tool that audits licences
// has nothing of its own to audit, and it builds offline.
import PackageDescription

let package = Package(
    name: "licenselint",
    products: [
        .executable(name: "licenselint", targets: ["licenselint"]),
        .library(name: "LicenseLint", targets: ["LicenseLint"]),
    ],
    targets: [
        // Generic YAML → nodes with line/column marks. No domain words.
        .target(name: "LicenseLintYAML"),
        // The library: text intake, clause extraction, catalogue, profile, rules, reporters.
        .target(name: "LicenseLint", dependencies: ["LicenseLintYAML"]),
        // argv → command, terminal handling, exit codes. A library so tests can call it.
        .target(name: "LicenseLintCLI", dependencies: ["LicenseLint", "LicenseLintYAML"]),
        .executableTarget(name: "licenselint", dependencies: ["LicenseLintCLI"]),
        // Throughput benchmark (run it with scripts/bench.sh, release build): not a test.
        .executableTarget(name: "licenselint-bench", dependencies: ["LicenseLint"]),
        .testTarget(name: "LicenseLintYAMLTests", dependencies: ["LicenseLintYAML"]),
        .testTarget(name: "LicenseLintTests", dependencies: ["LicenseLint"], exclude: ["Regressions"]),
        .testTarget(name: "LicenseLintCLITests", dependencies: ["LicenseLintCLI", "licenselint"]),
    ]
)
