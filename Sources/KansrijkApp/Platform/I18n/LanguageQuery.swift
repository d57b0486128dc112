import Foundation

/// Reads the `lang` parameter from a raw query string the way Vapor's form decoder reads
/// `req.query[String.self, at: "lang"]`: pairs split at `&`, `+` is a space, names and values are
/// percent-decoded, the last `lang=` wins, and a bare `lang` without `=` is no `lang` parameter.
/// Only this one parameter is decoded; unlike the form decoder, a malformed other parameter does
/// not hide it.
enum LanguageQuery {
    static func lang(_ query: String) -> String? {
        var found: String?
        for pair in query.utf8.split(separator: UInt8(ascii: "&")) {
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, decode(parts[0]) == "lang" else { continue }
            found = decode(parts[1]) ?? ""
        }
        return found
    }

    /// `+` as space, then percent-decoding; nil when the escapes are malformed.
    private static func decode(_ bytes: Substring.UTF8View) -> String? {
        let text = String(Substring(bytes))
        guard bytes.contains(where: { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "%") }) else { return text }
        return text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}
