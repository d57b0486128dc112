import Fluent
import Vapor

struct LoginPage: Encodable {
    var page: PageMeta
    var email: String
    var error: String?
    var back: String
}

struct LoginController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("inloggen", use: form)
        routes.post("inloggen", use: submit)
        routes.post("uitloggen", use: logout)
    }

    @Sendable func form(req: Request) async throws -> Response {
        if req.auth.has(User.self) { return req.redirect(to: "/") }
        let back = Self.safeBack(req.query[String.self, at: "terug"])
        let page = LoginPage(page: try await req.pageMeta(title: req.t("login.title"), forms: true), email: "", error: nil, back: back)
        return try await req.view.render("platform/login", page).encodeResponse(for: req)
    }

    struct Form: Content {
        var email: String?
        var password: String?
        var terug: String?
    }

    @Sendable func submit(req: Request) async throws -> Response {
        let form = try req.content.decode(Form.self)
        let email = (form.email ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        let back = Self.safeBack(form.terug)
        let keys = ["email:" + email, "ip:" + (req.remoteAddress?.ipAddress ?? "?")]
        let now = Date()
        let throttle = req.application.loginThrottle

        func fail(_ key: String, status: HTTPResponseStatus) async throws -> Response {
            let page = LoginPage(page: try await req.pageMeta(title: req.t("login.title"), forms: true),
                                 email: email, error: req.t(key), back: back)
            return try await req.view.render("platform/login", page).encodeResponse(status: status, for: req)
        }

        if throttle.isBlocked(keys: keys, now: now) { return try await fail("login.throttled", status: .tooManyRequests) }
        guard !email.isEmpty, let password = form.password, !password.isEmpty else {
            return try await fail("login.missing", status: .badRequest)
        }
        guard let user = try await User.find(email: email, on: req.db), user.isActive,
              try await req.password.async.verify(password, created: user.passwordHash) else {
            throttle.recordFailure(keys: keys, now: now)
            return try await fail("login.wrong", status: .unauthorized)
        }
        throttle.reset(keys: ["email:" + email])
        // a fresh session id on log-in prevents session fixation
        if let old = req.session.id {
            try await req.application.sessions.driver.deleteSession(old, for: req).get()
        }
        req.session.id = nil
        req.session.data = SessionData()
        req.auth.login(user)
        req.session.authenticate(user)
        return req.redirect(to: back)
    }

    @Sendable func logout(req: Request) async throws -> Response {
        req.auth.logout(User.self)
        req.session.destroy()
        return req.redirect(to: "/")
    }

    /// Only same-site paths, so the log-in page cannot be used to send people elsewhere.
    static func safeBack(_ raw: String?) -> String {
        guard let raw, raw.hasPrefix("/"), !raw.hasPrefix("//"), !raw.contains("\\") else { return "/" }
        return raw
    }
}
