import Fluent
import Foundation
import Testing
import Vapor
@testable import KansrijkApp

/// Issue #14, "what is mailed": each event writes one mail per recipient in her language, without
/// client data, after her choice; inactive people and organisations that take no referrals get nothing.
@Suite("Notifications: the events that are mailed")
struct NotificationHookTests {
    typealias F = NotificationFixture

    @Test("an incoming referral mails each active professional of the receiving organisation once, in her language, without client data")
    func incomingReferral() async throws {
        try await withApp { app in
            try await F.clean(app)
            // setup
            try await F.setLanguage(.en, of: ClientFixtures.jgzEmail, app)
            let client = try await F.client(app)
            let jgz = try await F.user(ClientFixtures.jgzEmail, app)
            let midwife = try await F.user(ClientFixtures.midwifeEmail, app)
            // act
            let referral = try await F.refer(app, client)
            // check
            let mails = try await F.mails(app, to: jgz, kind: .referralIncoming)
            #expect(mails.count == 1)
            let mail = try #require(mails.first)
            #expect(mail.language == "en")
            #expect(mail.subject.contains("new referral"))
            #expect(mail.textBody.contains("\(F.base)/zorg/verwijzingen/\(referral.id!.slug)"))
            #expect(mail.textBody.contains("Stevig Ouderschap"))
            #expect(mail.htmlBody?.contains("lang=\"en\"") == true)
            F.expectNoClientData(mail, client)
            #expect(try await F.mails(app, to: midwife, kind: .referralIncoming).isEmpty, "the sender is not told of her own referral")
            let notes = try await CareNotification.query(on: app.db).filter(\.$userID == jgz.requireID()).filter(\.$referralID == referral.requireID()).all()
            #expect(notes.count == 1)
            #expect(notes.first?.kind == .incoming)
            #expect(notes.first?.clientCode == client.code)
            #expect(notes.first?.serviceName == "Stevig Ouderschap")
        }
    }

    @Test("an organisation that takes no referrals through Kansrijk, and an inactive professional, get nothing")
    func noReceivers() async throws {
        try await withApp { app in
            try await F.clean(app)
            // setup
            let jgzOrg = try #require(try await Organisation.find(ClientFixtures.jgzOrg, on: app.db))
            jgzOrg.receivesReferrals = false
            try await jgzOrg.save(on: app.db)
            let jgz = try await F.user(ClientFixtures.jgzEmail, app)
            // act
            let first = try await F.refer(app, try await F.client(app))
            // check
            #expect(try await F.mails(app, to: jgz).isEmpty)
            #expect(try await CareNotification.query(on: app.db).filter(\.$referralID == first.requireID()).count() == 0)

            // setup: the organisation takes referrals again, the professional's account is inactive
            jgzOrg.receivesReferrals = nil
            try await jgzOrg.save(on: app.db)
            jgz.isActive = false
            try await jgz.save(on: app.db)
            // act
            _ = try await F.refer(app, try await F.client(app))
            // check
            #expect(try await F.mails(app, to: jgz).isEmpty)
        }
    }

    @Test("the choice counts: immediately a mail, digest an item for the daily summary, none nothing")
    func preferences() async throws {
        try await withApp { app in
            try await F.clean(app)
            // setup
            let jgz = try await F.user(ClientFixtures.jgzEmail, app)
            try await F.choose(.digest, .referralIncoming, for: ClientFixtures.jgzEmail, app)
            // act
            let referral = try await F.refer(app, try await F.client(app))
            // check
            #expect(try await F.mails(app, to: jgz).isEmpty)
            let items = try await NotificationDigestItem.query(on: app.db).filter(\.$user.$id == jgz.requireID()).all()
            #expect(items.count == 1)
            #expect(items.first?.path == "/zorg/verwijzingen/\(referral.id!.slug)")

            // setup
            try await F.choose(.none, .referralIncoming, for: ClientFixtures.jgzEmail, app)
            // act
            _ = try await F.refer(app, try await F.client(app))
            // check
            #expect(try await F.mails(app, to: jgz).isEmpty)
            #expect(try await NotificationDigestItem.query(on: app.db).filter(\.$user.$id == jgz.requireID()).count() == 1)
            let notes = try await CareNotification.query(on: app.db).filter(\.$userID == jgz.requireID()).filter(\.$event == "incoming").count()
            #expect(notes == 2, "the in-app notice comes whatever the mail choice")
        }
    }

    @Test("a status change mails the referrer once, in Dutch, without client data; her own change mails nobody")
    func statusChange() async throws {
        try await withApp { app in
            try await F.clean(app)
            // setup
            let client = try await F.client(app)
            let referral = try await F.refer(app, client)
            let midwife = try await F.user(ClientFixtures.midwifeEmail, app)
            let jgz = try await F.user(ClientFixtures.jgzEmail, app)
            let desk = ReferralDesk(db: app.db, notifier: F.notifier)
            // act
            try await desk.move(referral, to: .accepted, reason: nil, alternative: nil, by: jgz, basis: .ownInvolvement, now: Date())
            // check
            let mails = try await F.mails(app, to: midwife, kind: .referralStatus)
            #expect(mails.count == 1)
            let mail = try #require(mails.first)
            #expect(mail.language == "nl")
            #expect(mail.textBody.contains("geaccepteerd") || mail.textBody.contains("Stevig Ouderschap"))
            F.expectNoClientData(mail, client)
            let note = try #require(try await CareNotification.query(on: app.db).filter(\.$userID == midwife.requireID())
                .filter(\.$referralID == referral.requireID()).first())
            #expect(note.kind == .status && note.clientCode == client.code)

            // act: the referrer cancels herself
            try await desk.move(referral, to: .cancelled, reason: "Niet meer nodig", alternative: nil, by: midwife, basis: .ownInvolvement, now: Date())
            // check
            #expect(try await F.mails(app, to: midwife, kind: .referralStatus).count == 1)
        }
    }

    @Test("a parent who finishes the questionnaire mails the professional who sent the link, without client data")
    func screeningCompleted() async throws {
        try await withApp { app in
            try await F.clean(app)
            // setup
            let client = try await F.client(app)
            let midwife = try await F.user(ClientFixtures.midwifeEmail, app)
            let instrument = try await ScreeningInstrument.current(on: app.db)
            let definition = try instrument.definition
            let (screening, token) = try await ScreeningRecords.sendLink(client: client, instrument: instrument, by: midwife, key: "notify-test",
                                                                         on: app.db, now: Date())
            let link = try #require(try await ScreeningLink.find(token: token, on: app.db))
            let answers = DemoCareScreeningsMDO.baseline(definition)
            // act
            let accepted = try await ScreeningRecords.submitByParent(answers, note: "Geheime notitie", link: link, screening: screening,
                                                                     definition: definition, notifier: F.notifier, on: app.db, now: Date())
            let again = try await ScreeningRecords.submitByParent(answers, note: nil, link: link, screening: screening,
                                                                  definition: definition, notifier: F.notifier, on: app.db, now: Date())
            // check
            #expect(accepted && !again)
            let mails = try await F.mails(app, to: midwife, kind: .screeningCompleted)
            #expect(mails.count == 1)
            let mail = try #require(mails.first)
            F.expectNoClientData(mail, client)
            #expect(!mail.textBody.contains("Geheime notitie"))
            #expect(mail.textBody.contains("\(F.base)/zorg/clienten/\(client.id!.slug)/signaleren/\(screening.id!.slug)"))
        }
    }
}
