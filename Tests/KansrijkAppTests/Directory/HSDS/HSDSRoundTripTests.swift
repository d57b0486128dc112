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
        var first: [JSONValue] = []
        try await withApp { app in
            try await HSDSExporter.load(app).json().write(to: file)
            first = try await HSDSExporter.organizationRecords(app)
        }
        try await withApp(demo: false) { app in
            // act
            let report = try await HSDSImporter(app: app).run(path: file.path)
            // check
            #expect(report.outcome == .imported, "\(report.text)")
            #expect(report.counts("services").created == DemoCatalog.offers.count)
            #expect(report.counts("organizations").created == DemoCatalog.organisations.count)
            // the file comes back as it went in, last_modified included: it is kept with the original (ADR 0035)
            let second = try await HSDSExporter.organizationRecords(app)
            let misses = zip(first, second).flatMap { HSDSValueComparison.misses($0, $1) } + HSDSValueComparison.misses(.array(second), .array(first))
            #expect(second.count == first.count && misses.isEmpty, "\(misses.prefix(20))")
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

/// Issue #16, "lose nothing", at scale and under edits (ADR 0035).
@Suite("HSDS round trip: a generated Dutch file, and edits in the product", .serialized)
struct HSDSKeptOriginalTests {
    static func generatedFile() -> JSONValue {
        var generator = HSDSDutchFileGenerator(seed: 16)
        return generator.file(organisations: 100, servicesEach: 10)
    }

    @Test("1,000 generated Dutch services: import, export and compare value by value; a second import changes nothing")
    func generatedDutchFile() async throws {
        try await withApp(demo: false) { app in
            // setup
            let file = Self.generatedFile()
            let organisations = try #require(file.arrayValue)
            #expect(organisations.reduce(0) { $0 + ($1["services"]?.arrayValue?.count ?? 0) } == 1000)
            let path = try hsdsTemporaryFile(try file.data(), name: "sociale-kaart.json")
            // act
            let report = try await HSDSImporter(app: app).run(path: path)
            // check
            #expect(report.outcome == .imported, "\(report.text.prefix(2000))")
            #expect(report.counts("services").created == 1000)
            let exported = try await HSDSExporter.organizationRecords(app)
            let misses = organisations.flatMap { HSDSRoundTrip.exportMisses($0, exported: exported) }
            #expect(misses.isEmpty, "\(misses.count) values lost, first 40:\n\(misses.prefix(40).joined(separator: "\n"))")
            // the API serves the same: a sample of services and organisations at their own address
            var apiMisses: [String] = []
            for organisation in organisations.enumerated().filter({ $0.offset % 25 == 0 }).map(\.element) {
                apiMisses += try await HSDSRoundTrip.apiMisses(organisation, app: app)
                for service in (organisation["services"]?.arrayValue ?? []).prefix(2) {
                    apiMisses += try await HSDSRoundTrip.apiMisses(service, app: app)
                }
            }
            #expect(apiMisses.isEmpty, "\(apiMisses.prefix(40).joined(separator: "\n"))")
            let again = try await HSDSImporter(app: app).run(path: path)
            #expect(again.outcome == .imported && !again.changed, "\(again.text.prefix(2000))")
            for entity in ["organizations", "locations", "services"] {
                #expect(again.counts(entity).created == 0 && again.counts(entity).updated == 0, "\(entity)")
            }
        }
    }

    @Test("an edit in the product wins; what it removes stays out; what our model never held stays; the list and its cache follow")
    func editsAndRemovals() async throws {
        try await withApp(demo: false) { app in
            // setup: one organisation with two services, imported
            var generator = HSDSDutchFileGenerator(seed: 35)
            let file = generator.file(organisations: 1, servicesEach: 2)
            let path = try hsdsTemporaryFile(try file.data(), name: "kaart.json")
            #expect(try await HSDSImporter(app: app).run(path: path).outcome == .imported)
            let original = try #require(file.arrayValue?.first?["services"]?.arrayValue?.first)
            let id = try #require(original["id"]?.stringValue.flatMap(UUID.init(uuidString:)))
            let phones = try #require(original["phones"]?.arrayValue), schedules = try #require(original["schedules"]?.arrayValue)
            let listPath = "/api/hsds/services?per_page=50"
            func listItem() async throws -> JSONValue? {
                try JSONValue.parse(await app.hsdsGet(listPath).body)["contents"]?.arrayValue?.first { $0["id"]?.stringValue == id.hsds }
            }
            // the list item carries the original's one-to-one fields, not its arrays
            let before = try #require(try await listItem())
            #expect(before["accreditations"] == original["accreditations"] && before["description"] == original["description"])
            #expect(before["cost_options"] == nil && before["phones"] == nil)

            // act: an edit in the product: new description and wait, the phone and the first schedule removed
            var draft = ServiceDraft(try #require(app.directory.snapshot.service(id)))
            draft.description = "Nieuwe omschrijving uit het product."
            draft.waitWeeks = 4
            draft.phone = nil
            draft.schedules.removeAll { $0.byDay == schedules[0]["byday"]?.stringValue && $0.opensAt == schedules[0]["opens_at"]?.stringValue }
            let final = draft
            _ = try await app.db.writeTransaction { db in try await final.save(on: db) }
            try await app.directory.reload(on: app.db)

            // check: the full record
            let served = try JSONValue.parse(await app.hsdsGet("/api/hsds/services/\(id.hsds)").body)
            #expect(served["description"]?.stringValue == "Nieuwe omschrijving uit het product.")
            #expect(served["wait_time"]?.stringValue == "4 weken")
            let servedPhones = served["phones"]?.arrayValue ?? []
            #expect(!servedPhones.contains { $0["id"] == phones[0]["id"] }, "the removed phone stays out")
            #expect(servedPhones.contains { $0 == phones[1] }, "the second phone, which our model never held, stays as it came in")
            let servedSchedules = served["schedules"]?.arrayValue ?? []
            #expect(!servedSchedules.contains { $0["id"] == schedules[0]["id"] }, "the removed schedule stays out")
            #expect(servedSchedules.contains { $0 == schedules[1] }, "the other schedule keeps its id and every field")
            for field in ["cost_options", "required_documents", "funding", "program", "accreditations", "languages", "contacts"] {
                #expect(served[field] == original[field], "\(field)")
            }
            // the list, served from a cache per snapshot, follows the edit
            let after = try #require(try await listItem())
            #expect(after["description"]?.stringValue == "Nieuwe omschrijving uit het product.")
            #expect(after["accreditations"] == original["accreditations"])

            // a new import of the file replaces the kept original and brings the file's values back
            let again = try await HSDSImporter(app: app).run(path: path)
            #expect(again.counts("services").updated == 1, "\(again.text)")
            let restored = try JSONValue.parse(await app.hsdsGet("/api/hsds/services/\(id.hsds)").body)
            #expect(HSDSValueComparison.misses(original, restored).isEmpty, "\(HSDSValueComparison.misses(original, restored))")
        }
    }
}
