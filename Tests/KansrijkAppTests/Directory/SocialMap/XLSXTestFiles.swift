import Foundation
@testable import KansrijkApp

/// Small xlsx files built in the test, part by part, so no binary fixture is needed.
enum XLSXTestFiles {
    static let ns = #"xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#

    /// A workbook with the given sheets (name, sheetData XML), shared strings and styles.
    static func workbook(sheets: [(String, String)], sharedStrings: [String]? = nil, styles: String? = nil) throws -> Data {
        var parts: [(String, String)] = []
        let list = sheets.enumerated().map { #"<sheet name="\#($0.element.0)" sheetId="\#($0.offset + 1)" r:id="rId\#($0.offset + 1)"/>"# }.joined()
        parts.append(("xl/workbook.xml", #"<?xml version="1.0" encoding="UTF-8"?><workbook \#(ns)><sheets>\#(list)</sheets></workbook>"#))
        var rels = sheets.indices.map {
            #"<Relationship Id="rId\#($0 + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet\#($0 + 1).xml"/>"#
        }.joined()
        if sharedStrings != nil {
            rels += #"<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>"#
        }
        if styles != nil {
            rels += #"<Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="/xl/styles.xml"/>"#
        }
        parts.append(("xl/_rels/workbook.xml.rels", #"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\#(rels)</Relationships>"#))
        for (index, sheet) in sheets.enumerated() {
            parts.append(("xl/worksheets/sheet\(index + 1).xml", #"<?xml version="1.0" encoding="UTF-8"?><worksheet \#(ns)><sheetData>\#(sheet.1)</sheetData></worksheet>"#))
        }
        if let sharedStrings {
            parts.append(("xl/sharedStrings.xml", #"<?xml version="1.0" encoding="UTF-8"?><sst \#(ns) count="\#(sharedStrings.count)">\#(sharedStrings.joined())</sst>"#))
        }
        if let styles { parts.append(("xl/styles.xml", styles)) }
        return try XLSXWriter.zip(parts.map { ($0.0, Data($0.1.utf8)) })
    }

    /// A row of inline-string cells from column A.
    static func row(_ number: Int, _ texts: [String]) -> String {
        let cells = texts.enumerated().map { #"<c r="\#(XLSXWriter.columnName($0.offset))\#(number)" t="inlineStr"><is><t>\#(XLSXWriter.escape($0.element))</t></is></c>"# }
        return #"<row r="\#(number)">\#(cells.joined())</row>"#
    }

    static func sheet(_ rows: [[String]]) throws -> Data {
        try workbook(sheets: [("Blad1", rows.enumerated().map { row($0.offset + 1, $0.element) }.joined())])
    }
}
