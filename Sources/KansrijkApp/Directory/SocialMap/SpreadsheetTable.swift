import Foundation

/// A sheet read from an upload (xlsx or CSV), as text: the header names and the data rows, each
/// with the row number people see in their spreadsheet program, so a message can point at it.
struct SpreadsheetTable: Sendable, Equatable {
    struct Row: Sendable, Equatable {
        /// The row number in Excel, or the line of the CSV file the record starts on.
        var line: Int
        /// As many cells as the header has names (missing cells are empty).
        var cells: [String]
    }

    var header: [String]
    var rows: [Row]

    /// Rows as wide as the header: shorter rows padded, cells beyond the last named column dropped.
    init(header: [String], rows: [Row]) {
        self.header = header
        self.rows = rows.map { row in
            var cells = Array(row.cells.prefix(header.count))
            cells += Array(repeating: "", count: header.count - cells.count)
            return Row(line: row.line, cells: cells)
        }
    }
}

/// Why an upload cannot be read, in Dutch for the person who uploaded it.
struct SpreadsheetError: Error, Sendable, Equatable, CustomStringConvertible {
    var message: String
    var description: String { message }
    init(_ message: String) { self.message = message }
}

/// How much an upload may hold. A social map of a region has a few hundred to a few thousand rows;
/// the limits leave room for that and stop a zip bomb or a runaway sheet before it costs memory.
struct SpreadsheetLimits: Sendable {
    /// The uploaded file itself.
    var maxFileBytes = 5 * 1024 * 1024
    /// Data rows under the header.
    var maxRows = 5_000
    /// Columns that hold a value.
    var maxColumns = 100
    /// Unzipped size of one part of an xlsx file (the sheet, the shared texts, the styles).
    var maxPartBytes = 16 * 1024 * 1024
    /// Unzipped size of all parts together, and how many parts there may be.
    var maxUnzippedBytes = 48 * 1024 * 1024
    var maxParts = 2_000

    static let standard = SpreadsheetLimits()
}
