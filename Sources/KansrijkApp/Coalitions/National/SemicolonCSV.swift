import Foundation

/// CSV as Dutch Excel writes and reads it: `;` between fields, fields quoted with `"` when they
/// hold a `;`, a quote or a line break, CRLF line ends, UTF-8 with a byte order mark so Excel
/// reads the accents. The directory's `CSV` reads HSDS files, which are comma separated.
enum SemicolonCSV {
    struct Record: Sendable, Equatable {
        var line: Int
        var fields: [String]
    }

    enum Failure: Error, Equatable {
        case notUTF8
        case unclosedQuote(line: Int)
    }

    /// Records with the file line they start on; blank lines are skipped. A BOM is ignored.
    static func parse(_ data: Data) throws(Failure) -> [Record] {
        guard var text = String(data: data, encoding: .utf8) else { throw .notUTF8 }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        var records: [Record] = []
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var line = 1, recordLine = 1
        var chars = Array(text.unicodeScalars)
        chars.append("\n")
        var i = 0
        func endRecord() {
            fields.append(field)
            field = ""
            if !(fields.count == 1 && fields[0].trimmingCharacters(in: .whitespaces).isEmpty) {
                records.append(Record(line: recordLine, fields: fields))
            }
            fields = []
        }
        while i < chars.count {
            let c = chars[i]
            if inQuotes {
                if c == "\"" {
                    if i + 1 < chars.count, chars[i + 1] == "\"" { field.unicodeScalars.append("\""); i += 2; continue }
                    inQuotes = false
                } else {
                    if c == "\n" { line += 1 }
                    if c != "\r" { field.unicodeScalars.append(c) }
                }
                i += 1
                continue
            }
            switch c {
            case ";":
                fields.append(field); field = ""
            case "\r", "\n":
                if c == "\r", i + 1 < chars.count, chars[i + 1] == "\n" { i += 1 }
                endRecord()
                line += 1
                recordLine = line
            case "\"" where field.trimmingCharacters(in: .whitespaces).isEmpty:
                field = ""
                inQuotes = true
            default:
                field.unicodeScalars.append(c)
            }
            i += 1
        }
        if inQuotes { throw .unclosedQuote(line: recordLine) }
        return records
    }

    /// A file Excel opens correctly: BOM, `;`, CRLF. Text that Excel would run as a formula
    /// (starting with `=`, `+`, `-`, `@`) gets a leading apostrophe.
    static func write(header: [String], rows: [[String]]) -> String {
        var out = "\u{FEFF}"
        for record in [header] + rows {
            out += record.map(quote).joined(separator: ";") + "\r\n"
        }
        return out
    }

    static func quote(_ value: String) -> String {
        // scan bytes, not characters: an export quotes thousands of fields
        let bytes = value.utf8
        guard let first = bytes.first else { return value }
        var v = value
        if first == UInt8(ascii: "=") || first == UInt8(ascii: "+") || first == UInt8(ascii: "-") || first == UInt8(ascii: "@"), Int(value) == nil {
            v = "'" + value
        }
        let special = bytes.contains { $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }
        guard special || first == UInt8(ascii: " ") || bytes.last == UInt8(ascii: " ") else { return v }
        return "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
