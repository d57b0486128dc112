import Foundation

/// How `kansrijk config` shows a value an operator must not paste into a ticket (issue 17): a
/// secret is never printed at all, a URL keeps everything except its password.
enum SecretMask {
    static let hidden = "********"

    /// `postgres://kansrijk:geheim@db/kansrijk?password=x` -> `postgres://kansrijk:********@db/kansrijk?password=********`.
    /// Text that is no URL is hidden whole: it may be a password typed in the wrong place.
    static func url(_ raw: String) -> String {
        guard let schemeEnd = raw.range(of: "://") else { return hidden }
        var text = raw
        let authorityStart = schemeEnd.upperBound
        let authorityEnd = text[authorityStart...].firstIndex { "/?#".contains($0) } ?? text.endIndex
        // the last `@` of the authority ends the user information (a password may hold an `@` of its own)
        if let at = text[authorityStart..<authorityEnd].lastIndex(of: "@") {
            let userInfo = text[authorityStart..<at]
            if let colon = userInfo.firstIndex(of: ":") {
                text.replaceSubrange(text.index(after: colon)..<at, with: hidden)
            }
        }
        return maskQueryPasswords(text)
    }

    /// libpq also takes `?password=...` (and `sslpassword`) in the query of a connection URL.
    private static func maskQueryPasswords(_ text: String) -> String {
        guard let question = text.firstIndex(of: "?") else { return text }
        let query = text[text.index(after: question)...]
        let masked = query.split(separator: "&", omittingEmptySubsequences: false).map { pair -> String in
            guard let equals = pair.firstIndex(of: "=") else { return String(pair) }
            let key = pair[..<equals].lowercased()
            return key.contains("password") || key.contains("secret") || key.contains("token") ? "\(pair[..<equals])=\(hidden)" : String(pair)
        }
        return text[...question] + masked.joined(separator: "&")
    }
}
