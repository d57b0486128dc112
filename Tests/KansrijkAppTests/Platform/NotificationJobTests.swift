import Fluent
import Foundation
import Testing
import Vapor
@testable import KansrijkApp

/// Issue #14's background checks: the daily digest (once per person per day, from 07:00 Dutch time),
/// the escalation steps and the MDO agenda (each told once, however often the check runs).
@Suite("Notifications: digest, escalation and MDO agenda jobs")
struct NotificationJobTests {
    typealias F = NotificationFixture

    @Test("the digest waits for 07:00, sends one mail per person per day, never twice, and held-back items wait for the next day")
    func digest() async throws {
        try await withApp { app in
            try await F.clean(app)
            // setup: two referrals held back for JGZ's digest yesterday evening
            try await F.choose(.digest, .referralIncoming, for: ClientFixtures.jgzEmail, app)
            let jgz = try await F.user(ClientFixtures.jgzEmail, app)
            let yesterday = F.dutch(days: -1, hour: 20)
            let client = try await F.client(app)
            _ = try await F.refer(app, client, now: yesterday)
            let other = try await F.client(app)
            _ = try await F.refer(app, other, now: yesterday.addingTimeInterval(60))
            // act: before 07:00 nothing goes
            let early = try await NotificationDigestJob.run(on: app.db, notifier: F.notifier, now: F.dutch(days: 0, hour: 6, minute: 59))
            // check
            #expect(early == 0)
            #expect(try await F.mails(app, to: jgz).isEmpty)

            // act: from 07:00 one mail, and a second run (or instance) sends nothing more
            let first = try await NotificationDigestJob.run(on: app.db, notifier: F.notifier, now: F.dutch(days: 0, hour: 7, minute: 10))
            let second = try await NotificationDigestJob.run(on: app.db, notifier: F.notifier, now: F.dutch(days: 0, hour: 7, minute: 20))
            // check
            #expect(first == 1 && second == 0)
            let digests = try await F.mails(app, to: jgz, kind: .digest)
            #expect(digests.count == 1)
            let mail = try #require(digests.first)
            #expect(mail.subject.contains("(2)"))
            #expect(mail.textBody.components(separatedBy: "\(F.base)/zorg/verwijzingen/").count - 1 == 2)
            F.expectNoClientData(mail, client)
            F.expectNoClientData(mail, other)

            // act: an item held back today after 07:00 waits for tomorrow's digest
            _ = try await F.refer(app, try await F.client(app), now: F.dutch(days: 0, hour: 9))
            let sameDay = try await NotificationDigestJob.run(on: app.db, notifier: F.notifier, now: F.dutch(days: 0, hour: 23))
            let nextDay = try await NotificationDigestJob.run(on: app.db, notifier: F.notifier, now: F.dutch(days: 1, hour: 7, minute: 5))
            // check
            #expect(sameDay == 0 && nextDay == 1)
            #expect(try await F.mails(app, to: jgz, kind: .digest).count == 2)
        }
    }

    @Test("an inactive person gets no digest")
    func inactiveDigest() async throws {
        try await withApp { app in
            try await F.clean(app)
            // setup
            try await F.choose(.digest, .referralIncoming, for: ClientFixtures.jgzEmail, app)
            let jgz = try await F.user(ClientFixtures.jgzEmail, app)
            _ = try await F.refer(app, try await F.client(app), now: F.dutch(days: -1, hour: 20))
            jgz.isActive = false
            try await jgz.save(on: app.db)
            // act
            _ = try await NotificationDigestJob.run(on: app.db, notifier: F.notifier, now: F.dutch(days: 0, hour: 8))
            // check
            #expect(try await F.mails(app, to: jgz).isEmpty)
        }
    }

