import Foundation
import Testing
@testable import KansrijkApp

@Suite("CSVFile: one reader for every CSV")
struct CSVFileReadTests {
    func read(_ text: String, _ separator: CSVFile.Separator = .detect) throws -> [[String]] {
        let table = try CSVFile.read(Data(text.utf8), separator: separator)
        return [table.header] + table.rows.map(\.fields)
    }

    @Test("quoted fields hold separators, doubled quotes and line breaks")
    func quoting() throws {
        let rows = try read("id,text\r\n1,\"a, b\"\r\n2,\"zei \"\"ja\"\"\"\r\n3,\"regel 1\nregel 2\"\r\n4,\r\n")
        #expect(rows == [["id", "text"], ["1", "a, b"], ["2", "zei \"ja\""], ["3", "regel 1\nregel 2"], ["4", ""]])
    }

    @Test("LF, CRLF and CR line ends, a BOM, blank lines and a missing last line end all read the same")
    func lineEnds() throws {
        let expected = [["a", "b"], ["1", "2"], ["3", "4"]]
        #expect(try read("a,b\n1,2\n3,4\n") == expected)
        #expect(try read("a,b\r\n1,2\r\n3,4") == expected)
        #expect(try read("a,b\r1,2\r3,4\r") == expected)
        #expect(try read("\u{FEFF}a,b\r\n1,2\r\n3,4\r\n") == expected)
        #expect(try read("\n\na,b\n\n1,2\n,\n3,4\n\n , \n") == expected, "blank lines and rows of empty fields (Excel leaves them) are skipped")
    }

    @Test("rows know the line they start on: after blank lines, quoted line breaks, CR-only ends")
    func lineNumbers() throws {
        #expect(try CSVFile.read(Data("a,b\n\"x\ny\",1\n\nz,2\n".utf8)).rows.map(\.line) == [2, 5])
        #expect(try CSVFile.read(Data("a,b\r\"x\r\ny\ry\",1\rz,2\r".utf8)).rows.map(\.line) == [2, 5])
    }

    @Test("the separator comes from the header line: Dutch Excel ;, comma, tab")
    func separators() throws {
        let semicolon = try CSVFile.read(Data("gemeente;naam, voluit;aantal\nGM0355;Zeist, gemeente;3,5\n".utf8))
        #expect(semicolon.separator == .semicolon && semicolon.rows[0].fields == ["GM0355", "Zeist, gemeente", "3,5"])
        let comma = try CSVFile.read(Data("\"a;b\",c,d\n1,2,3\n".utf8))
        #expect(comma.separator == .comma && comma.header == ["a;b", "c", "d"])
        let tab = try CSVFile.read(Data("a\tb\n1\t2\n".utf8))
        #expect(tab.separator == .tab && tab.rows[0].fields == ["1", "2"])
        #expect(try CSVFile.read(Data("enkel\nx\n".utf8)).separator == .comma, "no separator at all: one column")
        #expect(try read("a;b\n1;2\n", .comma) == [["a;b"], ["1;2"]], "a separator given is used as given")
    }

    @Test("broken quoting and ragged rows are errors with their line, never a guess", arguments: [
        ("a,b\n1,\"open\n2,3\n", 2, "aanhalingsteken niet afgesloten"),
        ("a,b\n1,x\"y\n", 2, "midden in een veld"),
        ("a,b\n1,2\n3,\"q\"tail\n", 3, "na het sluitende"),
        ("a,b\n\"x\ny\",1\n2,b,c\n", 4, "3 velden, maar de kopregel heeft er 2"),
        ("a\rb\r\"c", 3, "niet afgesloten"),
    ])
    func broken(text: String, line: Int, reason: String) {
        #expect {
            _ = try CSVFile.read(Data(text.utf8))
        } throws: { error in
            guard let e = error as? CSVFile.ReadError else { return false }
            return e.line == line && e.reason.contains(reason) && e.description.hasPrefix("regel \(line): ")
        }
    }

    @Test("ragged rows can be kept for a reader that reports every bad row itself")
    func raggedKept() throws {
        let table = try CSVFile.read(Data("a;b;c\n1;2\n1;2;3;4\n".utf8), ragged: .keep)
        #expect(table.rows.map(\.fields.count) == [2, 4])
    }

    @Test("spaces around a quoted field are dropped, spaces in a plain field kept; header names trimmed")
    func spaces() throws {
        #expect(try read(" a , b\n  \"x\" , y \n") == [["a", "b"], ["x", " y "]])
    }

    @Test("Windows-1252 as Dutch Excel saves it, UTF-16 with a BOM, and UTF-8 read alike")
    func encodings() throws {
        // "naam;prijs\r\nCafé „De Ster“;€ 3\r\n" in Windows-1252
        let cp1252 = Data([0x6E, 0x61, 0x61, 0x6D, 0x3B, 0x70, 0x72, 0x69, 0x6A, 0x73, 0x0D, 0x0A,
                           0x43, 0x61, 0x66, 0xE9, 0x20, 0x84, 0x44, 0x65, 0x20, 0x53, 0x74, 0x65, 0x72, 0x93, 0x3B, 0x80, 0x20, 0x33, 0x0D, 0x0A])
        let table = try CSVFile.read(cp1252)
        #expect(table.encoding == .windows1252)
        #expect(table.rows[0].fields == ["Café „De Ster“", "€ 3"])
        var utf16 = Data([0xFF, 0xFE])
        utf16.append("naam\tprijs\r\nCafé\t€ 3\r\n".data(using: .utf16LittleEndian)!)
        let unicode = try CSVFile.read(utf16)
        #expect(unicode.encoding == .utf16 && unicode.separator == .tab && unicode.rows[0].fields == ["Café", "€ 3"])
        let utf8 = try CSVFile.read(Data("naam;prijs\nCafé „De Ster“;€ 3\n".utf8))
        #expect(utf8.encoding == .utf8 && utf8.rows == table.rows)
    }

    @Test("an empty file is an empty table; maxRows stops early, before a broken row")
    func emptyAndLimited() throws {
        #expect(try CSVFile.read(Data()) == CSVFile.Table(header: [], rows: []))
        #expect(try CSVFile.read(Data("\u{FEFF}\r\n".utf8)).header.isEmpty)
        let preview = try CSVFile.read(Data("a;b\n1;2\n3;4\n5;\"kapot\n".utf8), maxRows: 2)
        #expect(preview.rows.map(\.fields) == [["1", "2"], ["3", "4"]])
    }
}
