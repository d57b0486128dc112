import Testing
import Vapor
import VaporTesting
@testable import KansrijkApp

@Suite("Logging in and out", .serialized)
struct LoginTests {
    @Test("a wrong password is refused in Dutch and keeps the e-mail address")
    func wrongPassword() async throws {
        try await withApp { app in
            var b = Browser(app)
            try await b.refreshToken(path: "/inloggen")
            let res = try await b.post("/inloggen", form: ["email": "Professional@Zeist.demo", "password": "fout-wachtwoord"])
            #expect(res.status == .unauthorized)
            #expect(res.body.string.contains("onjuist"))
            #expect(res.body.string.contains("value=\"professional@zeist.demo\""))
        }
    }

    @Test("after five failures the address is blocked, even with the right password")
    func throttle() async throws {
        try await withApp { app in
            var b = Browser(app)
            try await b.refreshToken(path: "/inloggen")
            for _ in 1...5 {
                _ = try await b.post("/inloggen", form: ["email": "policy@zeist.demo", "password": "nee"])
            }
            let blocked = try await b.post("/inloggen", form: ["email": "policy@zeist.demo", "password": testPassword])
            #expect(blocked.status == .tooManyRequests)
            #expect(blocked.body.string.contains("Te veel mislukte pogingen"))
        }
    }

    @Test("log-in sets a new HttpOnly, SameSite session cookie and goes back where the user came from")
    func success() async throws {
        try await withApp { app in
            var b = Browser(app)
            let redirect = try await b.get("/zorgpaden")
            #expect(redirect.headers.first(name: .location) == "/inloggen?terug=%2Fzorgpaden")
            try await b.refreshToken(path: "/inloggen")
            let before = b.cookie
            let res = try await b.post("/inloggen", form: ["email": "coordinator@zeist.demo", "password": testPassword, "terug": "/zorgpaden"])
            #expect(res.status == .seeOther)
            #expect(res.headers.first(name: .location) == "/zorgpaden")
            let cookie = res.headers[.setCookie].first { $0.hasPrefix("kansrijk_sessie=") } ?? ""
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Lax"))
            #expect(b.cookie != before, "the session id changes at log-in")
            let r1 = try await b.get("/zorgpaden")

            #expect(r1.status == .ok)
            // an outside address is never a redirect target
            #expect(LoginController.safeBack("https://evil.example") == "/")
            #expect(LoginController.safeBack("//evil.example") == "/")
        }
    }

    @Test("log-out ends the session")
    func logout() async throws {
        try await withApp { app in
            var b = try await Browser.signedIn(app, as: "professional@zeist.demo")
            let res = try await b.post("/uitloggen", form: [:])
            #expect(res.status == .seeOther)
            let r2 = try await b.get("/zorgpaden")

            #expect(r2.status == .seeOther)
        }
    }
}