    @Test("an overdue referral tells the coordinator at the first step and the receiving organisation at the second, each once")
    func escalation() async throws {
        try await withApp { app in
            try await F.clean(app)
            // setup: the demo's referrals are closed, so only ours climbs the ladder
            try await Referral.query(on: app.db).set(\.$status, to: .completed).update()
            let coordinator = try await F.user("coordinator@zeist.demo", app)
            let jgz = try await F.user(ClientFixtures.jgzEmail, app)
            let client = try await F.client(app)
            let referral = try await F.refer(app, client)
            let coordinatorBefore = try await F.mails(app, to: coordinator, kind: .escalation).count
            let jgzBefore = try await F.mails(app, to: jgz, kind: .escalation).count
            // act: six days later (the default ladder: coordinator after 5 days), twice
            let sixDays = Date().addingTimeInterval(6 * 86_400)
            _ = try await EscalationNotices.run(on: app.db, notifier: F.notifier, now: sixDays)
            _ = try await EscalationNotices.run(on: app.db, notifier: F.notifier, now: sixDays.addingTimeInterval(600))
            // check
            let toCoordinator = try await F.mails(app, to: coordinator, kind: .escalation)
            #expect(toCoordinator.count == coordinatorBefore + 1)
            #expect(try await F.mails(app, to: jgz, kind: .escalation).count == jgzBefore)
            for mail in toCoordinator { F.expectNoClientData(mail, client) }
            #expect(try await EscalationNotice.query(on: app.db).filter(\.$referralID == referral.requireID()).count() == 1)

            // act: eleven days later (second step: the receiving organisation), twice
            let elevenDays = Date().addingTimeInterval(11 * 86_400)
            _ = try await EscalationNotices.run(on: app.db, notifier: F.notifier, now: elevenDays)
            _ = try await EscalationNotices.run(on: app.db, notifier: F.notifier, now: elevenDays.addingTimeInterval(600))
            // check
            let toJGZ = try await F.mails(app, to: jgz, kind: .escalation)
            #expect(toJGZ.filter { $0.textBody.contains("/zorg/verwijzingen/\(referral.id!.slug)") }.count == 1)
            for mail in toJGZ { F.expectNoClientData(mail, client) }
            #expect(try await EscalationNotice.query(on: app.db).filter(\.$referralID == referral.requireID()).count() == 2)
        }
    }

    @Test("a step reached more than a week ago (an upgrade, a long stop) is recorded without a mail")
    func escalationStale() async throws {
        try await withApp { app in
            try await F.clean(app)
            // setup: one referral that nobody accepted; the check first runs 20 days later
            try await Referral.query(on: app.db).set(\.$status, to: .completed).update()
            let coordinator = try await F.user("coordinator@zeist.demo", app)
            let jgz = try await F.user(ClientFixtures.jgzEmail, app)
            let referral = try await F.refer(app, try await F.client(app))
            let coordinatorBefore = try await F.mails(app, to: coordinator, kind: .escalation).count
            let jgzBefore = try await F.mails(app, to: jgz, kind: .escalation).count
            // act: day 20 (first step reached 15 days ago, second 10 days ago: both stale)
            let later = Date().addingTimeInterval(20 * 86_400)
            _ = try await EscalationNotices.run(on: app.db, notifier: F.notifier, now: later)
            // check: recorded, so never mailed later either, and nobody mailed now
            #expect(try await EscalationNotice.query(on: app.db).filter(\.$referralID == referral.requireID()).count() == 1)
            _ = try await EscalationNotices.run(on: app.db, notifier: F.notifier, now: later.addingTimeInterval(600))
            #expect(try await F.mails(app, to: coordinator, kind: .escalation).count == coordinatorBefore)
            #expect(try await F.mails(app, to: jgz, kind: .escalation).count == jgzBefore)
            // and the boundary: reached 7 days ago is still told
            #expect(EscalationNotices.daysSinceReached(Escalation.Overdue(cause: .notAccepted, days: 12, step: .init(afterDays: 5, role: .coordinator))) == 7)
            #expect(EscalationNotices.daysSinceReached(Escalation.Overdue(cause: .rejectedWithoutAlternative, days: 3, step: .init(afterDays: 5, role: .coordinator))) == 0)
        }
    }

