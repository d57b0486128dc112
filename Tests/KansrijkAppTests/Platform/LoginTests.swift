import Fluent
import Foundation
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

    @Test("after five failures the next attempt must wait, even with the right password, and is told how long")
    func throttle() async throws {
        try await withApp { app in
            var b = Browser(app)
            try await b.refreshToken(path: "/inloggen")
            for _ in 1...5 {
                _ = try await b.post("/inloggen", form: ["email": "policy@zeist.demo", "password": "nee"])
            }
            let blocked = try await b.post("/inloggen", form: ["email": "policy@zeist.demo", "password": testPassword])
            #expect(blocked.status == .tooManyRequests)
            #expect(blocked.body.string.contains("te vaak geprobeerd"))
            #expect(blocked.headers.first(name: .retryAfter) == "1")
        }
    }

    @Test("growing delays: free attempts, then each wait twice the one before, capped; success clears the address")
    func delays() async throws {
        let rule = LoginThrottle.emailRule
        #expect((1...5).map { LoginThrottle.delay(after: $0, rule: rule) } == [0, 0, 0, 0, 1])
        #expect(LoginThrottle.delay(after: 8, rule: rule) == 8)
        #expect(LoginThrottle.delay(after: 500, rule: rule) == 15 * 60)
        try await withApp(demo: false) { app in
            let (throttle, db) = (LoginThrottle(), app.db)
            let keys = LoginThrottle.keys(email: "a@b.nl", address: "10.0.0.1")
            let t0 = Date(timeIntervalSince1970: 1_000_000)
            for _ in 1...5 { #expect(try await throttle.admit(keys: keys, now: t0, on: db) == .admitted) }
            #expect(try await throttle.admit(keys: keys, now: t0, on: db) == .wait(seconds: 1))
            #expect(try await throttle.admit(keys: keys, now: t0.addingTimeInterval(1), on: db) == .admitted)
            #expect(try await throttle.admit(keys: keys, now: t0.addingTimeInterval(1), on: db) == .wait(seconds: 2))
            try await throttle.succeeded(keys: keys, now: t0.addingTimeInterval(1), on: db)
            #expect(try await throttle.admit(keys: keys, now: t0.addingTimeInterval(1), on: db) == .admitted)
            // a colleague behind the same address is not locked out by one person's guesses
            let colleague = LoginThrottle.keys(email: "c@b.nl", address: "10.0.0.1")
            #expect(try await throttle.admit(keys: colleague, now: t0.addingTimeInterval(1), on: db) == .admitted)
            // after an hour without attempts the address starts again
            #expect(try await throttle.admit(keys: keys, now: t0.addingTimeInterval(3700), on: db) == .admitted)
        }
    }

    @Test("forty parallel wrong passwords: five are checked, the rest wait; no 500")
    func parallelAttempts() async throws {
        try await withApp { app in
            var b = Browser(app)
            try await b.refreshToken(path: "/inloggen")
            let browser = b
            let statuses = try await withThrowingTaskGroup(of: UInt.self) { group in
                for _ in 1...40 {
                    group.addTask {
                        var copy = browser
                        return try await copy.post("/inloggen", form: ["email": "policy@zeist.demo", "password": "nee"]).status.code
                    }
                }
                return try await group.reduce(into: [UInt]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == 401 }.count == 5, "checked: \(statuses.filter { $0 == 401 }.count)")
            #expect(statuses.filter { $0 == 429 }.count == 35)
        }
    }

    @Test("the bcrypt gate runs at most its limit at once and refuses beyond its queue")
    func gate() async throws {
        // steps are ordered by waiting for the gate's state, not by timing: a loaded machine may
        // start tasks late
        let gate = PasswordCheckGate(concurrent: 1, queued: 1)
        let running = ManagedAtomicCounter(), maximum = ManagedAtomicCounter(), release = ManagedAtomicCounter()
        @Sendable func work() async throws -> Int {
            let now = running.increment()
            if now > maximum.value { _ = maximum.increment() }
            while release.value == 0 { try await Task.sleep(for: .milliseconds(5)) }
            running.decrement()
            return now
        }
        let first = Task { try await gate.run(work) }
        while running.value < 1 { try await Task.sleep(for: .milliseconds(5)) }
        let second = Task { try await gate.run(work) }
        while gate.waitingCount < 1 { try await Task.sleep(for: .milliseconds(5)) }
        let third = try await gate.run { 0 }
        #expect(third == nil, "the third is refused while one runs and one waits")
        _ = release.increment()
        let (a, b) = (try await first.value, try await second.value)
        #expect(a == 1 && b == 1)
        #expect(maximum.value == 1, "never two at once")
    }

    @Test("the return path after log-in is rebuilt: no header injection, no other site, only own routes")
    func returnPath() async throws {
        let roots: Set<String> = ["zorg", "aanbod", "zorgpaden"]
        for bad in ["/\r\nSet-Cookie: x=1", "/%0D%0ASet-Cookie:x=1", "/\t/evil.example/", "/%09/evil.example/", "https://evil.example",
                    "//evil.example", "/\\evil.example", "/ /evil", "/onbekend", "/zorg/../../x", "javascript:alert(1)", "/zorg\u{0}",
                    "/%2F%2Fevil.example"] {
            #expect(SafeReturnPath.rebuild(bad, roots: roots) == "/", "\(bad)")
        }
        #expect(SafeReturnPath.rebuild("/zorg/clienten/abc?lijst=inkomend#x", roots: roots) == "/zorg/clienten/abc?lijst=inkomend")
        #expect(SafeReturnPath.rebuild("/", roots: roots) == "/")
        try await withApp { app in
            var b = Browser(app)
            try await b.refreshToken(path: "/inloggen")
            let injected = try await b.post("/inloggen", body: "email=coordinator%40zeist.demo&password=\(testPassword)&csrf=\(b.csrf ?? "")&terug=%2F%0D%0ASet-Cookie%3A%20evil%3D1")
            #expect(injected.status == .seeOther)
            #expect(injected.headers.first(name: .location) == "/")
            #expect(!injected.headers[.setCookie].contains { $0.hasPrefix("evil") })
            var c = Browser(app)
            try await c.refreshToken(path: "/inloggen")
            let tab = try await c.post("/inloggen", form: ["email": "coordinator@zeist.demo", "password": testPassword, "terug": "/\t/evil.example/"])
            #expect(tab.headers.first(name: .location) == "/")
        }
    }

    @Test("an anonymous visit to the log-in page stores no session; the form works with its own token")
    func noSessionForAnonymous() async throws {
        try await withApp { app in
            var b = Browser(app)
            let page = try await b.get("/inloggen")
            #expect(!page.headers[.setCookie].contains { $0.hasPrefix("kansrijk_sessie=") })
            #expect(page.headers[.setCookie].contains { $0.hasPrefix("kansrijk_inlog=") && $0.contains("HttpOnly") })
            #expect(try await SessionRecord.query(on: app.db).count() == 0)
            try await b.refreshToken(path: "/inloggen")
            // without the cookie the token alone is refused (log-in CSRF)
            var stranger = Browser(app)
            stranger.csrf = b.csrf
            #expect(try await stranger.post("/inloggen", form: ["email": "policy@zeist.demo", "password": testPassword]).status == .forbidden)
            #expect(try await b.post("/inloggen", form: ["email": "policy@zeist.demo", "password": testPassword]).status == .seeOther)
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

/// A counter shared by the gate test's tasks.
final class ManagedAtomicCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func increment() -> Int { lock.lock(); defer { lock.unlock() }; count += 1; return count }
    func decrement() { lock.lock(); count -= 1; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return count }
}
