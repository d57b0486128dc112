import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import KansrijkApp

/// The own account page (issue #14): name and language, a password change that needs the current
/// password and ends the other sessions, and the list of sessions to end.
@Suite("Onboarding: own account page", .serialized)
struct OnboardingAccountTests {
    static let email = "professional@zeist.demo"

    /// The hidden session ids of the page's "end" buttons.
    static func sessionIDs(_ page: String) -> [String] {
        page.components(separatedBy: #"name="sessie" value=""#).dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    @Test("changing the password needs the current one, and then ends the other sessions but not this one")
    func changePassword() async throws {
        try await withApp { app in
            // setup
            var here = try await Browser.signedIn(app, as: Self.email)
            var there = try await Browser.signedIn(app, as: Self.email)
            let before = try #require(try await User.find(email: Self.email, on: app.db)).passwordHash
            // act: a wrong current password
            let wrong = try await here.post("/account/wachtwoord", form: ["current": "niet mijn wachtwoord", "password": "een nieuw lang wachtwoord", "password2": "een nieuw lang wachtwoord"])
            // check
            #expect(wrong.status == .unprocessableEntity && wrong.body.string.contains("huidige wachtwoord klopt niet"))
            #expect(try #require(try await User.find(email: Self.email, on: app.db)).passwordHash == before)
            #expect(try await there.get("/account").status == .ok)
            // act: the right one
            let right = try await here.post("/account/wachtwoord", form: ["current": testPassword, "password": "een nieuw lang wachtwoord", "password2": "een nieuw lang wachtwoord"])
            // check
            #expect(right.status == .seeOther)
            #expect(try await here.get("/account").status == .ok)
            #expect(try await there.get("/account").status == .seeOther)
            #expect(try await OnboardingFixture.signIn(app, Self.email, password: "een nieuw lang wachtwoord").1 == .seeOther)
        }
    }

    @Test("the page lists her sessions with this device marked; she ends one, or all others, but never another person's")
    func sessions() async throws {
        try await withApp { app in
            // setup
            var here = try await Browser.signedIn(app, as: Self.email)
            var second = try await Browser.signedIn(app, as: Self.email)
            var third = try await Browser.signedIn(app, as: Self.email)
            // act, check: three sessions, this one without an end button
            let page = try await here.get("/account")
            #expect(page.body.string.contains("Dit apparaat"))
            let ids = Self.sessionIDs(page.body.string)
            #expect(ids.count == 2)
            // another person's session cannot be ended from here
            var other = try await Browser.signedIn(app, as: "jgz@zeist.demo")
            var jgzSecond = try await Browser.signedIn(app, as: "jgz@zeist.demo")
            let jgzIDs = Self.sessionIDs(try await other.get("/account").body.string)
            #expect(jgzIDs.count == 1)
            let refused = try await here.post("/account/sessies/beeindigen", form: ["sessie": try #require(jgzIDs.first)])
            #expect(refused.status == .notFound)
            #expect(try await jgzSecond.get("/account").status == .ok)
            // end one
            let ended = try await here.post("/account/sessies/beeindigen", form: ["sessie": ids[0]])
            #expect(ended.status == .seeOther)
            let after = Self.sessionIDs(try await here.get("/account").body.string)
            #expect(after == [ids[1]])
            let statuses = [try await second.get("/account").status, try await third.get("/account").status]
            #expect(statuses.filter { $0 == .ok }.count == 1)
            // end all others
            #expect(try await here.post("/account/sessies/andere-beeindigen", form: [:]).status == .seeOther)
            #expect(try await second.get("/account").status == .seeOther)
            #expect(try await third.get("/account").status == .seeOther)
            #expect(try await here.get("/account").status == .ok)
            #expect(Self.sessionIDs(try await here.get("/account").body.string).isEmpty)
        }
    }

    @Test("name and language are saved, and the pages follow the language at once")
    func detailsAndLanguage() async throws {
        try await withApp { app in
            // setup
            var browser = try await Browser.signedIn(app, as: Self.email)
            // act
            let res = try await browser.post("/account/gegevens", form: ["name": "Demi de Vries", "taal": "en"])
            // check
            #expect(res.status == .seeOther)
            #expect(res.headers[.setCookie].contains { $0.hasPrefix("lang=en") })
            let user = try #require(try await User.find(email: Self.email, on: app.db))
            #expect(user.name == "Demi de Vries" && user.uiLanguage == .en)
            let page = try await browser.get("/account")
            #expect(page.body.string.contains("My account") && page.body.string.contains("Demi de Vries"))
            let empty = try await browser.post("/account/gegevens", form: ["name": " ", "taal": "nl"])
            #expect(empty.status == .unprocessableEntity)
        }
    }

    @Test("the account page's forms need the session's token; the header links to the page")
    func csrfAndLink() async throws {
        try await withApp { app in
            // setup
            var browser = try await Browser.signedIn(app, as: Self.email)
            // act
            let refused = try await browser.post("/account/wachtwoord", form: ["current": testPassword, "password": "een nieuw lang wachtwoord", "password2": "een nieuw lang wachtwoord"], withToken: false)
            let home = try await browser.get("/aanbod")
            // check
            #expect(refused.status == .forbidden)
            #expect(try await OnboardingFixture.signIn(app, Self.email, password: testPassword).1 == .seeOther)
            #expect(home.body.string.contains("href=\"/account\""))
        }
    }

    @Test("a device name from the User-Agent")
    func deviceName() {
        #expect(DeviceName.describe("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36") == "Chrome · Windows")
        #expect(DeviceName.describe("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1") == "Safari · iPhone")
        #expect(DeviceName.describe("Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0") == "Firefox · Linux")
        #expect(DeviceName.describe(nil) == nil)
    }
}
