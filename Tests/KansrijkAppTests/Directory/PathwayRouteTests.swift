import Fluent
import Testing
import Vapor
import VaporTesting
@testable import KansrijkApp

@Suite("Composing a zorgpad", .serialized)
struct PathwayRouteTests {
    @Test("create a pathway, add steps in two phases, move one, delete one; the page shows the agreed order")
    func compose() async throws {
        try await withApp { app in
            var b = try await Browser.signedIn(app, as: "coordinator@zeist.demo")
            try await b.refreshToken(path: "/zorgpaden/nieuw")
            let created = try await b.post("/zorgpaden/nieuw", form: [
                "title": "Zorgpad verslaving", "theme": "verslaving",
                "coalition": DemoData.coalitionID("zeist").uuidString.lowercased(), "summary": "Afspraken bij middelengebruik.",
            ])
            #expect(created.status == .seeOther)
            let editURL = try #require(created.headers.first(name: .location))
            let base = editURL.replacingOccurrences(of: "/bewerken", with: "")
            try await b.refreshToken(path: editURL)
            for (phase, title) in [("0-1", "Nazorg JGZ"), ("zwangerschap-t1", "Signaleren"), ("zwangerschap-t1", "Verwijzen POP-poli")] {
                let res = try await b.post(base + "/stappen", form: ["phase": phase, "kind": "actie", "title": title,
                                                                      "service": DemoData.serviceID("POP-poli").uuidString.lowercased()])
                #expect(res.status == .seeOther, "adding \(title)")
            }
            let pathway = try #require(try await Pathway.query(on: app.db).filter(\.$title == "Zorgpad verslaving").with(\.$steps).first())
            let last = try #require(pathway.steps.first { $0.title == "Verwijzen POP-poli" })
            let moved = try await b.post(base + "/stappen/\(last.id!.uuidString.lowercased())/omhoog", form: [:])
            #expect(moved.status == .seeOther)
            let nazorg = try #require(pathway.steps.first { $0.title == "Nazorg JGZ" })
            let deleted = try await b.post(base + "/stappen/\(nazorg.id!.uuidString.lowercased())/verwijderen", form: ["bevestigd": "ja"])
            #expect(deleted.status == .seeOther)

            let page = try await b.get(base).body.string
            let order = ["Verwijzen POP-poli", "Signaleren"].map { page.range(of: $0)?.lowerBound }
            #expect(order[0] != nil && order[1] != nil && order[0]! < order[1]!)
            #expect(!page.contains("Nazorg JGZ"))
            #expect(page.contains("POP-poli"))
        }
    }

    @Test("a step with a missing title and an unknown phase is refused and nothing is added")
    func invalidStep() async throws {
        try await withApp { app in
            let id = StableID.make("demo:pathway:zeist-financien").uuidString.lowercased()
            var b = try await Browser.signedIn(app, as: "coordinator@zeist.demo")
            try await b.refreshToken(path: "/zorgpaden/\(id)/bewerken")
            let before = try await PathwayStep.query(on: app.db).count()
            let res = try await b.post("/zorgpaden/\(id)/stappen", form: ["phase": "later", "kind": "actie", "title": " "])
            #expect(res.status == .unprocessableEntity)
            #expect(res.body.string.contains("Vul in wat er gebeurt."))
            #expect(res.body.string.contains("Kies de fase van de stap."))
            #expect(try await PathwayStep.query(on: app.db).count() == before)
        }
    }

    @Test("another coalition's coordinator can read but not change the pathway")
    func otherCoalition() async throws {
        try await withApp { app in
            let id = StableID.make("demo:pathway:zeist-financien").uuidString.lowercased()
            var b = try await Browser.signedIn(app, as: "coordinator@borsele.demo")
            let r1 = try await b.get("/zorgpaden/\(id)")

            #expect(r1.status == .ok)
            let step = try #require(try await PathwayStep.query(on: app.db).first())
            let res = try await b.post("/zorgpaden/\(id)/stappen/\(step.id!.uuidString.lowercased())/verwijderen", form: [:])
            #expect(res.status == .forbidden)
            #expect(try await PathwayStep.find(step.id, on: app.db) != nil)
        }
    }
}
