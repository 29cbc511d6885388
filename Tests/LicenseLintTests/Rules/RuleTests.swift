import Testing
import Foundation
@testable import LicenseLint

struct ExampleCase: CustomTestStringConvertible, Sendable {
    var rule: String
    var example: RuleExample
    var testDescription: String { "\(rule) → \(example.expect.rawValue) (\((example.file as NSString).lastPathComponent):\(example.line))" }
}

let allExamples: [ExampleCase] = RuleRegistry.all.flatMap { r in r.examples.map { ExampleCase(rule: r.description.id, example: $0) } }

@Suite struct RuleTests {
    /// Every rule's documented examples run through the real parser, profile loader and rule.
    @Test(arguments: allExamples)
    func example(_ c: ExampleCase) throws {
        guard let rule = RuleRegistry.all.first(where: { $0.description.id == c.rule }) else { Issue.record("no rule \(c.rule)"); return }
        guard case .success(let profile) = ProfileLoader.parse(bytes: Array(c.example.profile.utf8), path: "profile.yaml") else {
            Issue.record("example profile does not load: \(c.example.file):\(c.example.line)"); return
        }
        let parsed = LicenseParser.parse(source: SourceFile(path: "LICENSE", bytes: Array(c.example.license.utf8)), catalogue: sharedCatalogue)
        let license = AppliedLicense(file: "LICENSE", declaredID: nil, identification: parsed.identification, source: .text, clauses: parsed.clauses)
        let ctx = RuleContext(model: "m", modelPath: "m", licenses: [license], profile: profile, catalogue: sharedCatalogue, card: nil,
                              openness: OpennessAssessor.assess(licenses: [license], card: nil, catalogue: sharedCatalogue))
        let findings = rule.evaluate(ctx)
        let real = findings.filter { $0.category != .undecided }
        let undecided = findings.filter { $0.category == .undecided }
        let where_ = "\(c.example.file):\(c.example.line)"
        // Each finding is this rule's, cited at the licence line of a clause the rule reads, with a message.
        let reads = Set(rule.description.reads)
        for f in findings {
            #expect(f.ruleID == c.rule, "\(where_): a finding of \(f.ruleID)")
            #expect(!f.message.isEmpty && f.model == "m", "\(where_)")
            // A warning means "cannot decide" and names the missing fact; a conflict is an error.
            if f.severity == .warning { #expect(f.category == .undecided, "\(where_): a warning filed as \(f.category.rawValue): \(f.message)") }
            // An error is a conflict, and says what resolves it for this licence and plan.
            if f.severity == .error {
                #expect(f.category == .conflict, "\(where_): an error filed as \(f.category.rawValue)")
                #expect(!(f.remedy ?? "").isEmpty, "\(where_): a conflict with no remedy: \(f.message)")
            }
            guard !reads.isEmpty else { continue }
            if let k = f.clauseKind { #expect(reads.contains(k), "\(where_): cites \(k.rawValue), which \(c.rule) does not read") }
            if let loc = f.location, loc.path == "LICENSE" {
                #expect(parsed.clauses.contains { reads.contains($0.kind) && $0.evidence.line <= loc.line && loc.line <= $0.evidence.endLine },
                        "\(where_): cited at LICENSE:\(loc.line), where no clause the rule reads is written")
            }
        }
        switch c.example.expect {
        case .finding:
            #expect(!real.isEmpty, "expected a finding at \(where_); clauses: \(parsed.clauses.map(\.kind.rawValue))")
            // A conflict at the rule's severity (a duty rule's finding is the duty it owes).
            #expect(real.contains { $0.severity == rule.description.severity }, "\(where_): no finding at \(rule.description.severity), got \(findings.map { "\($0.severity)" })")
        case .duty: #expect(!real.isEmpty && real.allSatisfy { $0.category == .duty && $0.severity == .note }, "expected only duties at \(where_), got \(findings.map { "\($0.severity): \($0.message)" })")
        case .noFinding: #expect(findings.isEmpty, "expected no finding at \(where_), got \(findings.map(\.message))")
        case .undecided:
            #expect(real.isEmpty && !undecided.isEmpty, "expected 'cannot decide' at \(where_), got \(findings.map(\.message))")
            // A question names what decides it.
            #expect(undecided.allSatisfy { !($0.toSupply ?? "").isEmpty }, "\(where_): a 'cannot decide' that names nothing to supply")
        }
    }

    /// Rules about a model folder (lineage, files present) are exercised end to end on the fixture
    /// folders in CheckTests, with a triggering and a compliant derivative.
    static let folderRules: Set<String> = ["license-relabelled", "license-copy-missing", "notice-missing"]

    @Test func everyRuleHasAFindingAndANoFindingExample() {
        for r in RuleRegistry.all where !RuleTests.folderRules.contains(r.description.id) {
            let outcomes = Set(r.examples.map(\.expect))
            let id = r.description.id
            // A rule that can only say "cannot decide" shows that outcome instead of a conflict.
            let triggers: RuleExample.Outcome = r.description.severity == .warning && !outcomes.contains(.finding) ? .undecided : .finding
            #expect(outcomes.contains(triggers), "\(id) has no triggering example")
            if id != "license-denied" && id != "openness-below-required" {
                #expect(outcomes.contains(.noFinding), "\(id) has no non-triggering example")
            }
        }
    }

    /// `explain` says, for every rule, who is bound, by what act, and where it is met.
    @Test func everyRuleSaysWhoIsBoundByWhatActAndWhere() {
        for d in RuleRegistry.descriptions {
            #expect(d.bound.count > 5 && d.act.count > 5 && d.place.count > 5, "\(d.id)")
        }
    }

    /// Rule ids are public names; this list pins them (a rename must be deliberate).
    @Test func ruleIdsAreStable() {
        #expect(RuleRegistry.descriptions.map(\.id) == [
            "attribution-duty", "base-model-unknown", "commercial-registration", "competing-model-training", "contract-not-applicable", "exception-expired",
            "exception-unused", "export-control", "governing-law-not-allowed", "hosting-restricted", "input-error", "latest-version-duty", "license-choice",
            "license-copy-duty", "license-copy-missing", "license-denied", "license-file-skipped", "license-mismatch", "license-relabelled", "license-unknown",
            "license-unreadable", "model-reference-unresolved", "naming-requirement", "no-license-found", "non-commercial-use", "notice-missing",
            "openness-below-required", "production-use", "prohibited-use-case", "redistribution-banned", "region-restricted", "research-only-use",
            "restrictions-not-passed-on", "revenue-cap-exceeded", "scan-skipped", "share-alike-violated", "terms-changed", "terms-may-change", "terms-unreviewed", "use-restriction-flowdown",
            "user-cap-exceeded",
        ])
    }
}

