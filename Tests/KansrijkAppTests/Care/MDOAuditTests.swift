import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import KansrijkApp

/// NEN 7513 in the MDO: every page and document that shows cases writes one event per client shown,
/// naming her, also when the viewer sees only her code (basis `pseudonymised:<consent>`).
@Suite("MDO audit", .serialized)
struct MDOAuditTests {
    /// Plans a meeting of the midwife with JGZ (covered by the consent) and the debt counsellors (not covered),
    /// with one case for a new client; returns the meeting's path, the client and her MDO consent.
    func meetingWithCase(_ app: Application) async throws -> (String, CareClient, Consent) {
        let client = try await CareBFixture.client(app, name: "Q.Z.", consent: [.mdo], for: ["jgz-zeist"])
        var midwife = try await Browser.signedIn(app, as: CareBFixture.midwife)
        let planned = try await midwife.post("/zorg/mdo/nieuw", form: [
            "title": "MDO audit", "date": MDOFlowTests.day(2), "time": "14:00", "location": "Zeist",
            "participants[]": DemoData.orgID("jgz-zeist").slug])
        let meeting = try #require(planned.headers.first(name: .location))
        let meetingID = try #require(UUID(uuidString: String(meeting.split(separator: "/").last!)))
        try await MDOParticipant(meetingID: meetingID, organisationID: DemoData.orgID("schuldhulp-zeist")).create(on: app.db)
        #expect(try await midwife.post("\(meeting)/casussen", form: ["client": client.id!.slug, "question": "Zorgen over de woning."]).status == .seeOther)
        let consent = try #require(try await Consent.query(on: app.db).filter(\.$client.$id == client.id!).first())
        return (meeting, client, consent)
    }

    /// The events written after the first `before` ones.
    func events(_ app: Application, since before: Int) async throws -> [AuditEvent] {
        Array(try await AuditEvent.query(on: app.db).sort(\.$sequence).all().dropFirst(before))
    }

    func count(_ app: Application) async throws -> Int { try await AuditEvent.query(on: app.db).count() }

    @Test("the meeting page names the client for every participant, with the basis each one has")
    func meetingPage() async throws {
        try await withApp { app in
            // setup
            let (meeting, client, consent) = try await meetingWithCase(app)
            let expected: [(String, String)] = [
                (CareBFixture.midwife, "own"), (CareBFixture.jgz, "consent:\(consent.id!.uuidString.lowercased())"),
                (CareBFixture.debt, "pseudonymised:\(consent.id!.uuidString.lowercased())")]
            for (email, basis) in expected {
                var browser = try await Browser.signedIn(app, as: email)
                let user = try await CareBFixture.user(email, app)
                // act
                let beforeWritten = try await count(app)
                #expect(try await browser.get(meeting).status == .ok)
                let written = try await events(app, since: beforeWritten)
                // check
                #expect(written.count == 1, "one event for \(email)")
                let e = try #require(written.first)
                #expect(e.action == .read && e.clientID == client.id && e.userID == user.id && e.basis == basis, "\(email)")
                #expect(e.what.contains("meeting page") && e.what.contains(client.code) && !e.what.contains("Q.Z."))
            }
        }
    }

    @Test("the minutes, printable and Markdown, are exports naming the client as pseudonymised")
    func minutes() async throws {
        try await withApp { app in
            let (meeting, client, consent) = try await meetingWithCase(app)
            var midwife = try await Browser.signedIn(app, as: CareBFixture.midwife)
            for path in ["\(meeting)/verslag", "\(meeting)/verslag.md"] {
                let beforeWritten = try await count(app)
                #expect(try await midwife.get(path).status == .ok)
                let written = try await events(app, since: beforeWritten)
                #expect(written.count == 1, "one event for \(path)")
                #expect(written.first?.action == .export && written.first?.clientID == client.id, "\(path)")
                #expect(written.first?.basis == "pseudonymised:\(consent.id!.uuidString.lowercased())", "\(path)")
            }
        }
    }

    @Test("a later meeting names the client of an action point carried over; an empty meeting writes one event without client")
    func carriedPointAndEmptyMeeting() async throws {
        try await withApp { app in
            // setup: an action point on the case, and the next meeting of the series
            let (meeting, client, _) = try await meetingWithCase(app)
            var midwife = try await Browser.signedIn(app, as: CareBFixture.midwife)
            let mdoCase = try #require(try await MDOCase.query(on: app.db).filter(\.$client.$id == client.id!).first())
            let added = try await midwife.post("\(meeting)/actiepunten", form: [
                "text": "Huisbezoek plannen", "owner": DemoData.orgID("jgz-zeist").slug, "person": "Anna",
                "due_on": MDOFlowTests.day(20), "case": mdoCase.id!.slug])
            #expect(added.status == .seeOther)
            let point = try #require(try await AuditEvent.query(on: app.db).sort(\.$sequence, .descending).first())
            #expect(point.action == .create && point.clientID == client.id && point.basis == "own")
            let next = try await midwife.post("/zorg/mdo/nieuw", form: [
                "title": "MDO audit", "date": MDOFlowTests.day(9), "time": "14:00", "location": "Zeist",
                "participants[]": DemoData.orgID("jgz-zeist").slug])
            let nextPath = try #require(next.headers.first(name: .location))
            // act + check: the carried point shows the client's code
            let beforeCarried = try await count(app)
            #expect(try await midwife.get(nextPath).body.string.contains(client.code))
            let carried = try await events(app, since: beforeCarried)
            #expect(carried.count == 1 && carried.first?.clientID == client.id && carried.first?.basis?.hasPrefix("pseudonymised:") == true)
            // a meeting of another series (the debt counsellors organise it), with nothing on it
            let debtUser = try await CareBFixture.user(CareBFixture.debt, app)
            let empty = try await MDORecords.plan(title: "Leeg overleg", startsAt: Date().addingTimeInterval(3 * 86_400), location: "",
                                                  participants: [], by: debtUser, on: app.db)
            var debt = try await Browser.signedIn(app, as: CareBFixture.debt)
            let emptyPath = "/zorg/mdo/\(empty.id!.slug)"
            let beforeQuiet = try await count(app)
            #expect(try await debt.get(emptyPath).status == .ok)
            let quiet = try await events(app, since: beforeQuiet)
            #expect(quiet.count == 1 && quiet.first?.clientID == nil && quiet.first?.what.hasSuffix("no cases") == true)
        }
    }

    @Test("the client's access report shows the pseudonymised MDO view in plain words")
    func accessReport() async throws {
        try await withApp { app in
            let (meeting, client, _) = try await meetingWithCase(app)
            var debt = try await Browser.signedIn(app, as: CareBFixture.debt)
            #expect(try await debt.get(meeting).status == .ok)
            var midwife = try await Browser.signedIn(app, as: CareBFixture.midwife)
            let report = try await midwife.get("/zorg/clienten/\(client.id!.slug)/inzage")
            #expect(report.status == .ok)
            #expect(report.body.string.contains("MDO-overleg, zonder uw naam (alleen uw code)"))
            #expect(report.body.string.contains("Uw casus in een MDO-overleg bekeken"))
            #expect(!report.body.string.contains("meeting page"), "the log's technical words are not shown to the client")
            guard case .intact = try await AuditVerification.verify(on: app.db) else { Issue.record("the audit chain broke"); return }
        }
    }
}
