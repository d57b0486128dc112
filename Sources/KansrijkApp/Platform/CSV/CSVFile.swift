import Foundation

/// The one way to read and write CSV in Kansrijk (issue 16, ADR 0038): HSDS data packages (`,`),
/// files as Dutch Excel saves them (`;`, Windows-1252 or UTF-8 with a BOM), tab-separated text.
/// Strict on purpose: a broken quote or a row of the wrong width is an error with its line, never
/// a guess, so an import can say where a file is broken. The births extract of 1.65 million rows
/// has its own streaming `DelimitedFileScanner` (measured in bench/README.md).
enum CSVFile {
    struct Table: Sendable, Equatable {
        /// The first non-blank record, each name trimmed of spaces. Empty for an empty file.
        var header: [String]
        var rows: [Row]
        /// The file line of the header (after any blank lines).
        var headerLine = 1
        /// The separator the file was read with (never `.detect`).
        var separator: Separator = .comma
        var encoding: TextEncoding = .utf8
    }

    struct Row: Sendable, Equatable {
        /// The file line the record starts on, the first line being 1 (a quoted line break makes
        /// a record span lines).
        var line: Int
        var fields: [String]
    }

    struct ReadError: Error, Sendable, Equatable, CustomStringConvertible {
        var line: Int
        /// Dutch, what is wrong, without the line (`description` adds it).
        var reason: String
        var description: String { "regel \(line): \(reason)" }
    }

    enum Separator: Sendable, Equatable {
        case comma, semicolon, tab
        /// Chosen from the header line: the separator that occurs most often outside quotes
        /// (`;` before `,` before tab on a tie); a comma when none occurs.
        case detect

        var byte: UInt8 {
            switch self {
            case .semicolon: UInt8(ascii: ";")
            case .tab: 9
            case .comma, .detect: UInt8(ascii: ",")
            }
        }

        var character: String { String(UnicodeScalar(byte)) }
    }

    /// How the bytes were decoded: UTF-8 (with or without BOM), UTF-16 with a BOM (Excel's
    /// "Unicode-tekst"), otherwise Windows-1252 (Excel's "CSV (gescheiden door lijstscheidingsteken)").
    enum TextEncoding: String, Sendable, Equatable {
        case utf8 = "UTF-8", utf16 = "UTF-16", windows1252 = "Windows-1252"
    }

    /// What a row of another width than the header does: an error (the default), or kept as it
    /// is for a reader that reports every bad row itself.
    enum RaggedRows: Sendable {
        case error, keep
    }

    /// Who opens a written file: a program (`.data`: as is) or a spreadsheet (`.spreadsheet`: a
    /// byte order mark so Excel reads UTF-8, and cells Excel would run as a formula defused).
    enum Audience: Sendable {
        case data, spreadsheet
    }

    /// Reads a whole file. Line ends may be CRLF, LF or CR; quoted fields may hold separators,
    /// doubled quotes and line breaks. Blank lines, and rows of only empty fields (as Excel leaves
    /// them), are skipped. `maxRows` stops after that many data rows (a preview).
    static func read(_ data: Data, separator: Separator = .detect, ragged: RaggedRows = .error,
                     maxRows: Int? = nil) throws(ReadError) -> Table {
        let (bytes, encoding) = decode(data)
        var parser = Parser(bytes: bytes, separator: separator == .detect ? detect(bytes) : separator)
        var table = try parser.table(ragged: ragged, maxRows: maxRows)
        table.encoding = encoding
        return table
    }
}
