import Fluent
import Foundation
import Testing
import Vapor
@testable import KansrijkApp

/// Issue 13: 200 rows for Zeist 2023 replaced the whole country's 2023 (32,412 counts became 58).
@Suite("Monitoring: a births import replaces only its own municipalities", .serialized)
struct BirthsImportScopeTests {
    /// A births extract: `children` unremarkable children per (year, municipality).
    static func births(_ plan: [(year: Int, code: String, children: Int)]) throws -> String {
        var lines = [MonitoringFixtures.birthsHeader]
        for p in plan { lines += Array(repeating: "\(p.year);\(p.code);39;0;50;0;1;60;0;3;midden", count: p.children) }
        return try MonitoringFixtures.file(lines.joined(separator: "\n"))
    }

    /// Zeist, Amsterdam and Veenendaal in 2023, and Zeist in 2022.
    static func country(_ app: Application) async throws {
        let national = try births([(2023, "GM0355", 30), (2023, "GM0363", 200), (2023, "GM0345", 20), (2022, "GM0355", 25)])
        try await runCommand(ImportBirthsCommand(), [national], on: app)
    }

    func counts(_ app: Application, year: Int, code: String? = nil) async throws -> [String] {
        let query = MonitoringCount.query(on: app.db).filter(\.$year == year)
        if let code { query.filter(\.$areaCode == code) }
        return try await query.all().map { "\($0.element)|\($0.areaCode)|\($0.breakdown)|\($0.breakdownValue)|\($0.count)" }.sorted()
    }

    @Test("a Zeist-only file leaves the other municipalities of that year, and other years, untouched")
    func onlyItsAreas() async throws {
        try await withApp(demo: false) { app in
            // setup
            try await Self.country(app)
            let amsterdam = try await counts(app, year: 2023, code: "GM0363"), veenendaal = try await counts(app, year: 2023, code: "GM0345")
            let zeistBefore = try await counts(app, year: 2023, code: "GM0355").count, lastYear = try await counts(app, year: 2022)
            // act
            let console = try await runCommand(ImportBirthsCommand(), [try Self.births([(2023, "GM0355", 12)])], on: app)
            // check
            #expect(try await counts(app, year: 2023, code: "GM0363") == amsterdam)
            #expect(try await counts(app, year: 2023, code: "GM0345") == veenendaal)
            #expect(try await counts(app, year: 2022) == lastYear)
            let zeist = try await counts(app, year: 2023, code: "GM0355")
            #expect(zeist.contains("kinderen_ge24|GM0355|||12"))
            #expect(console.lines.first == "2023: 1 gemeente uit het bestand vervangen: \(zeistBefore) tellingen weg, \(zeist.count) erbij.")
        }
    }

    @Test("--replace-year replaces every area of the file's years and prints what changes")
    func wholeYear() async throws {
        try await withApp(demo: false) { app in
            // setup
            try await Self.country(app)
            let before = try await counts(app, year: 2023).count, lastYear = try await counts(app, year: 2022)
            // act
            let console = try await runCommand(ImportBirthsCommand(), [try Self.births([(2023, "GM0355", 12)]), "--replace-year"], on: app)
            // check
            let after = try await counts(app, year: 2023)
            #expect(after == (try await counts(app, year: 2023, code: "GM0355")), "only Zeist is left in 2023")
            #expect(try await counts(app, year: 2022) == lastYear)
            #expect(console.lines.first == "2023: alle gebieden (--replace-year) vervangen: \(before) tellingen weg, \(after.count) erbij.")
            #expect(console.lines.last?.hasPrefix("Geïmporteerd: 12 kinderen uit 2023 als \(after.count) tellingen") == true)
        }
    }

    @Test("a refused file and a write that fails at the end both change nothing")
    func allOrNothing() async throws {
        try await withApp(demo: false) { app in
            // setup
            try await Self.country(app)
            let before = try await counts(app, year: 2023)
            let broken = try MonitoringFixtures.file(MonitoringFixtures.birthsHeader + "\n2023;GM0355;39;0;50;0;1;60;0;3;midden\n2023;GM0355;99;0;50;0;1;60;0;3;midden")
            let areas = try await AreaDimension.load(on: app.db)
            let zeist = try BirthsImporter(areas: areas).aggregate(path: try Self.births([(2023, "GM0355", 12)]))
            struct Stop: Error {}
            // act
            await #expect(throws: CommandFailure.self) { try await runCommand(ImportBirthsCommand(), [broken, "--replace-year"], on: app) }
            await #expect(throws: Stop.self) {
                try await BirthCountWriter.store(zeist, areas: areas, wholeYears: true, on: app.db) { _ in throw Stop() }
            }
            // check
            #expect(try await counts(app, year: 2023) == before)
        }
    }

    @Test("a municipality is replaced under every code that maps onto it today")
    func mergedCodes() {
        // setup: GM0009 merged into GM0001 in 2019; GM0005 and GM0006 formed GM0007 in 2022
        var aggregate = BirthAggregate()
        aggregate.add(0b1, slot: aggregate.slot(year: 2018, codeNumber: 1, code: "GM0001"), cells: (1, 4, 10))
        aggregate.add(0b1, slot: aggregate.slot(year: 2023, codeNumber: 7, code: "GM0007"), cells: (1, 4, 10))
        // act
        let cells = BirthCountWriter.cells(of: aggregate, areas: MonitoringFixtures.areas, wholeYears: false)
        // check
        #expect(cells.periods == ["2018": .only(["GM0001", "GM0009"]), "2023": .only(["GM0005", "GM0006", "GM0007"])])
        #expect(BirthCountWriter.cells(of: aggregate, areas: MonitoringFixtures.areas, wholeYears: true).periods == ["2018": .all, "2023": .all])
    }
}
