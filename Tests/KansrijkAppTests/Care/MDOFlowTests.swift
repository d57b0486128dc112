import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import KansrijkApp

/// The MDO: carry-over of action points, pseudonymisation, consent for a case, minutes.
@Suite("MDO", .serialized)
struct MDOFlowTests {
    static func day(_ offset: Int) -> String { CalendarDay.iso(CalendarDay.day(at: Date()).addingTimeInterval(Double(offset) * 86_400)) }

    @Test("carry-over: open points of earlier meetings of the series come back until closed")
    func carryOver() {
        let series = UUID(), other = UUID()
        let d: (Int) -> Date = { CalendarDay.day(year: 2026, month: 3, day: $0)!.addingTimeInterval(12 * 3600) }
        let m1 = MDOCarryOver.MeetingRef(id: UUID(), series: series, start: d(1))
        let m2 = MDOCarryOver.MeetingRef(id: UUID(), series: series, start: d(15))
        let m3 = MDOCarryOver.MeetingRef(id: UUID(), series: series, start: d(29))
        let elsewhere = MDOCarryOver.MeetingRef(id: UUID(), series: other, start: d(2))
        let open = MDOCarryOver.Point(id: UUID(), raisedAt: m1.id, doneOn: nil)
        let closedBetween = MDOCarryOver.Point(id: UUID(), raisedAt: m1.id, doneOn: CalendarDay.day(year: 2026, month: 3, day: 20))
        let closedBefore = MDOCarryOver.Point(id: UUID(), raisedAt: m1.id, doneOn: CalendarDay.day(year: 2026, month: 3, day: 5))
        let foreign = MDOCarryOver.Point(id: UUID(), raisedAt: elsewhere.id, doneOn: nil)
        let raisedAt2 = MDOCarryOver.Point(id: UUID(), raisedAt: m2.id, doneOn: nil)
        let all = [m1, m2, m3, elsewhere], points = [open, closedBetween, closedBefore, foreign, raisedAt2]
        #expect(MDOCarryOver.agenda(for: m1, meetings: all, points: points) == .init(raised: [open.id, closedBetween.id, closedBefore.id], carriedOver: []))
        #expect(MDOCarryOver.agenda(for: m2, meetings: all, points: points) == .init(raised: [raisedAt2.id], carriedOver: [open.id, closedBetween.id]))
        #expect(MDOCarryOver.agenda(for: m3, meetings: all, points: points) == .init(raised: [], carriedOver: [open.id, raisedAt2.id]))
    }

    @Test("a case needs consent for the MDO; an uninvolved participant never sees the name, not in the page nor the minutes")
    func pseudonymisation() async throws {
        try await withApp { app in
            // consent for the MDO covers JGZ, not the debt counsellors
            let client = try await CareBFixture.client(app, name: "Q.Z.", consent: [.mdo], for: ["jgz-zeist"])
            let noConsent = try await CareBFixture.client(app, name: "W.V.")
            var midwife = try await Browser.signedIn(app, as: CareBFixture.midwife)
            let planned = try await midwife.post("/zorg/mdo/nieuw", form: [
                "title": "MDO test", "date": Self.day(2), "time": "14:00", "location": "Zeist",
                "participants[]": DemoData.orgID("jgz-zeist").slug, "csrf": midwife.csrf ?? ""])
            #expect(planned.status == .seeOther)
            let meeting = try #require(planned.headers.first(name: .location))
            // add the other participant by hand (the form's array field takes one value per key in this client)
            let meetingID = try #require(UUID(uuidString: String(meeting.split(separator: "/").last!)))
            try await MDOParticipant(meetingID: meetingID, organisationID: DemoData.orgID("schuldhulp-zeist")).create(on: app.db)
            // without consent: refused with the reason, nothing written
            let refused = try await midwife.post("\(meeting)/casussen", form: ["client": noConsent.id!.slug, "question": "Wat nu?"])
            #expect(refused.status == .unprocessableEntity && refused.body.string.contains("geen geldige toestemming"))
            #expect(try await MDOCase.query(on: app.db).filter(\.$client.$id == noConsent.id!).count() == 0)
            let added = try await midwife.post("\(meeting)/casussen", form: ["client": client.id!.slug, "question": "Zorgen over de woning."])
            #expect(added.status == .seeOther)
            // JGZ is covered: involved, sees the name
            var jgz = try await Browser.signedIn(app, as: CareBFixture.jgz)
            let jgzPage = try await jgz.get(meeting).body.string
            #expect(jgzPage.contains(client.code) && jgzPage.contains("Q.Z."))
            // the debt counsellors take part but are not covered: the code and the question, never the name
            var debt = try await Browser.signedIn(app, as: CareBFixture.debt)
            let before = try await CareBFixture.auditCount(app)
            let debtPage = try await debt.get(meeting)
            #expect(debtPage.status == .ok)
            #expect(try await CareBFixture.auditCount(app) == before + 1, "one audit event per request")
            #expect(debtPage.body.string.contains(client.code) && debtPage.body.string.contains("Zorgen over de woning."))
            #expect(!debtPage.body.string.contains("Q.Z."))
            #expect(try await debt.get("/zorg/clienten/\(client.id!.slug)").status == .notFound)
            // the minutes are pseudonymised for everyone
            for path in ["\(meeting)/verslag", "\(meeting)/verslag.md"] {
                let minutes = try await midwife.get(path)
                #expect(minutes.status == .ok && minutes.body.string.contains(client.code) && !minutes.body.string.contains("Q.Z."))
            }
            // an organisation that does not take part does not see the meeting at all
            var volunteers = try await Browser.signedIn(app, as: CareBFixture.volunteers)
            #expect(try await volunteers.get(meeting).status == .notFound)
            // withdrawing the consent hides the name at once
            let consent = try #require(try await Consent.query(on: app.db).filter(\.$client.$id == client.id!).first())
            try await consent.withdraw(by: try await CareBFixture.user(CareBFixture.midwife, app), on: app.db, now: Date())
            #expect(!(try await jgz.get(meeting).body.string.contains("Q.Z.")))
        }
    }

