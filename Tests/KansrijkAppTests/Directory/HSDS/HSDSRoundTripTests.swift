import Foundation
import Testing
import Vapor
@testable import KansrijkApp

@Suite("HSDS export and import round trip")
struct HSDSRoundTripTests {
    @Test("JSON: export, import into an empty database, export again gives the same data")
    func json() async throws {
        // setup
        let file = try hsdsTemporaryDirectory().appendingPathComponent("export.json")
        var first: [HSDSOrganization] = []
        try await withApp { app in
            try await HSDSExporter.load(app).json().write(to: file)
            first = try await app.hsdsExportWithoutTimes()
        }
        try await withApp(demo: false) { app in
            // act
            let report = try await HSDSImporter(app: app).run(path: file.path)
            // check
            #expect(report.outcome == .imported, "\(report.text)")
            #expect(report.counts("services").created == DemoCatalog.offers.count)
            #expect(report.counts("organizations").created == DemoCatalog.organisations.count)
            #expect(try await app.hsdsExportWithoutTimes() == first)
            let again = try await HSDSImporter(app: app).run(path: file.path)
            #expect(!again.changed)
        }
    }

    @Test("CSV package: export, import into an empty database, export again gives the same files")
    func csv() async throws {
        // setup
        let first = try hsdsTemporaryDirectory(), second = try hsdsTemporaryDirectory()
        try await withApp { app in try await HSDSExporter.load(app).writeCSV(to: first) }
        try await withApp(demo: false) { app in
            // act
            let report = try await HSDSImporter(app: app).run(path: first.path)
            try await HSDSExporter.load(app).writeCSV(to: second)
            // check
            #expect(report.outcome == .imported, "\(report.text)")
            #expect(report.omitted.isEmpty && report.notes.isEmpty)
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: first.path).sorted()
        #expect(Set(files) == Set(HSDSTable.allCases.map(\.fileName) + ["datapackage.json"]))
        for name in files {
            let a = try Data(contentsOf: first.appendingPathComponent(name)), b = try Data(contentsOf: second.appendingPathComponent(name))
            if name == "services.csv" {
                // last_modified is when this installation wrote the row
                let rows = { (data: Data) in try CSVTable(data: data).rows.map { $0.values.filter { $0.key != "last_modified" } } }
                #expect(try rows(a) == rows(b))
            } else {
                #expect(a == b, "\(name) differs")
            }
        }
    }

    @Test("the package carries every table with its standard columns, and JSON export is what the API serves")
    func shape() async throws {
        try await withApp { app in
            let folder = try hsdsTemporaryDirectory()
            let exporter = try await HSDSExporter.load(app)
            try exporter.writeCSV(to: folder)
            for table in HSDSTable.allCases {
                let csv = try CSVTable(data: Data(contentsOf: folder.appendingPathComponent(table.fileName)))
                #expect(csv.columns == table.columns, "\(table.fileName)")
            }
            let package = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("datapackage.json"))) as? [String: Any]
            #expect((package?["resources"] as? [Any])?.count == HSDSTable.allCases.count)

            let id = DemoData.orgID("vp-zeist").hsds
            let served = try await app.hsds("/api/hsds/organizations/\(id)?full_service=true", as: HSDSOrganization.self)
            #expect(exporter.organizations.first { $0.id == id } == served)
        }
    }
}
