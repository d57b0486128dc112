import CSV
import Foundation

/// The header and first rows of an uploaded file, read with CSV.swift as the importer reads it,
/// so the user sees the columns they are about to map.
struct CSVPreview: Sendable, Equatable {
    static let rowLimit = 8

    var separator: String
    var header: [String]
    var rows: [[String]]

    static func read(path: String) -> CSVPreview? {
        guard let stream = InputStream(fileAtPath: path) else { return nil }
        let comma = (try? DelimitedFileScanner.detectSeparator(path: path)) == 44
        guard let reader = try? CSVReader(stream: stream, hasHeaderRow: true, trimFields: true, delimiter: comma ? "," : ";") else { return nil }
        var rows: [[String]] = []
        while rows.count < rowLimit, let row = reader.next() { rows.append(row) }
        return CSVPreview(separator: comma ? "," : ";", header: reader.headerRow ?? [], rows: rows)
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
