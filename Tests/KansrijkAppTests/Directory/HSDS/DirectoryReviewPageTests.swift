import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import KansrijkApp

/// "Te controleren" (issue #16, ADR 0034): who sees what, and placing a record.
@Suite("Directory review page")
struct DirectoryReviewPageTests {
    static let path = DirectoryReviewController.path

    static func flagID(_ app: Application, _ subject: UUID) async throws -> String {
        try #require(try await DirectoryReviewFlag.query(on: app.db).filter(\.$subjectID == subject).first()?.id).slug
    }

    @Test("a coordinator places the official example in her own municipality; it then leaves the list")
    func coordinatorPlaces() async throws {
        try await withApp { app in
            // setup
            _ = try await HSDSImportReviewTests.importOfficial(app)
            var coordinator = try await Browser.signedIn(app, as: "coordinator@zeist.demo")
            let organisationFlag = try await Self.flagID(app, HSDSImportReviewTests.organisationID)
            // act: the list
            let list = try await coordinator.get(Self.path)
            // check
            #expect(list.status == .ok)
            #expect(list.body.string.contains("Example Organization Inc."))
            #expect(list.body.string.contains("Geen Nederlandse gemeente bekend"))
            #expect(list.body.string.contains("organization_full.json"))
            #expect(list.body.string.contains("Gemeente voor Example Organization Inc."))

            // not her municipality, not a municipality, nothing chosen: 422 with a Dutch message, nothing placed
            let foreign = try await coordinator.post("\(Self.path)/\(organisationFlag)", form: ["municipality": "GM0363"])
            #expect(foreign.status == .unprocessableEntity && foreign.body.string.contains("eigen coalitie"))
            let bogus = try await coordinator.post("\(Self.path)/\(organisationFlag)", form: ["municipality": "GM9999"])
            #expect(bogus.status == .unprocessableEntity && bogus.body.string.contains("kennen we niet"))
            let empty = try await coordinator.post("\(Self.path)/\(organisationFlag)", form: [:])
            #expect(empty.status == .unprocessableEntity && empty.body.string.contains("Kies een gemeente."))
            #expect(try await Organisation.find(HSDSImportReviewTests.organisationID, on: app.db)?.municipalityCode == DirectoryReview.unknownMunicipality)
            let unknown = try await coordinator.post("\(Self.path)/\(UUID().slug)", form: ["municipality": "GM0355"])
            #expect(unknown.status == .notFound)

            // act: place it in Zeist
            let placed = try await coordinator.post("\(Self.path)/\(organisationFlag)", form: ["municipality": "GM0355"])
            // check
            #expect(placed.status == .seeOther)
            #expect(try await Organisation.find(HSDSImportReviewTests.organisationID, on: app.db)?.municipalityCode == "GM0355")
            #expect(try await Location.find(HSDSImportReviewTests.locationID, on: app.db)?.municipalityCode == "GM0355")
            #expect(app.directory.snapshot.service(HSDSImportReviewTests.serviceID)?.organisationPlaced == true)
            let after = try await coordinator.get(Self.path)
            #expect(!after.body.string.contains("Gemeente voor Example Organization Inc."))
            // its service keeps its own flag (an area that is no municipality) until she places that too
            #expect(after.body.string.contains("Gemeente voor Community Counselling"))
            let serviceFlag = try await Self.flagID(app, HSDSImportReviewTests.serviceID)
            let service = try await coordinator.post("\(Self.path)/\(serviceFlag)", form: ["municipality": "GM0355"])
            #expect(service.status == .seeOther)
            let local = app.directory.snapshot.search(DirectoryQuery(municipality: "GM0355", perPage: 1000))
            #expect(local.hits.contains { $0.service.id == HSDSImportReviewTests.serviceID && $0.locality == .municipality })
            #expect(try await DirectoryReviewFlag.query(on: app.db).count() == 0)
            let emptied = try await coordinator.get(Self.path)
            #expect(!emptied.body.string.contains("Gemeente voor Community Counselling") && emptied.body.string.contains("Er is niets te controleren."))

            // a second import of the same file keeps where she placed it
            let again = try await HSDSImportReviewTests.importOfficial(app)
            #expect(again.counts("organizations") == .init(unchanged: 1), "\(again.text)")
            #expect(try await Organisation.find(HSDSImportReviewTests.organisationID, on: app.db)?.municipalityCode == "GM0355")
            #expect(try await DirectoryReviewFlag.query(on: app.db).filter(\.$subjectKind == "organisation").count() == 0)
        }
    }

