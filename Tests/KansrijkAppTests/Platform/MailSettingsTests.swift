import Testing
@testable import KansrijkApp

@Suite("Mail settings from the environment")
struct MailSettingsTests {
    @Test("smtp:// with percent-encoded credentials, STARTTLS, port 587 by default")
    func startTLS() throws {
        let s = try MailSettings.fromEnvironment(["KANSRIJK_SMTP_URL": "smtp://mail%40org.nl:p%3Ass%20w@smtp.example.nl",
                                                  "KANSRIJK_MAIL_FROM": "Kansrijk Zeist <noreply@example.nl>"])
        let server = try #require(s.smtp)
        #expect(server == SMTPServer(host: "smtp.example.nl", port: 587, username: "mail@org.nl", password: "p:ss w", security: .startTLS))
        #expect(s.from == MailAddress(name: "Kansrijk Zeist", address: "noreply@example.nl"))
        #expect(!server.mayStayPlain)
        // the password never shows in what is logged
        #expect(!server.description.contains("p:ss") && server.description.contains("***"))
    }

    @Test("smtps:// is implicit TLS on 465; a local relay on port 25 may stay plain")
    func implicitAndRelay() throws {
        let tls = try #require(try MailSettings.fromEnvironment(["KANSRIJK_SMTP_URL": "smtps://smtp.example.nl", "KANSRIJK_MAIL_FROM": "a@b.nl"]).smtp)
        #expect(tls.security == .implicitTLS && tls.port == 465 && tls.username == nil)
        let relay = try #require(try MailSettings.fromEnvironment(["KANSRIJK_SMTP_URL": "smtp://relay.internal:25", "KANSRIJK_MAIL_FROM": "a@b.nl"]).smtp)
        #expect(relay.mayStayPlain)
        let loopback = try #require(try MailSettings.fromEnvironment(["KANSRIJK_SMTP_URL": "smtp://u:p@127.0.0.1:2525", "KANSRIJK_MAIL_FROM": "a@b.nl"]).smtp)
        #expect(loopback.isLoopback && loopback.mayStayPlain)
        #expect(try MailSettings.fromEnvironment([:]).smtp == nil)
    }

    @Test("every problem is named, and the old KANSRIJK_SMTP_HOST is refused")
    func problems() {
        let cases: [([String: String], String)] = [
            (["KANSRIJK_SMTP_HOST": "mail.example.nl"], "use KANSRIJK_SMTP_URL"),
            (["KANSRIJK_SMTP_URL": "http://x.nl", "KANSRIJK_MAIL_FROM": "a@b.nl"], "smtp:// or smtps://"),
            (["KANSRIJK_SMTP_URL": "smtp://mail.example.nl"], "KANSRIJK_MAIL_FROM is required"),
            (["KANSRIJK_SMTP_URL": "smtp://mail.example.nl", "KANSRIJK_MAIL_FROM": "geen adres"], "KANSRIJK_MAIL_FROM must be"),
            (["KANSRIJK_SMTP_URL": "smtp://user@mail.example.nl", "KANSRIJK_MAIL_FROM": "a@b.nl"], "without a password"),
            (["KANSRIJK_SMTP_URL": "smtp://mail.example.nl:99999", "KANSRIJK_MAIL_FROM": "a@b.nl"], "KANSRIJK_SMTP_URL"),
            (["KANSRIJK_SMTP_CA_FILE": "/nonexistent/ca.pem"], "KANSRIJK_SMTP_CA_FILE"),
            (["KANSRIJK_MAIL_RETRY_BASE_SECONDS": "0"], "KANSRIJK_MAIL_RETRY_BASE_SECONDS"),
        ]
        for (env, expected) in cases {
            do {
                _ = try MailSettings.fromEnvironment(env)
                Issue.record("\(env) was accepted")
            } catch let error as SettingsError {
                #expect(error.description.contains(expected), "\(env): \(error.description)")
                #expect(!error.description.contains("p:ss"))
            } catch {
                Issue.record("\(env): unexpected \(error)")
            }
        }
    }

    @Test("addresses: plain, with a name, and what is refused")
    func addresses() {
        #expect(MailAddress.parse("noreply@kansrijk.nl") == MailAddress(name: nil, address: "noreply@kansrijk.nl"))
        #expect(MailAddress.parse("\"Kansrijk, Zeist\" <a@b.nl>")?.name == "Kansrijk, Zeist")
        for bad in ["a@b", "a b@c.nl", "<a@b.nl", "a@b.nl\r\nBcc: x@y.nl", "Naam <a@b.nl> x", "@b.nl", "a@.nl"] {
            #expect(MailAddress.parse(bad) == nil, "\(bad) was accepted")
        }
        #expect(MailAddress(name: "Zoë", address: "a@b.nl").header.hasPrefix("=?UTF-8?B?"))
        #expect(MailAddress(name: "Kansrijk, Zeist", address: "a@b.nl").header == "\"Kansrijk, Zeist\" <a@b.nl>")
    }

    @Test("back-off doubles from the base and stops at the cap")
    func backOff() {
        var s = MailSettings()
        s.retryBase = 60
        #expect([1, 2, 3, 4].map { s.retryDelay(afterAttempt: $0) } == [60, 120, 240, 480])
        #expect(s.retryDelay(afterAttempt: 7) == 3600 && s.retryDelay(afterAttempt: 500) == 3600)
        s.retryBase = 2
        #expect(s.retryDelay(afterAttempt: 3) == 8)
    }
}
