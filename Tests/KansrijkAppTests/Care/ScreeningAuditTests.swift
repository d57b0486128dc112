import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import KansrijkApp

/// NEN 7513 for screening, the MDO and volunteers: each request that reads or changes client data
/// writes exactly one audit event, naming the client, the user and the basis.
@Suite("Screening, MDO and volunteer audit", .serialized)
struct ScreeningAuditTests {
    @Test("every read path writes exactly one event with the right client, user and basis")
    func onePerRequest() async throws {
        try await withApp { app in
            let midwifeUser = try await CareBFixture.user(CareBFixture.midwife, app)
            let client = try #require(try await CareClient.query(on: app.db).filter(\.$name == "C.D.").first())
            let screening = try #require(try await Screening.query(on: app.db).filter(\.$client.$id == client.id!).first())
            let request = try #require(try await VolunteerRequest.query(on: app.db).first())
            let meeting = try #require(try await MDOMeeting.query(on: app.db).sort(\.$startsAt).first())
            var midwife = try await Browser.signedIn(app, as: CareBFixture.midwife)
            let base = "/zorg/clienten/\(client.id!.slug)/signaleren"
            let clientPaths = [base, "\(base)/nieuw", "\(base)/\(screening.id!.slug)", "\(base)/\(screening.id!.slug)/route",
                               "/zorg/clienten/\(client.id!.slug)/vrijwilliger/nieuw"]
            for path in clientPaths {
                let before = try await AuditEvent.query(on: app.db).count()
                #expect(try await midwife.get(path).status == .ok, "\(path)")
                let events = try await AuditEvent.query(on: app.db).sort(\.$sequence).all().dropFirst(before)
                #expect(events.count == 1, "one event for \(path)")
                let e = try #require(events.first)
                #expect(e.action == .read && e.clientID == client.id && e.userID == midwifeUser.id && e.basis == "own", "\(path)")
            }
            // the MDO writes one event per client shown (MDOAuditTests); the demo meeting shows its cases' clients
            let shown = Set(try await MDOCase.query(on: app.db).filter(\.$meeting.$id == meeting.id!).all().map { $0.$client.id })
            for path in ["/zorg/mdo/\(meeting.id!.slug)", "/zorg/mdo/\(meeting.id!.slug)/verslag", "/zorg/mdo/\(meeting.id!.slug)/verslag.md"] {
                let before = try await AuditEvent.query(on: app.db).count()
                #expect(try await midwife.get(path).status == .ok, "\(path)")
                let events = try await AuditEvent.query(on: app.db).sort(\.$sequence).all().dropFirst(before)
                #expect(Set(events.compactMap(\.clientID)) == shown && events.count == shown.count, "one event per client for \(path)")
            }
            for path in ["/zorg/vrijwilligers/verzoeken/\(request.id!.slug)", "/zorg/vrijwilligers"] {
                let before = try await AuditEvent.query(on: app.db).count()
                #expect(try await midwife.get(path).status == .ok, "\(path)")
                #expect(try await AuditEvent.query(on: app.db).count() == before + 1, "one event for \(path)")
            }
            // a refused request is logged once too, as denied
            let bare = try await CareBFixture.client(app, name: "D.N.")
            let before = try await AuditEvent.query(on: app.db).count()
            _ = try await midwife.post("/zorg/clienten/\(bare.id!.slug)/vrijwilliger/nieuw", form: ["organisation": DemoData.orgID("samen-oplopen").slug, "need": "x"])
            let denied = try await AuditEvent.query(on: app.db).sort(\.$sequence).all().dropFirst(before)
            #expect(denied.count == 1 && denied.first?.action == .denied && denied.first?.clientID == bare.id)
            // a page one may not see writes nothing about the client
            var other = try await Browser.signedIn(app, as: CareBFixture.volunteers)
            let quiet = try await AuditEvent.query(on: app.db).count()
            #expect(try await other.get("\(base)/\(screening.id!.slug)").status == .notFound)
            #expect(try await AuditEvent.query(on: app.db).count() == quiet)
            // the chain still verifies
            guard case .intact = try await AuditVerification.verify(on: app.db) else { Issue.record("the audit chain broke"); return }
        }
    }
}

