import Foundation

/// The `format`s of the HSDS 3.0 schemas, checked as JSON Schema defines them (RFC 4122 uuid,
/// RFC 3986 uri with a scheme, an e-mail address, RFC 3339 date, time and date-time).
/// Formats it does not know are annotations and pass.
enum HSDSSchemaFormat {
    /// nil when `text` has the format, otherwise what is wrong, in Dutch.
    static func problem(_ format: String, _ text: String) -> String? {
        let shown = HSDSSchemaValidator.shown(.string(text))
        switch format {
        case "uuid" where !isUUID(text):
            return "\(shown) is geen geldige UUID (zoals 3fa85f64-5717-4562-b3fc-2c963f66afa6)."
        case "uri" where !isURI(text):
            return "\(shown) is geen geldige URI: een volledig adres begint met een schema, zoals https://."
        case "email" where !isEmail(text):
            return "\(shown) is geen geldig e-mailadres."
        case "date" where !isDate(text):
            return "\(shown) is geen geldige datum (JJJJ-MM-DD, zoals 2025-01-31)."
        case "time" where !isTime(text):
            return "\(shown) is geen geldige tijd (UU:MM:SS met tijdzone, zoals 09:30:00+01:00)."
        case "date-time" where !isDateTime(text):
            return "\(shown) is geen geldige datum-tijd (zoals 2025-01-31T09:30:00Z)."
        default:
            return nil
        }
    }

    static func isUUID(_ text: String) -> Bool {
        text.utf8.count == 36 && UUID(uuidString: text) != nil
    }

    /// An absolute URI: a scheme (a letter, then letters, digits, `+`, `-`, `.`), a colon, and no
    /// spaces or control characters anywhere.
    static func isURI(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":") else { return false }
        let scheme = text[..<colon].unicodeScalars
        guard let first = scheme.first, first.isASCII, CharacterSet.letters.contains(first),
              scheme.allSatisfy({ $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "+-.".unicodeScalars.contains($0)) })
        else { return false }
        let forbidden = CharacterSet.whitespacesAndNewlines.union(.controlCharacters).union(CharacterSet(charactersIn: "<>\"{}|\\^`"))
        return !text.unicodeScalars.contains(where: forbidden.contains)
    }

    /// `local@domain`: both parts present, one `@`, no spaces.
    static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return false }
        return !text.unicodeScalars.contains(where: CharacterSet.whitespacesAndNewlines.union(.controlCharacters).contains)
    }

    static func isDate(_ text: String) -> Bool {
        let b = Array(text.utf8)
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
              let year = digits(b, 0, 4), let month = digits(b, 5, 2), let day = digits(b, 8, 2),
              (1...12).contains(month) else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return (1...days).contains(day)
    }

    /// RFC 3339 full-time: `HH:MM:SS`, optional fraction, then `Z` or `+HH:MM`/`-HH:MM`.
    static func isTime(_ text: String) -> Bool {
        let b = Array(text.utf8)
        guard b.count >= 9, b[2] == UInt8(ascii: ":"), b[5] == UInt8(ascii: ":"),
              let hour = digits(b, 0, 2), let minute = digits(b, 3, 2), let second = digits(b, 6, 2),
              hour < 24, minute < 60, second <= 60 else { return false }
        var i = 8
        if i < b.count, b[i] == UInt8(ascii: ".") {
            let start = i + 1
            i = start
            while i < b.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b[i]) { i += 1 }
            guard i > start else { return false }
        }
        guard i < b.count else { return false }
        if b[i] == UInt8(ascii: "Z") || b[i] == UInt8(ascii: "z") { return i + 1 == b.count }
        guard b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-"), b.count == i + 6, b[i + 3] == UInt8(ascii: ":"),
              let offsetHour = digits(b, i + 1, 2), let offsetMinute = digits(b, i + 4, 2) else { return false }
        return offsetHour < 24 && offsetMinute < 60
    }

    static func isDateTime(_ text: String) -> Bool {
        let b = Array(text.utf8)
        guard b.count > 11, b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: "t") else { return false }
        return isDate(String(decoding: b[0..<10], as: UTF8.self)) && isTime(String(decoding: b[11...], as: UTF8.self))
    }

    /// The number written by `count` ASCII digits from `start`, or nil.
    private static func digits(_ bytes: [UInt8], _ start: Int, _ count: Int) -> Int? {
        guard start + count <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[start..<start + count] {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }
}
