import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import KansrijkApp

/// Volunteers for 1000 days: ranking, a request with consent, a match, check-ins and the end.
@Suite("Volunteers", .serialized)
struct VolunteerFlowTests {
    static func day(_ offset: Int) -> String { CalendarDay.iso(CalendarDay.day(at: Date()).addingTimeInterval(Double(offset) * 86_400)) }

    @Test("free volunteers first, then the asked language, then the client's municipality; inactive ones never")
    func ranking() {
        let c: (String, [String], String, Bool, Bool) -> VolunteerMatching.Candidate = {
            .init(id: UUID(), name: $0, languages: $1, municipality: $2, isActive: $3, isBusy: $4)
        }
        let list = [c("Anna", ["nl"], "GM0355", true, true), c("Bo", ["nl"], "GM0344", true, false), c("Cas", ["nl", "ar"], "GM0344", true, false),
                    c("Dina", ["nl"], "GM0355", true, false), c("Eva", ["ar"], "GM0355", false, false)]
        #expect(VolunteerMatching.rank(list, language: "ar", municipality: "GM0355").map(\.name) == ["Cas", "Dina", "Bo", "Anna"])
        #expect(VolunteerMatching.rank(list, language: nil, municipality: "GM0355").map(\.name) == ["Dina", "Bo", "Cas", "Anna"])
    }

    @Test("request with consent, match, check-in, end; without consent refused; others see nothing")
    func flow() async throws {
        try await withApp { app in
            let client = try await CareBFixture.client(app, name: "V.W.", consent: [.volunteer], for: ["samen-oplopen"])
            let bare = try await CareBFixture.client(app, name: "N.O.")
            var midwife = try await Browser.signedIn(app, as: CareBFixture.midwife)
            let org = DemoData.orgID("samen-oplopen").slug
            let refused = try await midwife.post("/zorg/clienten/\(bare.id!.slug)/vrijwilliger/nieuw", form: ["organisation": org, "need": "Wandelen"])
            #expect(refused.status == .unprocessableEntity && refused.body.string.contains("geen geldige toestemming"))
            #expect(try await VolunteerRequest.query(on: app.db).filter(\.$client.$id == bare.id!).count() == 0)
            let sent = try await midwife.post("/zorg/clienten/\(client.id!.slug)/vrijwilliger/nieuw",
                                              form: ["organisation": org, "need": "Hulp bij formulieren", "language": "ar"])
            #expect(sent.status == .seeOther)
            let page = try #require(sent.headers.first(name: .location))
            // the volunteer organisation sees it, with Arabic speakers first, and matches
            var coordinator = try await Browser.signedIn(app, as: CareBFixture.volunteers)
            #expect(try await coordinator.get("/zorg/vrijwilligers").body.string.contains(client.code))
            let request = try await coordinator.get(page).body.string
            let fatima = try #require(try await Volunteer.query(on: app.db).filter(\.$name == "Fatima (vrijwilliger)").first())
            #expect(request.contains("Hulp bij formulieren"))
            #expect(request.range(of: "Fatima")!.lowerBound < request.range(of: "Ayşe")!.lowerBound, "the Arabic speaker comes first")
            let early = try await coordinator.post("\(page)/koppelen", form: ["volunteer": fatima.id!.slug, "on": "2020-01-01"])
            #expect(early.status == .unprocessableEntity && early.body.string.contains("vóór het verzoek"))
            #expect(try await coordinator.post("\(page)/koppelen", form: ["volunteer": fatima.id!.slug, "on": Self.day(0)]).status == .seeOther)
            let twice = try await coordinator.post("\(page)/koppelen", form: ["volunteer": fatima.id!.slug, "on": Self.day(0)])
            #expect(twice.status == .unprocessableEntity, "a request is matched once")
            #expect(try await coordinator.post("\(page)/checkin", form: ["on": Self.day(1), "note": "x"]).status == .unprocessableEntity)
            #expect(try await coordinator.post("\(page)/checkin", form: ["on": Self.day(0), "note": "Eerste bezoek ging goed."]).status == .seeOther)
            // the referrer follows it
            let followed = try await midwife.get(page).body.string
            #expect(followed.contains("Fatima (vrijwilliger)") && followed.contains("Eerste bezoek ging goed."))
            #expect(try await midwife.post("\(page)/beeindigen", form: ["on": Self.day(0), "note": "Gezin verhuist."]).status == .seeOther)
            let ended = try #require(try await VolunteerRequest.query(on: app.db).filter(\.$client.$id == client.id!).first())
            #expect(ended.status == .ended)
            // an organisation on neither side: the 404 page
            var debt = try await Browser.signedIn(app, as: CareBFixture.debt)
            #expect(try await debt.get(page).status == .notFound)
        }
    }
}