    @Test("who sees what: admins all, coordinators the unplaced and their own, others 403, anonymous to log-in")
    func visibility() async throws {
        try await withApp { app in
            // setup: placed in Zeist, the service's own flag stays: Zeist's, not Borsele's
            _ = try await HSDSImportReviewTests.importOfficial(app)
            let entries = try await DirectoryReview.entries(on: app.db)
            try await DirectoryReview.place(try #require(entries.first { $0.subject == .organisation }), in: "GM0355", on: app.db)
            try await app.directory.reload(on: app.db)
            // act, check
            for (email, sees) in [("admin@kansrijk.demo", true), ("coordinator@zeist.demo", true), ("coordinator@borsele.demo", false)] {
                var b = try await Browser.signedIn(app, as: email)
                let page = try await b.get(Self.path)
                #expect(page.status == .ok, "\(email)")
                #expect(page.body.string.contains("Community Counselling") == sees, "\(email)")
            }
            var borsele = try await Browser.signedIn(app, as: "coordinator@borsele.demo")
            let hidden = try await borsele.post("\(Self.path)/\(try await Self.flagID(app, HSDSImportReviewTests.serviceID))", form: ["municipality": "GM0654"])
            #expect(hidden.status == .notFound)
            for email in ["professional@zeist.demo", "policy@zeist.demo"] {
                var b = try await Browser.signedIn(app, as: email)
                #expect(try await b.get(Self.path).status == .forbidden, "\(email)")
            }
            let anonymous = try await app.testing().sendRequest(.GET, Self.path)
            #expect(anonymous.status == .seeOther && anonymous.headers.first(name: .location)?.hasPrefix("/inloggen") == true)
        }
    }

    @Test("placed through the partner form, an organisation leaves the list too")
    func placedByPartnerForm() async throws {
        try await withApp { app in
            // setup
            _ = try await HSDSImportReviewTests.importOfficial(app)
            let id = HSDSImportReviewTests.organisationID
            // act
            try await OrganisationDesk.update(id, with: .init(
                name: "Example Organization Inc.", kind: .overig, description: "Voorbeeld", address: .init(street: nil, postalCode: nil, city: nil),
                municipalityCode: "GM0355", phone: nil, email: nil, website: nil, receivesReferrals: false), on: app.db)
            // check
            #expect(try await DirectoryReviewFlag.query(on: app.db).filter(\.$subjectID == id).count() == 0)
            #expect(try await DirectoryReviewFlag.query(on: app.db).filter(\.$subjectID == HSDSImportReviewTests.serviceID).count() == 1)
        }
    }

    @Test("the start page links to the list with how many records wait")
    func startPageLink() async throws {
        try await withApp { app in
            // setup
            _ = try await HSDSImportReviewTests.importOfficial(app)
            var coordinator = try await Browser.signedIn(app, as: "coordinator@zeist.demo")
            // act
            let start = try await coordinator.get("/")
            // check
            #expect(start.body.string.contains("href=\"\(Self.path)\""))
            #expect(start.body.string.contains("Te controleren: aanbod zonder gemeente"))
        }
    }
}

/// A flagged organisation without a municipality for the access matrix (`AccessMatrix.parameters`).
enum DirectoryReviewFixture {
    static func flag(_ app: Application) async throws -> String {
        let organisation = Organisation(name: "Matrix Hulplijn", kind: .overig, description: "Landelijke hulplijn zonder adres.",
                                        municipalityCode: DirectoryReview.unknownMunicipality)
        try await organisation.create(on: app.db)
        let id = try organisation.requireID()
        try await DirectoryReview.flag(.organisation, id: id, gaps: ["Geen Nederlandse gemeente bekend."], source: "matrix.json", on: app.db)
        return try #require(try await DirectoryReviewFlag.query(on: app.db).filter(\.$subjectID == id).first()?.id).slug
    }
}
