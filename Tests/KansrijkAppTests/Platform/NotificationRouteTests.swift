import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import KansrijkApp

/// Issue #14's pages: the mail choices at `/account/meldingen`, and "Nieuw voor u" on `/zorg` with
/// the client's code, the service and the event, read one by one or all at once (only one's own).
@Suite("Notifications: choices page and Nieuw voor u")
struct NotificationRouteTests {
    typealias F = NotificationFixture

    @Test("the choices page shows every kind with immediately as default, saves a choice, and refuses a missing one in Dutch")
    func preferencesPage() async throws {
        try await withApp { app in
            try await F.clean(app)
            // setup
            var jgz = try await Browser.signedIn(app, as: ClientFixtures.jgzEmail)
            // act
            let page = try await jgz.get("/account/meldingen")
            // check
            #expect(page.status == .ok)
            for kind in MailKind.choosable {
                #expect(page.body.string.contains("name=\"\(kind.rawValue)\" value=\"direct\" checked"), "\(kind) defaults to immediately")
            }
            // act
            var form = Dictionary(uniqueKeysWithValues: MailKind.choosable.map { ($0.rawValue, "direct") })
            form["escalation"] = "dagelijks"
            form["mdo_agenda"] = "geen"
            let saved = try await jgz.post("/account/meldingen", form: form)
            // check
            #expect(saved.status == .seeOther)
            let user = try await F.user(ClientFixtures.jgzEmail, app)
            let choices = try await NotificationPreference.all(of: user.requireID(), on: app.db)
            #expect(choices[.escalation] == .digest && choices[.mdoAgenda] == MailDelivery.none && choices[.referralIncoming] == .immediately)
            let again = try await jgz.get("/account/meldingen")
            #expect(again.body.string.contains("name=\"mdo_agenda\" value=\"geen\" checked"))

            // act: one kind missing, one with a value that does not exist
            form["referral_status"] = nil
            form["escalation"] = "soms"
            let refused = try await jgz.post("/account/meldingen", form: form)
            // check
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("Kies bij elke soort bericht"))
            #expect(refused.body.string.contains("href=\"#f-referral_status\""))
            #expect(try await NotificationPreference.all(of: user.requireID(), on: app.db)[.escalation] == .digest, "nothing was saved")
        }
    }

    @Test("the choices page needs a log-in, and its form the session's token")
    func preferencesAccess() async throws {
        try await withApp { app in
            try await F.clean(app)
            // setup
            var anonymous = Browser(app)
            var jgz = try await Browser.signedIn(app, as: ClientFixtures.jgzEmail)
            let form = Dictionary(uniqueKeysWithValues: MailKind.choosable.map { ($0.rawValue, "geen") })
            // act
            let page = try await anonymous.get("/account/meldingen")
            let forged = try await jgz.post("/account/meldingen", form: form.merging(["csrf": "vervalst"]) { a, _ in a }, withToken: false)
            // check
            #expect(page.status == .seeOther && page.headers.first(name: .location)?.hasPrefix("/inloggen") == true)
            #expect(forged.status == .forbidden)
            let user = try await F.user(ClientFixtures.jgzEmail, app)
            #expect(try await NotificationPreference.query(on: app.db).filter(\.$user.$id == user.requireID()).count() == 0)
        }
    }

    @Test("Nieuw voor u names the client's code, the service and the event, links to the referral, and is read one by one or all at once")
    func newForYou() async throws {
        try await withApp { app in
            try await F.clean(app)
            // setup: two incoming referrals for JGZ
            let first = try await F.client(app), second = try await F.client(app)
            let r1 = try await F.refer(app, first), r2 = try await F.refer(app, second)
            var jgz = try await Browser.signedIn(app, as: ClientFixtures.jgzEmail)
            let user = try await F.user(ClientFixtures.jgzEmail, app)
            let auditBefore = try await AuditEvent.query(on: app.db).count()
            // act
            let home = try await jgz.get("/zorg")
            // check
            let html = home.body.string
            #expect(html.contains("\(first.code): nieuwe verwijzing naar Stevig Ouderschap"))
            #expect(html.contains("\(second.code): nieuwe verwijzing naar Stevig Ouderschap"))
            #expect(html.contains("href=\"/zorg/verwijzingen/\(r1.id!.slug)\""))
            #expect(html.contains("action=\"/zorg/meldingen/alles-gelezen\""))
            #expect(try await AuditEvent.query(on: app.db).count() > auditBefore, "the read of the notices is audited")

            // act: mark the first read
            let note1 = try #require(try await CareNotification.query(on: app.db).filter(\.$userID == user.requireID()).filter(\.$referralID == r1.requireID()).first())
            let one = try await jgz.post("/zorg/meldingen/gelezen", form: ["melding": note1.id!.slug])
            // check
            #expect(one.status == .seeOther)
            #expect(try await CareNotification.find(note1.id, on: app.db)?.readAt != nil)
            let after = try await jgz.get("/zorg").body.string
            #expect(!after.contains("\(first.code): nieuwe verwijzing") && after.contains("\(second.code): nieuwe verwijzing"))

            // act: all read
            let all = try await jgz.post("/zorg/meldingen/alles-gelezen", form: [:])
            // check
            #expect(all.status == .seeOther)
            let unread = try await CareNotification.query(on: app.db).filter(\.$userID == user.requireID()).filter(\.$readAt == nil).count()
            #expect(unread == 0)
            _ = r2
        }
    }

    @Test("a user cannot mark another user's notice read (IDOR): 404 and nothing changes; a bad id is a 400")
    func onlyOwnNotices() async throws {
        try await withApp { app in
            try await F.clean(app)
            // setup: a notice for JGZ; the midwife and the debt counsellor try to mark it
            let referral = try await F.refer(app, try await F.client(app))
            let jgz = try await F.user(ClientFixtures.jgzEmail, app)
            let note = try #require(try await CareNotification.query(on: app.db).filter(\.$userID == jgz.requireID())
                .filter(\.$referralID == referral.requireID()).first())
            var debt = try await Browser.signedIn(app, as: ClientFixtures.debtEmail)
            var midwife = try await Browser.signedIn(app, as: ClientFixtures.midwifeEmail)
            // act
            let foreign = try await debt.post("/zorg/meldingen/gelezen", form: ["melding": note.id!.slug])
            let sender = try await midwife.post("/zorg/meldingen/gelezen", form: ["melding": note.id!.slug])
            let garbage = try await debt.post("/zorg/meldingen/gelezen", form: ["melding": "../../etc"])
            let unknown = try await debt.post("/zorg/meldingen/gelezen", form: ["melding": UUID().uuidString])
            _ = try await debt.post("/zorg/meldingen/alles-gelezen", form: [:])
            // check
            #expect(foreign.status == .notFound && sender.status == .notFound && unknown.status == .notFound)
            #expect(garbage.status == .badRequest)
            #expect(try await CareNotification.find(note.id, on: app.db)?.readAt == nil, "another user's notice stays unread")
        }
    }

    @Test("the policy advisor, told of the ladder's policy steps, reads the termijnbewaking page but cannot change the ladder")
    func policyReadsLadder() async throws {
        try await withApp { app in
            // setup
            var policy = try await Browser.signedIn(app, as: "policy@zeist.demo")
            var coordinator = try await Browser.signedIn(app, as: "coordinator@zeist.demo")
            // act
            let page = try await policy.get("/zorg/termijnbewaking")
            let add = try await policy.post("/zorg/termijnbewaking/zeist/stappen", form: ["after_days": "3", "role": "policy"])
            // check
            #expect(page.status == .ok)
            #expect(page.body.string.contains("Termijnbewaking") && !page.body.string.contains("name=\"after_days\""))
            #expect(add.status == .forbidden)
            #expect(try await coordinator.get("/zorg/termijnbewaking").body.string.contains("name=\"after_days\""))
        }
    }

    @Test("a notice of a client the reader may no longer see is not listed")
    func noticeWithoutAccess() async throws {
        try await withApp { app in
            try await F.clean(app)
            // setup: JGZ's involvement through the referral ends
            let client = try await F.client(app)
            _ = try await F.refer(app, client)
            try await ClientInvolvement.query(on: app.db).filter(\.$client.$id == client.requireID())
                .filter(\.$organisation.$id == ClientFixtures.jgzOrg).set(\.$until, to: Date().addingTimeInterval(-60)).update()
            var jgz = try await Browser.signedIn(app, as: ClientFixtures.jgzEmail)
            // act
            let html = try await jgz.get("/zorg").body.string
            // check
            #expect(!html.contains(client.code))
        }
    }
}
