import Foundation
import Testing
@testable import KansrijkApp

/// The HSDS tables through the one CSV reader and writer; the reader's own cases (quoting, line
/// ends, broken quotes, encodings) are in Platform/CSV/CSVFileReadTests.swift.
@Suite("HSDS CSV tables (RFC 4180, through CSVFile)")
struct HSDSCSVTests {
    @Test("a row with another number of fields than the header is an error with its line")
    func fieldCount() {
        #expect(throws: CSVFile.ReadError(line: 3, reason: "3 velden, maar de kopregel heeft er 2")) {
            _ = try CSVTable(data: Data("id,name\n1,a\n2,b,c\n".utf8))
        }
        #expect(throws: CSVFile.ReadError(line: 1, reason: "het bestand is leeg; de kopregel ontbreekt")) {
            _ = try CSVTable(data: Data("\r\n".utf8))
        }
    }

    @Test("what the writer writes, the table reads back unchanged")
    func writeThenRead() throws {
        // setup
        let rows = [["1", "gewoon"], ["2", "komma, en \"quote\""], ["3", "twee\r\nregels"], ["4", " spatie "], ["5", ""], ["6", "financiën"],
                    ["7", "+31 30 123 45 67"]]
        // act
        let text = CSVFile.write(header: ["id", "text"], rows: rows)
        let table = try CSVTable(data: Data(text.utf8))
        // check
        #expect(text.hasSuffix("\r\n") && !text.hasPrefix("\u{FEFF}"))
        #expect(table.columns == ["id", "text"])
        #expect(table.rows.map { [$0.values["id"] ?? "-", $0.values["text"] ?? "-"] } == rows)
        #expect(table.rows.map(\.line) == [2, 3, 4, 6, 7, 8, 9])
    }
}
