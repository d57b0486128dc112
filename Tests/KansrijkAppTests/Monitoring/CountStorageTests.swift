import Fluent
import Foundation
import SQLKit
import Testing
@testable import KansrijkApp

@Suite("Monitoring: storing counts", .serialized)
struct CountStorageTests {
    func rows(_ n: Int, count: Int) -> [CountStore.Row] {
        (0..<n).map { i in
            CountStore.Row(element: i % 2 == 0 ? "screenings" : "screenings_kwetsbaar", areaCode: String(format: "GM%04d", i / 2),
                           period: "2024", year: 2024, breakdown: "", breakdownValue: "", count: count)
        }
    }

    @Test("more rows than one statement holds are all stored; storing again replaces them")
    func replace() async throws {
        try await withApp(demo: false) { app in
            let n = CountStore.rowsPerStatement * 2 + 7
            try await CountStore.replace(elements: ["screenings", "screenings_kwetsbaar"], periods: ["2024"], with: rows(n, count: 3), source: "test", on: app.db)
            #expect(try await MonitoringCount.query(on: app.db).count() == n)
            try await CountStore.replace(elements: ["screenings", "screenings_kwetsbaar"], periods: ["2024"], with: rows(10, count: 5), source: "test", on: app.db)
            #expect(try await MonitoringCount.query(on: app.db).count() == 10)
            #expect(try await MonitoringSnapshot.countTotal(on: app.db) == 50)
        }
    }

    @Test("a failing write changes nothing and leaves the connection's settings as they were")
    func rollback() async throws {
        try await withApp(demo: false) { app in
            try await CountStore.replace(elements: ["screenings"], periods: ["2024"], with: Array(rows(4, count: 1).filter { $0.element == "screenings" }),
                                         source: "test", on: app.db)
            // the same key twice breaks the unique index halfway through
            var twice = rows(6, count: 2)
            twice.append(twice[0])
            await #expect(throws: (any Error).self) {
                try await CountStore.replace(elements: ["screenings", "screenings_kwetsbaar"], periods: ["2024"], with: twice, source: "test", on: app.db)
            }
            #expect(try await MonitoringCount.query(on: app.db).count() == 2, "the earlier counts are still there")
        }
    }

    @Test("SQLite gets a larger cache and in-memory journals for the write, and its own settings back after")
    func tuning() async throws {
        try await withApp(demo: false) { app in
            guard (app.db as? any SQLDatabase)?.dialect.name == "sqlite" else {
                #expect(try await BulkWriteTuning.apply(on: app.db) == nil, "PostgreSQL is not tuned")
                return
            }
            let sizes = try await app.db.withConnection { conn -> [Int] in
                let sql = conn as! any SQLDatabase
                func cache() async throws -> Int { try await sql.raw("PRAGMA cache_size").first()!.decode(column: "cache_size", as: Int.self) }
                try await sql.raw("PRAGMA cache_size = -4321").run()
                let tuning = try await BulkWriteTuning.apply(on: conn)
                let during = try await cache()
                try await tuning?.restore(on: conn)
                return [during, try await cache()]
            }
            #expect(sizes == [BulkWriteTuning.bulkCacheSize, -4321])
        }
    }
}

@Suite("Monitoring: counts in index order")
struct CountOrderTests {
    @Test("a births aggregate gives its rows in the unique index's order, totals always, empty cells never")
    func order() {
        var aggregate = BirthAggregate()
        let later = aggregate.slot(year: 2022, codeNumber: 363, code: "GM0363")
        let earlier = aggregate.slot(year: 2021, codeNumber: 355, code: "GM0355")
        aggregate.add(0b1, slot: later, cells: (1, 4, 10))
        aggregate.add(0b11, slot: earlier, cells: (2, 5, 11))
        let rows = aggregate.rowsInIndexOrder()
        let keys = rows.map { [$0.element, $0.code, String($0.year), $0.cell.breakdown, $0.cell.value] }
        #expect(keys == keys.sorted { $0.lexicographicallyPrecedes($1) })
        // 8 elements × 2 slots of totals, plus 3 breakdown cells per counted element: 1 + 2 elements
        #expect(rows.count == 16 + 3 * 3)
        #expect(rows.filter { $0.cell.breakdown.isEmpty && $0.count == 0 }.count == 16 - 3)
    }

    @Test("time-ordered ids sort as they are made, also as text")
    func ids() {
        var ids = TimeOrderedUUIDs()
        let made = (0..<1000).map { _ in ids.next().uuidString }
        #expect(made == made.sorted())
        #expect(Set(made).count == 1000)
        #expect(made.allSatisfy { $0.dropFirst(14).first == "7" }, "version 7")
    }
}
