import Foundation
import Testing
@testable import KansrijkApp

@Suite("Monitoring: column mapping of aggregate files")
struct ImportPageMappingTests {
    let kraamzorg = IndicatorCatalog.rivm.first { $0.code == "geen_kraamzorg" }!

    @Test("guessed from Dutch and CBS header names")
    func guess() {
        #expect(AggregateColumns.guess(header: ["Gemeentecode", "Jaar", "Aantal", "Totaal"]) == AggregateColumns(area: 0, period: 1, numerator: 2, denominator: 3))
        #expect(AggregateColumns.guess(header: ["waarde", "noemer", "periode", "gebied"]) == AggregateColumns(area: 3, period: 2, denominator: 1, value: 0))
        #expect(AggregateColumns.guess(header: ["x", "y"]) == AggregateColumns())
    }

    @Test("the mapping form's checks")
    func check() {
        let missing = ColumnMappingCheck(columns: AggregateColumns(), needsDenominator: true, english: false).errors
        #expect(Set(missing.messages.keys) == ["gebied", "periode", "teller", "noemer"])
        let twice = ColumnMappingCheck(columns: AggregateColumns(area: 0, period: 1, numerator: 2, denominator: 2), needsDenominator: true, english: false).errors
        #expect(Set(twice.messages.keys) == ["noemer"])
        let fine = ColumnMappingCheck(columns: AggregateColumns(area: 0, period: 1, denominator: 2, value: 3), needsDenominator: true, english: false).errors
        #expect(fine.isEmpty)
    }

    @Test("the importer reads the columns as mapped, and refuses one column used twice")
    func importerUsesMapping() throws {
        let path = try MonitoringFixtures.file("a;b;c;d\nGM0001;150;2021;12\n")
        var importer = AggregateImporter(areas: MonitoringFixtures.areas, indicator: kraamzorg)
        importer.columns = AggregateColumns(area: 0, period: 2, numerator: 3, denominator: 1)
        #expect(try importer.read(path: path) == [AggregateRow(areaCode: "GM0001", period: .year(2021), numerator: 12, denominator: 150, derived: false)])
        importer.columns = AggregateColumns(area: 0, period: 2, numerator: 3, denominator: 3)
        do { _ = try importer.read(path: path); Issue.record("expected a report") } catch {
            #expect(error.issues.map(\.message).contains("kolom 4 ('d') is voor twee dingen gekozen; kies voor elk gegeven een eigen kolom"))
        }
    }

    @Test("progress is reported while reading")
    func progress() throws {
        let lines = (1...2_500).map { "GM0001;\(1000 + $0 % 900);12;150" }
        let path = try MonitoringFixtures.file("gebied;periode;teller;noemer\n" + lines.joined(separator: "\n"))
        let seen = ProgressLog()
        var importer = AggregateImporter(areas: MonitoringFixtures.areas, indicator: kraamzorg)
        importer.onProgress = { seen.add($0) }
        _ = try? importer.read(path: path)
        #expect(seen.values == [1_000, 2_000])
        #expect(CSVPreview.dataLineCount(try #require(FileManager.default.contents(atPath: path))) == 2_500)
    }
}

final class ProgressLog: @unchecked Sendable {
    private let lock = NSLock()
    private var seen: [Int] = []
    func add(_ n: Int) { lock.lock(); seen.append(n); lock.unlock() }
    var values: [Int] { lock.lock(); defer { lock.unlock() }; return seen }
}
