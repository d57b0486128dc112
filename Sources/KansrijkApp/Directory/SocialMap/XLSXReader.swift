import Foundation

/// Reads one sheet of an xlsx workbook (issue 16, ADR 0037) into a `SpreadsheetTable`: unzipped
/// by ZIPFoundation, the XML decoded by XMLCoder. The first row with a value is the header. Cells
/// come by their reference, so missing cells stay empty; shared and inline texts (rich text too),
/// numbers, booleans, formula results and dates (as "dd-mm-jjjj") become the text Excel shows.
/// A broken or oversized file is a `SpreadsheetError` with a Dutch message, never a crash.
enum XLSXReader {
    /// The names of the sheets, in tab order.
    static func sheetNames(_ data: Data, limits: SpreadsheetLimits = .standard) throws(SpreadsheetError) -> [String] {
        let package = try XLSXPackage(data, limits: limits)
        return try workbook(package).sheets?.sheet?.map(\.name) ?? []
    }

    /// The sheet named `sheet` (case-insensitive), or the first one.
    static func read(_ data: Data, sheet: String? = nil, limits: SpreadsheetLimits = .standard) throws(SpreadsheetError) -> SpreadsheetTable {
        guard data.count <= limits.maxFileBytes else { throw SpreadsheetFile.fileTooLarge(limits) }
        let package = try XLSXPackage(data, limits: limits)
        let sheets = try workbook(package).sheets?.sheet ?? []
        let relationships = try relationships(package)
        let chosen: (offset: Int, element: XLSXParts.Workbook.Sheet)?
        if let wanted = HSDSText.nonEmpty(sheet) {
            chosen = sheets.enumerated().first { $0.element.name.lowercased() == wanted.lowercased() }
            guard chosen != nil else {
                throw SpreadsheetError("Het tabblad '\(wanted)' staat niet in het bestand. Tabbladen: \(sheets.map(\.name).joined(separator: ", ")).")
            }
        } else {
            chosen = sheets.enumerated().first
        }
        guard let chosen else { throw SpreadsheetError("Het Excel-bestand heeft geen tabbladen.") }
        // the sheet's part from the workbook's relationships; the usual name when those are missing
        let target = chosen.element.relationship.flatMap { id in relationships.first { $0.id == id } }
            .flatMap { XLSXPackage.resolve($0.target, base: "xl/") } ?? "xl/worksheets/sheet\(chosen.offset + 1).xml"
        guard let sheetData = try package.part(target) else {
            throw SpreadsheetError("Het tabblad '\(chosen.element.name)' ontbreekt in het bestand. Sla het in Excel opnieuw op.")
        }
        let strings = try sharedStrings(package, relationships)
        let dateStyles = try dateStyles(package, relationships)
        let worksheet = try XLSXParts.decode(XLSXParts.Worksheet.self, sheetData, part: target)
        return try table(worksheet, strings: strings, dateStyles: dateStyles, limits: limits)
    }

    static func workbook(_ package: XLSXPackage) throws(SpreadsheetError) -> XLSXParts.Workbook {
        guard let data = try package.part("xl/workbook.xml") else {
            throw SpreadsheetError("Dit is geen Excel-werkmap: xl/workbook.xml ontbreekt. Sla het bestand op als 'Excel-werkmap (.xlsx)' of als CSV.")
        }
        return try XLSXParts.decode(XLSXParts.Workbook.self, data, part: "xl/workbook.xml")
    }

    static func relationships(_ package: XLSXPackage) throws(SpreadsheetError) -> [XLSXParts.Relationships.Relationship] {
        guard let data = try package.part("xl/_rels/workbook.xml.rels") else { return [] }
        return try XLSXParts.decode(XLSXParts.Relationships.self, data, part: "xl/_rels/workbook.xml.rels").relationship ?? []
    }

    /// The part a relationship of this type points at, else the usual path.
    static func partPath(_ relationships: [XLSXParts.Relationships.Relationship], type suffix: String, fallback: String) -> String {
        relationships.first { $0.type.hasSuffix("/" + suffix) }.flatMap { XLSXPackage.resolve($0.target, base: "xl/") } ?? fallback
    }

    static func sharedStrings(_ package: XLSXPackage, _ relationships: [XLSXParts.Relationships.Relationship]) throws(SpreadsheetError) -> [String] {
        let path = partPath(relationships, type: "sharedStrings", fallback: "xl/sharedStrings.xml")
        guard let data = try package.part(path) else { return [] }
        return try XLSXParts.decode(XLSXParts.SharedStrings.self, data, part: path).si?.map(\.text) ?? []
    }

    /// The indexes of the cell formats that show a date.
    static func dateStyles(_ package: XLSXPackage, _ relationships: [XLSXParts.Relationships.Relationship]) throws(SpreadsheetError) -> Set<Int> {
        let path = partPath(relationships, type: "styles", fallback: "xl/styles.xml")
        guard let data = try package.part(path) else { return [] }
        let styles = try XLSXParts.decode(XLSXParts.Styles.self, data, part: path)
        let codes = Dictionary((styles.numFmts?.numFmt ?? []).map { ($0.numFmtId, $0.formatCode) }, uniquingKeysWith: { a, _ in a })
        var dates = Set<Int>()
        for (index, format) in (styles.cellXfs?.xf ?? []).enumerated() {
            let id = format.numFmtId ?? 0
            if XLSXValue.isDateFormat(id: id, code: codes[id]) { dates.insert(index) }
        }
        return dates
    }
}
