import Foundation
import Testing
import Vapor
@testable import KansrijkApp

@Suite("HSDS import: broken files leave the database as it was")
struct HSDSImportRejectionTests {
    /// A demo service as our own export writes it, to break in one place.
    func exportedService(_ app: Application) async throws -> [String: Any] {
        let id = DemoData.serviceID("Centering Pregnancy").hsds
        let res = try await app.hsdsGet("/api/hsds/services/\(id)")
        return res.json
    }

    func expectRejected(_ app: Application, _ data: Data, name: String = "import.json", reason: String) async throws {
        // setup
        let before = try await app.hsdsExportWithoutTimes()
        // act
        let report = try await HSDSImporter(app: app).run(path: try hsdsTemporaryFile(data, name: name))
        // check
        #expect(report.outcome == .rejected)
        #expect(report.rejections.contains { $0.contains(reason) }, "\(report.rejections)")
        #expect(report.text.contains("Er is niets gewijzigd."))
        #expect(try await app.hsdsExportWithoutTimes() == before)
    }

    @Test("a file that is not JSON")
    func badJSON() async throws {
        try await withApp { app in try await expectRejected(app, Data("[{\"id\": \"x\",".utf8), reason: "geen geldige JSON") }
    }

    @Test("a service without its required name, among valid ones")
    func missingField() async throws {
        try await withApp { app in
            var broken = try await exportedService(app)
            broken["name"] = nil
            try await expectRejected(app, try hsdsData([try await exportedService(app), broken]), reason: "verplicht veld 'name' ontbreekt")
        }
    }

    @Test("a service of an organisation that exists nowhere")
    func unknownOrganisation() async throws {
        try await withApp { app in
            var broken = try await exportedService(app)
            let unknown = UUID().hsds
            broken["organization_id"] = unknown
            broken["organization"] = nil
            try await expectRejected(app, try hsdsData([broken]), reason: "organisatie onbekend (\(unknown))")
        }
    }

    @Test("an id that is not a UUID")
    func malformedID() async throws {
        try await withApp { app in
            var broken = try await exportedService(app)
            broken["id"] = "1234"
            try await expectRejected(app, try hsdsData(["contents": [broken]]), reason: "services[0].id: '1234' is geen UUID")
        }
    }

    /// An area we cannot place is kept as text since issue #16 (HSDSImportReviewTests); a term is a reference.
    @Test("a term that exists nowhere, beside an area we keep as text")
    func unknownReferences() async throws {
        try await withApp { app in
            var broken = try await exportedService(app)
            var attributes = broken["attributes"] as! [[String: Any]]
            attributes[0]["taxonomy_term"] = nil
            attributes[0]["taxonomy_term_id"] = "0bc248fa-dc27-4650-9ba4-8f1a24ef16a2"
            broken["attributes"] = attributes
            broken["service_areas"] = [["id": UUID().hsds, "name": "Atlantis"]]
            try await expectRejected(app, try hsdsData([broken]), reason: "taxonomieterm onbekend (0bc248fa-dc27-4650-9ba4-8f1a24ef16a2)")
        }
    }

    @Test("a CSV package with broken quoting")
    func brokenCSV() async throws {
        try await withApp { app in
            // setup
            let folder = try hsdsTemporaryDirectory()
            try await HSDSExporter.load(app).writeCSV(to: folder)
            let services = folder.appendingPathComponent("services.csv")
            let text = try String(contentsOf: services, encoding: .utf8) + "\(UUID().hsds),\"nooit gesloten,active\r\n"
            try text.write(to: services, atomically: true, encoding: .utf8)
            let before = try await app.hsdsExportWithoutTimes()
            // act
            let report = try await HSDSImporter(app: app).run(path: folder.path)
            // check
            #expect(report.outcome == .rejected)
            // one reason, not one per row that points into the unreadable services.csv
            #expect(report.rejections.count == 1 && report.rejections[0].hasPrefix("services.csv regel \(DemoCatalog.offers.count + 2):"), "\(report.rejections)")
            #expect(report.rejections.first?.hasSuffix("aanhalingsteken niet afgesloten") == true)
            #expect(try await app.hsdsExportWithoutTimes() == before)
        }
    }
}
