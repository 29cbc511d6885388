import Testing
@testable import LicenseLint

@Suite struct ProfileTests {
    func load(_ yaml: String) -> Result<Profile, ProfileErrors> { ProfileLoader.parse(bytes: Array(yaml.utf8), path: "p.yaml") }

    func errors(_ yaml: String) -> [ProfileError] {
        if case .failure(let e) = load(yaml) { return e.errors }
        return []
    }

    @Test func samplesLoad() throws {
        for name in ["enterprise", "startup", "research-lab", "public-sector"] {
            let r = ProfileLoader.load(path: fixture("Fixtures/profiles/\(name).yaml"))
            if case .failure(let e) = r { Issue.record("\(name): \(e.errors.map(\.description))") }
        }
        guard case .success(let p) = ProfileLoader.load(path: fixture("Fixtures/profiles/enterprise.yaml")) else { return }
        #expect(p.monthlyActiveUsers?.value == 900_000_000)
        #expect(p.annualRevenue?.value == Money(amount: 40_000_000_000, currency: "USD"))
        #expect(p.hosting?.value == [.saas])
        #expect(p.regions?.value == ["US", "EU"])
    }

    @Test(arguments: [("900000000", Int64(900_000_000)), ("900_000_000", 900_000_000), ("900M", 900_000_000), ("1.2B", 1_200_000_000)])
    func numbers(_ written: String, _ value: Int64) throws {
        guard case .success(let p) = load("organisation:\n  monthly_active_users: \(written)\n") else { Issue.record("not loaded"); return }
        #expect(p.monthlyActiveUsers?.value == value)
    }

    @Test(arguments: [("$5M", Int64(5_000_000), "USD"), ("5000000 USD", 5_000_000, "USD"), ("EUR 3M", 3_000_000, "EUR")])
    func money(_ written: String, _ amount: Int64, _ currency: String) {
        guard case .success(let p) = load("organisation:\n  annual_revenue: \(written)\n") else { Issue.record("not loaded"); return }
        #expect(p.annualRevenue?.value == Money(amount: amount, currency: currency))
    }

    /// A `models:` entry may carry its own plan: its fields replace the profile's for that model only,
    /// whichever comes first in the file; everything else is the profile's.
    @Test func modelEntriesCarryTheirOwnPlan() throws {
        let yaml = "models:\n  - plain\n  - path: tuned\n    distribution:\n      derivatives: true\n      derivative_name: Aurora-Tuned\n    training:\n      fine_tune: true\ndistribution:\n  weights: false\n  derivatives: false\ndeployment:\n  hosting: api\n"
        guard case .success(let p) = load(yaml) else { Issue.record("not loaded: \(errors(yaml).map(\.description))"); return }
        #expect(p.models?.value == ["plain", "tuned"])
        #expect(p.modelPlans.count == 1)
        let tuned = p.plan(for: "tuned")
        #expect(tuned.distributesDerivatives?.value == true && tuned.derivativeName?.value == "Aurora-Tuned" && tuned.fineTune?.value == true)
        #expect(tuned.distributesDerivatives?.line == 5)
        // The rest of the plan is the profile's; a sub-folder of the entry has the entry's plan; others the profile's.
        #expect(tuned.hosting?.value == [.api] && tuned.distributesWeights?.value == false)
        #expect(p.plan(for: "./tuned/sub").fineTune?.value == true)
        #expect(p.plan(for: "plain").distributesDerivatives?.value == false)
        #expect(p.plan(for: "tuned-other").distributesDerivatives?.value == false)
    }

    @Test func modelEntriesAreCheckedStrictly() {
        let e = errors("models:\n  - path: m\n    organisation:\n      monthly_active_users: 5\n  - distribution:\n      weights: true\n  - 42\n  - path: n\n    distribution:\n      weigths: true\n")
        #expect(e.contains { $0.code == "profile.unknown-key" && $0.line == 3 && ($0.suggestion ?? "").contains("whole profile") })
        #expect(e.contains { $0.code == "profile.missing-key" && $0.line == 5 })
        #expect(e.contains { $0.code == "profile.wrong-type" && $0.line == 7 })
        #expect(e.contains { $0.code == "profile.unknown-key" && $0.line == 10 && ($0.suggestion ?? "").contains("weights") })
    }

    @Test func typoedKeyIsAnErrorWithASuggestion() {
        let e = errors("organisation:\n  montly_active_users: 5\n")
        #expect(e.count == 1)
        #expect(e.first?.code == "profile.unknown-key")
        #expect(e.first?.line == 2 && e.first?.column == 3)
        #expect(e.first?.suggestion == "did you mean 'monthly_active_users'?")
    }

    @Test func unknownSectionIsAnError() {
        let e = errors("deploymnet:\n  commercial: true\n")
        #expect(e.first?.code == "profile.unknown-key")
        #expect(e.first?.suggestion == "did you mean 'deployment'?")
    }

    @Test func stringWhereANumberBelongs() {
        let e = errors("organisation:\n  monthly_active_users: lots\n")
        #expect(e.first?.code == "profile.wrong-type")
        #expect(e.first?.line == 2 && e.first?.column == 25)
        #expect(e.first?.suggestion?.contains("900M") == true)
    }

    @Test func unknownHostingMode() {
        let e = errors("deployment:\n  hosting: sass\n")
        #expect(e.first?.code == "profile.invalid-value")
        #expect(e.first?.suggestion == "did you mean 'saas'?")
    }

    @Test func yesIsNotABoolean() {
        let e = errors("deployment:\n  commercial: yes\n")
        #expect(e.first?.code == "profile.wrong-type")
        #expect(e.first?.suggestion?.contains("write true") == true)
    }

    @Test func moneyNeedsACurrency() {
        let e = errors("organisation:\n  annual_revenue: 5000000\n")
        #expect(e.first?.code == "profile.invalid-value")
    }

    @Test func regionNamesSuggestCodes() {
        let e = errors("deployment:\n  regions: [Germany, US]\n")
        #expect(e.first?.suggestion == "did you mean 'DE'?")
    }

    @Test func allMistakesAreReportedInOnePass() {
        let e = errors("organisation:\n  montly_active_users: 5\ndeployment:\n  hosting: sass\n  commercial: maybe\n")
        #expect(e.count == 3)
        #expect(e.map(\.line) == [2, 4, 5])
    }

    @Test func exceptionsNeedRuleReasonAndTarget() {
        let e = errors("policy:\n  exceptions:\n    - rule: user-cap-exceeded\n      expires: 2026-13-01\n")
        #expect(e.contains { $0.message.contains("reason") })
        #expect(e.contains { $0.message.contains("licence or the model") })
        #expect(e.contains { $0.message.contains("yyyy-mm-dd") })
    }

    @Test func yamlSyntaxErrorsCarryTheirPosition() {
        let e = errors("organisation:\n  name: [unclosed\n")
        #expect(e.first?.code.hasPrefix("profile.yaml") == true)
        #expect((e.first?.line ?? 0) >= 2)
    }

    @Test func aliasBombIsRefused() {
        var yaml = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1...9 { yaml += "a\(i): &a\(i) [" + Array(repeating: i == 1 ? "*a" : "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n" }
        #expect(!errors(yaml).isEmpty)
    }

    @Test func schemaListsEverySection() {
        let s = ProfileJSONSchema.document()
        let props = s["properties"]
        for section in ["organisation", "deployment", "distribution", "training", "policy"] { #expect(props?[section] != nil) }
    }
}
