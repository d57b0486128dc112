import Foundation

extension XLSXReader {
    /// The rows with a value, by their row number; the first is the header.
    static func table(_ worksheet: XLSXParts.Worksheet, strings: [String], dateStyles: Set<Int>,
                      limits: SpreadsheetLimits) throws(SpreadsheetError) -> SpreadsheetTable {
        var rows: [SpreadsheetTable.Row] = []
        var width = 0
        var previousRow = 0
        for row in worksheet.sheetData?.row ?? [] {
            let number = row.r ?? previousRow + 1
            guard number > previousRow, number <= 1_048_576 else {
                throw SpreadsheetError("Rij \(number) van het tabblad staat niet op zijn plaats. Sla het bestand in Excel opnieuw op.")
            }
            previousRow = number
            var cells: [Int: String] = [:]
            var previousColumn = -1
            for cell in row.c ?? [] {
                let column: Int
                if let reference = cell.r {
                    guard let parsed = XLSXValue.column(of: reference) else {
                        throw SpreadsheetError("Rij \(number) heeft een cel met een onbekende verwijzing ('\(SocialMapText.short(reference))').")
                    }
                    column = parsed.column
                } else {
                    column = previousColumn + 1
                }
                previousColumn = column
                let text = try value(of: cell, strings: strings, dateStyles: dateStyles, row: number)
                guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { continue }
                guard column < limits.maxColumns else {
                    throw SpreadsheetError("Rij \(number) heeft een waarde in kolom \(column + 1); er mogen hooguit \(limits.maxColumns) kolommen gevuld zijn.")
                }
                cells[column] = text
                width = max(width, column + 1)
            }
            guard !cells.isEmpty else { continue }
            // the header plus at most maxRows data rows
            guard rows.count <= limits.maxRows else { throw SpreadsheetFile.tooManyRows(limits) }
            rows.append(.init(line: number, cells: (0..<width).map { cells[$0] ?? "" }))
        }
        guard let header = rows.first else { throw SpreadsheetFile.empty }
        return SpreadsheetTable(header: (0..<width).map { header.cells.indices.contains($0) ? header.cells[$0].trimmingCharacters(in: .whitespacesAndNewlines) : "" },
                                rows: Array(rows.dropFirst()))
    }

    /// The text Excel shows for one cell.
    static func value(of cell: XLSXParts.Worksheet.Cell, strings: [String], dateStyles: Set<Int>, row: Int) throws(SpreadsheetError) -> String {
        let raw = cell.v?.value ?? ""
        switch cell.t {
        case "s":
            guard let index = Int(raw.trimmingCharacters(in: .whitespaces)), strings.indices.contains(index) else {
                throw SpreadsheetError("Rij \(row): een cel verwijst naar een tekst die niet in het bestand staat. Sla het bestand in Excel opnieuw op.")
            }
            return strings[index]
        case "inlineStr": return cell.inline?.text ?? raw
        case "str", "e": return raw
        case "b": return raw.trimmingCharacters(in: .whitespaces) == "1" ? "WAAR" : "ONWAAR"
        default:
            guard !raw.isEmpty else { return "" }
            if let style = cell.s, dateStyles.contains(style), let serial = Double(raw), let date = XLSXValue.date(serial: serial) {
                return date
            }
            return XLSXValue.number(raw)
        }
    }
}
