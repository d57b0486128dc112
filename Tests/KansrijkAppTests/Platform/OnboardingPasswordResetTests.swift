import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import KansrijkApp

/// Forgotten passwords (issue #14): the same answer for every address, a mailed single-use link of
/// one hour stored only as a hash, and a reset that ends every session of the account.
@Suite("Onboarding: forgotten password", .serialized)
struct OnboardingPasswordResetTests {
    static let newPassword = "een heel nieuw wachtwoord"

    /// The page's text without the parts that differ per visit (the form token).
    static func answer(_ res: TestingHTTPResponse) -> String {
        res.body.string.replacingOccurrences(of: #"name="csrf" value="[^"]*""#, with: "", options: .regularExpression)
    }

    static func request(_ email: String, _ app: Application) async throws -> TestingHTTPResponse {
        var browser = Browser(app)
        try await browser.refreshToken(path: "/wachtwoord-vergeten")
        return try await browser.post("/wachtwoord-vergeten", form: ["email": email])
    }

    @Test("a known, an unknown and a switched-off address get the same answer; only the active account gets mail")
    func sameAnswer() async throws {
        try await withApp { app in
            // setup
            let inactive = try #require(try await User.find(email: "policy@zeist.demo", on: app.db))
            inactive.isActive = false
            try await inactive.save(on: app.db)
            // act
            let known = try await Self.request("professional@zeist.demo", app)
            let unknown = try await Self.request("niemand@nergens.example", app)
            let switchedOff = try await Self.request("policy@zeist.demo", app)
            await app.onboardingBackground.drain()
            // check
            #expect(known.status == .ok && unknown.status == .ok && switchedOff.status == .ok)
            #expect(Self.answer(known) == Self.answer(unknown))
            #expect(Self.answer(known) == Self.answer(switchedOff))
            #expect(known.body.string.contains("Als er een account is"))
            #expect(try await OnboardingFixture.mails(to: "professional@zeist.demo", .passwordReset, app).count == 1)
            #expect(try await OnboardingFixture.mails(to: "niemand@nergens.example", .passwordReset, app).isEmpty)
            #expect(try await OnboardingFixture.mails(to: "policy@zeist.demo", .passwordReset, app).isEmpty)
        }
    }

    @Test("the link is stored as its hash, sets a new password once, ends every session and keeps the second factor")
    func resetEndsSessions() async throws {
        try await withApp { app in
            // setup: she is signed in elsewhere
            var elsewhere = try await Browser.signedIn(app, as: "professional@zeist.demo")
            let user = try #require(try await User.find(email: "professional@zeist.demo", on: app.db))
            user.totpSecret = Base32.encode(TOTP.newSecret())
            user.totpEnabledAt = Date()
            try await user.save(on: app.db)
            _ = try await Self.request("professional@zeist.demo", app)
            await app.onboardingBackground.drain()
            let link = try await OnboardingFixture.link(to: "professional@zeist.demo", .passwordReset, prefix: "/wachtwoord-herstellen/", app)
            let token = OnboardingFixture.token(of: link)
            let stored = try await OnboardingFixture.storedTexts(PasswordResetToken.schema, app)
            #expect(!stored.contains(token) && stored.contains(OnboardingToken.hash(token)))
            // act
            var visitor = Browser(app)
            let form = try await visitor.get(link)
            #expect(form.status == .ok && form.headers.first(name: "Referrer-Policy") == "no-referrer")
            try await visitor.refreshToken(path: link)
            let done = try await visitor.post(link, form: ["password": Self.newPassword, "password2": Self.newPassword])
            // check
            #expect(done.status == .ok && done.body.string.contains("op alle apparaten uitgelogd"))
            let res = try await elsewhere.get("/account")
            #expect(res.status == .seeOther && (res.headers.first(name: .location) ?? "").hasPrefix("/inloggen"))
            #expect(try await OnboardingFixture.signIn(app, "professional@zeist.demo", password: testPassword).1 == .unauthorized)
            // the new password works, and the second step is still asked
            var fresh = Browser(app)
            try await fresh.refreshToken(path: "/inloggen")
            let login = try await fresh.post("/inloggen", form: ["email": "professional@zeist.demo", "password": Self.newPassword])
            #expect(login.status == .seeOther && login.headers.first(name: .location) == "/inloggen/code")
            #expect(try #require(try await User.find(email: "professional@zeist.demo", on: app.db)).totpEnabledAt != nil)
            // the link works once
            let replay = try await visitor.post(link, form: ["password": "weer een ander wachtwoord", "password2": "weer een ander wachtwoord"])
            #expect(replay.status == .gone)
            #expect(try await visitor.get(link).status == .gone)
        }
    }

    @Test("a reset link expires after one hour")
    func expiry() async throws {
        try await withApp { app in
            // setup
            _ = try await Self.request("professional@zeist.demo", app)
            await app.onboardingBackground.drain()
            let reset = try #require(try await PasswordResetToken.query(on: app.db).first())
            #expect(abs(reset.expiresAt.timeIntervalSince(reset.createdAt) - 3600) < 1)
            let link = try await OnboardingFixture.link(to: "professional@zeist.demo", .passwordReset, prefix: "/wachtwoord-herstellen/", app)
            var visitor = Browser(app)
            try await visitor.refreshToken(path: link)
            // act
            try await OnboardingFixture.expireAll(PasswordResetToken.schema, app)
            let page = try await visitor.get(link)
            let post = try await visitor.post(link, form: ["password": Self.newPassword, "password2": Self.newPassword])
            // check
            #expect(page.status == .gone && page.body.string.contains("Nieuwe link aanvragen"))
            #expect(post.status == .gone)
            #expect(try await OnboardingFixture.signIn(app, "professional@zeist.demo", password: testPassword).1 == .seeOther)
        }
    }

    @Test("at most five mails an hour to one address, and a new link replaces the older one")
    func floodLimit() async throws {
        try await withApp { app in
            // act
            for _ in 0..<7 { #expect(try await Self.request("professional@zeist.demo", app).status == .ok) }
            await app.onboardingBackground.drain()
            // check
            #expect(try await OnboardingFixture.mails(to: "professional@zeist.demo", .passwordReset, app).count == 5)
            let usable = try await PasswordResetToken.query(on: app.db).filter(\.$usedAt == nil).count()
            #expect(usable == 1)
        }
    }

    @Test("the log-in page links to the forgotten-password page; the form needs its token")
    func linkAndCSRF() async throws {
        try await withApp { app in
            // setup
            var browser = Browser(app)
            // act
            let login = try await browser.get("/inloggen")
            try await browser.refreshToken(path: "/wachtwoord-vergeten")
            let refused = try await browser.post("/wachtwoord-vergeten", form: ["email": "professional@zeist.demo"], withToken: false)
            await app.onboardingBackground.drain()
            // check
            #expect(login.body.string.contains("href=\"/wachtwoord-vergeten\""))
            #expect(refused.status == .forbidden)
            #expect(try await OnboardingFixture.mails(to: "professional@zeist.demo", .passwordReset, app).isEmpty)
        }
    }
}
