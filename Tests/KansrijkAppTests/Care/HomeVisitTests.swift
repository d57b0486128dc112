import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import KansrijkApp

@Suite("Prenatal home visit: recorded from the client page, counted in the monitor (issue 15)", .serialized)
struct HomeVisitTests {
    @Test("the JGZ records offered, planned and held; the client page shows it; outsiders cannot")
    func record() async throws {
        try await withApp { app in
            // setup: the midwife's client with a referral to JGZ, so JGZ is involved
            let client = try await ClientFixtures.client(app, now: Date())
            _ = try await ClientFixtures.consent(app, client: client, from: CalendarDay.day(at: Date()))
            _ = try await ClientFixtures.referral(app, client: client, now: Date())
            let path = "/zorg/clienten/\(client.id!.slug)/huisbezoek"
            let today = CalendarDay.day(at: Date())
            var jgz = try await Browser.signedIn(app, as: ClientFixtures.jgzEmail)

            // act
            #expect(try await jgz.get(path).status == .ok)
            #expect(try await jgz.post(path, form: ["state": "offered", "day": CalendarDay.iso(today)]).status == .seeOther)
            #expect(try await jgz.post(path, form: ["state": "planned", "day": CalendarDay.iso(today.addingTimeInterval(7 * 86_400))]).status == .seeOther)

            // check
            let visit = try #require(try await PrenatalHomeVisit.of(client: client.requireID(), on: app.db))
            #expect(visit.state == .planned && visit.offeredOn == today && visit.$organisation.id == ClientFixtures.jgzOrg)
            let page = try await jgz.get("/zorg/clienten/\(client.id!.slug)").body.string
            #expect(page.contains("Prenataal huisbezoek") && page.contains("Gepland"))

            // bad input: Dutch messages, never a 500, nothing changed
            for (form, message) in [(["state": "maybe", "day": CalendarDay.iso(today)], "Kies een stap"),
                                    (["state": "held", "day": "31-12-2026"], "Vul een datum in"),
                                    (["state": "held", "day": CalendarDay.iso(today.addingTimeInterval(3 * 86_400))], "ligt in de toekomst"),
                                    (["state": "planned", "day": "2199-01-01"], "hoogstens een jaar vooruit")] {
                let res = try await jgz.post(path, form: form)
                #expect(res.status == .unprocessableEntity, "\(form)")
                #expect(res.body.string.contains(message), "\(form)")
            }
            #expect(try await PrenatalHomeVisit.of(client: client.requireID(), on: app.db)?.state == .planned)

            // outsiders: a professional not involved, another municipality, a coordinator
            var debt = try await Browser.signedIn(app, as: ClientFixtures.debtEmail)
            #expect(try await debt.post(path, form: ["state": "held", "day": CalendarDay.iso(today)]).status == .notFound)
            var elsewhere = try await Browser.signedIn(app, as: "professional@apeldoorn.demo")
            #expect(try await elsewhere.get(path).status == .notFound)
            var coordinator = try await Browser.signedIn(app, as: "coordinator@zeist.demo")
            #expect(try await coordinator.post(path, form: ["state": "held", "day": CalendarDay.iso(today)]).status == .forbidden)
            #expect(try await PrenatalHomeVisit.of(client: client.requireID(), on: app.db)?.heldOn == nil)
        }
    }

    @Test("offered and held are counted per municipality and quarter, and hidden under 10")
    func counts() async throws {
        try await withApp { app in
            // setup: the demo has three Zeist visits offered this month, one held
            let now = Date()
            let year = CalendarDay.amsterdam.component(.year, from: now)
            let source = HomeVisitProcessFigures()
            let midwife = try await ClientFixtures.user(ClientFixtures.midwifeEmail, app)
            let demo = try await PrenatalHomeVisit.query(on: app.db).all()
            let demoOffered = demo.filter { $0.offeredOn.map { CalendarDay.utc.component(.year, from: $0) == year } ?? false }.count
            let demoHeld = demo.filter { $0.heldOn.map { CalendarDay.utc.component(.year, from: $0) == year } ?? false }.count
            #expect(CareProcessFigureTests.value(try await source.figures(municipalities: [DemoCatalog.zeist], year: year, on: app.db),
                                                 "Prenatale huisbezoeken aangeboden") == "< 10")

            // act: twelve more offered today, ten of them held today
            let today = CalendarDay.day(at: now)
            for i in 0..<12 {
                let client = try await ClientFixtures.client(app, name: "H.\(i). Huisbezoek", now: now)
                let v = PrenatalHomeVisit(clientID: try client.requireID(), organisationID: ClientFixtures.jgzOrg, userID: try midwife.requireID(), now: now)
                v.record(.offered, on: today)
                if i < 10 { v.record(.held, on: today) }
                try await v.create(on: app.db)
            }

            // check: the year figures
            let year1 = try await source.figures(municipalities: [DemoCatalog.zeist], year: year, on: app.db)
            #expect(CareProcessFigureTests.value(year1, "Prenatale huisbezoeken aangeboden") == String(demoOffered + 12))
            #expect(CareProcessFigureTests.value(year1, "Prenatale huisbezoeken afgelegd") == String(demoHeld + 10))
            #expect(try await source.figures(municipalities: ["GM0200"], year: year, on: app.db).isEmpty, "none in Apeldoorn")

            // the quarters: this quarter holds them; suppressed under 10 for the public, shown to the coalition
            let quarters = ProcessCounts.quarters(endingAt: now, count: 4)
            let counts = try await source.quarterly(municipalities: [DemoCatalog.zeist], quarters: quarters, on: app.db)
            #expect(counts.series(.homeVisitOffered).last! >= 12 && counts.series(.homeVisitHeld).last! >= 10)
            let public_ = ProcessSection(counts: counts, reader: false, text: { $0 })
            let table = try #require(public_.tables().first { $0.key == "homevisits" })
            #expect(table.cells[0].last == .count(Double(counts.series(.homeVisitOffered).last!)))
            var few = ProcessCounts(quarters: quarters)
            few.add(.homeVisitHeld, quarter: 3, count: 4)
            few.add(.homeVisitOffered, quarter: 3, count: 12)
            let hidden = ProcessSection(counts: few, reader: false, text: { $0 }).protect([few.series(.homeVisitOffered), few.series(.homeVisitHeld)], partsOfWhole: false)
            #expect(hidden[1][3] == .hidden(.smallNumber))
            #expect(ProcessSection(counts: few, reader: true, text: { $0 }).protect([few.series(.homeVisitHeld)], partsOfWhole: false)[0][3] == .count(4))

            // the dashboard's process section and the report use them through the registered sources
            let all = try await app.processFigureSources.quarterly(municipalities: [DemoCatalog.zeist], quarters: quarters, on: app.db)
            #expect(all.series(.homeVisitOffered) == counts.series(.homeVisitOffered))
        }
    }
}
