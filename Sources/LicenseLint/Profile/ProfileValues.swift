
/// Readers for the values people write in profiles: counts, money, country and jurisdiction codes, dates.
public enum ProfileValues {
    /// "900000000", "900_000_000", "900,000,000", "900M", "1.2B", "900 million", "5k"
    public static func count(_ s: String) -> Int64? {
        let t = s.trimmingSpaces().lowercased().replacing("_", with: "")
        guard !t.isEmpty else { return nil }
        let bytes = Array(t.utf8)
        let qs = Quantities.find(in: bytes, from: 0, to: bytes.count)
        guard qs.count == 1, let q = qs.first, q.start == 0, q.end == bytes.count, q.currency == nil else { return nil }
        return q.value
    }

    /// "$5M", "US$ 1,000,000", "5000000 USD", "EUR 3M", "€2.5M"
    public static func money(_ s: String) -> Money? {
        let t = s.trimmingSpaces().lowercased().replacing("_", with: "")
        let bytes = Array(t.utf8)
        let qs = Quantities.find(in: bytes, from: 0, to: bytes.count)
        guard qs.count == 1, let q = qs.first, q.start == 0, q.end == bytes.count, let c = q.currency else { return nil }
        return Money(amount: q.value, currency: c)
    }

    static let isoCountries: Set<String> = [
        "AD","AE","AF","AG","AI","AL","AM","AO","AQ","AR","AS","AT","AU","AW","AX","AZ","BA","BB","BD","BE","BF","BG","BH","BI",
        "BJ","BL","BM","BN","BO","BQ","BR","BS","BT","BV","BW","BY","BZ","CA","CC","CD","CF","CG","CH","CI","CK","CL","CM","CN",
        "CO","CR","CU","CV","CW","CX","CY","CZ","DE","DJ","DK","DM","DO","DZ","EC","EE","EG","EH","ER","ES","ET","FI","FJ","FK",
        "FM","FO","FR","GA","GB","GD","GE","GF","GG","GH","GI","GL","GM","GN","GP","GQ","GR","GS","GT","GU","GW","GY","HK","HM",
        "HN","HR","HT","HU","ID","IE","IL","IM","IN","IO","IQ","IR","IS","IT","JE","JM","JO","JP","KE","KG","KH","KI","KM","KN",
        "KP","KR","KW","KY","KZ","LA","LB","LC","LI","LK","LR","LS","LT","LU","LV","LY","MA","MC","MD","ME","MF","MG","MH","MK",
        "ML","MM","MN","MO","MP","MQ","MR","MS","MT","MU","MV","MW","MX","MY","MZ","NA","NC","NE","NF","NG","NI","NL","NO","NP",
        "NR","NU","NZ","OM","PA","PE","PF","PG","PH","PK","PL","PM","PN","PR","PS","PT","PW","PY","QA","RE","RO","RS","RU","RW",
        "SA","SB","SC","SD","SE","SG","SH","SI","SJ","SK","SL","SM","SN","SO","SR","SS","ST","SV","SX","SY","SZ","TC","TD","TF",
        "TG","TH","TJ","TK","TL","TM","TN","TO","TR","TT","TV","TW","TZ","UA","UG","UM","US","UY","UZ","VA","VC","VE","VG","VI",
        "VN","VU","WF","WS","YE","YT","ZA","ZM","ZW",
    ]

    /// EU member states, for matching a deployment region against an "EU" restriction.
    public static let euMembers: Set<String> = [
        "AT","BE","BG","HR","CY","CZ","DK","EE","FI","FR","DE","GR","HU","IE","IT","LV","LT","LU","MT","NL","PL","PT","RO","SK","SI","ES","SE",
    ]

    public static func regionCode(_ s: String, allowEU: Bool) -> String? {
        let u = s.trimmingSpaces().uppercased()
        if u == "EU" { return allowEU ? "EU" : nil }
        if u == "UK" { return nil }  // suggest GB
        return isoCountries.contains(u) ? u : nil
    }

    public static func regionSuggestion(_ s: String) -> String? {
        let l = s.trimmingSpaces().lowercased()
        if l == "uk" { return "GB" }
        if let hit = Lexicon.regions.first(where: { $0.0 == l }) { return hit.1 }
        if let hit = Lexicon.jurisdictions.first(where: { $0.0 == l && !$0.1.hasPrefix("US-") }) { return hit.1 }
        return nil
    }

    /// "US-CA", "GB", "cn" → upper-case code, or nil.
    public static func jurisdictionCode(_ s: String) -> String? {
        let u = s.trimmingSpaces().uppercased()
        if isoCountries.contains(u) { return u }
        let parts = u.split(separator: "-")
        if parts.count == 2, isoCountries.contains(String(parts[0])), parts[1].count >= 1, parts[1].count <= 3,
           parts[1].allSatisfy({ $0.isLetter || $0.isNumber }) {
            if parts[0] == "US" {
                let states = Set(Lexicon.jurisdictions.compactMap { $0.1.hasPrefix("US-") ? String($0.1.dropFirst(3)) : nil })
                return states.contains(String(parts[1])) ? u : nil
            }
            return u
        }
        return nil
    }

    public static func jurisdictionSuggestion(_ s: String) -> String? {
        let l = s.trimmingSpaces().lowercased()
        if l == "uk" { return "GB" }
        return Lexicon.jurisdictions.first(where: { $0.0 == l || $0.0 == "state of " + l })?.1
    }

    public static func isDate(_ s: String) -> Bool {
        let parts = s.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return false }
        guard (1...12).contains(m), y >= 1970 else { return false }
        let days = [31, (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return (1...days[m - 1]).contains(d)
    }

    /// The closest candidate within a small edit distance, for "did you mean".
    public static func closest(_ typed: String, among candidates: [String]) -> String? {
        var best: (String, Int)? = nil
        let t = typed.lowercased()
        for c in candidates {
            let d = editDistance(t, c.lowercased())
            if d <= max(2, c.count / 3), d < (best?.1 ?? Int.max) { best = (c, d) }
        }
        return best?.0
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var prev = Array(0...y.count)
        var cur = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            cur[0] = i
            for j in 1...y.count {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            swap(&prev, &cur)
        }
        return prev[y.count]
    }
}
