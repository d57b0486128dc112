import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import KansrijkApp

/// Review gap 3: a story reaches public pages, downloads and the API only when its author marked it public.
@Suite("Monitoring: public and coalition-only stories", .serialized)
struct StoryPublicTests {
    /// The demo stories of Zeist: "1000 dagen meelopen" is for the coalition only (its text, as its
    /// title is also the name of an activity), the others are public.
    static let secret = "weggeefwinkel voor babyspullen"
    static let open = "Samen zwanger, eerst online"

    @Test("the migration starts every story as not public; the demo marks the ones fit to publish")
    func defaults() async throws {
        try await withApp { app in
            let stories = try await CoalitionStory.query(on: app.db).all()
            #expect(stories.filter(\.isPublic).map(\.title).sorted()
                    == ["Geen namen bij een telefoonnummer meer", "Ik kijk nu breder", "Ook een vader", Self.open])
            #expect(stories.first { $0.title == "1000 dagen meelopen" }?.isPublic == false)
            let fresh = CoalitionStory(coalitionID: try #require(stories.first).$coalition.id, title: "t", body: "b", teller: .parent, phase: nil, theme: nil,
                                       partnerID: nil, toldOn: Date(), consentOn: Date(), consentForm: .oral, recordedByID: nil)
            #expect(fresh.isPublic == false)
        }
    }

    @Test("a story that is not public is never on a public page, download, report or the API")
    func neverPublic() async throws {
        try await withApp { app in
            // the public pages: coalition and municipality dashboards, their downloads, the API
            for path in ["/monitor/coalitie/zeist", "/monitor/gemeente/GM0355", "/monitor/coalitie/zeist.csv", "/monitor/gemeente/GM0355.csv",
                         "/monitor/coalitie/zeist/proces.csv", "/api/indicators"] {
                let res = try await DashboardFixtures.get(app, path)
                #expect(res.status == .ok, "\(path)")
                #expect(!res.body.contains(Self.secret), "\(path)")
            }
            let dashboard = try await DashboardFixtures.get(app, "/monitor/coalitie/zeist").body
            #expect(dashboard.contains(Self.open))
            // a signed-in user of another coalition sees the public page
            var borsele = try await Browser.signedIn(app, as: "coordinator@borsele.demo")
            #expect(!(try await borsele.get("/monitor/coalitie/zeist").body.string.contains(Self.secret)))
            // the progress report is made to be handed out: public stories only, also for the coalition's own people
            var zeist = try await Browser.signedIn(app, as: "coordinator@zeist.demo")
            for path in ["/monitor/rapportage/zeist/2024", "/monitor/rapportage/zeist/2024/rapportage.md", "/monitor/rapportage/zeist/2023/rapportage.md"] {
                let res = try await zeist.get(path)
                #expect(res.status == .ok, "\(path)")
                #expect(!res.body.string.contains(Self.secret), "\(path)")
            }
            #expect(try await zeist.get("/monitor/rapportage/zeist/2023/rapportage.md").body.string.contains(Self.open))
        }
    }

    @Test("the coalition's own people see all its stories on its dashboards, with a note saying so")
    func readersSeeAll() async throws {
        try await withApp { app in
            for email in ["coordinator@zeist.demo", "policy@zeist.demo", "admin@kansrijk.demo"] {
                var b = try await Browser.signedIn(app, as: email)
                let page = try await b.get("/monitor/coalitie/zeist").body.string
                #expect(page.contains(Self.secret), "\(email)")
                #expect(page.contains("U ziet ook de verhalen die alleen voor de coalitie zijn."), "\(email)")
                #expect(try await b.get("/monitor/gemeente/GM0355").body.string.contains(Self.secret), "\(email)")
            }
        }
    }

    @Test("the story form: the public box is off unless ticked, with a plain hint")
    func form() async throws {
        try await withApp { app in
            var b = try await Browser.signedIn(app, as: "coordinator@zeist.demo")
            let page = try await b.get("/coalities/zeist/verhalen/nieuw").body.string
            #expect(page.contains(#"name="public" value="ja" aria-describedby="h-public">"#), "not ticked by default")
            #expect(page.contains("Zet dit alleen aan als er geen namen van gezinnen of hulpverleners in staan"))
            try await b.refreshToken(path: "/coalities/zeist/verhalen/nieuw")
            let today = CalendarDay.iso(CalendarDay.day(at: Date()))
            var form = ["title": "Een vader vertelt", "body": "De groep hielp mij.", "teller": "ouder", "told_on": today, "consent": "ja",
                        "consent_on": today, "consent_form": "mondeling"]
            #expect(try await b.post("/coalities/zeist/verhalen/nieuw", form: form).status == .seeOther)
            form["title"] = "Een moeder vertelt"
            form["public"] = "ja"
            try await b.refreshToken(path: "/coalities/zeist/verhalen/nieuw")
            #expect(try await b.post("/coalities/zeist/verhalen/nieuw", form: form).status == .seeOther)
            let stored = try await CoalitionStory.query(on: app.db).filter(\.$title ~~ ["Een vader vertelt", "Een moeder vertelt"]).all()
            #expect(Dictionary(uniqueKeysWithValues: stored.map { ($0.title, $0.isPublic) }) == ["Een vader vertelt": false, "Een moeder vertelt": true])
            let list = try await b.get("/coalities/zeist/verhalen").body.string
            #expect(list.contains("Alleen voor de coalitie") && list.contains("Openbaar"))
        }
    }
}
