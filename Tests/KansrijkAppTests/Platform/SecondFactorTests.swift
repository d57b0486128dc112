import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import KansrijkApp

/// A second factor for people who see client data (issue #13): TOTP as RFC 6238 defines it, with
/// recovery codes, enforceable per organisation; tested with generated codes.
@Suite("Second factor", .serialized)
struct SecondFactorTests {
    static func hidden(_ html: String, _ name: String) -> String? {
        guard let range = html.range(of: "name=\"\(name)\" value=\"") else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }

    /// The secret the set-up page shows, read as a person types it over.
    static func secret(on page: String) throws -> [UInt8] {
        let start = try #require(page.range(of: "<code class=\"secret\">"))
        let text = String(page[start.upperBound...].prefix { $0 != "<" })
        return try #require(Base32.decode(text))
    }

    @Test("RFC 6238 test vectors (SHA-1) and base32 round trips")
    func vectors() throws {
        let secret = Array("12345678901234567890".utf8)
        let vectors: [(TimeInterval, String)] = [(59, "94287082"), (1_111_111_109, "07081804"), (1_111_111_111, "14050471"),
                                                 (1_234_567_890, "89005924"), (2_000_000_000, "69279037"), (20_000_000_000, "65353130")]
        for (time, expected) in vectors {
            #expect(TOTP.code(secret: secret, counter: TOTP.counter(at: Date(timeIntervalSince1970: time)), digits: 8) == expected)
        }
        #expect(Base32.encode(Array("foobar".utf8)) == "MZXW6YTBOI")
        #expect(Base32.decode("mzxw 6ytb oi==") == Array("foobar".utf8))
        #expect(Base32.decode("MZ1") == nil)
        let random = TOTP.newSecret()
        #expect(Base32.decode(Base32.encode(random)) == random)
        // a code is accepted once, one step early or late, never twice
        let at = Date(timeIntervalSince1970: 1_700_000_000)
        let now = TOTP.counter(at: at)
        let code = TOTP.code(secret: random, counter: now - 1)
        #expect(TOTP.match(code, secret: random, at: at, usedUpTo: nil) == now - 1)
        #expect(TOTP.match(code, secret: random, at: at, usedUpTo: now - 1) == nil)
        #expect(TOTP.match(TOTP.code(secret: random, counter: now - 3), secret: random, at: at, usedUpTo: nil) == nil)
        #expect(TOTP.match("12345", secret: random, at: at, usedUpTo: nil) == nil)
        #expect(TOTP.match("１２３４５６", secret: random, at: at, usedUpTo: nil) == nil)
    }

    @Test("set up with a generated code, then log in with the password and a code; a recovery code works once")
    func setUpAndLogIn() async throws {
        try await withApp { app in
            var midwife = try await Browser.signedIn(app, as: "professional@zeist.demo")
            let setup = try await midwife.get("/account/tweede-stap")
            let secret = try Self.secret(on: setup.body.string)
            let wrong = try await midwife.post("/account/tweede-stap", form: ["code": "000000"])
            #expect(wrong.status == .unprocessableEntity)
            let on = try await midwife.post("/account/tweede-stap", form: ["code": TOTP.code(secret: secret, counter: TOTP.counter(at: Date()))])
            #expect(on.status == .ok && on.body.string.contains("Uw herstelcodes"))
            let recovery = try #require(on.body.string.components(separatedBy: "<li><code>").dropFirst().first?.prefix { $0 != "<" })

            // the password alone no longer signs in
            var b = Browser(app)
            try await b.refreshToken(path: "/inloggen")
            let first = try await b.post("/inloggen", form: ["email": "professional@zeist.demo", "password": testPassword, "terug": "/zorg"])
            #expect(first.headers.first(name: .location) == "/inloggen/code")
            #expect(try await b.get("/zorg").status == .seeOther, "not signed in between the steps")
            try await b.refreshToken(path: "/inloggen/code")
            #expect(try await b.post("/inloggen/code", form: ["code": "123456"]).status == .unauthorized)
            // the code used to switch it on is spent; the next step's code is not
            let next = TOTP.code(secret: secret, counter: TOTP.counter(at: Date()) + 1)
            let second = try await b.post("/inloggen/code", form: ["code": next])
            #expect(second.status == .seeOther && second.headers.first(name: .location) == "/zorg")
            #expect(try await b.get("/zorg").status == .ok)
            // a recovery code, once
            var c = Browser(app)
            try await c.refreshToken(path: "/inloggen")
            _ = try await c.post("/inloggen", form: ["email": "professional@zeist.demo", "password": testPassword])
            try await c.refreshToken(path: "/inloggen/code")
            #expect(try await c.post("/inloggen/code", form: ["code": String(recovery)]).status == .seeOther)
            let user = try #require(await User.find(email: "professional@zeist.demo", on: app.db))
            #expect(user.recoveryCodes?.split(separator: " ").count == RecoveryCodes.count - 1)
        }
    }

    @Test("five wrong codes send her back to the password")
    func triesRunOut() async throws {
        try await withApp { app in
            let user = try #require(await User.find(email: "policy@zeist.demo", on: app.db))
            let secret = TOTP.newSecret()
            user.totpSecret = Base32.encode(secret)
            user.totpEnabledAt = Date()
            try await user.save(on: app.db)
            var b = Browser(app)
            try await b.refreshToken(path: "/inloggen")
            _ = try await b.post("/inloggen", form: ["email": "policy@zeist.demo", "password": testPassword])
            try await b.refreshToken(path: "/inloggen/code")
            for _ in 1...5 { #expect(try await b.post("/inloggen/code", form: ["code": "000000"]).status == .unauthorized) }
            let right = try await b.post("/inloggen/code", form: ["code": TOTP.code(secret: secret, counter: TOTP.counter(at: Date()))])
            #expect(right.headers.first(name: .location) == "/inloggen")
            #expect(try await b.get("/aanbod/nieuw").status == .seeOther)
        }
    }

    @Test("an organisation that requires it: its professionals set it up before anything else, and cannot switch it off")
    func required() async throws {
        try await withApp { app in
            let organisation = try #require(await Organisation.query(on: app.db).filter(\.$id == DemoData.orgID("vp-zeist")).first())
            organisation.requiresSecondFactor = true
            try await organisation.save(on: app.db)
            var midwife = try await Browser.signedIn(app, as: "professional@zeist.demo")
            let care = try await midwife.get("/zorg")
            #expect(care.status == .seeOther && care.headers.first(name: .location) == "/account/tweede-stap")
            #expect(try await midwife.post("/zorg/clienten", form: ["name": "X"]).status == .forbidden)
            let setup = try await midwife.get("/account/tweede-stap")
            #expect(setup.body.string.contains("Uw organisatie vraagt inloggen in twee stappen"))
            // every other page sent her here, so the form's token is read here
            try await midwife.refreshToken(path: "/account/tweede-stap")
            let secret = try Self.secret(on: setup.body.string)
            let enrolled = try await midwife.post("/account/tweede-stap", form: ["code": TOTP.code(secret: secret, counter: TOTP.counter(at: Date()))])
            #expect(enrolled.status == .ok)
            let after = try await midwife.get("/zorg")
            #expect(after.status == .ok)
            let off = try await midwife.post("/account/tweede-stap/uit", form: ["code": TOTP.code(secret: secret, counter: TOTP.counter(at: Date()) + 1)])
            #expect(off.status == .forbidden)
            // a coordinator of that organisation's coalition is no care role: not asked
            var coordinator = try await Browser.signedIn(app, as: "coordinator@zeist.demo")
            #expect(try await coordinator.get("/zorg").status == .ok)
        }
    }
}
