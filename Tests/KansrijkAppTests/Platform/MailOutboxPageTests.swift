import Fluent
import Foundation
import Testing
import Vapor
@testable import KansrijkApp

@Suite("Verzonden e-mail: the admin's outbox pages", .serialized)
struct MailOutboxPageTests {
    @Test("the list shows state, reason and next try; without SMTP a banner says mail is kept here")
    func list() async throws {
        try await withApp { app in
            // setup: only this test's mail (the demo's referrals queued some)
            try await MailMessage.query(on: app.db).delete()
            let draft = MailLayout(language: .nl, paragraphs: ["Er is een <script>verwijzing</script>."],
                                   action: ("Open", "https://kansrijk.test/zorg"))
                .draft(to: "jgz@zeist.demo", userID: nil, kind: .referralIncoming, subject: "Nieuwe verwijzing <b>")
            let mail = try await MailOutbox.enqueue(draft, on: app.db)
            let id = try mail.requireID()
            _ = try await MailOutbox.claimDue(on: app.db, now: Date())
            try await MailOutbox.markFailed(id, error: .permanent("550 mailbox unavailable (RCPT TO)"), on: app.db, now: Date(), settings: MailSettings())
            var admin = try await Browser.signedIn(app, as: "admin@kansrijk.demo")
            // act
            let page = try await admin.get("/beheer/email")
            let failedOnly = try await admin.get("/beheer/email?staat=failed")
            let sentOnly = try await admin.get("/beheer/email?staat=sent&pagina=abc")
            let detail = try await admin.get("/beheer/email/\(id.slug)")
            // check
            #expect(page.status == .ok)
            #expect(page.body.string.contains("Verzonden e-mail") && page.body.string.contains("id=\"mail-not-sent\""))
            #expect(page.body.string.contains("550 mailbox unavailable (RCPT TO)") && page.body.string.contains("Nieuwe verwijzing &lt;b&gt;"))
            #expect(failedOnly.body.string.contains("/beheer/email/\(id.slug)"))
            #expect(sentOnly.status == .ok && !sentOnly.body.string.contains("/beheer/email/\(id.slug)"))
            #expect(detail.status == .ok)
            // the text body is shown, escaped; the HTML body is not rendered
            #expect(detail.body.string.contains("Er is een &lt;script&gt;verwijzing&lt;/script&gt;."))
            #expect(detail.body.string.contains("https://kansrijk.test/zorg"))
            #expect(!detail.body.string.contains("<script>verwijzing"))
            #expect(detail.body.string.contains("/beheer/email/\(id.slug)/opnieuw"))
            #expect(try await admin.get("/beheer/email/\(UUID().slug)").status == .notFound)
            #expect(try await admin.get("/beheer/email/geen-id").status == .notFound)
        }
    }

    @Test("only admins: others get 403, a visitor goes to the log-in page")
    func access() async throws {
        try await withApp { app in
            var coordinator = try await Browser.signedIn(app, as: "coordinator@zeist.demo")
            #expect(try await coordinator.get("/beheer/email").status == .forbidden)
            #expect(try await coordinator.post("/beheer/email/test", form: [:]).status == .forbidden)
            var visitor = Browser(app)
            let anonymous = try await visitor.get("/beheer/email")
            #expect(anonymous.status == .seeOther && (anonymous.headers.first(name: .location) ?? "").hasPrefix("/inloggen"))
        }
    }

    @Test("resend puts a failed mail back in the queue (CSRF required); a test mail goes to the admin")
    func resendAndTest() async throws {
        try await withApp { app in
            // setup
            try await MailMessage.query(on: app.db).delete()
            let draft = MailDraft(to: "jgz@zeist.demo", kind: .referralStatus, language: .nl, subject: "Status", text: "Tekst")
            let id = try await MailOutbox.enqueue(draft, on: app.db).requireID()
            var admin = try await Browser.signedIn(app, as: "admin@kansrijk.demo")
            // act + check: a queued mail is not "sent again"
            _ = try await admin.post("/beheer/email/\(id.slug)/opnieuw", form: [:])
            #expect(try #require(try await MailMessage.find(id, on: app.db)).state == .queued)
            _ = try await MailOutbox.claimDue(on: app.db, now: Date())
            try await MailOutbox.markFailed(id, error: .permanent("554 rejected"), on: app.db, now: Date(), settings: MailSettings())
            #expect(try await admin.post("/beheer/email/\(id.slug)/opnieuw", form: [:], withToken: false).status == .forbidden)
            #expect(try #require(try await MailMessage.find(id, on: app.db)).state == .failed)
            let resent = try await admin.post("/beheer/email/\(id.slug)/opnieuw", form: [:])
            #expect(resent.status == .seeOther)
            let again = try #require(try await MailMessage.find(id, on: app.db))
            #expect(again.state == .queued && again.attempts == 0 && again.lastError == nil)

            let test = try await admin.post("/beheer/email/test", form: [:])
            #expect(test.status == .seeOther)
            let testMail = try #require(try await MailMessage.query(on: app.db).filter(\.$kind == .test).first())
            #expect(testMail.to == "admin@kansrijk.demo" && testMail.state == .queued && testMail.htmlBody != nil)
            #expect(testMail.textBody.contains("/beheer/email"))
        }
    }
}
