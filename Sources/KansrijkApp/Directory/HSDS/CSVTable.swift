import Foundation

/// One CSV file with a header line: each record as column -> value, with its line number.
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

    init(data: Data) throws {
        let records = try RFC4180.parse(data)
        guard let header = records.first else { throw RFC4180.ParseError(line: 1, reason: "het bestand is leeg; de kopregel ontbreekt") }
        columns = header.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        rows = try records.dropFirst().map { record in
            guard record.fields.count == header.fields.count else {
                throw RFC4180.ParseError(line: record.line, reason: "\(record.fields.count) velden, maar de kopregel heeft er \(header.fields.count)")
            }
            return Row(line: record.line, values: Dictionary(zip(header.fields.map { $0.trimmingCharacters(in: .whitespaces) }, record.fields),
                                                             uniquingKeysWith: { a, _ in a }))
        }
    }
}
