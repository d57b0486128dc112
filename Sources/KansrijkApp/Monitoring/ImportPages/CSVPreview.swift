import Foundation

/// The header and first rows of an uploaded file, read with `CSVFile` as the importer reads it,
/// so the user sees the columns they are about to map.
struct CSVPreview: Sendable, Equatable {
    static let rowLimit = 8

    var separator: String
    var header: [String]
    var rows: [[String]]

    /// Reads the first megabyte (`ImportFile.head`) up to its last line end (never inside a
    /// character), which holds the first rows of any sane file; the whole file only when that does
    /// not give them (a quoted field cut in two, very long rows) and the file is larger.
    static func read(head: Data, isCut: Bool, whole: () async throws -> Data?) async -> CSVPreview? {
        var head = head
        if isCut, let end = head.lastIndex(where: { $0 == 10 || $0 == 13 }) { head = head.prefix(through: end) }
        var table = try? CSVFile.read(head, ragged: .keep, maxRows: rowLimit)
        if table == nil || table?.rows.count ?? 0 < rowLimit, isCut, let all = try? await whole() {
            table = try? CSVFile.read(all, ragged: .keep, maxRows: rowLimit)
        }
        guard let table else { return nil }
        return CSVPreview(separator: table.separator.character, header: table.header,
                          rows: table.rows.map { $0.fields.map { $0.trimmingCharacters(in: .whitespaces) } })
    }

    /// Counts the lines after the header without parsing them, for the progress bar's maximum.
    static func dataLineCount(_ data: Data) -> Int {
        let lines = data.reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
        // a last line without a line end still counts
        return max(lines + (data.last == 10 || data.isEmpty ? 0 : 1) - 1, 0)
    }
}
