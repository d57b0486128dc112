import Foundation

/// How cell references, numbers and dates of an xlsx sheet become the text people saw in Excel.
enum XLSXValue {
    /// The column of a reference, counted from 0 ("A1" -> 0, "AB12" -> 27), and its row when it
    /// names one. Nil for anything that is not a reference within Excel's 16,384 columns.
    static func column(of reference: String) -> (column: Int, row: Int?)? {
        var column = 0
        var letters = 0
        var rest = Substring(reference)
        while let c = rest.first, c.isASCII, c.isLetter, let ascii = c.uppercased().first?.asciiValue {
            column = column * 26 + Int(ascii) - 64
            letters += 1
            rest = rest.dropFirst()
        }
        guard (1...3).contains(letters), column <= 16_384 else { return nil }
        guard rest.isEmpty || rest.allSatisfy(\.isASCIIDigit) else { return nil }
        return (column - 1, rest.isEmpty ? nil : Int(rest))
    }

    /// A number as Excel shows it in a General cell: whole numbers without ".0", others as stored.
    static func number(_ raw: String) -> String {
        let text = raw.trimmingCharacters(in: .whitespaces)
        guard let value = Double(text), value.isFinite else { return text }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return text.contains("E") || text.contains("e") ? String(value) : text
    }

    /// The date an Excel serial number stands for, as "dd-mm-jjjj". Excel counts days from
    /// 1 January 1900 as day 1 and, copying Lotus 1-2-3, also counts 29 February 1900, a day that
    /// never was: serials from 61 on are one day later than a plain count. Nil outside 1900-9999.
    static func date(serial: Double) -> String? {
        guard serial.isFinite, serial >= 1, serial < 2_958_466 else { return nil }
        let whole = Int(serial.rounded(.down))
        if whole == 60 { return "29-02-1900" }
        // days since 30 December 1899; before the false leap day, a plain count from 31 December
        let days = whole < 60 ? whole + 1 : whole
        let (y, m, d) = civil(daysSince1970: days - 25_569)
        return String(format: "%02d-%02d-%04d", d, m, y)
    }

    /// Year, month, day of a day count from 1970-01-01 (H. Hinnant's `civil_from_days`).
    static func civil(daysSince1970 z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// Whether a number format shows a date: Excel's built-in date formats, or a custom format
    /// with day, month-with-day or year codes outside quoted text and `[...]` sections.
    static func isDateFormat(id: Int, code: String?) -> Bool {
        if (14...22).contains(id) || (27...36).contains(id) || (45...47).contains(id) || (50...58).contains(id) { return true }
        guard let code else { return false }
        var plain = ""
        var inQuote = false, inBracket = false, escaped = false
        for c in code {
            if escaped { escaped = false; continue }
            switch c {
            case "\\": escaped = true
            case "\"": inQuote.toggle()
            case "[" where !inQuote: inBracket = true
            case "]" where !inQuote: inBracket = false
            default: if !inQuote && !inBracket { plain.append(c) }
            }
        }
        let lower = plain.lowercased()
        return lower.contains("d") || lower.contains("y")
    }
}
