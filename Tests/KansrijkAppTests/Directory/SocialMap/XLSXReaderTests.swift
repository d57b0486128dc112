import Foundation
import Testing
@testable import KansrijkApp

@Suite("xlsx reader (issue 16)")
struct XLSXReaderTests {
    @Test func readsSharedRichInlineNumbersBooleansDatesAndMissingCells() throws {
        // setup: shared strings (plain, with preserved spaces, rich text with a phonetic hint), styles with two date formats
        let strings = [
            "<si><t>Organisatie</t></si>",
            #"<si><t xml:space="preserve">  Naam aanbod</t></si>"#,
            "<si><r><rPr><b/></rPr><t>Stichting </t></r><r><t>Vet &amp; Vrolijk</t></r><rPh sb=\"0\" eb=\"1\"><t>X</t></rPh></si>",
        ]
        let styles = #"<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy;@"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/></cellXfs></styleSheet>"#
        let rows = """
        <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="D1" t="inlineStr"><is><t>Datum</t></is></c><c r="E1" t="inlineStr"><is><t>Getal</t></is></c><c r="F1" t="inlineStr"><is><t>Ja</t></is></c></row>\
        <row r="3"><c r="A3" t="s"><v>2</v></c><c r="D3" s="1"><v>45658</v></c><c r="E3"><v>1.5</v></c><c r="F3" t="b"><v>1</v></c></row>\
        <row r="4"><c r="B4" t="str"><f>A1&amp;"x"</f><v>uit formule</v></c><c r="D4" s="2"><v>61</v></c><c r="E4"><v>30</v></c><c r="F4" t="b"><v>0</v></c></row>
        """
        let data = try XLSXTestFiles.workbook(sheets: [("Kaart", rows)], sharedStrings: strings, styles: styles)
        // act
        let table = try XLSXReader.read(data)
        // check
        #expect(table.header == ["Organisatie", "Naam aanbod", "", "Datum", "Getal", "Ja"])
        #expect(table.rows.map(\.line) == [3, 4])
        #expect(table.rows[0].cells == ["Stichting Vet & Vrolijk", "", "", "01-01-2025", "1.5", "WAAR"])
        #expect(table.rows[1].cells == ["", "uit formule", "", "01-03-1900", "30", "ONWAAR"])
    }

    @Test func excelSerialDatesKeepTheLeapYearBugOf1900() {
        #expect(XLSXValue.date(serial: 1) == "01-01-1900")
        #expect(XLSXValue.date(serial: 59) == "28-02-1900")
        #expect(XLSXValue.date(serial: 60) == "29-02-1900")
        #expect(XLSXValue.date(serial: 61) == "01-03-1900")
        #expect(XLSXValue.date(serial: 45658.75) == "01-01-2025")
        #expect(XLSXValue.date(serial: 0) == nil)
        #expect(XLSXValue.isDateFormat(id: 0, code: nil) == false)
        #expect(XLSXValue.isDateFormat(id: 170, code: #"0.00 "dagen""#) == false)
        #expect(XLSXValue.isDateFormat(id: 171, code: "[$-413]d mmmm yyyy") == true)
    }

    @Test func cellReferences() {
        #expect(XLSXValue.column(of: "A1")?.column == 0)
        #expect(XLSXValue.column(of: "AB12")?.column == 27)
        #expect(XLSXValue.column(of: "AB12")?.row == 12)
        #expect(XLSXValue.column(of: "1A") == nil)
        #expect(XLSXValue.column(of: "ABCD1") == nil)
        #expect(XLSXWriter.columnName(27) == "AB")
    }

