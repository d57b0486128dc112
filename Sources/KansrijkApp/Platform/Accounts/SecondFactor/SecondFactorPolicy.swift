import Vapor

/// Who must sign in with a second factor (issue #13): everyone who set one up, and every care
/// professional of an organisation that requires it, who first has to set one up.
enum SecondFactorPolicy {
    static func mustEnrol(_ user: User) -> Bool {
        user.role == .professional && user.organisationRequiresSecondFactor && user.totpEnabledAt == nil
    }

    static func hasSecondFactor(_ user: User) -> Bool { user.totpEnabledAt != nil && user.totpSecret != nil }
}

/// Sends a signed-in user who must set up her second factor to that page, and refuses her anything
/// else (she may still log out). A plain `Middleware`: the check is one flag on the request.
struct SecondFactorGate: Middleware {
    static let open = ["/account/tweede-stap", "/uitloggen", "/health/ready", "/health/live"]

    func respond(to req: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        guard req.mustEnrolSecondFactor, !Self.open.contains(where: { req.url.path == $0 || req.url.path.hasPrefix($0 + "/") }) else {
            return next.respond(to: req)
        }
        if req.method == .GET { return req.eventLoop.makeSucceededFuture(req.redirect(to: "/account/tweede-stap")) }
        return req.eventLoop.makeFailedFuture(PageError.forbidden)
    }
}

/// The half-way state of a log-in with a second factor, kept in the (not yet signed-in) session.
struct PendingSecondFactor {
    static let maxTries = 5
    static let maxAge: TimeInterval = 5 * 60

    var userID: UUID
    var since: Date
    var back: String
    var tries: Int

    init(userID: UUID, since: Date, back: String) {
        self.userID = userID
        self.since = since
        self.back = back
        self.tries = 0
    }

    init?(_ data: SessionData) {
        guard let id = data["2fa.user"].flatMap(UUID.init(uuidString:)), let since = data["2fa.since"].flatMap(Double.init) else { return nil }
        self.userID = id
        self.since = Date(timeIntervalSince1970: since)
        self.back = data["2fa.back"] ?? "/"
        self.tries = data["2fa.tries"].flatMap(Int.init) ?? 0
    }

    func store(in session: Session) {
        session.data["2fa.user"] = userID.uuidString
        session.data["2fa.since"] = String(since.timeIntervalSince1970)
        session.data["2fa.back"] = back
        session.data["2fa.tries"] = String(tries)
    }

    static func clear(_ session: Session) {
        for key in ["2fa.user", "2fa.since", "2fa.back", "2fa.tries"] { session.data[key] = nil }
    }
}
