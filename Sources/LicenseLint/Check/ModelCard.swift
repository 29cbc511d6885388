import LicenseLintYAML

/// A Hugging Face model card (README.md): its YAML front matter and the title of its body.
public struct ModelCard: Sendable {
    public var path: String
    public var license: Located<String>?
    public var licenseName: Located<String>?
    public var licenseLink: Located<String>?
    public var baseModels: [Located<String>] = []
    public var datasets: [String] = []
    public var modelName: Located<String>?
    /// First "# " heading of the body.
    public var title: String?
    /// Front-matter keys or body links that point at training code.
    public var declaresTrainingCode = false
    /// The card says the weights are not published (API-only models).
    public var weightsUnavailable = false
    /// The Hub's task tag (`pipeline_tag`) and the card's `tags`, read for the model's modality.
    public var pipelineTag: String?
    public var tags: [String] = []
    /// `extra_gated_prompt`: what a Hugging Face gate shows before download; often the licence itself.
    public var gatedPrompt: Located<String>?
    /// The "card" is a GGUF file's header metadata, not a Markdown model card.
    public var fromGGUF = false
    /// Where the training code is, when the card gives a link.
    public var trainingCodeURL: String?
    /// `base_model_relation`: finetune, quantized, adapter or merge.
    public var baseModelRelation: Located<String>?
    /// The card says the model takes or makes more than text (true), only text (false), or does not say (nil).
    public var isMultimodal: Bool? {
        let multimodal: Set<String> = ["image-text-to-text", "visual-question-answering", "any-to-any", "image-to-text",
                                       "video-text-to-text", "audio-text-to-text", "document-question-answering",
                                       "multimodal", "vision", "image-text", "vision-language"]
        let textOnly: Set<String> = ["text-generation", "text2text-generation", "fill-mask", "text-classification",
                                     "token-classification", "question-answering", "summarization", "translation",
                                     "feature-extraction", "sentence-similarity", "conversational"]
        let all = ([pipelineTag].compactMap { $0 } + tags).map { $0.lowercased() }
        if all.contains(where: multimodal.contains) { return true }
        if let p = pipelineTag?.lowercased(), textOnly.contains(p) { return false }
        return nil
    }
    /// The whole card text, for required-notice checks.
    public var text: String = ""

    /// Reads a card. A front matter that is not valid YAML is an error: the card's declarations cannot be trusted.
    public static func read(path: String) -> Result<ModelCard, InputError> {
        let source: SourceFile
        do { source = try SourceFile.load(path: path, maxBytes: InputLimits.maxLicenseBytes) }
        catch { return .failure(error) }
        return parse(source)
    }

