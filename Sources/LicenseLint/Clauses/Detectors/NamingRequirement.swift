/// "… you shall also include “Llama” at the beginning of any such AI model name."
struct NamingRequirementDetector: ClauseDetector {
    let kind = ClauseKind.namingRequirement
    let triggers: [G] = [.namingTrigger]

    func detect(_ s: SentenceView) -> [Detection] {
        guard s.has(.name), s.obliges || s.has(.permit), !s.has(.prohibit) || s.has(.oblige), !s.isDefinition else { return [] }
        guard s.near(.namingTrigger, .name, within: 60) else { return [] }
        // The quoted word nearest to the trigger.
        let triggers = s.hits(.namingTrigger)
        let quotes = s.quoted.filter { $0.text.count <= 40 }
        var best: (String, Int)? = nil
        for q in quotes {
            for t in triggers {
                let d = q.end <= Int(t.start) ? Int(t.start) - q.end : (q.start >= Int(t.end) ? q.start - Int(t.end) : 0)
                // The name as written, hyphens kept ("glm-4", not "glm 4").
                if d <= 80, d < (best?.1 ?? Int.max) { best = (s.analysis.textWithHyphens(from: q.start + 1, to: q.end - 1), d) }
            }
        }
        guard let prefix = best?.0 else { return [] }
        return one([(.prefix, .string(prefix))] + DutyConditions.read(s, kind))
    }
}