    @Test func choosesASheetByNameAndNamesTheSheetsWhenItIsMissing() throws {
        let data = try XLSXTestFiles.workbook(sheets: [
            ("Uitleg", XLSXTestFiles.row(1, ["Lees dit eerst"])),
            ("Aanbod", XLSXTestFiles.row(1, ["Organisatie"]) + XLSXTestFiles.row(2, ["CJG"])),
        ])
        #expect(try XLSXReader.sheetNames(data) == ["Uitleg", "Aanbod"])
        #expect(try XLSXReader.read(data).header == ["Lees dit eerst"])
        #expect(try XLSXReader.read(data, sheet: "aanbod").rows.map(\.cells) == [["CJG"]])
        #expect(throws: SpreadsheetError.self) { try XLSXReader.read(data, sheet: "Blad9") }
        do {
            _ = try XLSXReader.read(data, sheet: "Blad9")
        } catch {
            #expect(error.message.contains("Tabbladen: Uitleg, Aanbod"))
        }
    }

    @Test func writerRoundTripsTheTemplate() throws {
        let data = try SocialMapTemplate.xlsx(municipality: "Zeist")
        let table = try SpreadsheetFile.read(data)
        #expect(table.header == SocialMapTemplate.header)
        #expect(table.rows.map(\.cells) == [SocialMapTemplate.example(municipality: "Zeist")])
        #expect(try XLSXReader.sheetNames(data) == ["Sociale kaart", "Uitleg"])
    }

    @Test func refusesAZipBombBeforeUnpackingIt() throws {
        // 4 MB of the same character deflates to a few kB
        let big = XLSXTestFiles.row(1, [String(repeating: "a", count: 4 * 1024 * 1024)])
        let data = try XLSXTestFiles.workbook(sheets: [("Blad1", big)])
        #expect(data.count < 100_000)
        var limits = SpreadsheetLimits.standard
        limits.maxPartBytes = 1024 * 1024
        do {
            _ = try XLSXReader.read(data, limits: limits)
            Issue.record("a part above the limit was read")
        } catch {
            #expect(error.message.contains("uitgepakt te groot"))
        }
        limits.maxPartBytes = 16 * 1024 * 1024
        limits.maxUnzippedBytes = 2 * 1024 * 1024
        #expect(throws: SpreadsheetError.self) { try XLSXReader.read(data, limits: limits) }
    }

