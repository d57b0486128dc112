import Foundation
import XMLCoder

/// The parts of SpreadsheetML (ECMA-376 part 1, §18) the reader needs, as XMLCoder decodes them.
/// Everything else in the XML (formulas, formatting, phonetic runs) is ignored.
enum XLSXParts {
    /// `xl/workbook.xml`: the sheets in the order Excel shows their tabs.
    struct Workbook: Decodable {
        struct Sheets: Decodable { var sheet: [Sheet]? }
        struct Sheet: Decodable {
            var name: String
            var relationship: String?
            enum CodingKeys: String, CodingKey {
                case name
                case relationship = "r:id"
            }
        }
        var sheets: Sheets?
    }

    /// `xl/_rels/workbook.xml.rels`: where each sheet, the shared texts and the styles are.
    struct Relationships: Decodable {
        struct Relationship: Decodable {
            var id: String
            var type: String
            var target: String
            enum CodingKeys: String, CodingKey {
                case id = "Id", type = "Type", target = "Target"
            }
        }
        var relationship: [Relationship]?
        enum CodingKeys: String, CodingKey { case relationship = "Relationship" }
    }

    /// The text of a `<t>` element (with or without `xml:space="preserve"`).
    struct Text: Decodable {
        var value: String?
        enum CodingKeys: String, CodingKey { case value = "" }
    }

    /// A formatted run of rich text.
    struct Run: Decodable { var t: Text? }

    /// A string item: plain (`<t>`) or rich text (`<r><t>`...); phonetic hints (`<rPh>`) are left out.
    struct StringItem: Decodable {
        var t: Text?
        var r: [Run]?
        var text: String { (t?.value ?? "") + (r ?? []).map { $0.t?.value ?? "" }.joined() }
    }

    /// `xl/sharedStrings.xml`.
    struct SharedStrings: Decodable { var si: [StringItem]? }

    /// `xl/styles.xml`: enough to know which cells show a date.
    struct Styles: Decodable {
        struct NumberFormats: Decodable { var numFmt: [NumberFormat]? }
        struct NumberFormat: Decodable { var numFmtId: Int; var formatCode: String }
        struct CellFormats: Decodable { var xf: [CellFormat]? }
        struct CellFormat: Decodable { var numFmtId: Int? }
        var numFmts: NumberFormats?
        var cellXfs: CellFormats?
    }

    /// A worksheet: rows of cells, each named by its reference ("B3").
    struct Worksheet: Decodable {
        struct SheetData: Decodable { var row: [Row]? }
        struct Row: Decodable {
            var r: Int?
            var c: [Cell]?
        }
        struct Cell: Decodable {
            var r: String?
            /// s (shared string), str (formula text), inlineStr, b, e, n or absent (number).
            var t: String?
            /// Index into the styles' cell formats.
            var s: Int?
            var v: Text?
            var inline: StringItem?
            enum CodingKeys: String, CodingKey {
                case r, t, s, v
                case inline = "is"
            }
        }
        var sheetData: SheetData?
    }

    static func decode<T: Decodable>(_ type: T.Type, _ data: Data, part: String) throws(SpreadsheetError) -> T {
        let decoder = XMLDecoder()
        decoder.trimValueWhitespaces = false
        decoder.removeWhitespaceElements = true
        do {
            return try decoder.decode(T.self, from: data)
        } catch {
            throw SpreadsheetError("Een deel van het Excel-bestand (\(part)) is niet te lezen. Open het in Excel, sla het opnieuw op als .xlsx en probeer het nog eens.")
        }
    }
}
