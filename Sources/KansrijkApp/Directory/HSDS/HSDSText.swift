import Foundation

/// Small conversions between our stored text and HSDS field formats.
enum HSDSText {
    private static let dateTimeStyle = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
    private static let plainDateTimeStyle = Date.ISO8601FormatStyle()
    private static let dateStyle = Date.ISO8601FormatStyle().year().month().day()

    /// `last_modified`: UTC with milliseconds, as HSDS asks.
    static func dateTime(_ date: Date) -> String { date.formatted(dateTimeStyle) }

    /// ISO 8601 date-time (with or without fractions, `Z` or an offset) or a plain date (midnight UTC).
    static func parseDateTime(_ raw: String) -> Date? {
        // a `+` offset arrives as a space when the client did not percent-encode it
        let text = raw.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: " ", with: "+")
        if let d = try? dateTimeStyle.parse(text) { return d }
        if let d = try? plainDateTimeStyle.parse(text) { return d }
        // the date-only style also swallows a date-time prefix, so only offer it a bare date
        if text.count == 10, let d = try? dateStyle.parse(text) { return d }
        return nil
    }

    /// A value for a `format: uri` field: kept when it is an absolute http(s) URL, completed
    /// when it is a bare host name (`www.x.nl`), dropped when it is neither.
    static func uri(_ raw: String?) -> String? {
        guard let text = nonEmpty(raw), !text.contains(where: \.isWhitespace) else { return nil }
        let candidate = text.lowercased().hasPrefix("http://") || text.lowercased().hasPrefix("https://") ? text : "https://" + text
        guard let url = URL(string: candidate), let host = url.host, host.contains(".") || host == "localhost" else { return nil }
        return candidate
    }

    /// A value for a `format: email` field, or nil when it cannot be one.
    static func email(_ raw: String?) -> String? {
        guard let text = nonEmpty(raw), !text.contains(where: \.isWhitespace) else { return nil }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") ? text : nil
    }

    /// `wait_time` for a wait in weeks.
    static func waitTime(weeks: Int) -> String { weeks == 1 ? "1 week" : "\(weeks) weken" }

    /// Weeks from a `wait_time` such as "6 weken", "6 weeks" or "6"; nil for other units or text.
    static func weeks(fromWaitTime raw: String?) -> Int? {
        guard let text = nonEmpty(raw)?.lowercased() else { return nil }
        let digits = text.prefix { $0.isNumber }
        guard let n = Int(digits) else { return nil }
        let unit = text.dropFirst(digits.count).trimmingCharacters(in: .whitespaces)
        return ["", "week", "weken", "weeks", "wk", "wkn"].contains(unit) ? n : nil
    }

    /// Trimmed text, or nil when there is none.
    static func nonEmpty(_ raw: String?) -> String? {
        guard let text = raw?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
        return text
    }
}