    public static func parse(_ source: SourceFile) -> Result<ModelCard, InputError> {
        var card = ModelCard(path: source.path)
        let text = String(decoding: source.bytes, as: UTF8.self)
        card.text = text
        // "\r\n" is one Character in Swift: split on it too, or a CRLF card is one line.
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }).map(String.init)
        var bodyStart = 0
        if let first = lines.first, first.trimmingSpaces() == "---" {
            guard let end = lines.indices.dropFirst().first(where: { lines[$0].trimmingSpaces() == "---" || lines[$0] == "..." }) else {
                return .failure(InputError(code: "card.front-matter-unclosed", path: source.path, location: SourceLocation(line: 1, column: 1),
                                           message: "the model card's front matter starts with '---' but never ends"))
            }
            let yaml = lines[1..<end].joined(separator: "\n")
            guard yaml.utf8.count <= InputLimits.maxFrontMatterBytes else {
                return .failure(InputError(code: "card.front-matter-too-large", path: source.path, location: SourceLocation(line: 1, column: 1),
                                           message: "front matter larger than \(InputLimits.maxFrontMatterBytes) bytes"))
            }
            bodyStart = end + 1
            let node: YAMLNode
            do { node = try YAML.load(Array(yaml.utf8), limits: YAMLLimits(maxBytes: InputLimits.maxFrontMatterBytes, maxDepth: 64, maxAliasExpansion: 1_000)) }
            catch {
                return .failure(InputError(code: "card.invalid-yaml", path: source.path,
                                           location: SourceLocation(line: error.mark.line + 1, column: error.mark.column),
                                           message: "model card front matter: \(error.message)"))
            }
            card.apply(node)
        }
        var previous = ""
        for line in lines[min(bodyStart, lines.count)...] {
            let t = line.trimmingSpaces()
            defer { if !t.isEmpty { previous = t.lowercased() } }
            if card.title == nil, t.hasPrefix("# ") { card.title = String(t.dropFirst(2)).trimmingSpaces() }
            let l = t.lowercased()
            // A link to a code repository described as training code on its line or the line before it
            // ("Training code: https://github.com/…"), not any link near the word "code".
            let link = l.contains("github.com/") || l.contains("gitlab.com/") || l.contains("codeberg.org/")
            let described = { (x: String) in ["training code", "training script", "training recipe", "pretraining code", "pre-training code",
                                              "fine-tuning code", "code used to train", "code to train", "train the model"].contains { x.contains($0) } }
            if link && (described(l) || described(previous)) {
                card.declaresTrainingCode = true
                if card.trainingCodeURL == nil, let u = t.split(whereSeparator: { $0 == " " || $0 == "(" || $0 == ")" || $0 == "<" || $0 == ">" }).first(where: { $0.hasPrefix("http") }) {
                    card.trainingCodeURL = String(u)
                }
            }
        }
        return .success(card)
    }

    mutating func apply(_ node: YAMLNode) {
        guard case .mapping(let pairs) = node.content else { return }
        func located(_ n: YAMLNode) -> Located<String>? {
            switch n.content {
            case .string(let s): return Located(s, line: n.mark.line + 1, column: n.mark.column)
            case .int, .float, .bool: return n.raw.map { Located($0, line: n.mark.line + 1, column: n.mark.column) }
            default: return nil
            }
        }
        for pair in pairs {
            guard case .string(let key) = pair.key.content else { continue }
            let v = pair.value
            switch key {
            case "license": license = located(v)
                // A list names licences that all apply: read as "a AND b", never as its first item.
                if case .sequence(let items) = v.content {
                    let ids = items.compactMap(located)
                    if let f = ids.first { license = Located(ids.map(\.value).joined(separator: " AND "), line: f.line, column: f.column) }
                }
            case "license_name": licenseName = located(v)
            case "license_link": licenseLink = located(v)
            case "model_name": modelName = located(v)
            case "base_model":
                if case .sequence(let items) = v.content { baseModels = items.compactMap(located) }
                else if let one = located(v) { baseModels = [one] }
            case "datasets":
                if case .sequence(let items) = v.content { datasets = items.compactMap { located($0)?.value } }
                else if let one = located(v) { datasets = [one.value] }
            // A field that says it is the training code; a "repository" or "github" key may be inference code.
            case "training_code", "training_repository", "training_code_repository":
                if let value = located(v)?.value, !value.isEmpty, value.lowercased() != "false", value.lowercased() != "none" {
                    declaresTrainingCode = true
                    if value.hasPrefix("http") { trainingCodeURL = value }
                }
            case "pipeline_tag": pipelineTag = located(v)?.value
            case "extra_gated_prompt": gatedPrompt = located(v)
            case "base_model_relation": baseModelRelation = located(v)
            case "tags":
                if case .sequence(let items) = v.content { tags = items.compactMap { located($0)?.value } }
            case "weights":
                if case .bool(false) = v.content { weightsUnavailable = true }
            case "access":
                if case .string(let s) = v.content, ["api", "api-only", "closed"].contains(s.lowercased()) { weightsUnavailable = true }
            default: break
            }
        }
    }
}

extension ModelCard {
    /// A GGUF file's metadata read as a card: its licence id (and name or link for "other"), its name and
    /// its base models. Its "lines" are 1: the header has none.
    public init(gguf meta: GGUFMetadata, path: String) {
        self.path = path
        fromGGUF = true
        func at(_ v: String?) -> Located<String>? { v.map { Located($0, line: 1, column: 1) } }
        license = at(meta.license); licenseName = at(meta.licenseName); licenseLink = at(meta.licenseLink)
        modelName = at(meta.name)
        baseModels = meta.baseModels.map { Located($0, line: 1, column: 1) }
    }
}
