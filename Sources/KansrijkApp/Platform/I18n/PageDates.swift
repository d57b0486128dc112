import Foundation
import Vapor

/// Dates in the page's language (issue 15: "dates in English pages in English"): Dutch pages keep
/// `DateFormats.dutchDate` ("3 maart 2027"), English pages get "3 March 2027".
extension DateFormats {
    static let englishMonths = ["January", "February", "March", "April", "May", "June", "July", "August",
                                "September", "October", "November", "December"]
    static let englishWeekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    /// "3 maart 2027" or "3 March 2027", the day in the Netherlands.
    static func date(_ date: Date, _ language: UILanguage) -> String {
        guard language == .en else { return dutchDate(date) }
        let c = CalendarDay.amsterdam.dateComponents([.year, .month, .day], from: date)
        guard let day = c.day, let month = c.month, let year = c.year else { return dutchDate(date) }
        return "\(day) \(englishMonths[month - 1]) \(year)"
    }

    /// "dinsdag 14 maart 2025, 15:30" or "Tuesday 14 March 2025, 15:30" in Dutch time.
    static func dateTime(_ instant: Date, _ language: UILanguage) -> String {
        guard language == .en else { return dutchDateTime(instant) }
        let c = CalendarDay.amsterdam.dateComponents([.year, .month, .day, .weekday, .hour, .minute], from: instant)
        guard let day = c.day, let month = c.month, let year = c.year, let weekday = c.weekday,
              let hour = c.hour, let minute = c.minute else { return dutchDateTime(instant) }
        return "\(englishWeekdays[weekday - 1]) \(day) \(englishMonths[month - 1]) \(year), "
            + String(format: "%02d:%02d", hour, minute)
    }
}

extension Request {
    /// A calendar day in this page's language.
    func date(_ date: Date) -> String { DateFormats.date(date, language) }
    /// A moment in this page's language, in Dutch time.
    func dateTime(_ instant: Date) -> String { DateFormats.dateTime(instant, language) }
}
