import Fluent
import Foundation
import Testing
import Vapor
@testable import KansrijkApp

@Suite("HSDS import: official examples")
struct HSDSImportExampleTests {
    /// The official full service with its fictitious "MyCity" area replaced by a Dutch municipality.
    func dutchServiceFull() throws -> Data {
        var service = try hsdsFixtureObject("service_full.json")
        var areas = service["service_areas"] as! [[String: Any]]
        areas[0]["name"] = "Zeist"
        service["service_areas"] = areas
        return try hsdsData(service)
    }

    /// Issue #16 (ADR 0034): their organisation has no Dutch municipality, so it is kept as "gemeente
    /// onbekend" and flagged for review instead of refusing the file.
    @Test("each official JSON example imports; its organisation, outside the Netherlands, waits in 'Te controleren'",
          arguments: ["service_full.json", "organization_full.json", "service_list.json", "organization_list.json"])
    func officialExamples(name: String) async throws {
        try await withApp(demo: false) { app in
            // act
            let report = try await HSDSImporter(app: app).run(path: hsdsFixtures.appendingPathComponent(name).path)
            // check
            #expect(report.outcome == .imported, "\(report.text)")
            let organisation = try #require(try await Organisation.find(UUID(uuidString: "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610"), on: app.db))
            #expect(organisation.municipalityCode == DirectoryReview.unknownMunicipality)
            let flag = try #require(try await DirectoryReviewFlag.query(on: app.db).filter(\.$subjectID == organisation.requireID()).first())
            #expect(flag.source == name && flag.gapLines.first?.hasPrefix("Geen Nederlandse gemeente bekend") == true)
            // the list shape of an organisation carries no services
            #expect(try await Service.query(on: app.db).count() == (name == "organization_list.json" ? 0 : 1))
        }
    }

    @Test("the official CSV package: inconsistent references are named by file and id, unsupported files counted")
    func officialPackage() async throws {
        try await withApp(demo: false) { app in
            let report = try await HSDSImporter(app: app).run(path: hsdsFixtures.appendingPathComponent("csv").path)
            #expect(report.format == "CSV")
            #expect(report.rejections.contains("locations[0].organization_id: organisatie onbekend (985e4a42-bd9f-4edc-911d-0243a4640aca)"))
            #expect(report.rejections.contains("taxonomy_terms[0].taxonomy_id: taxonomie onbekend (07ff6aee-a219-438c-b694-d2fcb6c5373b)"))
            // every table is read now (ADR 0039); only the rows no record holds are counted
            #expect(report.omitted["programs.csv"] == nil && report.omitted["meta_table_descriptions.csv"] == 1)
            #expect(report.notes.contains { $0.hasPrefix("datapackage.json is onleesbaar") })
        }
    }

    @Test("the official full service, placed in Zeist, imports with every field we keep")
    func dutchExampleImports() async throws {
        try await withApp(demo: false) { app in
            // setup
            let path = try hsdsTemporaryFile(try dutchServiceFull())
            // act
            let report = try await HSDSImporter(app: app).run(path: path)
            // check
            #expect(report.outcome == .imported, "\(report.text)")
            for entity in ["taxonomies", "taxonomy_terms", "organizations", "locations", "services"] {
                #expect(report.counts(entity) == .init(created: 1), "\(entity)")
            }
            // funding, program and the rest are kept with the original, no longer counted as left out (ADR 0035)
            #expect(report.omitted.isEmpty, "\(report.omitted)")
            let s = try #require(app.directory.snapshot.service(UUID(uuidString: "ac148810-d857-441c-9679-408f346de14b")!))
            #expect((s.name, s.status, s.alternateName) == ("Community Counselling", .active, "MyCity Counselling Services"))
            #expect(s.organisationID == UUID(uuidString: "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610"))
            #expect(s.areas.map(\.municipalityCode) == ["GM0355"])
            #expect(s.languages.map(\.code) == ["ur"])
            #expect(s.termIDs == [UUID(uuidString: "3f7b145d-84af-42d7-8fae-eaca714b02b2")!])
            #expect((s.minimumAge, s.maximumAge, s.phone) == (12, 100, "\"+44 1234 234567\""))
            #expect(s.contacts.map(\.name) == ["Ann Persona"] && s.contacts.first?.phone == "\"+44 1234 234567\"")
            #expect(s.schedules.first.map { ($0.byDay, $0.opensAt, $0.closesAt) } ?? (nil, nil, nil) == ("TH,FR", "10:00:00", "18:00:00"))
            let place = try #require(s.places.first)
            #expect((place.id, place.street, place.postalCode, place.city) == (UUID(uuidString: "3a19ff88-4620-4d17-9830-ac1d859eb5d5")!, "1-30 Main Street, MyVillage", "ABC 1234", "MyCity"))
            let organisation = try #require(try await Organisation.find(s.organisationID, on: app.db))
            #expect((organisation.kind, organisation.municipalityCode) == (.overig, "GM0355"))
            let term = try #require(try await TaxonomyTermRecord.find(UUID(uuidString: "3f7b145d-84af-42d7-8fae-eaca714b02b2"), on: app.db))
            #expect(term.taxonomyID == UUID(uuidString: "5c4d79d7-cc55-470e-9f1f-8cad074e4892"))

            // the foreign term goes out again through the API with its own ids
            let served = try await app.hsds("/api/hsds/services/ac148810-d857-441c-9679-408f346de14b", as: HSDSService.self)
            #expect(served.attributes?.contains { $0.taxonomyTerm?.taxonomyDetail?.id == "5c4d79d7-cc55-470e-9f1f-8cad074e4892" } == true)
        }
    }

    @Test("importing the same file twice changes nothing the second time; a changed name is one update")
    func idempotent() async throws {
        try await withApp(demo: false) { app in
            // setup
            let path = try hsdsTemporaryFile(try dutchServiceFull())
            _ = try await HSDSImporter(app: app).run(path: path)
            let before = try await app.hsdsExportWithoutTimes()
            let stamp = app.directory.snapshot.services.first?.updatedAt
            // act
            let again = try await HSDSImporter(app: app).run(path: path)
            // check
            #expect(again.outcome == .imported && !again.changed)
            #expect(again.counts("services") == .init(unchanged: 1) && again.counts("organizations") == .init(unchanged: 1))
            #expect(try await app.hsdsExportWithoutTimes() == before)
            #expect(app.directory.snapshot.services.first?.updatedAt == stamp)

            var renamed = try JSONSerialization.jsonObject(with: try dutchServiceFull()) as! [String: Any]
            renamed["name"] = "Gespreksbegeleiding"
            let update = try await HSDSImporter(app: app).run(path: try hsdsTemporaryFile(try hsdsData(renamed)))
            #expect(update.counts("services") == .init(updated: 1))
            #expect(app.directory.snapshot.services.map(\.name) == ["Gespreksbegeleiding"])
        }
    }

    @Test("a dry run reports what would happen and writes nothing")
    func dryRun() async throws {
        try await withApp(demo: false) { app in
            let report = try await HSDSImporter(app: app).run(path: try hsdsTemporaryFile(try dutchServiceFull()), dryRun: true)
            #expect(report.outcome == .dryRun && report.counts("services") == .init(created: 1))
            #expect(report.text.contains("niets is opgeslagen"))
            #expect(try await Service.query(on: app.db).count() == 0)
            #expect(try await Organisation.query(on: app.db).count() == 0)
        }
    }
}
