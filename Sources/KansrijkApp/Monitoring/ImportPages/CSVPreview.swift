import Foundation

/// The header and first rows of an uploaded file, read with `CSVFile` as the importer reads it,
/// so the user sees the columns they are about to map.
struct CSVPreview: Sendable, Equatable {
    static let rowLimit = 8

    var separator: String
    var header: [String]
    var rows: [[String]]

    /// Reads the first megabyte up to its last line end (never inside a character), which holds
    /// the first rows of any sane file; the whole file only when that does not give them (a quoted
    /// field cut in two, very long rows) and the file is larger.
    static func read(path: String) -> CSVPreview? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard var head = try? handle.read(upToCount: 1 << 20) else { return nil }
        let cut = head.count == 1 << 20
        if cut, let end = head.lastIndex(where: { $0 == 10 || $0 == 13 }) { head = head.prefix(through: end) }
        var table = try? CSVFile.read(head, ragged: .keep, maxRows: rowLimit)
        if table == nil || table?.rows.count ?? 0 < rowLimit, cut, let all = FileManager.default.contents(atPath: path) {
            table = try? CSVFile.read(all, ragged: .keep, maxRows: rowLimit)
        }
        guard let table else { return nil }
        return CSVPreview(separator: table.separator.character, header: table.header,
                          rows: table.rows.map { $0.fields.map { $0.trimmingCharacters(in: .whitespaces) } })
    }

    /// Counts the lines after the header without parsing them, for the progress bar's maximum.
    static func dataLineCount(path: String) -> Int {
        guard let handle = FileHandle(forReadingAtPath: path) else { return 0 }
        defer { try? handle.close() }
        var lines = 0, last: UInt8 = 10
        while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            lines += chunk.reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
            last = chunk.last ?? last
        }
        // a last line without a line end still counts
        return max(lines + (last == 10 ? 0 : 1) - 1, 0)
    }
}
