import Foundation

/// An iCalendar (RFC 5545) document of meetings, so partners can put the coalition's agenda
/// in their own calendar. Times are written in UTC (`...Z`), which every client understands
/// without a VTIMEZONE block.
struct ICalendar: Sendable {
    struct Event: Sendable, Equatable {
        var uid: String
        var start: Date
        var end: Date
        var summary: String
        var location: String?
        var description: String?
    }

    var name: String
    var events: [Event]

    /// The document with CRLF line ends, text escaped (§3.3.11) and lines folded at 75 octets (§3.1).
    /// `now` is the DTSTAMP: when this copy of each event was made.
    func render(now: Date) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Kansrijk//Coalitieagenda//NL",
                     "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-WR-CALNAME:" + Self.escape(name)]
        for e in events {
            lines += ["BEGIN:VEVENT", "UID:" + e.uid, "DTSTAMP:" + Self.utc(now),
                      "DTSTART:" + Self.utc(e.start), "DTEND:" + Self.utc(e.end), "SUMMARY:" + Self.escape(e.summary)]
            if let l = e.location, !l.isEmpty { lines.append("LOCATION:" + Self.escape(l)) }
            if let d = e.description, !d.isEmpty { lines.append("DESCRIPTION:" + Self.escape(d)) }
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(Self.fold).joined(separator: "\r\n") + "\r\n"
    }

    /// TEXT escaping: backslash, semicolon and comma get a backslash; line breaks become `\n`.
    static func escape(_ text: String) -> String {
        var out = ""
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\r": out += "\\n"
            case "\n": if !previousWasCR { out += "\\n" }
            default: out.unicodeScalars.append(scalar)
            }
            previousWasCR = scalar == "\r"
        }
        return out
    }

    /// Splits a content line into lines of at most 75 octets, continuation lines starting with a
    /// space, never inside a UTF-8 character.
    static func fold(_ line: String) -> String {
        var pieces: [String] = []
        var current = ""
        var octets = 0
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            // the leading space of a continuation line counts towards its 75 octets
            let limit = pieces.isEmpty ? 75 : 74
            if octets + size > limit {
                pieces.append(current)
                current = ""
                octets = 0
            }
            current.unicodeScalars.append(scalar)
            octets += size
        }
        pieces.append(current)
        return pieces.joined(separator: "\r\n ")
    }

    static func utc(_ date: Date) -> String {
        let c = CalendarDay.utc.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d%02d%02dT%02d%02d%02dZ", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }
}
