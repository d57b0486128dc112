import Fluent
import Testing
import Vapor
import VaporTesting
@testable import KansrijkApp

/// "Organisaties" (issue #14): creating and editing organisations and their locations.
@Suite("Organisations and locations in the browser", .serialized)
struct OrganisationAdminTests {
    static let valid: [String: String] = [
        "name": "VSV Utrechtse Heuvelrug", "kind": "vsv", "description": "Samenwerking van verloskundigen en ziekenhuis.",
        "street": "Slotlaan 1", "postal_code": "3701ab", "city": "Zeist", "municipality": DemoCatalog.zeist,
        "phone": "030 123 45 67", "email": "info@vsv-heuvelrug.nl", "website": "https://vsv-heuvelrug.nl", "receives_referrals": "ja",
    ]

    @Test("a coordinator adds an organisation in her municipality, with its main location")
    func create() async throws {
        try await withApp { app in
            // setup
            var coordinator = try await Browser.signedIn(app, as: "coordinator@zeist.demo")
            try await coordinator.refreshToken(path: "/beheer/organisaties/nieuw")
            // act
            let res = try await coordinator.post("/beheer/organisaties/nieuw", form: Self.valid)
            // check
            #expect(res.status == .seeOther)
            let saved = try #require(try await Organisation.query(on: app.db).filter(\.$name == "VSV Utrechtse Heuvelrug").first())
            #expect(saved.kind == .vsv && saved.municipalityCode == DemoCatalog.zeist && saved.receivesReferrals == true)
            let location = try #require(try await Location.query(on: app.db).filter(\.$organisation.$id == saved.requireID()).first())
            #expect(location.postalCode == "3701 AB" && location.street == "Slotlaan 1" && location.name == saved.name)
            let page = try await coordinator.get(try #require(res.headers.first(name: .location))).body.string
            #expect(page.contains("De organisatie is toegevoegd.") && page.contains("Slotlaan 1, 3701 AB Zeist"))
        }
    }

    @Test("an invalid form says what is wrong in Dutch, keeps what was typed and stores nothing")
    func invalid() async throws {
        try await withApp { app in
            // setup
            var coordinator = try await Browser.signedIn(app, as: "coordinator@zeist.demo")
            try await coordinator.refreshToken(path: "/beheer/organisaties/nieuw")
            let before = try await Organisation.query(on: app.db).count()
            var form = Self.valid
            form["name"] = ""; form["kind"] = "bakkerij"; form["postal_code"] = "12345"; form["phone"] = "bel maar"
            form["email"] = "geen-adres"; form["website"] = "www.zonder-https.nl"
            // act
            let res = try await coordinator.post("/beheer/organisaties/nieuw", form: form)
            // check
            #expect(res.status == .unprocessableEntity)
            let html = res.body.string
            for message in ["Vul de naam van de organisatie in.", "Kies het soort organisatie uit de lijst.", "Vul een postcode in zoals 3701 AB.",
                            "Vul een telefoonnummer in", "Vul een e-mailadres in zoals naam@voorbeeld.nl.", "Vul een volledig webadres in"] {
                #expect(html.contains(message), "missing: \(message)")
            }
            #expect(html.contains("class=\"error-summary\"") && html.contains("value=\"www.zonder-https.nl\""))
            #expect(try await Organisation.query(on: app.db).count() == before)
        }
    }

    @Test("a name is unique without regard to case")
    func uniqueName() async throws {
        try await withApp { app in
            // setup
            var admin = try await Browser.signedIn(app, as: "admin@kansrijk.demo")
            var form = Self.valid
            form["name"] = "verloskundige praktijk ZEIST"
            // act
            let res = try await admin.post("/beheer/organisaties/nieuw", form: form)
            // check
            #expect(res.status == .unprocessableEntity && res.body.string.contains("Er is al een organisatie met deze naam."))
            #expect(try await Organisation.query(on: app.db).filter(\.$name == "verloskundige praktijk ZEIST").count() == 0)
        }
    }

    @Test("a coordinator of another coalition neither creates an organisation in Zeist nor edits one there")
    func otherCoalition() async throws {
        try await withApp { app in
            // setup
            let vp = DemoData.orgID("vp-zeist")
            var borsele = try await Browser.signedIn(app, as: "coordinator@borsele.demo")
            let before = try await Organisation.query(on: app.db).count()
            // act
            let create = try await borsele.post("/beheer/organisaties/nieuw", form: Self.valid)
            let page = try await borsele.get(AdminPaths.editOrganisation(vp))
            var edit = Self.valid
            edit["name"] = "Overgenomen"; edit["municipality"] = DemoCatalog.borsele
            let update = try await borsele.post(AdminPaths.editOrganisation(vp), form: edit)
            let location = try await borsele.post(AdminPaths.newLocation(vp), form: ["name": "Buitenpost", "municipality": DemoCatalog.borsele])
            // check
            #expect(create.status == .unprocessableEntity && create.body.string.contains("gemeenten van uw coalities"))
            #expect(page.status == .forbidden && update.status == .forbidden && location.status == .forbidden)
            #expect(try await Organisation.query(on: app.db).count() == before)
            #expect(try await Organisation.find(vp, on: app.db)?.name == "Verloskundige Praktijk Zeist")
            #expect(!(try await borsele.get("/beheer/organisaties")).body.string.contains("Verloskundige Praktijk Zeist"))
        }
    }

    @Test("a coordinator cannot move her organisation to a municipality outside her coalitions")
    func moveOutside() async throws {
        try await withApp { app in
            // setup
            let vp = DemoData.orgID("vp-zeist")
            var coordinator = try await Browser.signedIn(app, as: "coordinator@zeist.demo")
            var form = Self.valid
            form["name"] = "Verloskundige Praktijk Zeist"; form["kind"] = "verloskunde"; form["municipality"] = DemoCatalog.borsele
            // act
            let res = try await coordinator.post(AdminPaths.editOrganisation(vp), form: form)
            // check
            #expect(res.status == .unprocessableEntity)
            #expect(try await Organisation.find(vp, on: app.db)?.municipalityCode == DemoCatalog.zeist)
        }
    }

    @Test("an edited name and phone number show in search results and on the service page at once")
    func editShowsInDirectory() async throws {
        try await withApp { app in
            // setup
            let vp = DemoData.orgID("vp-zeist")
            var coordinator = try await Browser.signedIn(app, as: "coordinator@zeist.demo")
            var form = Self.valid
            form["name"] = "Vroedvrouwenhuis Zeist"; form["kind"] = "verloskunde"; form["postal_code"] = "3701 AB"
            // act
            let res = try await coordinator.post(AdminPaths.editOrganisation(vp), form: form)
            // check
            #expect(res.status == .seeOther)
            let service = DemoData.serviceID("Centering Pregnancy")
            #expect(app.directory.snapshot.service(service)?.organisationName == "Vroedvrouwenhuis Zeist")
            let hits = app.directory.snapshot.search(DirectoryQuery(text: "vroedvrouwenhuis", municipality: DemoCatalog.zeist)).hits
            #expect(hits.contains { $0.service.id == service })
            var visitor = Browser(app)
            #expect((try await visitor.get("/aanbod?q=vroedvrouwenhuis")).body.string.contains("Centering Pregnancy"))
            #expect((try await visitor.get("/aanbod/\(service.slug)")).body.string.contains("Vroedvrouwenhuis Zeist"))
            #expect((try await visitor.get("/api/hsds/organizations/\(vp.slug)")).body.string.contains("Vroedvrouwenhuis Zeist"))
            let main = try await Location.find(StableID.make("demo:location:vp-zeist"), on: app.db)
            #expect(main?.name == "Vroedvrouwenhuis Zeist" && main?.street == "Slotlaan 1", "the main location follows the organisation")
        }
    }

    @Test("locations are added, edited and removed; one with services is kept, with the reason")
    func locations() async throws {
        try await withApp { app in
            // setup
            let vp = DemoData.orgID("vp-zeist")
            var coordinator = try await Browser.signedIn(app, as: "coordinator@zeist.demo")
            // act: add (one invalid try first), edit, remove
            let bad = try await coordinator.post(AdminPaths.newLocation(vp), form: ["name": "", "postal_code": "abc", "municipality": DemoCatalog.zeist])
            let added = try await coordinator.post(AdminPaths.newLocation(vp), form: [
                "name": "Praktijk Den Dolder", "street": "Dolderseweg 2", "postal_code": "3734 BB", "city": "Den Dolder", "municipality": DemoCatalog.zeist])
            let location = try #require(try await Location.query(on: app.db).filter(\.$name == "Praktijk Den Dolder").first())
            let path = AdminPaths.location(vp, try location.requireID())
            let edited = try await coordinator.post(path + "/bewerken", form: ["name": "Praktijk Den Dolder", "street": "Dolderseweg 4", "municipality": DemoCatalog.zeist])
            let street = try await Location.find(location.id, on: app.db)?.street
            let removed = try await coordinator.post(path + "/verwijderen", form: ["bevestigd": "ja"])
            let inUse = try await coordinator.post(AdminPaths.location(vp, StableID.make("demo:location:vp-zeist")) + "/verwijderen", form: ["bevestigd": "ja"])
            // check
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("Vul de naam van de locatie in."))
            #expect(added.status == .seeOther && edited.status == .seeOther && street == "Dolderseweg 4")
            #expect(removed.status == .seeOther)
            #expect(try await Location.find(location.id, on: app.db) == nil)
            #expect(inUse.status == .conflict && inUse.body.string.contains("Centering Pregnancy"))
            #expect(try await Location.find(StableID.make("demo:location:vp-zeist"), on: app.db) != nil)
        }
    }

