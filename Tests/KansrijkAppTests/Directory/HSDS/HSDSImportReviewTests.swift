import Fluent
import Foundation
import Testing
import Vapor
@testable import KansrijkApp

/// Issue #16, "import what the standard allows" (ADR 0034): a valid file imports even when our model
/// cannot place it; what has no Dutch municipality is kept, flagged and left out of local lists.
@Suite("HSDS import: kept and flagged, not refused")
struct HSDSImportReviewTests {
    static let organisationID = UUID(uuidString: "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610")!
    static let serviceID = UUID(uuidString: "ac148810-d857-441c-9679-408f346de14b")!
    static let locationID = UUID(uuidString: "3a19ff88-4620-4d17-9830-ac1d859eb5d5")!
    static let myCity = "The service is available to all residents of the MyCity area. We provide the service in our offices or via video conferencing to any who can provide evidence of their residency."

    static func importOfficial(_ app: Application) async throws -> HSDSImportReport {
        try await HSDSImporter(app: app).run(path: hsdsFixtures.appendingPathComponent("organization_full.json").path)
    }

    static func flags(_ app: Application) async throws -> [DirectoryReviewFlag] {
        try await DirectoryReviewFlag.query(on: app.db).all()
    }

    @Test("the official organization_full.json imports with 'gemeente onbekend', flagged with what is missing")
    func officialOrganisationImports() async throws {
        try await withApp { app in
            // act
            let report = try await Self.importOfficial(app)
            // check
            #expect(report.outcome == .imported, "\(report.text)")
            #expect(report.counts("organizations") == .init(created: 1) && report.counts("services") == .init(created: 1))
            let organisation = try #require(try await Organisation.find(Self.organisationID, on: app.db))
            #expect(organisation.municipalityCode == DirectoryReview.unknownMunicipality)
            #expect(!DirectoryReview.isPlaced(organisation))
            let flags = try await Self.flags(app)
            let own = try #require(flags.first { $0.subjectID == Self.organisationID })
            #expect(own.subject == .organisation && own.source == "organization_full.json")
            #expect(own.gapLines.first?.hasPrefix("Geen Nederlandse gemeente bekend") == true)
            #expect(own.gapLines.contains("Adres niet in een Nederlandse gemeente: ABC 1234, MyCity, US."))
            let service = try #require(flags.first { $0.subjectID == Self.serviceID })
            #expect(service.subject == .service && service.gaps.contains("is geen Nederlandse gemeente"))
            #expect(report.notes.contains { $0.contains("Te controleren") })
        }
    }

    @Test("a service area that is no Dutch municipality is kept as text and served at its place")
    func areaKeptAsText() async throws {
        try await withApp { app in
            // setup
            _ = try await Self.importOfficial(app)
            // act
            let served = try await app.hsds("/api/hsds/services/\(Self.serviceID.hsds)", as: HSDSService.self)
            // check
            let area = try #require(served.serviceAreas?.first)
            #expect(served.serviceAreas?.count == 1)
            #expect(area.id == "381c64f1-a724-4884-9c21-ac96c21cca3e" && area.name == Self.myCity)
            #expect(area.description == "The service is available to all residents of the MyCity area, including all postcodes starting with AB1, AB2, and AB3")
            #expect((area.extent, area.extentType, area.uri) == ("extent", "geojson", "http://example.com"))
            let record = try #require(app.directory.snapshot.service(Self.serviceID))
            #expect(!record.isNationwide && !record.organisationPlaced)
        }
    }

    @Test("unplaced: not in any municipality's search, still found by name")
    func unplacedLeftOutLocally() async throws {
        try await withApp { app in
            // setup
            _ = try await Self.importOfficial(app)
            let snapshot = app.directory.snapshot
            // act
            let local = snapshot.search(DirectoryQuery(text: "Community Counselling", municipality: "GM0355", perPage: 500))
            let anywhere = snapshot.search(DirectoryQuery(text: "Community Counselling", perPage: 500))
            // check
            #expect(!local.hits.contains { $0.service.id == Self.serviceID })
            #expect(anywhere.hits.contains { $0.service.id == Self.serviceID })
            #expect(!snapshot.nationwideDocs.contains { snapshot.services[$0].id == Self.serviceID })
        }
    }

