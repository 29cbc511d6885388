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
            if s.has(.markWord) && !s.has(.noticeOfMarks) { return one() }
        }
        // Endorsement: "may be used to endorse or promote", "No endorsement … nothing … may be construed as
        // permission to assert … endorsed", "must not misrepresent … an official product … endorsed".
        // ("The Licensor does not endorse … any results" disclaims the licensor's endorsement; it limits nothing.)
        if s.has(.endorse) && (s.prohibits || s.has(.trademarkDenial) || s.has(.noEndorsement))
            && !s.has(.disclaimsEndorsement) && !s.isTitle && s.has(.endorseStrong) {
            return one()
        }
        return []
    }
}