    @Test("action points: an owner, a person and a date; open ones come back on the next meeting until closed")
    func points() async throws {
        try await withApp { app in
            var jgz = try await Browser.signedIn(app, as: CareBFixture.jgz)
            let meetings = try await MDOMeeting.query(on: app.db).sort(\.$startsAt).all()
            #expect(meetings.count == 2, "the demo has a past and a next MDO")
            let past = "/zorg/mdo/\(meetings[0].id!.slug)", next = "/zorg/mdo/\(meetings[1].id!.slug)"
            let bad = try await jgz.post("\(past)/actiepunten", form: ["text": "", "owner": "", "person": "", "due_on": "2026-02-30"])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("Vul dit veld in.") && bad.body.string.contains("Vul een bestaande datum in"))
            let add = try await jgz.post("\(past)/actiepunten", form: [
                "text": "Woonvraag bij het sociaal team leggen", "owner": DemoData.orgID("vp-zeist").slug, "person": "Demi", "due_on": Self.day(3)])
            #expect(add.status == .seeOther)
            var page = try await jgz.get(next).body.string
            #expect(page.contains("Woonvraag bij het sociaal team leggen") && page.contains("Prenataal huisbezoek plannen"))
            #expect(!page.contains("Veilig Thuis consulteren"), "closed before the next meeting: not carried over")
            let point = try #require(try await MDOActionPoint.query(on: app.db).filter(\.$text == "Woonvraag bij het sociaal team leggen").first())
            let closed = try await jgz.post("\(next)/actiepunten/\(point.id!.slug)/afgerond", form: ["done_on": Self.day(0)])
            #expect(closed.status == .seeOther)
            #expect(try await MDOActionPoint.find(point.id, on: app.db)?.doneOn == CalendarDay.day(at: Date()))
            // a later meeting of the series no longer carries it
            let later = try await MDORecords.plan(title: "MDO later", startsAt: Date().addingTimeInterval(30 * 86_400), location: "",
                                                  participants: [], by: try await CareBFixture.user(CareBFixture.jgz, app), on: app.db)
            page = try await jgz.get("/zorg/mdo/\(later.id!.slug)").body.string
            #expect(!page.contains("Woonvraag bij het sociaal team leggen") && page.contains("Prenataal huisbezoek plannen"))
            let md = try await jgz.get("/zorg/mdo/\(later.id!.slug)/verslag.md")
            #expect(md.headers.first(name: .contentType)?.hasPrefix("text/markdown") == true)
            #expect(md.body.string.contains("- [ ] Prenataal huisbezoek plannen"))
        }
    }
}
