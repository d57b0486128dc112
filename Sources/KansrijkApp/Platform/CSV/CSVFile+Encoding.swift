import Foundation

extension CSVFile {
    /// The text as UTF-8 bytes without a byte order mark, and how it was encoded. Every byte
    /// sequence decodes: what is not UTF-8 (or UTF-16 with a BOM) is read as Windows-1252.
    static func decode(_ data: Data) -> (bytes: [UInt8], encoding: TextEncoding) {
        if data.starts(with: [0xEF, 0xBB, 0xBF]) {
            return (Array(String(decoding: data.dropFirst(3), as: UTF8.self).utf8), .utf8)
        }
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
            let little = data.first == 0xFF
            let text = String(data: data.dropFirst(2), encoding: little ? .utf16LittleEndian : .utf16BigEndian)
            if let text { return (Array(text.utf8), .utf16) }
        }
        if String(validating: data, as: UTF8.self) != nil { return (Array(data), .utf8) }
        return (windows1252ToUTF8(data), .windows1252)
    }

    /// Windows-1252 as the WHATWG Encoding Standard maps it: 0x80-0x9F are the typographic
    /// characters (€, ‚, „, …, ‘, ’, “, ”, –, —, ...), the five unassigned bytes the C1 controls
    /// of the same number, everything else Latin-1.
    static func windows1252ToUTF8(_ data: Data) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(data.count + data.count / 8)
        for byte in data {
            if byte < 0x80 { out.append(byte); continue }
            let scalar = byte < 0xA0 ? windows1252High[Int(byte) - 0x80] : UInt32(byte)
            out.append(contentsOf: String(UnicodeScalar(scalar).map(Character.init) ?? "\u{FFFD}").utf8)
        }
        return out
    }

    private static let windows1252High: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    /// The separator of the first non-blank line: the one that occurs most often outside quotes,
    /// `;` before `,` before tab on a tie, a comma when none occurs.
    static func detect(_ bytes: [UInt8]) -> Separator {
        var semicolons = 0, commas = 0, tabs = 0
        var inQuotes = false, seenText = false
        for byte in bytes {
            if byte == UInt8(ascii: "\"") { inQuotes.toggle(); seenText = true; continue }
            if inQuotes { continue }
            if byte == 10 || byte == 13 {
                if seenText { break }
                continue
            }
            if byte != 32 { seenText = true }
            switch byte {
            case UInt8(ascii: ";"): semicolons += 1
            case UInt8(ascii: ","): commas += 1
            case 9: tabs += 1
            default: break
            }
        }
        if semicolons > 0, semicolons >= commas, semicolons >= tabs { return .semicolon }
        if tabs > commas { return .tab }
        return .comma
    }

    /// The separator of a file's header line (see `detect`), for readers that stream the rest.
    static func detectSeparator(_ head: Data) -> Separator { detect(decode(head).bytes) }
}
