/// No trademark rights, or limits on the licensor's marks: "No trademark licenses are granted", "does not
/// grant permission to use the trade names, trademarks …", "Neither the name … may be used to endorse".
struct TrademarkRestrictionDetector: ClauseDetector {
    let kind = ClauseKind.trademarkRestriction
    let triggers: [G] = [.trademark, .endorse]

    func detect(_ s: SentenceView) -> [Detection] {
        guard !s.isDefinition else { return [] }
        // Notice-keeping duties mention trademarks without restricting them.
        if s.has(.notices) && s.has(.retain) && !s.has(.trademarkDenial) { return [] }
        if s.has(.trademark) && (s.has(.trademarkDenial) || (s.prohibits && s.near(.prohibit, .trademark, within: 80))) {
            let real = s.hits(.trademark).contains { ["trademark", "trademarks", "trade name", "trade names", "service mark",
                                                      "service marks", "logo", "logos", "name or mark", "names or marks",
                                                      "our name", "names of its contributors", "the name of", "marks",
                                                      "publicity rights", "trade dress", "brand", "branding"].contains(s.phrase(of: $0)) }
            if real && !s.mentions("patent, trademark, and attribution notices") { return one() }
        }
        // Endorsement: "may be used to endorse or promote", "No endorsement … nothing … may be construed as
        // permission to assert … endorsed", "must not misrepresent … an official product … endorsed".
        // ("The Licensor does not endorse … any results" disclaims the licensor's endorsement; it limits nothing.)
        if s.has(.endorse) && (s.prohibits || s.has(.trademarkDenial) || s.mentions("no endorsement"))
            && !s.mentions("does not endorse") && !s.mentions("do not endorse") && !s.isTitle {
            let e = s.hits(.endorse).map { s.phrase(of: $0) }
            if e.contains(where: { $0.hasPrefix("endors") || $0 == "promote products" || $0 == "official product"
                                   || $0 == "misrepresent the relationship" }) {
                return one()
            }
        }
        return []
    }
}