    @Test func refusesTooManyRowsAndColumns() throws {
        var limits = SpreadsheetLimits.standard
        limits.maxRows = 3
        let rows = (1...5).map { XLSXTestFiles.row($0, ["r\($0)"]) }.joined()
        let data = try XLSXTestFiles.workbook(sheets: [("Blad1", rows)])
        do {
            _ = try XLSXReader.read(data, limits: limits)
            Issue.record("5 rows read with a limit of 3")
        } catch {
            #expect(error.message.contains("meer dan 3 regels"))
        }
        limits.maxRows = 5
        #expect(try XLSXReader.read(data, limits: limits).rows.count == 4)
        let wide = try XLSXTestFiles.workbook(sheets: [("Blad1", #"<row r="1"><c r="ZZ1" t="inlineStr"><is><t>ver weg</t></is></c></row>"#)])
        #expect(throws: SpreadsheetError.self) { try XLSXReader.read(wide) }
    }

    @Test func brokenFilesGiveADutchMessageNeverACrash() throws {
        let good = try XLSXTestFiles.sheet([["Organisatie"], ["CJG"]])
        let cases: [(String, Data)] = [
            ("truncated", good.prefix(good.count / 2)),
            ("zip header only", Data([0x50, 0x4B, 0x03, 0x04] + Array(repeating: 0, count: 40))),
            ("old xls", Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 100))),
            ("no workbook", try XLSXWriter.zip([("hallo.txt", Data("hoi".utf8))])),
            ("garbage xml", try XLSXWriter.zip([("xl/workbook.xml", Data("<workbook><sheets><sheet".utf8))])),
            ("bad shared string", try XLSXTestFiles.workbook(sheets: [("B", #"<row r="1"><c r="A1" t="s"><v>7</v></c></row>"#)], sharedStrings: [])),
            ("empty", Data()),
            ("binary", Data([0x00, 0x01, 0x02, 0x03, 0x00])),
        ]
        for (name, data) in cases {
            do {
                _ = try SpreadsheetFile.read(data)
                Issue.record("\(name) was read")
            } catch {
                #expect(!error.message.isEmpty, "\(name)")
                #expect(!error.message.contains("Error"), "\(name): \(error.message)")
            }
        }
    }

    @Test func relationshipTargetsStayInsideThePackage() {
        #expect(XLSXPackage.resolve("worksheets/sheet1.xml", base: "xl/") == "xl/worksheets/sheet1.xml")
        #expect(XLSXPackage.resolve("/xl/worksheets/sheet2.xml", base: "xl/") == "xl/worksheets/sheet2.xml")
        #expect(XLSXPackage.resolve("../../../etc/passwd", base: "xl/") == nil)
    }

    @Test func readsCSVAsDutchExcelWritesIt() throws {
        // Windows-1252 with semicolons and a quoted field holding a semicolon and a line break
        var bytes = Array("Organisatie;Naam aanbod;Omschrijving\r\n".utf8)
        bytes += Array("Caf".utf8) + [0xE9] + Array(" Hoop;Inloop;\"Koffie; thee\r\nen meer\"\r\n".utf8)
        let table = try SpreadsheetFile.read(Data(bytes))
        #expect(table.header == ["Organisatie", "Naam aanbod", "Omschrijving"])
        #expect(table.rows.first?.cells == ["Café Hoop", "Inloop", "Koffie; thee\r\nen meer"] || table.rows.first?.cells == ["Café Hoop", "Inloop", "Koffie; thee\nen meer"])
        #expect(table.rows.first?.line == 2)
        // UTF-8 with a byte order mark
        let bom = try SpreadsheetFile.read(Data([0xEF, 0xBB, 0xBF] + Array("Organisatie;Naam aanbod\r\nGGD;Spreekuur\r\n".utf8)))
        #expect(bom.header == ["Organisatie", "Naam aanbod"])
        #expect(bom.rows.first?.cells == ["GGD", "Spreekuur"])
    }

    @Test func theCSVTemplateDefusesFormulasAndOpensInDutchExcel() throws {
        let text = SocialMapTemplate.csv(municipality: "=HYPERLINK(\"http://x\")")
        #expect(text.hasPrefix("\u{FEFF}Organisatie;"))
        #expect(text.contains("'=HYPERLINK"))
        #expect(!text.contains(";=HYPERLINK"))
        let table = try SpreadsheetFile.read(Data(SocialMapTemplate.csv(municipality: "Zeist").utf8))
        #expect(table.rows.map(\.cells) == [SocialMapTemplate.example(municipality: "Zeist")])
    }
}

extension XLSXReaderTests {
    /// A sheet at the row limit, as wide as the template, with shared strings: read whole.
    @Test func readsASheetAtTheRowLimit() throws {
        let width = SocialMapField.allCases.count
        let limit = SpreadsheetLimits.standard.maxRows
        var strings: [String] = []
        var rows = ""
        for r in 1...(limit + 1) {
            var cells = ""
            for c in 0..<width {
                strings.append("<si><t>r\(r)c\(c)</t></si>")
                cells += #"<c r="\#(XLSXWriter.columnName(c))\#(r)" t="s"><v>\#(strings.count - 1)</v></c>"#
            }
            rows += #"<row r="\#(r)">\#(cells)</row>"#
        }
        let data = try XLSXTestFiles.workbook(sheets: [("Blad1", rows)], sharedStrings: strings)
        let started = Date()
        let table = try XLSXReader.read(data)
        let seconds = Date().timeIntervalSince(started)
        #expect(table.rows.count == limit)
        #expect(table.rows.last?.cells.last == "r\(limit + 1)c\(width - 1)")
        print("read \(limit) rows x \(width) columns in \(seconds) s")
    }
}
