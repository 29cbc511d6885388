/// The profile schema as data: validation, `licenselint schema` (JSON Schema) and the README all read it.
public enum ProfileSchema {
    public enum FieldType: Sendable {
        case bool, count, money, text, textList, choice([String]), choiceList([String]), regionList, country,
             jurisdictionList, licenseList, severity, openness, exceptions, integer, pathList, modelList
    }

    public struct Field: Sendable {
        public var key: String
        public var type: FieldType
        public var help: String
    }

    public struct Section: Sendable {
        public var key: String
        public var help: String
        public var fields: [Field]
    }

    /// Use cases a profile may declare: the acceptable-use categories (so a licence's banned uses can be
    /// matched) and common benign ones.
    /// What a model may be used for: the harm categories of acceptable-use terms, then benign uses.
    public static let useCases: [String] = UseCategory.allCases.map(\.rawValue) + benignUseCases

    public static let benignUseCases: [String] = [
        "chat-assistant", "customer-support", "code-generation", "content-generation", "search", "summarization",
        "translation", "classification", "research", "education", "internal-tools", "image-generation",
        "speech", "recommendation", "data-analysis", "agents",
    ]

    public static let hostingModes = HostingMode.allCases.map(\.rawValue)

    public static let sections: [Section] = [
        Section(key: "organisation", help: "Who deploys: size and place of the organisation.", fields: [
            Field(key: "name", type: .text, help: "Organisation name, for reports."),
            Field(key: "monthly_active_users", type: .count, help: "Monthly active users of the products using the model(s): 900000000, 900_000_000, 900M or 1.2B."),
            Field(key: "daily_active_users", type: .count, help: "Daily active users."),
            Field(key: "annual_revenue", type: .money, help: "Annual revenue with currency: $5M, 5000000 USD, EUR 3M, or {amount: 5000000, currency: USD}."),
            Field(key: "headquarters", type: .country, help: "Country of the headquarters, ISO 3166-1 alpha-2 (US, DE, CN)."),
        ]),
        Section(key: "deployment", help: "How the model is used.", fields: [
            Field(key: "commercial", type: .bool, help: "The model is used commercially (in a product, for a paying customer, or for business operations)."),
            Field(key: "production", type: .bool, help: "The model runs in production (not only evaluation or research)."),
            Field(key: "hosting", type: .choiceList(hostingModes), help: "How the model is offered: internal, on-prem, saas, api, on-device (one or a list)."),
            Field(key: "regions", type: .regionList, help: "Where the deployment is offered or used: ISO 3166-1 alpha-2 codes or EU."),
            Field(key: "use_cases", type: .choiceList(useCases), help: "What the model is used for; harm categories are matched against licences' acceptable-use terms."),
        ]),
        Section(key: "distribution", help: "What the team gives to others.", fields: [
            Field(key: "weights", type: .bool, help: "The model weights are redistributed to third parties."),
            Field(key: "derivatives", type: .bool, help: "Fine-tuned or modified models are published or given to others."),
            Field(key: "derivative_name", type: .text, help: "The name the derivative model is published under."),
            Field(key: "derivative_license", type: .text, help: "The licence id the derivative is published under (e.g. apache-2.0, llama3.1)."),
        ]),
        Section(key: "training", help: "How the model and its outputs are used for training.", fields: [
            Field(key: "fine_tune", type: .bool, help: "The model is fine-tuned."),
            Field(key: "outputs_train_other_models", type: .bool, help: "Outputs of the model are used to train or improve other models."),
            Field(key: "model_train_other_models", type: .bool, help: "The model itself is used to train other models (distillation, teacher model)."),
        ]),
        Section(key: "policy", help: "What the team requires of licences, and accepted exceptions.", fields: [
            Field(key: "fail_on", type: .severity, help: "Lowest severity that fails the run: error (default) or warning."),
            Field(key: "require_openness", type: .openness, help: "Minimum openness: closed, open-weights-restricted, open-weights, open-source."),
            Field(key: "allowed_jurisdictions", type: .jurisdictionList, help: "Governing laws the team accepts: US-CA, US-DE, GB, IE, …"),
            Field(key: "allow_licenses", type: .licenseList, help: "If set, only these licence ids are allowed."),
            Field(key: "deny_licenses", type: .licenseList, help: "Licence ids that are never allowed."),
            Field(key: "exceptions", type: .exceptions, help: "Accepted findings: rule, license (or model), reason and expires (yyyy-mm-dd)."),
        ]),
    ]

    /// Top-level keys besides the sections.
    public static let topLevel: [Field] = [
        Field(key: "version", type: .integer, help: "Profile format version (1)."),
        Field(key: "models", type: .modelList, help: "Model folders to check when `licenselint check` is given no paths. An entry may be a mapping with `path` and its own deployment, distribution or training fields, which replace the profile's for that model (e.g. one model hosted, another fine-tuned and published)."),
    ]

    /// The sections a `models:` entry may set for its model (organisation and policy are the profile's).
    public static let planSections = ["deployment", "distribution", "training"]

    public static let exceptionKeys = ["rule", "license", "model", "reason", "expires"]
}
