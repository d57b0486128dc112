import Foundation

extension CSVFile {
    /// One record per line, CRLF line ends (RFC 4180). A field is quoted only where needed: when
    /// it holds the separator, a quote, a line break, or starts or ends with a space. For a
    /// spreadsheet the text starts with a byte order mark and formulas are defused (`defused`).
    static func write(header: [String], rows: [[String]], separator: Separator = .comma, for audience: Audience = .data) -> String {
        var out = audience == .spreadsheet ? "\u{FEFF}" : ""
        out.reserveCapacity((rows.count + 1) * max(header.count, 1) * 12)
        let sep = separator.byte
        for record in CollectionOfOne(header) + rows {
            for (i, field) in record.enumerated() {
                if i > 0 { out.unicodeScalars.append(UnicodeScalar(sep)) }
                out += escaped(field, separator: sep, audience: audience)
            }
            out += "\r\n"
        }
        return out
    }

    static func escaped(_ field: String, separator: UInt8, audience: Audience) -> String {
        // bytes, not characters: an export quotes many thousands of fields
        let bytes = field.utf8
        guard let first = bytes.first else { return field }
        if audience == .spreadsheet, let defused = defused(field) {
            return "\"" + defused.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        let special = bytes.contains { $0 == separator || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }
        guard special || first == 32 || bytes.last == 32 else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// OWASP's advice against CSV injection: a cell that starts with `=`, `+`, `-`, `@`, a tab or a
    /// carriage return gets a leading apostrophe (Excel and LibreOffice then show it as text) and
    /// is quoted. A plain number (`-3`, `+31`, `-0,5`) is left alone so figures stay figures.
    /// Nil when the cell needs nothing.
    static func defused(_ field: String) -> String? {
        guard let first = field.utf8.first,
              [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 9, 13].contains(first),
              !isPlainNumber(field) else { return nil }
        return "'" + field
    }

    /// An optional sign, digits, and at most one decimal mark (`,` or `.`) followed by digits.
    static func isPlainNumber(_ text: String) -> Bool {
        var bytes = Substring(text).utf8[...]
        if let s = bytes.first, s == UInt8(ascii: "-") || s == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
        let parts = bytes.split(separator: UInt8(ascii: ","), maxSplits: 1, omittingEmptySubsequences: false)
            .flatMap { $0.split(separator: UInt8(ascii: "."), maxSplits: 1, omittingEmptySubsequences: false) }
        guard (1...2).contains(parts.count) else { return false }
        return parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0 >= 48 && $0 <= 57 } }
    }
}
