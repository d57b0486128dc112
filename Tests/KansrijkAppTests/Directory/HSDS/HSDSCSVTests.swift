import Foundation
import Testing
@testable import KansrijkApp

@Suite("HSDS CSV reader and writer (RFC 4180)")
struct HSDSCSVTests {
    func parse(_ text: String) throws -> [[String]] { try RFC4180.parse(Data(text.utf8)).map(\.fields) }

    @Test("quoted fields hold commas, doubled quotes and line breaks")
    func quoting() throws {
        let rows = try parse("id,text\r\n1,\"a, b\"\r\n2,\"zei \"\"ja\"\"\"\r\n3,\"regel 1\nregel 2\"\r\n4,\r\n")
        #expect(rows == [["id", "text"], ["1", "a, b"], ["2", "zei \"ja\""], ["3", "regel 1\nregel 2"], ["4", ""]])
    }

    @Test("LF, CRLF and CR line ends, a BOM and a missing last line end all read the same")
    func lineEnds() throws {
        let expected = [["a", "b"], ["1", "2"], ["3", "4"]]
        #expect(try parse("a,b\n1,2\n3,4\n") == expected)
        #expect(try parse("a,b\r\n1,2\r\n3,4") == expected)
        #expect(try parse("a,b\r1,2\r3,4\r") == expected)
        #expect(try parse("\u{FEFF}a,b\r\n1,2\r\n3,4\r\n") == expected)
        #expect(try parse("a,b\n\n1,2\n3,4\n\n") == expected)
    }

    @Test("records know the line they start on, also after a quoted line break")
    func lineNumbers() throws {
        let records = try RFC4180.parse(Data("a,b\n\"x\ny\",1\nz,2\n".utf8))
        #expect(records.map(\.line) == [1, 2, 4])
    }

    @Test("broken quoting is an error with its line, never a guess", arguments: [
        ("a,b\n1,\"open\n2,3\n", 2, "niet afgesloten"),
        ("a,b\n1,x\"y\n", 2, "midden in een veld"),
        ("a,b\n1,2\n3,\"q\"tail\n", 3, "na het sluitende"),
    ])
    func brokenQuoting(text: String, line: Int, reason: String) {
        #expect {
            _ = try RFC4180.parse(Data(text.utf8))
        } throws: { error in
            guard let e = error as? RFC4180.ParseError else { return false }
            return e.line == line && e.reason.contains(reason)
        }
    }

    @Test("a row with another number of fields than the header is an error")
    func fieldCount() {
        #expect(throws: RFC4180.ParseError(line: 3, reason: "3 velden, maar de kopregel heeft er 2")) {
            _ = try CSVTable(data: Data("id,name\n1,a\n2,b,c\n".utf8))
        }
    }

    @Test("what the writer writes, the reader reads back unchanged")
    func writeThenRead() throws {
        // setup
        let rows = [["1", "gewoon"], ["2", "komma, en \"quote\""], ["3", "twee\r\nregels"], ["4", " spatie "], ["5", ""], ["6", "financiën"]]
        // act
        let text = RFC4180.write(header: ["id", "text"], rows: rows)
        let table = try CSVTable(data: Data(text.utf8))
        // check
        #expect(text.hasSuffix("\r\n"))
        #expect(table.columns == ["id", "text"])
        #expect(table.rows.map { [$0.values["id"]!, $0.values["text"]!] } == rows)
    }
}
