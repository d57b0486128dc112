import Foundation
import Testing
@testable import KansrijkApp

@Suite("CSVFile: one writer for every CSV")
struct CSVFileWriteTests {
    @Test("quotes only where needed, CRLF, no BOM for data; what is written reads back unchanged")
    func roundTrip() throws {
        // setup
        let rows = [["1", "gewoon"], ["2", "komma, en \"quote\""], ["3", "twee\r\nregels"], ["4", " spatie "], ["5", ""], ["6", "financiën"],
                    ["7", "=1+1"], ["8", "-3"]]
        // act
        let text = CSVFile.write(header: ["id", "tekst"], rows: rows)
        let back = try CSVFile.read(Data(text.utf8))
        // check
        #expect(text.hasPrefix("id,tekst\r\n1,gewoon\r\n2,\"komma, en \"\"quote\"\"\"\r\n"))
        #expect(text.contains("\r\n7,=1+1\r\n"), "data files keep values as they are (an HSDS phone number +31 ...)")
        #expect(back.header == ["id", "tekst"] && back.rows.map(\.fields) == rows)
    }

    @Test("for a spreadsheet: BOM, the separator given, and read back the same")
    func spreadsheet() throws {
        let text = CSVFile.write(header: ["a", "b"], rows: [["x;y", "zegt \"hoi\""], ["regel\nnieuw", " rand "], ["3,5", "x,y"]],
                                 separator: .semicolon, for: .spreadsheet)
        #expect(text.hasPrefix("\u{FEFF}a;b\r\n"))
        #expect(text.contains("\"x;y\";\"zegt \"\"hoi\"\"\"\r\n"))
        #expect(text.hasSuffix("3,5;x,y\r\n"), "a comma is no separator here, so it needs no quotes")
        let back = try CSVFile.read(Data(text.utf8))
        #expect(back.separator == .semicolon)
        #expect(back.rows.map(\.fields) == [["x;y", "zegt \"hoi\""], ["regel\nnieuw", " rand "], ["3,5", "x,y"]])
        #expect(back.rows.map(\.line) == [2, 3, 5])
    }

    @Test("cells a spreadsheet would run as a formula get an apostrophe and quotes; plain numbers stay numbers",
          arguments: [
              ("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""),
              ("@SUM(A1)", "\"'@SUM(A1)\""),
              ("+1+cmd|' /C calc'!A0", "\"'+1+cmd|' /C calc'!A0\""),
              ("-2+3", "\"'-2+3\""),
              ("\tx", "\"'\tx\""),
              ("-3", "-3"),
              ("-0,5", "-0,5"),
              ("+31", "+31"),
              ("gewoon", "gewoon"),
          ])
    func formulas(value: String, written: String) {
        #expect(CSVFile.escaped(value, separator: UInt8(ascii: ";"), audience: .spreadsheet) == written)
        #expect(CSVFile.escaped(value, separator: UInt8(ascii: ";"), audience: .data) == (value.contains("\"") || value.hasPrefix("\t") ? CSVFile.escaped(value, separator: 59, audience: .data) : value))
    }

    @Test("tab separated: tabs are quoted, commas and semicolons are not")
    func tabs() throws {
        let text = CSVFile.write(header: ["a", "b"], rows: [["x\ty", "1,2;3"]], separator: .tab)
        #expect(text == "a\tb\r\n\"x\ty\"\t1,2;3\r\n")
        #expect(try CSVFile.read(Data(text.utf8)).rows[0].fields == ["x\ty", "1,2;3"])
    }
}
