import Foundation

/// RFC 4180 CSV, as the HSDS tabular data package uses it: comma separated, fields quoted with
/// `"` (a quote inside doubled), quoted fields may hold commas and line breaks; CRLF, LF or CR
/// line ends; a UTF-8 byte order mark is skipped. Strict on purpose: malformed quoting is an
/// error with its line, never a guess, so the import report can say where a file is broken.
enum RFC4180 {
    struct ParseError: Error, Equatable, CustomStringConvertible {
        var line: Int
        var reason: String
        var description: String { "regel \(line): \(reason)" }
    }

    /// Records, each a list of fields. Blank lines are skipped.
    static func parse(_ data: Data) throws -> [(line: Int, fields: [String])] {
        guard String(data: data, encoding: .utf8) != nil else {
            throw ParseError(line: 1, reason: "het bestand is geen geldige UTF-8-tekst")
        }
        let bytes = [UInt8](data)
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        var records: [(line: Int, fields: [String])] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var inQuotes = false, wasQuoted = false
        var line = 1, recordLine = 1, quoteLine = 1
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0

        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            wasQuoted = false
        }
        func endRecord() {
            endField()
            if !(fields.count == 1 && fields[0].isEmpty) { records.append((recordLine, fields)) }
            fields.removeAll(keepingCapacity: true)
        }

        while i < bytes.count {
            let b = bytes[i]
            if inQuotes {
                if b == quote {
                    if i + 1 < bytes.count, bytes[i + 1] == quote { field.append(quote); i += 2; continue }
                    inQuotes = false
                } else {
                    if b == lf || (b == cr && (i + 1 == bytes.count || bytes[i + 1] != lf)) { line += 1 }
                    field.append(b)
                }
                i += 1
                continue
            }
            switch b {
            case comma:
                endField()
            case cr, lf:
                if b == cr, i + 1 < bytes.count, bytes[i + 1] == lf { i += 1 }
                endRecord()
                line += 1
                recordLine = line
            case quote:
                guard field.isEmpty, !wasQuoted else {
                    throw ParseError(line: line, reason: "aanhalingsteken midden in een veld; zet het hele veld tussen aanhalingstekens en verdubbel de aanhalingstekens erin")
                }
                inQuotes = true
                wasQuoted = true
                quoteLine = line
            default:
                if wasQuoted {
                    throw ParseError(line: line, reason: "tekst na het sluitende aanhalingsteken van een veld")
                }
                field.append(b)
            }
            i += 1
        }
        if inQuotes { throw ParseError(line: quoteLine, reason: "aanhalingsteken niet afgesloten") }
        if !field.isEmpty || !fields.isEmpty || wasQuoted { endRecord() }
        return records
    }

    /// CRLF line ends (RFC 4180); a field is quoted when it holds a comma, quote, line break or edge space.
    static func write(header: [String], rows: [[String]]) -> String {
        ([header] + rows).map { $0.map(escape).joined(separator: ",") + "\r\n" }.joined()
    }

    static func escape(_ field: String) -> String {
        let needsQuotes = field.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
            || field.first == " " || field.last == " "
        return needsQuotes ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
    }
}