/// A cap whose consequence is a duty names that duty and its place, as a duty rule does.
@Test func aCapDutySaysWhatAndWhere() throws {
    guard case .success(let profile) = ProfileLoader.parse(bytes: Array("organisation:\n  annual_revenue: $200M\n  monthly_active_users: 200M\n".utf8), path: "p.yaml") else { Issue.record("profile"); return }
    for text in ["If your annual revenue exceeds US$20,000,000, you must prominently display \"Powered by Aurora\" on the user interface of your product.",
                 "If your product has more than 100 million monthly active users, you must prominently display \"Powered by Aurora\" on its user interface."] {
        let parsed = LicenseParser.parse(source: SourceFile(path: "LICENSE", bytes: Array(text.utf8)), catalogue: sharedCatalogue)
        let license = AppliedLicense(file: "LICENSE", declaredID: nil, identification: parsed.identification, source: .text, clauses: parsed.clauses)
        let ctx = RuleContext(model: "m", modelPath: "m", licenses: [license], profile: profile, catalogue: sharedCatalogue, card: nil,
                              openness: OpennessAssessor.assess(licenses: [license], card: nil, catalogue: sharedCatalogue))
        let duties = (RevenueCapRule().evaluate(ctx) + UserCapRule().evaluate(ctx)).filter { $0.category == .duty }
        #expect(duties.count == 1 && duties[0].message.contains("\"Powered by Aurora\"") && duties[0].message.contains("user interface"),
                "\(duties.map(\.message))")
    }
}
