import Foundation

/// An uploaded spreadsheet, read by what its bytes are (never by its name or the type the browser
/// claims): an xlsx workbook through `XLSXReader`, anything else as CSV through `CSVFile` (as Dutch
/// Excel saves it: `;`, Windows-1252 or UTF-8 with a byte order mark).
enum SpreadsheetFile {
    enum Kind: String, Sendable { case xlsx, csv }

    static func kind(of data: Data) -> Kind {
        data.starts(with: [0x50, 0x4B, 0x03, 0x04]) ? .xlsx : .csv
    }

    static func read(_ data: Data, sheet: String? = nil, limits: SpreadsheetLimits = .standard) throws(SpreadsheetError) -> SpreadsheetTable {
        guard !data.isEmpty else { throw empty }
        guard data.count <= limits.maxFileBytes else { throw fileTooLarge(limits) }
        if data.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw SpreadsheetError("Dit is een Excel-bestand in de oude indeling (.xls). Sla het in Excel op als 'Excel-werkmap (.xlsx)' of als CSV en probeer het opnieuw.")
        }
        switch kind(of: data) {
        case .xlsx:
            if (try? XLSXPackage(data, limits: limits))?.paths.contains("content.xml") == true {
                throw SpreadsheetError("Dit is een OpenDocument-rekenblad (.ods). Sla het op als .xlsx of als CSV en probeer het opnieuw.")
            }
            return try XLSXReader.read(data, sheet: sheet, limits: limits)
        case .csv:
            return try csv(data, limits: limits)
        }
    }

    static func csv(_ data: Data, limits: SpreadsheetLimits) throws(SpreadsheetError) -> SpreadsheetTable {
        if data.prefix(8192).contains(0) && !data.starts(with: [0xFF, 0xFE]) && !data.starts(with: [0xFE, 0xFF]) {
            throw SpreadsheetError("Dit bestand is geen CSV- of Excel-bestand. Kies een .xlsx- of .csv-bestand.")
        }
        let table: CSVFile.Table
        do {
            table = try CSVFile.read(data, separator: .detect, maxRows: limits.maxRows + 1)
        } catch {
            throw SpreadsheetError("Het CSV-bestand is niet te lezen op regel \(error.line): \(error.reason)")
        }
        guard !table.header.allSatisfy(\.isEmpty) else { throw empty }
        guard table.rows.count <= limits.maxRows else { throw tooManyRows(limits) }
        guard table.header.count <= limits.maxColumns else {
            throw SpreadsheetError("Het bestand heeft \(table.header.count) kolommen; er mogen er hooguit \(limits.maxColumns) zijn.")
        }
        return SpreadsheetTable(header: table.header, rows: table.rows.map { .init(line: $0.line, cells: $0.fields) })
    }

    static let empty = SpreadsheetError("Het bestand is leeg: er staat geen kopregel met kolomnamen in.")

    static func fileTooLarge(_ limits: SpreadsheetLimits) -> SpreadsheetError {
        SpreadsheetError("Het bestand is groter dan \(limits.maxFileBytes / 1024 / 1024) MB. Haal overbodige tabbladen en afbeeldingen weg, of sla het op als CSV.")
    }

    static func tooManyRows(_ limits: SpreadsheetLimits) -> SpreadsheetError {
        SpreadsheetError("Het bestand heeft meer dan \(limits.maxRows) regels. Splits het in delen van hooguit \(limits.maxRows) regels en lees ze een voor een in.")
    }
}

/// Small text helpers for messages about an upload.
enum SocialMapText {
    /// A value for a message: at most 60 characters.
    static func short(_ value: String) -> String {
        value.count > 60 ? value.prefix(60) + "…" : value
    }
}