    @Test("re-importing the same file is 'ongewijzigd' and leaves the flags as they were")
    func reimportUnchanged() async throws {
        try await withApp { app in
            // setup
            _ = try await Self.importOfficial(app)
            let before = try await Self.flags(app).map { ($0.id, $0.gaps) }
            // act
            let again = try await Self.importOfficial(app)
            // check
            #expect(again.outcome == .imported && !again.changed, "\(again.text)")
            #expect(again.text.contains("Niets veranderd"))
            for entity in ["organizations", "locations", "services"] { #expect(again.counts(entity) == .init(unchanged: 1), "\(entity)") }
            let after = try await Self.flags(app).map { ($0.id, $0.gaps) }
            #expect(after.map(\.0) == before.map(\.0) && after.map(\.1) == before.map(\.1))
        }
    }

    @Test("a Dutch national helpline without an address imports, flagged, and is not listed in municipalities until placed")
    func nationalHelplineImports() async throws {
        try await withApp { app in
            // setup
            let organisation = UUID(), service = UUID()
            let file: [[String: Any]] = [[
                "id": organisation.hsds, "name": "Landelijke Ouderlijn", "description": "Telefonische hulp voor ouders, in heel Nederland.",
                "website": "https://ouderlijn.example.nl",
                "services": [["id": service.hsds, "name": "Ouderlijn telefoon", "status": "active", "description": "Bel gratis met een ervaren ouder.",
                              "service_areas": [["id": UUID().hsds, "name": "Nederland"]]]],
            ]]
            // act
            let report = try await HSDSImporter(app: app).run(path: try hsdsTemporaryFile(try hsdsData(file), name: "ouderlijn.json"))
            // check
            #expect(report.outcome == .imported, "\(report.text)")
            let stored = try #require(try await Organisation.find(organisation, on: app.db))
            #expect(stored.municipalityCode == DirectoryReview.unknownMunicipality)
            let flags = try await Self.flags(app)
            #expect(flags.map(\.subjectID) == [organisation])
            let record = try #require(app.directory.snapshot.service(service))
            #expect(record.isNationwide && !record.reachesEveryMunicipality)
            let local = app.directory.snapshot.search(DirectoryQuery(municipality: "GM0355", perPage: 1000))
            #expect(!local.hits.contains { $0.service.id == service })

            // placed (its seat is Utrecht), it is nationwide again: in every municipality's list and coverage
            let entry = try #require(try await DirectoryReview.entries(on: app.db).first)
            try await DirectoryReview.place(entry, in: "GM0344", on: app.db)
            try await app.directory.reload(on: app.db)
            #expect(app.directory.snapshot.service(service)?.reachesEveryMunicipality == true)
            let placed = app.directory.snapshot.search(DirectoryQuery(municipality: "GM0355", perPage: 1000))
            #expect(placed.hits.contains { $0.service.id == service && $0.locality == .nationwide })
            #expect(try await Self.flags(app).isEmpty)
        }
    }

    @Test("a duplicate service id refuses the whole file, with its path")
    func duplicateServiceRefused() async throws {
        try await withApp { app in
            // setup
            let before = try await app.hsdsExportWithoutTimes()
            var service = try hsdsFixtureObject("service_full.json")
            service["service_areas"] = [["id": UUID().hsds, "name": "Zeist"]]
            // act
            let report = try await HSDSImporter(app: app).run(path: try hsdsTemporaryFile(try hsdsData([service, service])))
            // check
            #expect(report.outcome == .rejected)
            #expect(report.rejections.contains { $0.hasPrefix("services[1].id: service ac148810-d857-441c-9679-408f346de14b komt meer dan eens voor") },
                    "\(report.rejections)")
            #expect(try await app.hsdsExportWithoutTimes() == before)
            #expect(try await Self.flags(app).isEmpty)
        }
    }

    @Test("a reference to a location that exists nowhere refuses the whole file, with its path")
    func brokenLocationRefused() async throws {
        try await withApp { app in
            // setup
            let before = try await app.hsdsExportWithoutTimes()
            let good = try hsdsFixtureObject("organization_full.json")
            var broken = try hsdsFixtureObject("service_full.json")
            let nowhere = UUID().hsds
            broken["id"] = UUID().hsds
            broken["organization"] = nil
            broken["organization_id"] = "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610"
            broken["service_at_locations"] = [["id": UUID().hsds, "location_id": nowhere]]
            // act
            let report = try await HSDSImporter(app: app).run(path: try hsdsTemporaryFile(try hsdsData([good, broken])))
            // check
            #expect(report.outcome == .rejected)
            #expect(report.rejections.contains("services[0].service_at_locations[0].location_id: locatie onbekend (\(nowhere))"), "\(report.rejections)")
            #expect(try await Organisation.find(Self.organisationID, on: app.db) == nil)
            #expect(try await app.hsdsExportWithoutTimes() == before)
        }
    }

    @Test("'Gemeente onbekend' is in no list of municipalities: forms, search, national overview, monitor")
    func reservedMunicipalityNeverListed() async throws {
        try await withApp { app in
            // setup
            let unknown = DirectoryReview.unknownMunicipality
            #expect(try await Municipality.find(unknown, on: app.db)?.name == "Gemeente onbekend")
            // act, check
            #expect(try await Municipality.allSorted(on: app.db).count == 342)
            #expect(!(try await Municipality.allSorted(on: app.db)).contains { $0.id == unknown })
            #expect(app.directory.snapshot.municipalities[unknown] == nil)
            #expect(!app.directory.snapshot.municipalityOptionsHTML.contains(unknown))
            #expect(try await NationalData.load(on: app.db).row(unknown) == nil)
            #expect(try await NationalData.municipalityNames(on: app.db)[unknown] == nil)
            #expect(try await AreaDimension.load(on: app.db).index(of: unknown) == nil)
            let search = try await app.testing().sendRequest(.GET, "/aanbod?gemeente=\(unknown)")
            #expect(search.body.string.contains("Gemeente onbekend") == false)
        }
    }
}
