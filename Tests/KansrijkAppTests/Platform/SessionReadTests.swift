import Fluent
import Foundation
import Testing
import Vapor
@testable import KansrijkApp

/// Reading the session and its user with SQL instead of Fluent's models, on every signed-in request.
@Suite("Sessions and users read with SQL")
struct SessionReadTests {
    @Test("the SQL reader returns what Fluent's driver stored, and nothing for an unknown key")
    func readsFluentSessions() async throws {
        try await withApp(demo: false) { app in
            // setup: a session stored by Fluent's own driver
            let fluent = app.sessions.driver
            let request = Request(application: app, on: app.eventLoopGroup.next())
            let stored = SessionData(initialData: ["csrf": "abc-123", "_UserSession": UUID().uuidString, "notice": "Opgeslagen \"ok\""])
            let id = try await fluent.createSession(stored, for: request).get()
            let reader = SQLReadSessions(base: fluent)

            // act
            let read = try await reader.readSession(id, for: Request(application: app, on: app.eventLoopGroup.next())).get()
            let unknown = try await reader.readSession(SessionID(string: "bestaat-niet"), for: request).get()

            // check
            #expect(read == stored)
            #expect(unknown == nil)
        }
    }

    @Test("stored session JSON is decoded once per content; a full cache starts again")
    func sessionDataCache() throws {
        // setup
        let cache = SessionDataCache(capacity: 2)
        let json = #"{"csrf":"abc","notice":"Opgeslagen \"ok\""}"#

        // act
        let first = try cache.decode(json)
        let again = try cache.decode(json)
        _ = try cache.decode(#"{"csrf":"x"}"#)
        let afterClearing = try cache.decode(#"{"csrf":"y"}"#)

        // check
        #expect(first == SessionData(initialData: ["csrf": "abc", "notice": "Opgeslagen \"ok\""]))
        #expect(again == first)
        #expect(afterClearing["csrf"] == "y")
        #expect(throws: DecodingError.self) { try cache.decode("{not json") }
    }

    @Test("a signed-in user stays signed in; a deactivated account is signed out on its next request")
    func deactivatedUserSignedOut() async throws {
        try await withApp { app in
            // setup
            var b = try await Browser.signedIn(app, as: "policy@zeist.demo")
            let before = try await b.get("/zorgpaden")
            let user = try #require(try await User.find(email: "policy@zeist.demo", on: app.db))

            // act
            user.isActive = false
            try await user.save(on: app.db)
            let after = try await b.get("/zorgpaden")

            // check
            #expect(before.status == .ok)
            #expect(before.body.string.contains(user.name))
            #expect(after.status == .seeOther)
            #expect(after.headers.first(name: .location) == "/inloggen?terug=%2Fzorgpaden")
        }
    }

    @Test("the user read with SQL is the stored one and can be saved again")
    func userReadWithSQL() async throws {
        try await withApp { app in
            // setup
            let stored = try #require(try await User.find(email: "coordinator@zeist.demo", on: app.db))
            let users = try await User.query(on: app.db).count()

            // act
            let (read, organisation) = try #require(try await User.readActive(try stored.requireID(), on: app.db))
            read.name = "Nieuwe Naam"
            try await read.save(on: app.db)
            let reloaded = try #require(try await User.find(stored.id, on: app.db))

            // check
            #expect(read.email == stored.email && read.role == stored.role && read.$organisation.id == stored.$organisation.id)
            #expect(read.passwordHash == stored.passwordHash)
            #expect(organisation == (try await stored.$organisation.get(on: app.db)).name)
            #expect(reloaded.name == "Nieuwe Naam")
            #expect(try await User.query(on: app.db).count() == users)  // saved as an update, not a new user
            #expect(try await User.readActive(UUID(), on: app.db) == nil)
        }
    }

    @Test("ids in paths and in SQLite are written as Foundation writes them")
    func uuidText() {
        for _ in 0..<200 {
            let id = UUID()
            #expect(id.slug == id.uuidString.lowercased())
            #expect(id.upperHexString == id.uuidString)
        }
    }

    @Test("ids are read back from their text in either case; malformed text is no id")
    func uuidFromText() {
        func parse(_ text: String) -> UUID? { Array(text.utf8).withUnsafeBufferPointer { UUID(hexText: $0) } }
        for _ in 0..<200 {
            let id = UUID()
            #expect(parse(id.uuidString) == id)
            #expect(parse(id.slug) == id)
        }
        #expect(parse("E621E1F8-C36C-495A-93FC-0C247A3E6E5G") == nil)
        #expect(parse("E621E1F8xC36C-495A-93FC-0C247A3E6E5F") == nil)
        #expect(parse("E621E1F8-C36C-495A-93FC") == nil)
        #expect(parse("") == nil)
    }
}
