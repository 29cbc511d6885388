/// What the plan does, read from the profile: the acts that make duties arise (`Trigger`), each answered
/// yes, no, or "the profile does not say" with the fact that is missing.
enum PlanActs {
    struct Answer {
        var does: Bool?
        var location: FileLocation?
        /// "you publish a derivative (distribution.derivatives: true)", or the missing fact when `does` is nil.
        var because: String
    }

    static func answer(_ t: Trigger, _ p: Profile) -> Answer {
        func at<T>(_ v: Located<T>?) -> FileLocation? { v.map { FileLocation(path: p.path, line: $0.line, column: $0.column) } }
        let w = p.distributesWeights, d = p.distributesDerivatives, h = p.hosting
        switch t {
        case .use:
            return Answer(does: true, location: nil, because: "any use of the model")
        case .distributeCopies:
            if let w, w.value { return Answer(does: true, location: at(w), because: "you give copies of the weights to others (distribution.weights: true)") }
            if let d, d.value { return Answer(does: true, location: at(d), because: "you publish a derivative, a modified copy (distribution.derivatives: true)") }
            if let h, h.value.contains(.onDevice) { return Answer(does: true, location: at(h), because: "the model ships on your users' devices (deployment.hosting: on-device)") }
            if w != nil && d != nil { return Answer(does: false, location: nil, because: "no copies are given to anyone") }
            return Answer(does: nil, location: nil, because: "whether copies of the model or a derivative are given to others (distribution.weights, distribution.derivatives)")
        case .distributeUnmodified:
            if let w, w.value { return Answer(does: true, location: at(w), because: "you give unmodified copies of the weights to others (distribution.weights: true)") }
            if w != nil { return Answer(does: false, location: nil, because: "no unmodified copies are given to anyone") }
            return Answer(does: nil, location: nil, because: "whether unmodified copies of the model are given to others (distribution.weights)")
        case .publishDerivative, .publicStatement:
            if let d { return Answer(does: d.value, location: at(d), because: d.value ? "you publish a derivative (distribution.derivatives: true)" : "no derivative is published") }
            return Answer(does: nil, location: nil, because: "whether a derivative is published (distribution.derivatives)")
        case .createDerivative:
            if let f = p.fineTune, f.value { return Answer(does: true, location: at(f), because: "you fine-tune the model, which creates a derivative (training.fine_tune: true)") }
            if let d, d.value { return Answer(does: true, location: at(d), because: "you publish a derivative (distribution.derivatives: true)") }
            if p.fineTune != nil && d != nil { return Answer(does: false, location: nil, because: "no derivative is made") }
            return Answer(does: nil, location: nil, because: "whether you make a derivative (training.fine_tune)")
        case .host:
            guard let h else { return Answer(does: nil, location: nil, because: "how the model is offered (deployment.hosting)") }
            if h.value.contains(where: \.isService) {
                return Answer(does: true, location: at(h), because: "you offer the model to others as a service (deployment.hosting: \(h.value.map(\.rawValue).joined(separator: ", ")))")
            }
            if h.value.contains(.onPrem) {
                if let u = p.monthlyActiveUsers, u.value == 0 { return Answer(does: false, location: nil, because: "the on-premises service has no users") }
                return Answer(does: nil, location: at(h), because: "whether the users of the on-premises service are third parties (outside your organisation) rather than your own staff")
            }
            return Answer(does: false, location: nil, because: "the model is not offered to others")
        case .makeAvailable:
            let host = answer(.host, p), copies = answer(.distributeCopies, p)
            if host.does == true { return Answer(does: true, location: host.location, because: "you make a service that contains the model available (deployment.hosting)") }
            if copies.does == true { return copies }
            if host.does == false && copies.does == false { return Answer(does: false, location: nil, because: "nothing that contains the model is made available to others") }
            return host.does == nil ? host : copies
        }
    }

    /// The acts a duty is read with when its text does not say: a duty tied to copies.
    static let defaultTriggers: [Trigger] = [.distributeCopies]

    /// Whether a duty clause is triggered by the plan: the first act the plan does, or nil with the facts
    /// that are missing, or (false) when the plan does none of them.
    static func triggered(_ c: Clause, _ p: Profile, default fallback: [Trigger] = defaultTriggers) -> (does: Bool?, answer: Answer) {
        var acts = c.triggers.isEmpty ? fallback : c.triggers
        if c.dutyExceptions.contains(.hostedService) { acts.removeAll { $0 == .host } }
        let answers = acts.map { answer($0, p) }
        if let yes = answers.first(where: { $0.does == true }) { return (true, yes) }
        if let unknown = answers.first(where: { $0.does == nil }) { return (nil, unknown) }
        return (false, answers.first ?? Answer(does: false, location: nil, because: "the plan does none of the acts"))
    }

