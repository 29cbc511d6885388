struct CompetingModelTrainingRule: Rule {
    let description = RuleDescription(
        id: "competing-model-training", name: "Training other models is banned",
        summary: "The plan trains other models on the model or its outputs, which the licence forbids.",
        severity: .error, reads: [.competingModelBan],
        profileFields: ["training.outputs_train_other_models", "training.model_train_other_models"],
        whatItChecks: "Reads competing-model bans (scope: outputs, model or both) against the profile's training section.",
        why: "Some licences (Llama 2, Tongyi Qianwen, several API terms) forbid using the model or its outputs to improve other models; distillation or synthetic-data pipelines break them.",
        fix: "Stop using the outputs for training other models, keep training within the allowed family, or obtain permission.",
        bound: "the licensee",
        act: "using the model or its outputs to train or improve other models, as far as the ban reaches (any model, large language models, or models that compete with the licensor)",
        place: "nothing in the plan discharges it; only a licence from the licensor")

    let examples = [
        RuleExample(license: "You will not use the Model or any output of the Model to train or improve any other large language model.",
                    profile: "training:\n  outputs_train_other_models: true\n  model_train_other_models: false\n", expect: .finding),
        RuleExample(license: "You will not use the Model or any output of the Model to train or improve any other large language model.",
                    profile: "training:\n  outputs_train_other_models: false\n  model_train_other_models: false\n", expect: .noFinding),
        RuleExample(license: "You will not use the Model or any output of the Model to train or improve any other large language model.",
                    profile: "training:\n  fine_tune: true\n", expect: .undecided),
    ]

    func evaluate(_ ctx: RuleContext) -> [Finding] {
        var out: [Finding] = []
        for (l, c) in ctx.clauses(.competingModelBan) {
            let scope = c.competingScope
            var checks: [(Located<Bool>?, String, String)] = []
            if scope == .outputs || scope == .both {
                checks.append((ctx.profile.outputsTrainOtherModels, "training.outputs_train_other_models", "outputs"))
            }
            if scope == .model || scope == .both {
                checks.append((ctx.profile.modelTrainsOtherModels, "training.model_train_other_models", "the model"))
            }
            var violated: [(Located<Bool>, String)] = []
            var missing: [String] = []
            for (value, field, what) in checks {
                if let v = value { if v.value { violated.append((v, what)) } } else { missing.append(field) }
            }
            if let (v, what) = violated.first {
                var details = ["the licence forbids using \(scope == .both ? "the model or its outputs" : (scope == .outputs ? "its outputs" : "the model")) to train or improve other models"]
                if let ex = c.allowedException { details.append("allowed: \(ex)") }
                let within = c.allowedException.map { ", train only \($0)" } ?? ""
                out.append(ctx.finding(description, l, c, "the profile trains other models on \(what), which \(ctx.licenseName(l)) forbids",
                                       profile: ctx.profileLocation(v), details: details,
                                       remedy: "stop training other models on \(what)\(within), or obtain the permission of \(ctx.licensor(l))"))
            } else if !missing.isEmpty {
                out.append(ctx.undecided(description, l, c, missing: missing.joined(separator: " and "),
                                         why: "the licence forbids training other models on \(scope == .outputs ? "its outputs" : "the model or its outputs")"))
            }
        }
        return out
    }
}
