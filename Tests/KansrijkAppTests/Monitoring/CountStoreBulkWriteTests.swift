import Fluent
import Foundation
import Testing
@testable import KansrijkApp

@Suite("Monitoring: the bulk write of counts", .serialized)
struct CountStoreBulkWriteTests {
    @Test("ids are written as the same text Foundation gives")
    func idText() {
        var ids = TimeOrderedUUIDs()
        let made = (0..<200).map { _ in ids.next() } + (0..<200).map { _ in UUID() }
        #expect(made.map(\.upperHexString) == made.map(\.uuidString))
        #expect(UUID(uuid: (0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 0xFE, 0xFF)).upperHexString == "00010203-0405-0607-0809-0A0B0C0DFEFF")
    }

    @Test("one INSERT has a placeholder per column and row")
    func statementText() {
        let sql = CountStore.insertSQL(rows: 3)
        #expect(sql.hasPrefix("INSERT INTO \"monitoring_counts\" (\"id\", \"element\", \"area_code\", \"period\", \"year\", \"breakdown\", \"breakdown_value\", \"count\", \"source\") VALUES (?"))
        #expect(sql.filter { $0 == "?" }.count == 3 * CountStore.columns.count)
    }

    @Test("every row of a births aggregate comes back through Fluent with its values, id and source")
    func roundTrip() async throws {
        try await withApp(demo: false) { app in
            var aggregate = BirthAggregate()
            // more slots than one statement holds rows, so the last statement is a shorter one
            for n in 1...200 {
                let slot = aggregate.slot(year: 2020 + n % 3, codeNumber: n, code: String(format: "GM%04d", n))
                aggregate.add(0b1011_0101, slot: slot, cells: (1 + n % 3, 4 + n % 6, 10 + n % 4))
                aggregate.add(0b0000_0001, slot: slot, cells: (2, 9, 13))
            }
            let stored = try await CountStore.store(aggregate, on: app.db)
            let expected = aggregate.rowsInIndexOrder()
            #expect(stored == expected.count)
            #expect(stored > CountStore.rowsPerStatement && stored % CountStore.rowsPerStatement != 0)

            let rows = try await MonitoringCount.query(on: app.db).all()
            #expect(Set(rows.compactMap(\.id)).count == expected.count, "every row has its own id")
            #expect(rows.allSatisfy { $0.source == "perined" && $0.period == String($0.year) })
            func key(_ e: String, _ c: String, _ y: Int, _ b: String, _ v: String) -> String { [e, c, String(y), b, v].joined(separator: "|") }
            let byKey = Dictionary(uniqueKeysWithValues: rows.map { (key($0.element, $0.areaCode, $0.year, $0.breakdown, $0.breakdownValue), $0.count) })
            #expect(expected.allSatisfy { byKey[key($0.element, $0.code, $0.year, $0.cell.breakdown, $0.cell.value)] == $0.count })
            #expect(try await MonitoringSnapshot.countTotal(on: app.db) == expected.reduce(0) { $0 + $1.count })
        }
    }

    @Test("a births import that breaks off halfway leaves the earlier counts")
    func rollbackMidway() async throws {
        try await withApp(demo: false) { app in
            var before = BirthAggregate()
            let zeist = before.slot(year: 2021, codeNumber: 355, code: "GM0355")
            before.add(0b1, slot: zeist, cells: (1, 4, 10))
            let first = try await CountStore.store(before, on: app.db)
            // a row repeated after the first full statement: the second statement fails
            var rows = (0..<(CountStore.rowsPerStatement + 10)).map { i in
                CountStore.Row(element: "kinderen_ge24", areaCode: String(format: "GM%04d", i), period: "2021", year: 2021,
                               breakdown: "", breakdownValue: "", count: 1)
            }
            rows.append(rows[CountStore.rowsPerStatement + 1])
            await #expect(throws: (any Error).self) {
                try await CountStore.replace(elements: ["kinderen_ge24"], periods: ["2021"], with: rows, source: "perined", on: app.db)
            }
            #expect(try await MonitoringCount.query(on: app.db).count() == first, "the earlier counts are still there")
        }
    }
}