    /// "on the product's website, user interface or documentation"
    static func describe(_ place: Place?) -> String? {
        switch place {
        case .noticeFile: return "in a \"Notice\" text file shipped with the copies you distribute"
        case .product: return "on the product's website, user interface, about page or documentation"
        case .modelName: return "in the name of the derivative model"
        case .agreement: return "in the terms you agree with recipients and users (licence, terms of use or service)"
        case .modelCard: return "in the model card of what you publish"
        case .copies: return "with the copies you distribute"
        case nil: return nil
        }
    }

    /// Where a duty whose clause names no place is met: with the copies, when handing copies over is what
    /// triggers it; in the use itself, for a covenant on any use; else where the cited licence line says.
    /// A duty always says where.
    static func place(of c: Clause) -> String {
        if let p = describe(c.place) { return p }
        let onCopies: Set<Trigger> = [.distributeCopies, .distributeUnmodified]
        if !c.triggers.isEmpty && c.triggers.allSatisfy(onCopies.contains) { return describe(.copies)! }
        if c.triggers == [.use] { return "wherever you use it" }
        return "as and where the cited licence line says"
    }
}

/// Shared reading of the duty kinds (attribution, licence copy, flow-down, covenants): each clause is a duty
/// when the plan does an act that triggers it, nothing when it does none, and "cannot decide" naming the
/// missing fact otherwise.
enum Distribution {
    /// What a cap's duty is and where it is met: the duty clause read from the same sentence ("… you must
    /// prominently display “Powered by Aurora” in that product"), e.g. "show the required notice
    /// \"Powered by Aurora\" on the product's website, …"; nil when the sentence names none the parser read.
    static func capDuty(_ cap: Clause, in l: AppliedLicense) -> String? {
        let kinds: [ClauseKind] = [.attribution, .namingRequirement, .licenseCopyRequired]
        guard let d = l.clauses.first(where: { kinds.contains($0.kind) && $0.evidence.line <= cap.evidence.endLine
                                                  && cap.evidence.line <= $0.evidence.endLine }) else { return nil }
        var text: String
        switch d.kind {
        case .attribution: text = d.notice.map { "show the required notice \"\($0)\"" } ?? "keep the required notices"
        case .namingRequirement: text = d.prefix.map { "begin the model's name with \"\($0)\"" } ?? "name the model as the licence requires"
        default: text = "give a copy of the licence"
        }
        if let place = PlanActs.describe(d.place) { text += " " + place }
        return text
    }

    static func duties(_ rule: RuleDescription, _ ctx: RuleContext, _ kind: ClauseKind,
                       where include: (Clause) -> Bool = { _ in true }, _ describe: (Clause) -> String) -> [Finding] {
        var out: [Finding] = []
        var seen = Set<String>()
        for (l, c) in ctx.clauses(kind) where include(c) {
            let (does, answer) = PlanActs.triggered(c, ctx.profile)
            guard does != false else { continue }
            var text = describe(c)
            text += " " + PlanActs.place(of: c)
            var onlyIf: String? = nil
            var because = answer.because
            if does == nil { onlyIf = answer.because }
            // A duty limited to the multimodal models of a release applies only if this one is multimodal.
            if c.modelScope == .multimodal {
                switch ctx.card?.isMultimodal {
                case .some(false): continue
                case .some(true): because += "; the model card says the model is multimodal"
                case .none: onlyIf = (onlyIf.map { $0 + "; and " } ?? "") + "whether this model is multimodal (the model card's pipeline_tag or tags do not say)"
                }
            }
            guard seen.insert(text + (onlyIf ?? "")).inserted else { continue }
            if let fact = onlyIf {
                var f = ctx.finding(rule, l, c, "cannot decide whether this duty applies: it depends on \(fact) — \(text)",
                                    severity: .warning, category: .undecided, profile: answer.location,
                                    toSupply: "state it in the profile (\(ctx.profile.path)) or the model card")
                f.onlyIf = fact
                out.append(f)
            } else {
                var f = ctx.finding(rule, l, c, text + Finding.becauseMark + because, severity: .note, category: .duty, profile: answer.location)
                f.trigger = because
                out.append(f)
            }
        }
        return out
    }
}
