import Foundation
import NIOConcurrencyHelpers
import Testing
import Vapor
@testable import KansrijkApp

/// Page views of a signed-in user must not write the session when nothing in it changed.
@Suite("Sessions are written only when they change")
struct CarePerfSessionTests {
    /// A session store that hands out one session and counts the writes.
    struct CountingSessions: SessionDriver {
        let stored: SessionData
        let updates = NIOLockedValueBox(0)

        func createSession(_ data: SessionData, for request: Request) -> EventLoopFuture<SessionID> {
            request.eventLoop.makeSucceededFuture(SessionID(string: "new"))
        }
        func readSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<SessionData?> {
            request.eventLoop.makeSucceededFuture(stored)
        }
        func updateSession(_ sessionID: SessionID, to data: SessionData, for request: Request) -> EventLoopFuture<SessionID> {
            updates.withLockedValue { $0 += 1 }
            return request.eventLoop.makeSucceededFuture(sessionID)
        }
        func deleteSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<Void> {
            request.eventLoop.makeSucceededVoidFuture()
        }
    }

    @Test("an unchanged session is not written; a changed one is")
    func unchangedNotWritten() async throws {
        try await withApp(demo: false) { app in
            // setup
            let base = CountingSessions(stored: SessionData(initialData: ["csrf": "abc", "_UserSession": "42"]))
            let sessions = ChangedOnlySessions(base: base)
            let id = SessionID(string: "s1")

            // act: a page view that reads the session and leaves it as it was
            let view = Request(application: app, on: app.eventLoopGroup.next())
            let read = try await sessions.readSession(id, for: view).get()
            _ = try await sessions.updateSession(id, to: try #require(read), for: view).get()
            let afterView = base.updates.withLockedValue { $0 }

            // act: a request that sets a flash message
            let post = Request(application: app, on: app.eventLoopGroup.next())
            var changed = try #require(try await sessions.readSession(id, for: post).get())
            changed["flash"] = "Opgeslagen"
            _ = try await sessions.updateSession(id, to: changed, for: post).get()

            // check
            #expect(afterView == 0)
            #expect(base.updates.withLockedValue { $0 } == 1)
        }
    }
}