    @Test("postal codes are Dutch and written one way; phone numbers hold digits and separators only")
    func contactChecks() {
        #expect(ContactChecks.postcode("3701ab") == "3701 AB")
        #expect(ContactChecks.postcode(" 3701  AB ") == "3701 AB")
        for wrong in ["0701 AB", "37O1 AB", "3701 A", "3701 ABC", "ABCD 12", ""] { #expect(ContactChecks.postcode(wrong) == nil, "\(wrong)") }
        for right in ["030 123 45 67", "+31 (0)30-1234567", "14 030", "0800-1234"] { #expect(ContactChecks.looksLikePhone(right), "\(right)") }
        for wrong in ["bel maar", "1234", "030 123 45 67 ext. 5", "+31 30 123 45 67 89 01 23"] { #expect(!ContactChecks.looksLikePhone(wrong), "\(wrong)") }
    }

    @Test("the new organisation types are offered")
    func newKinds() async throws {
        try await withApp { app in
            // setup
            var admin = try await Browser.signedIn(app, as: "admin@kansrijk.demo")
            // act
            let html = try await admin.get("/beheer/organisaties/nieuw").body.string
            // check
            for kind in ["vsv", "veiligthuis", "kinderopvang", "woningcorporatie", "azc"] {
                let label = try #require(OrganisationKind(rawValue: kind)).label
                #expect(html.contains("<option value=\"\(kind)\">\(HTML.escape(label))</option>"), "missing \(kind)")
            }
        }
    }
}
