import Foundation
import Testing
@testable import KansrijkApp

@Suite("The import preview reads the first rows through CSVFile")
struct CSVPreviewTests {
    /// The preview of a file as the import page makes it from the stored upload: its first megabyte,
    /// the whole file only when needed.
    func previewOf(_ path: String) async throws -> CSVPreview? {
        let data = try #require(FileManager.default.contents(atPath: path))
        return await CSVPreview.read(head: data.prefix(ImportFile.previewBytes), isCut: data.count > ImportFile.previewBytes) { data }
    }

    @Test("a large UTF-8 file whose first megabyte ends inside a character previews as UTF-8")
    func cutInsideACharacter() async throws {
        // setup: 12 rows of 110,008 bytes after a 12-byte header; byte 1,048,575 starts an "é"
        let wide = String(repeating: "é", count: 55_000)
        let text = "gebied;naam\n" + (1...12).map { "GM000\($0 % 10);\(wide)\n" }.joined()
        let path = try MonitoringFixtures.file(text)
        // act
        let preview = try #require(try await previewOf(path))
        // check
        #expect(preview.separator == ";" && preview.header == ["gebied", "naam"])
        #expect(preview.rows.count == CSVPreview.rowLimit)
        #expect(preview.rows.allSatisfy { $0.count == 2 && $0[1] == wide })
    }

    @Test("separator and trimmed cells as the importer reads them; a tab file says tab")
    func small() async throws {
        let semicolon = try #require(try await previewOf(MonitoringFixtures.file("gebied ; periode\n GM0001 ;2021\n", bom: true, crlf: true)))
        #expect(semicolon.separator == ";" && semicolon.header == ["gebied", "periode"] && semicolon.rows == [["GM0001", "2021"]])
        let tab = try #require(try await previewOf(MonitoringFixtures.file("gebied\tperiode\nGM0001\t2021\n")))
        #expect(tab.separator == "\t" && tab.rows == [["GM0001", "2021"]])
    }
}
