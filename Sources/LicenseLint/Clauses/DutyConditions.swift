/// Reads the conditions of a duty from the sentence that imposes it (and its list lead-in): the acts that
/// trigger it, the place where it is met, and its carve-outs. A condition the sentence does not settle is
/// left out; rules then apply the narrowest reading the spec gives (a duty tied to copies) or say they
/// cannot decide.
enum DutyConditions {
    static func read(_ s: SentenceView, _ kind: ClauseKind) -> [(Param, ParameterValue)] {
        var triggers: [Trigger] = []
        func add(_ t: Trigger) { if !triggers.contains(t) { triggers.append(t) } }
        let distributes = s.inherits(.distribute)
        let builds = s.has(.trainVerb) || s.has(.createVerb)
        // "provide a copy of this Agreement with any such Materials": the copy travels with copies.
        let travelsWithCopies = s.has(.withCopies) || s.has(.copiesPlace)
        if kind == .namingRequirement {
            // "… to create, train, fine tune … an AI model, which is distributed or made available"
            add(distributes || !builds ? .publishDerivative : .createDerivative)
        } else {
            if distributes { add(.distributeCopies) }
            // "distribute or make available … a product or service that contains …"
            if distributes && s.has(.productOrService) && !(kind == .licenseCopyRequired && travelsWithCopies) {
                add(.makeAvailable)
            }
            // "use a … Model to create a Derivative Model"
            // (Restrictions that "also apply to any Derivative you create" bind the derivative; passing them on
            // is owed when it is handed over, so a flow-down is never triggered by creating one.)
            if s.near(.createVerb, .derivative, within: 40) && kind != .useRestrictionFlowdown { add(.createDerivative) }
            if s.has(.publicStatement) && s.has(.derivative) { add(.publicStatement) }
            if (s.has(.remoteAccess) || s.has(.hosting)) && !s.has(.hostedCarveOut) && !s.prohibits { add(.host) }
            if kind == .licenseCopyRequired && travelsWithCopies { triggers.removeAll { $0 == .makeAvailable || $0 == .host } }
            if triggers.isEmpty && travelsWithCopies { add(.distributeCopies) }
            // "If you redistribute the Software in its entirety and without modifications, you must retain
            // this notice": only unmodified copies owe it.
            // ("with or without modifications", a grant's words, is not that condition.)
            let grants = s.hits(.withOrWithout)
            if s.hits(.unmodifiedOnly).contains(where: { h in !grants.contains { $0.start <= h.start && h.end <= $0.end } }) {
                triggers = [.distributeUnmodified]
            }
        }
        var out: [(Param, ParameterValue)] = []
        if !triggers.isEmpty { out.append((.trigger, .of(triggers))) }
        if let p = place(s, kind) { out.append((.place, .of(p))) }
        if s.has(.hostedCarveOut) { out.append((.except, .of([DutyException.hostedService]))) }
        if concernsMultimodalModels(s) { out.append((.models, .of(ModelScope.multimodal))) }
        return out
    }

    /// The duty is about a class of models the text defines as multimodal ("“NVIDIA Cosmos Model” means a
    /// multimodal Model"), or names multimodal models itself.
    static func concernsMultimodalModels(_ s: SentenceView) -> Bool {
        if s.has(.multimodal) { return true }
        let terms = s.analysis.definedTerms(.multimodal) { $0.has(.multimodal) }
        guard !terms.isEmpty else { return false }
        let lower = s.lower
        return terms.contains { lower.contains($0.term) }
    }

    static func place(_ s: SentenceView, _ kind: ClauseKind) -> Place? {
        switch kind {
        case .namingRequirement: return .modelName
        case .useRestrictionFlowdown: return .agreement
        default: break
        }
        if kind == .licenseCopyRequired { return .copies }
        if s.has(.noticeFilePlace) { return .noticeFile }
        if s.has(.productPlace) && kind == .attribution { return .product }
        if s.has(.modelCardPlace) { return .modelCard }
        if s.has(.copiesPlace) || s.has(.withCopies) { return .copies }
        // Notices are retained in the files themselves: "retain all copyright … notices".
        if kind == .attribution && s.has(.retain) && s.has(.notices) { return .copies }
        return nil
    }

    /// Whether a text counts offering the model as a hosted service as distributing it: a definition of
    /// distribution or sharing that names hosted or remote access ("including … as a hosted service via
    /// API, web access, or any other electronic or remote means").
    static func hostingIsDistribution(_ a: Analysis) -> Bool {
        for i in a.sentences.indices where a.definition[i] {
            let g = a.groups[i]
            if g.contains(.distribute) && g.contains(.remoteAccess) { return true }
        }
        return false
    }

    /// Where hosting is distribution, the duties owed to recipients of distributed copies are owed to
    /// hosted users too — unless the duty excludes hosted services or is met in the files themselves.
    static func extendToHosting(_ clauses: inout [Clause]) {
        for i in clauses.indices {
            let c = clauses[i]
            guard [.useRestrictionFlowdown, .licenseCopyRequired, .attribution].contains(c.kind),
                  c.dutyExceptions.isEmpty, c.place != .copies || c.kind == .licenseCopyRequired, c.place != .noticeFile else { continue }
            var t = c.triggers
            guard t.isEmpty || t.contains(.distributeCopies), !t.contains(.host) else { continue }
            if t.isEmpty { t = [.distributeCopies] }
            t.append(.host)
            var params = c.parameters.filter { $0.0 != Param.trigger.rawValue }
            params.append((Param.trigger.rawValue, .of(t)))
            clauses[i].parameters = params
        }
    }
}
