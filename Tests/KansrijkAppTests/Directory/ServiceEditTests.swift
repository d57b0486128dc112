import Fluent
import Testing
import Vapor
import VaporTesting
@testable import KansrijkApp

@Suite("Editing the offering", .serialized)
struct ServiceEditTests {
    static let validForm: [String: String] = [
        "name": "Babycafé Zeist",
        "organisation": DemoData.orgID("meanderomnium").uuidString.lowercased(),
        "description": "Wekelijkse ontmoeting voor ouders met baby's, met een jeugdverpleegkundige erbij.",
        "parent_summary": "Kom koffie drinken met andere ouders.",
        "application_process": "Gewoon binnenlopen.",
        "access_route": "zelf", "status": "active", "capacity": "beschikbaar",
        "fase[]": "0-1", "thema[]": "eenzaamheid", "gebied": "Zeist, De Bilt", "taal[]": "nl",
        "minimum_age": "0", "maximum_age": "1,5", "wait_weeks": "",
    ]

    @Test("a coordinator adds a service; it is searchable at once and its page shows what was entered")
    func create() async throws {
        try await withApp { app in
            var b = try await Browser.signedIn(app, as: "coordinator@zeist.demo")
            try await b.refreshToken(path: "/aanbod/nieuw")
            let res = try await b.post("/aanbod/nieuw", form: Self.validForm)
            #expect(res.status == .seeOther)
            let location = try #require(res.headers.first(name: .location))
            let page = try await b.get(location)
            #expect(page.body.string.contains("Babycafé Zeist"))
            #expect(page.body.string.contains("0 – 1,5 jaar"))
            #expect(page.body.string.contains("Het aanbod is toegevoegd."))
            let hits = app.directory.snapshot.search(DirectoryQuery(text: "babycafe", municipality: "GM0310")).hits
            #expect(hits.first?.service.name == "Babycafé Zeist")
        }
    }

    @Test("an invalid form keeps what was typed, says what is wrong, and stores nothing")
    func invalid() async throws {
        try await withApp { app in
            var b = try await Browser.signedIn(app, as: "coordinator@zeist.demo")
            try await b.refreshToken(path: "/aanbod/nieuw")
            let before = try await Service.query(on: app.db).count()
            var form = Self.validForm
            form["name"] = ""
            form["gebied"] = "Zeist, Atlantis"
            form["minimum_age"] = "3"
            form["maximum_age"] = "1"
            form["email"] = "geen-adres"
            form["fase[]"] = nil
            form["description"] = "Mijn <b>tekst</b>"
            let res = try await b.post("/aanbod/nieuw", form: form)
            #expect(res.status == .unprocessableEntity)
            let html = res.body.string
            #expect(html.contains("Vul de naam van het aanbod in."))
            #expect(html.contains("Onbekende gemeente: Atlantis"))
            #expect(html.contains("De maximale leeftijd is lager dan de minimale leeftijd."))
            #expect(html.contains("Kies minstens één fase."))
            #expect(html.contains("Vul een e-mailadres in"))
            #expect(html.contains("value=\"Zeist, Atlantis\""))
            #expect(html.contains("Mijn &lt;b&gt;tekst&lt;/b&gt;"), "typed text comes back, escaped")
            #expect(html.contains("aria-invalid=\"true\""))
            #expect(try await Service.query(on: app.db).count() == before)
        }
    }

    @Test("a coordinator may not create a service for another coalition's organisation")
    func otherOrganisation() async throws {
        try await withApp { app in
            var b = try await Browser.signedIn(app, as: "coordinator@zeist.demo")
            try await b.refreshToken(path: "/aanbod/nieuw")
            var form = Self.validForm
            form["organisation"] = DemoData.orgID("pop-gelre").uuidString.lowercased()
            let res = try await b.post("/aanbod/nieuw", form: form)
            #expect(res.status == .unprocessableEntity)
            #expect(res.body.string.contains("Kies een organisatie waarvoor u aanbod mag beheren."))
        }
    }

    @Test("editing replaces the service's themes and areas; the edit page shows the stored values")
    func edit() async throws {
        try await withApp { app in
            let id = DemoData.serviceID("Weggeefwinkel")
            var b = try await Browser.signedIn(app, as: "coordinator@zeist.demo")
            let editPage = try await b.get("/aanbod/\(id.uuidString.lowercased())/bewerken")
            #expect(editPage.body.string.contains("value=\"Weggeefwinkel\""))
            try await b.refreshToken(path: "/aanbod/\(id.uuidString.lowercased())/bewerken")
            var form = Self.validForm
            form["name"] = "Weggeefwinkel Zeist"
            form["organisation"] = DemoData.orgID("meanderomnium").uuidString.lowercased()
            form["thema[]"] = "financien"
            form["gebied"] = "GM0355"
            form["capacity"] = "wachtlijst"
            form["wait_weeks"] = "3"
            let res = try await b.post("/aanbod/\(id.uuidString.lowercased())/bewerken", form: form)
            #expect(res.status == .seeOther)
            let record = try #require(app.directory.snapshot.service(id))
            #expect(record.name == "Weggeefwinkel Zeist")
            #expect(record.areas.map(\.municipalityCode) == ["GM0355"])
            #expect(record.terms(.thema).map(\.code) == ["financien"])
            #expect(record.capacity == .waitingList && record.waitWeeks == 3)
            #expect(!record.places.isEmpty, "locations are kept on edit")
        }
    }
}
