import Testing
import Foundation
@testable import LicenseLint

/// An application repository written for these tests: models named in Python, configuration, an Ollama
/// Modelfile and a Dockerfile, some through variables. Each reference is found at its line and judged
/// from the licence its publisher uses; unknown and unresolved ones are never a pass.
@Suite struct ModelReferenceTests {
    static let app = """
    from transformers import AutoModelForCausalLM, AutoTokenizer, pipeline
    import os

    tok = AutoTokenizer.from_pretrained("meta-llama/Llama-3.1-8B-Instruct")
    model = AutoModelForCausalLM.from_pretrained(
        "meta-llama/Llama-3.1-8B-Instruct",
        torch_dtype="auto",
    )
    clf = pipeline("text-classification", model='nobody/sentiment-tiny')
    emb = SentenceTransformer(os.environ["EMBED_MODEL"])
    other = AutoModel.from_pretrained(f"org/{name}")
    local = AutoModel.from_pretrained("./checkpoints/final")
    # AutoModel.from_pretrained("google/gemma-7b") in a comment is not a load
    """

    func repo() throws -> LayoutScratch {
        let s = try LayoutScratch()
        try s.write("app/src/app.py", Self.app)
        try s.write("app/deploy/config.yaml", "server:\n  port: 8080\nllm:\n  model_id: Qwen/Qwen2.5-3B-Instruct\nopenai:\n  model: gpt-4o\ncache:\n  model: ${MODEL_NAME}\n")
        try s.write("app/deploy/settings.toml", "[generation]\nmodel_name = \"mistralai/Mistral-7B-v0.1\"\n")
        try s.write("app/deploy/Modelfile", "FROM llama3.1:8b\nPARAMETER temperature 0.3\n")
        try s.write("app/deploy/Dockerfile", "FROM python:3.12\nRUN huggingface-cli download google/gemma-2-9b-it --local-dir /models/gemma\n")
        try s.write("app/model/config.json", "{\"model\": \"someone/ignored-artefact\"}\n")
        // A model folder's own Python (remote-code modelling files) is not the application loading a model.
        try s.write("app/model/model.safetensors", "")
        try s.write("app/model/modeling_aurora.py", "cfg = AutoConfig.from_pretrained(pretrained_model_name_or_path)\n")
        return s
    }

    @Test func referencesAreFoundAtTheirLines() throws {
        let s = try repo()
        let refs = ModelReferenceScanner.scan(paths: [s.dir + "/app"]).references
        let found = refs.map { "\(($0.file as NSString).lastPathComponent):\($0.line) \($0.id ?? "?" + ($0.expression ?? ""))" }
        #expect(found == [
            "Dockerfile:2 google/gemma-2-9b-it",
            "Modelfile:1 ollama:llama3.1:8b",
            "config.yaml:4 Qwen/Qwen2.5-3B-Instruct",
            "config.yaml:8 ?${MODEL_NAME}",
            "settings.toml:2 mistralai/Mistral-7B-v0.1",
            "app.py:4 meta-llama/Llama-3.1-8B-Instruct",
            "app.py:5 meta-llama/Llama-3.1-8B-Instruct",
            "app.py:9 nobody/sentiment-tiny",
            "app.py:10 ?os.environ[\"EMBED_MODEL\"]",
            "app.py:11 ?f\"org/{name}\"",
        ], "\(found)")
    }

    @Test func eachModelIsJudgedAndNothingPassesInSilence() throws {
        let s = try repo()
        guard case .success(let p) = ProfileLoader.load(path: fixture("Fixtures/profiles/enterprise.yaml")) else { Issue.record("profile"); return }
        let table = try BaseModelTable.load(catalogueDirectory: fixture("Licenses"))
        let r = Checker(profile: p, catalogue: sharedCatalogue, today: "2026-11-23", baseModels: table).check(paths: [s.dir + "/app"]).report
        func model(_ name: String) -> ModelReport? { r.models.first { $0.name == name } }
        // Llama 3.1 under a 900M-MAU plan: the cap blocks, cited where the code loads it, both loads listed.
        let llama = try #require(model("meta-llama/Llama-3.1-8B-Instruct"))
        #expect(llama.verdict == .blocked && llama.findings.contains { $0.ruleID == "user-cap-exceeded" && $0.location?.line == 4 })
        #expect(llama.references.count == 2 && llama.licenses.first?.identification?.id == "llama3.1")
        #expect(try #require(model("ollama:llama3.1:8b")).findings.contains { $0.ruleID == "user-cap-exceeded" })
        #expect(model("google/gemma-2-9b-it")?.licenses.first?.identification?.id == "gemma")
        #expect(model("mistralai/Mistral-7B-v0.1")?.verdict != .blocked)
        // Unknown, research-licensed and unresolved models are never a pass.
        #expect(model("nobody/sentiment-tiny")?.findings.contains { $0.ruleID == "license-unknown" && $0.severity == .error } == true)
        #expect(model("Qwen/Qwen2.5-3B-Instruct")?.findings.first?.message.contains("Qwen Research License") == true)
        let unresolved = r.models.filter { $0.findings.contains { $0.ruleID == "model-reference-unresolved" } }
        #expect(unresolved.count == 3 && unresolved.allSatisfy { $0.verdict == .needsInput })
        #expect(!r.models.contains { $0.name == "someone/ignored-artefact" || $0.name == "google/gemma-7b" })
    }

    /// A folder for the same model in the run wins over the table.
    @Test func aLocalFolderForTheSameModelWins() throws {
        let s = try LayoutScratch()
        try s.write("app/run.py", "m = AutoModel.from_pretrained(\"org/aurora-8b\")\n")
        try s.write("app/models/aurora-8b/LICENSE", "You may use the Model solely for non-commercial purposes.\n")
        guard case .success(let p) = ProfileLoader.load(path: fixture("Fixtures/profiles/startup.yaml")) else { Issue.record("profile"); return }
        let r = Checker(profile: p, catalogue: sharedCatalogue, today: "2026-11-23").check(paths: [s.dir + "/app"]).report
        #expect(!r.models.contains { $0.name == "org/aurora-8b" }, "\(r.models.map(\.name))")
        #expect(r.models.contains { $0.name == "aurora-8b" && $0.findings.contains { $0.ruleID == "non-commercial-use" } })
    }

    @Test func pythonArgumentsAreReadNotGuessed() {
        func ids(_ code: String) -> [String] {
            ModelReferenceScanner.scan(text: code, kind: .python, file: "x.py").map { $0.id ?? "?" }
        }
        #expect(ids("pipeline('summarization')") == [])                       // a task, not a model
        #expect(ids("pipeline(task='x', model=\"org/m\")") == ["org/m"])
        #expect(ids("hf_hub_download(repo_id='org/m', filename='a.bin')") == ["org/m"])
        #expect(ids("snapshot_download('org/m')") == ["org/m"])
        #expect(ids("llm = LLM(model=\"org/m\", tensor_parallel_size=2)") == ["org/m"])
        #expect(ids("x = MyLLM('org/m')") == [])
        #expect(ids("AutoModel.from_pretrained(path)") == ["?"])
        #expect(ids("AutoModel.from_pretrained('bert-base-uncased')") == ["bert-base-uncased"])
        #expect(ids("AutoModel.from_pretrained('/data/models/x')") == [])    // a local path is a folder, not an id
    }
}
