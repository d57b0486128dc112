import Foundation
import Testing
@testable import KansrijkApp

@Suite("CSV readers compared on the same work (bench/csv-reader.sh)")
struct CSVReaderBenchTests {
    @Test("the births scanner and CSVFile split a births file into the same fields and numbers")
    func sameWork() throws {
        // setup: as the births extract is written, with a BOM and CRLF
        let path = try MonitoringFixtures.file("""
        jaar;gemeente;amww;amdd;hoftiezer;pariteit;levend
        2023;GM0014;38;5;43,1;1;1
        2023;GM0355;40;0;;2;1
        2022;GM0654;41;3;12,0;1;0
        """, bom: true, crlf: true)
        // act
        let scanner = try ReaderBench.run(.scanner, path: path)
        let csvFile = try ReaderBench.run(.csvFile, path: path)
        // check
        #expect(scanner.rows == 3 && scanner.fields == 21)
        #expect(csvFile.rows == scanner.rows && csvFile.fields == scanner.fields)
        #expect(scanner.sum == 2023 + 38 + 5 + 1 + 1 + 2023 + 40 + 0 + 2 + 1 + 2022 + 41 + 3 + 1 + 0)
        #expect(csvFile.sum == scanner.sum)
        #expect(csvFile.line.hasPrefix("reader=csv-file rows=3 fields=21 sum=\(scanner.sum) read_s="))
    }

    @Test("the scanner chooses its separator by CSVFile's rule")
    func separatorRule() throws {
        #expect(try DelimitedFileScanner.detectSeparator(path: MonitoringFixtures.file("jaar;gemeente, voluit;amww\n1;2;3\n")) == UInt8(ascii: ";"))
        #expect(try DelimitedFileScanner.detectSeparator(path: MonitoringFixtures.file("\"jaar;x\",gemeente,amww\n1,2,3\n")) == UInt8(ascii: ","))
        #expect(try DelimitedFileScanner.detectSeparator(path: MonitoringFixtures.file("jaar\tgemeente\n1\t2\n")) == 9)
    }
}
