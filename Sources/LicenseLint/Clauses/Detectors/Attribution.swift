/// A notice or credit must be kept or shown: "retain all copyright … and attribution notices",
/// "prominently display “Built with Llama”", "The above copyright notice … shall be included in all copies",
/// and in a list of prohibitions "alter or remove copyright and other proprietary notices".
struct AttributionDetector: ClauseDetector {
    let kind = ClauseKind.attribution
    let triggers: [G] = [.notices, .display, .noticeHint, .followingNotice]

    func detect(_ s: SentenceView) -> [Detection] {
        guard !s.isDefinition else { return [] }
        // The sentence's quotations, read once for the branches and the notice that want them.
        var quoteCache: [(text: String, start: Int, end: Int)]? = nil
        func quotes() -> [(text: String, start: Int, end: Int)] {
            if let q = quoteCache { return q }
            let q = s.quoted
            quoteCache = q
            return q
        }
        var fires = false
        // Keep notices: "must retain … notices", "shall be included in all copies".
        if s.has(.notices) && s.has(.retain) && (s.obliges || s.isImperativeItem || s.has(.beIncluded)) {
            fires = true
        }
        // Do not remove them: a prohibition on altering or removing notices.
        if !fires && s.has(.notices) && s.has(.removeVerb) && s.prohibits && s.before(.removeVerb, .notices, within: 60) {
            fires = true
        }
        // Show a credit: "display “Built with …”", "acknowledge … as follows", "the following attribution notice".
        // Or include one: "include the notice "Powered by …" in any product".
        if !fires && s.obliges && (s.has(.display) || s.has(.followingNotice) || (s.has(.retain) && quotesACredit(s, quotes()))) &&
            (s.has(.noticeHint) || s.has(.followingNotice) || s.has(.notices)) && !s.prohibits {
            fires = true
        }
        // "you must credit the Licensor as the creator of the Model", "cite the accompanying paper"
        if !fires && s.obliges && !s.prohibits && givesCredit(s) {
            fires = true
        }
        // "you shall prominently display "Example K2" on the user interface"
        if !fires && (s.obliges || s.isImperativeItem) && !s.prohibits && s.has(.displayVerb),
           quotes().contains(where: { Lexicon.wordCount($0.text) <= 8 && !Lexicon.isWebAddress($0.text) }) {
            fires = true
        }
        // Negations last: few sentences get this far.
        // "You may add your own copyright statement …" is a permission; "You accept and agree to be bound by …
        // this … Attribution … Public License" names the licence.
        guard fires, !negated(s), !s.has(.mayAddOwn), !s.has(.agreeBound) else { return [] }
        var found = Detection(parameters: (quotedNotice(s, quotes()).map { [(.notice, .string($0))] } ?? []) + DutyConditions.read(s, kind))
        // An item that only names what to keep, under "a. retain the following …: i. identification of the
        // creator(s) …": the evidence starts at the lead-in whose verb is the duty.
        let ownVerb = s.has(.retain) || s.has(.ownCreditVerb)
        if let lead = s.lead, lead.sentence.endsWithColon, lead.obliges, !lead.prohibits, s.index - lead.index <= 8, !ownVerb,
           !s.has(.oblige) {
            found.range = lead.start..<s.end
        }
        return [found]
    }

    /// A duty to credit or cite: "credit", "cite" or "give appropriate credit" as a verb, not "credit card".
    private func givesCredit(_ s: SentenceView) -> Bool {
        // "acknowledge the use of Research Materials in your publication" (not "You acknowledge that …").
        if s.has(.acknowledgeUse) { return true }
        // "credit card", "credit score", "credit line" (a notice, read by the other branches) are nouns.
        return s.hits(.creditVerb).contains { h in !s.hitFollows(.creditNoun, at: Int(h.end)) }
    }

    /// A quoted credit line of three words or more that starts with a credit phrase: "Powered by Orion".
    private func quotesACredit(_ s: SentenceView, _ quoted: [(text: String, start: Int, end: Int)]) -> Bool {
        let hints = s.hits(.noticeHint)
        return quoted.contains { q in
            Lexicon.wordCount(q.text) >= 3 && hints.contains { Int($0.start) == q.start + 1 && Int($0.end) < q.end }
        }
    }

    private func negated(_ s: SentenceView) -> Bool {
        s.has(.notRequiredTo) || s.has(.noAttribution)
    }


    /// The required words: a quoted string of a few words in this sentence, or in the next one when the
    /// sentence ends with a colon.
    private func quotedNotice(_ s: SentenceView, _ own: [(text: String, start: Int, end: Int)]) -> String? {
        func pick(_ v: SentenceView, _ quoted: [(text: String, start: Int, end: Int)]) -> String? {
            // Not the name of the file the notice goes in ("within a "Notice" text file …: "X is licensed …""),
            // nor the label a definition gives it ("(the "Attribution Notice")").
            let q = quoted.filter { q in
                !v.hitFollows(.fileWord, at: q.end) && !v.isDefinitionLabel(quoteStart: q.start, quoteEnd: q.end)
            }.first { q in
                // Some character other than a space; not a web address; at most 300 characters.
                let t = q.text
                return t.utf8.contains { $0 != 0x20 } && !Lexicon.isWebAddress(t)
                    && (t.utf8.count <= 300 || t.count <= 300)
            }
            // The words as the licence writes them: with its hyphens ("Non-Commercial"), which matching reads as spaces.
            return q.map { v.analysis.textWithHyphens(from: $0.start + 1, to: $0.end - 1) }
        }
        if let q = pick(s, own) { return q }
        if s.sentence.endsWithColon || s.has(.followingNotice), s.index + 1 < s.analysis.sentences.count {
            let next = s.analysis.view(s.index + 1)
            return pick(next, next.quoted)
        }
        return nil
    }
}
