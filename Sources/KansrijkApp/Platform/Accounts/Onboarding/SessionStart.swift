import Vapor

/// Signs a user in on this request as the log-in page does: the old session is deleted and a fresh
/// id given (no session fixation), the times started, and the device noted for the account page.
enum SessionStart {
    static func signIn(_ user: User, _ req: Request, now: Date) async throws {
        if let old = req.session.id {
            try await req.application.sessions.driver.deleteSession(old, for: req).get()
        }
        req.session.id = nil
        req.session.data = SessionData()
        req.auth.login(user)
        req.session.authenticate(user)
        SessionClock.start(req.session, now: now)
        noteDevice(req)
    }

    static func noteDevice(_ req: Request) {
        req.session.data["device"] = DeviceName.describe(req.headers.first(name: .userAgent))
    }
}
