/// The way back from a service to the search it was found by (issue 15): the result links carry
/// the search as `?terug=/aanbod?q=...`, and the service page's breadcrumb leads back to it. The
/// path is rebuilt by `SafeReturnPath` and must be the search page itself, so the link can lead
/// nowhere else.
enum SearchReturn {
    static let parameter = "terug"
    static let searchPage = "/aanbod"

    /// `?terug=...` for the result links of the search at `path`; nil for the bare search page,
    /// where the breadcrumb leads anyway.
    static func linkSuffix(for path: String) -> String? {
        path == searchPage ? nil : "?" + parameter + "=" + encoded(path)
    }

    /// The breadcrumb's target on a service page: the search `raw` names, or the bare search page.
    static func back(_ raw: String?, roots: Set<String>) -> String {
        guard let raw, !raw.isEmpty else { return searchPage }
        let rebuilt = SafeReturnPath.rebuild(raw, roots: roots)
        guard rebuilt.hasPrefix(searchPage + "?") else { return searchPage }
        return rebuilt
    }

    /// Every byte but the unreserved ones and `/` percent-encoded: a query value that no browser
    /// or server splits at `&`, `=` or `+`.
    static func encoded(_ value: String) -> String {
        var out = ""
        out.reserveCapacity(value.utf8.count * 2)
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in value.utf8 {
            if byte.isURLUnreserved || byte == UInt8(ascii: "/") {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out.unicodeScalars.append("%")
                out.unicodeScalars.append(Unicode.Scalar(hex[Int(byte >> 4)]))
                out.unicodeScalars.append(Unicode.Scalar(hex[Int(byte & 0x0F)]))
            }
        }
        return out
    }
}
