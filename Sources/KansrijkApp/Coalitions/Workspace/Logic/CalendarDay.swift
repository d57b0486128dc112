import Foundation

/// Calendar days (a date without a time of day), as `<input type="date">` sends them: `yyyy-MM-dd`.
/// A day is stored as midnight UTC, so SQLite and PostgreSQL hold the same value and days compare
/// as plain dates; "today" is the day in the Netherlands.
enum CalendarDay {
    static let utc: Calendar = {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "UTC")!
        return c
    }()

    static let amsterdam: Calendar = {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "Europe/Amsterdam")!
        return c
    }()

    static let amsterdamZone = TimeZone(identifier: "Europe/Amsterdam") ?? TimeZone(secondsFromGMT: 3600) ?? .current

    /// The Dutch wall clock at `now`, read as if it were UTC: what to compare a stored day (midnight
    /// UTC) with, so that a day starts at midnight in the Netherlands. A consent "from today" given at
    /// 00:30 Dutch time held only from 01:00 (02:00 in summer) before.
    static func dutchWallClock(_ now: Date) -> Date {
        now.addingTimeInterval(TimeInterval(amsterdamZone.secondsFromGMT(for: now)))
    }

    /// Parses exactly `yyyy-MM-dd` for a day that exists (no 30 February), years 1900-2199.
    static func parse(_ raw: String?) -> Date? {
        guard let raw = raw?.trimmingCharacters(in: .whitespaces), raw.count == 10 else { return nil }
        let parts = raw.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]), (1900...2199).contains(y) else { return nil }
        return day(year: y, month: m, day: d)
    }

    /// The day as midnight UTC, or nil when it does not exist.
    static func day(year: Int, month: Int, day: Int) -> Date? {
        guard let date = utc.date(from: DateComponents(year: year, month: month, day: day)) else { return nil }
        let back = utc.dateComponents([.year, .month, .day], from: date)
        guard back.year == year, back.month == month, back.day == day else { return nil }
        return date
    }

    /// `yyyy-MM-dd`, for form fields.
    static func iso(_ date: Date) -> String {
        let c = utc.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }

    /// The day it is in the Netherlands at an instant (`day(at: now)` is today).
    static func day(at instant: Date) -> Date {
        let c = amsterdam.dateComponents([.year, .month, .day], from: instant)
        return day(year: c.year!, month: c.month!, day: c.day!)!
    }
}

/// A meeting's moment: a day plus an `HH:mm` time, meant in the Netherlands.
enum MeetingTime {
    /// Parses exactly `HH:mm` (00:00-23:59) into minutes after midnight.
    static func minutes(_ raw: String?) -> Int? {
        guard let raw = raw?.trimmingCharacters(in: .whitespaces), raw.count == 5 else { return nil }
        let parts = raw.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let h = Int(parts[0]), let m = Int(parts[1]), (0..<24).contains(h), (0..<60).contains(m) else { return nil }
        return h * 60 + m
    }

    /// The instant of `minutes` after midnight on `day` (a stored calendar day) in Dutch time.
    static func instant(day: Date, minutes: Int) -> Date? {
        let c = CalendarDay.utc.dateComponents([.year, .month, .day], from: day)
        return CalendarDay.amsterdam.date(from: DateComponents(year: c.year, month: c.month, day: c.day, hour: minutes / 60, minute: minutes % 60))
    }

    /// The calendar day and `HH:mm` of an instant, in Dutch time.
    static func parts(_ instant: Date) -> (day: Date, time: String) {
        let c = CalendarDay.amsterdam.dateComponents([.year, .month, .day, .hour, .minute], from: instant)
        return (CalendarDay.day(year: c.year!, month: c.month!, day: c.day!)!, String(format: "%02d:%02d", c.hour!, c.minute!))
    }

    /// "dinsdag 14 maart 2025, 15:30" in Dutch time.
    static func dutch(_ instant: Date) -> String { DateFormats.dutchDateTime(instant) }
}