    @Test("a claim already taken by another instance tells nobody again")
    func escalationClaimTaken() async throws {
        try await withApp { app in
            try await F.clean(app)
            // setup: another instance told the first step of the new referral already
            try await Referral.query(on: app.db).set(\.$status, to: .completed).update()
            let coordinator = try await F.user("coordinator@zeist.demo", app)
            let referral = try await F.refer(app, try await F.client(app))
            let zeist = try #require(try await Coalition.query(on: app.db).filter(\.$slug == "zeist").first())
            try await EscalationNotice(referralID: referral.requireID(), coalitionID: zeist.requireID(), cause: Escalation.Cause.notAccepted.rawValue,
                                       afterDays: 5, now: Date()).create(on: app.db)
            let before = try await F.mails(app, to: coordinator, kind: .escalation).count
            // act
            _ = try await EscalationNotices.run(on: app.db, notifier: F.notifier, now: Date().addingTimeInterval(6 * 86_400))
            // check
            #expect(try await F.mails(app, to: coordinator, kind: .escalation).count == before)
            // and the table itself refuses a second claim
            await #expect(throws: (any Error).self) {
                try await EscalationNotice(referralID: referral.requireID(), coalitionID: zeist.requireID(), cause: Escalation.Cause.notAccepted.rawValue,
                                           afterDays: 5, now: Date()).create(on: app.db)
            }
        }
    }

    @Test("the MDO agenda goes to the participants the day before, once per meeting, with date, place and number of cases only")
    func mdoAgenda() async throws {
        try await withApp { app in
            try await F.clean(app)
            // setup: a meeting 30 days ahead with one case; the check runs the day before it
            let midwife = try await F.user(ClientFixtures.midwifeEmail, app)
            let jgz = try await F.user(ClientFixtures.jgzEmail, app)
            try await F.setLanguage(.en, of: ClientFixtures.jgzEmail, app)
            let client = try await F.client(app)
            let startsAt = F.dutch(days: 30, hour: 13)
            let meeting = try await MDORecords.plan(title: "MDO over \(F.clientName)", startsAt: startsAt, location: "JGZ Zeist, zaal 2",
                                                    participants: [ClientFixtures.jgzOrg], by: midwife, on: app.db)
            _ = try #require(try await MDORecords.addCase(client: client, question: "Geheime vraag", meeting: meeting,
                                                          participants: [midwife.$organisation.id, ClientFixtures.jgzOrg], by: midwife, on: app.db, now: Date()))
            // act: two days before nothing; the day before, twice
            let early = try await MDOAgendaNotices.run(on: app.db, notifier: F.notifier, now: F.dutch(days: 28, hour: 12))
            let first = try await MDOAgendaNotices.run(on: app.db, notifier: F.notifier, now: F.dutch(days: 29, hour: 8))
            let second = try await MDOAgendaNotices.run(on: app.db, notifier: F.notifier, now: F.dutch(days: 29, hour: 9))
            // check
            #expect(early == 0 && first == 1 && second == 0)
            for (person, language) in [(midwife, "nl"), (jgz, "en")] {
                let mails = try await F.mails(app, to: person, kind: .mdoAgenda)
                #expect(mails.count == 1, "\(person.email) should get the agenda once")
                let mail = try #require(mails.first)
                #expect(mail.language == language)
                #expect(mail.textBody.contains("JGZ Zeist, zaal 2") && mail.textBody.contains("13:00"))
                #expect(mail.textBody.contains(": 1."), "the number of cases")
                #expect(mail.textBody.contains("\(F.base)/zorg/mdo/\(meeting.id!.slug)"))
                #expect(!mail.textBody.contains("Geheime vraag"))
                F.expectNoClientData(mail, client)
            }
        }
    }
}
