import Foundation
@testable import KansrijkApp

/// One CSV file with a header line: each record as column -> value, with its line number. Only the
/// tests read CSV this way now; the product reads through `CSVFile` (ADR 0038) directly.
struct CSVTable: Sendable {
    struct Row: Sendable {
        var line: Int
        var values: [String: String]

        /// The trimmed value, nil when the cell is empty or the column absent.
        subscript(column: String) -> String? { HSDSText.nonEmpty(values[column]) }
    }

    var columns: [String]
    var rows: [Row]

    init(columns: [String], rows: [Row]) {
        self.columns = columns
        self.rows = rows
    }

    /// Reads with the one CSV reader (`CSVFile`, ADR 0038): a broken quote or a row of another
    /// width than the header throws `CSVFile.ReadError` with its line.
    init(data: Data) throws(CSVFile.ReadError) {
        let table = try CSVFile.read(data)
        guard !table.header.isEmpty else { throw CSVFile.ReadError(line: 1, reason: "het bestand is leeg; de kopregel ontbreekt") }
        columns = table.header
        rows = table.rows.map { row in
            Row(line: row.line, values: Dictionary(zip(table.header, row.fields), uniquingKeysWith: { a, _ in a }))
        }
    }
}
