import Fluent
import NIOConcurrencyHelpers
import Vapor

struct LoginPage: Encodable {
    var page: PageMeta
    var email: String
    var error: String?
    var back: String
}

/// The log-in page. Hardened after an outside test (issue #13, items 3 and 4): the return path is
/// rebuilt from its parsed parts (`SafeReturnPath`), every attempt is counted before its password is
/// checked (`LoginThrottle`), bcrypt work is bounded (`PasswordCheckGate`), and an unknown address
/// costs the same bcrypt work as a known one. An anonymous visit creates no session: the form's
/// CSRF token is a cookie of its own (`LoginFormToken`).
struct LoginController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("inloggen", use: form)
        routes.post("inloggen", use: submit)
        routes.post("uitloggen", use: logout)
    }

    @Sendable func form(req: Request) async throws -> Response {
        if req.auth.has(User.self) { return req.redirect(to: "/") }
        let back = SafeReturnPath.rebuild(req.query[String.self, at: "terug"], roots: req.application.internalRoots)
        return try await render(req, email: "", error: nil, back: back, status: .ok)
    }

    struct Form: Content {
        var email: String?
        var password: String?
        var terug: String?
    }

    @Sendable func submit(req: Request) async throws -> Response {
        let form = try req.content.decode(Form.self)
        let email = String((form.email ?? "").trimmingCharacters(in: .whitespaces).lowercased().prefix(320))
        let back = SafeReturnPath.rebuild(form.terug, roots: req.application.internalRoots)
        func fail(_ key: String, _ status: HTTPResponseStatus, retryAfter: Int? = nil) async throws -> Response {
            var text = req.t(key)
            if let retryAfter { text = text.replacingOccurrences(of: "{wait}", with: LoginWait.text(seconds: retryAfter, english: req.isEnglish)) }
            let response = try await render(req, email: email, error: text, back: back, status: status)
            if let retryAfter { response.headers.replaceOrAdd(name: .retryAfter, value: String(retryAfter)) }
            return response
        }
        guard !email.isEmpty, let password = form.password, !password.isEmpty, password.utf8.count <= 1024 else {
            return try await fail("login.missing", .badRequest)
        }
        let keys = LoginThrottle.keys(email: email, address: req.clientAddress)
        if case .wait(let seconds) = try await req.application.loginThrottle.admit(keys: keys, now: Date(), on: req.db) {
            return try await fail("login.throttled", .tooManyRequests, retryAfter: seconds)
        }
        let user = try await User.find(email: email, on: req.db)
        // the same bcrypt work whether or not the address exists, so timing tells nothing
        let hash: String
        if let known = user?.passwordHash { hash = known } else { hash = try await req.application.unknownUserHash.value(for: req) }
        guard let matches = try await req.application.passwordCheckGate.run({ try await req.password.async.verify(password, created: hash) }) else {
            return try await fail("login.busy", .tooManyRequests, retryAfter: 5)
        }
        guard let user, user.isActive, matches else { return try await fail("login.wrong", .unauthorized) }
        try await req.application.loginThrottle.succeeded(keys: keys, now: Date(), on: req.db)
        // a fresh session id on log-in prevents session fixation
        if let old = req.session.id {
            try await req.application.sessions.driver.deleteSession(old, for: req).get()
        }
        req.session.id = nil
        req.session.data = SessionData()
        let response: Response
        if SecondFactorPolicy.hasSecondFactor(user) {
            // not signed in yet: the code from her app comes first (`SecondFactorController`)
            PendingSecondFactor(userID: try user.requireID(), since: Date(), back: back).store(in: req.session)
            SessionClock.start(req.session, now: Date())
            response = req.redirect(to: "/inloggen/code")
        } else {
            req.auth.login(user)
            req.session.authenticate(user)
            SessionClock.start(req.session, now: Date())
            SessionStart.noteDevice(req)
            response = req.redirect(to: back)
        }
        LoginFormToken.clear(on: response, secure: req.application.settings.secureCookies)
        return response
    }

    @Sendable func logout(req: Request) async throws -> Response {
        req.auth.logout(User.self)
        req.session.destroy()
        return req.redirect(to: "/")
    }

    private func render(_ req: Request, email: String, error: String?, back: String, status: HTTPResponseStatus) async throws -> Response {
        var meta = try await req.pageMeta(title: req.t("login.title"))
        let token = LoginFormToken.current(req) ?? LoginFormToken.make()
        meta.csrf = token
        let response = try await req.view.render("platform/login", LoginPage(page: meta, email: email, error: error, back: back))
            .encodeResponse(status: status, for: req)
        LoginFormToken.set(token, on: response, secure: req.application.settings.secureCookies)
        return response
    }
}

/// "over 8 seconden" / "over 4 minuten": how long to wait before the next attempt.
enum LoginWait {
    static func text(seconds: Int, english: Bool) -> String {
        if seconds < 90 { return english ? "\(seconds) seconds" : "\(seconds) seconden" }
        let minutes = (seconds + 59) / 60
        return english ? "\(minutes) minutes" : "\(minutes) minuten"
    }
}

/// The log-in form's CSRF token without a session (double-submit): a random value in a cookie of
/// its own, only sent to `/inloggen`, and the same value in the form. A site that cannot read or
/// set this cookie cannot post the form in the visitor's name (log-in CSRF).
enum LoginFormToken {
    static let cookie = "kansrijk_inlog"

    static func make() -> String {
        [UInt8].random(count: 32).base64.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
    }

    /// The token of the visitor's cookie when it has the shape `make` gives.
    static func current(_ req: Request) -> String? {
        guard let value = req.cookies[cookie]?.string, value.utf8.count == 44,
              value.utf8.allSatisfy({ $0 < 0x80 && (Character(Unicode.Scalar($0)).isLetter || Character(Unicode.Scalar($0)).isNumber || "-_=".utf8.contains($0)) })
        else { return nil }
        return value
    }

    static func set(_ token: String, on response: Response, secure: Bool) {
        response.cookies[cookie] = HTTPCookies.Value(string: token, expires: nil, maxAge: 60 * 60, path: "/inloggen",
                                                     isSecure: secure, isHTTPOnly: true, sameSite: .strict)
    }

    static func clear(on response: Response, secure: Bool) {
        response.cookies[cookie] = HTTPCookies.Value(string: "", expires: nil, maxAge: 0, path: "/inloggen",
                                                     isSecure: secure, isHTTPOnly: true, sameSite: .strict)
    }
}

/// A bcrypt hash of a random password with the configured cost: checked instead of a real one
/// when the e-mail address is unknown, so both take as long. Made at the first such log-in, on
/// the thread pool, not at start-up (every command would pay a bcrypt of ~0.3 s otherwise).
final class UnknownUserHash: Sendable {
    private let hash = NIOLockedValueBox<String?>(nil)

    func value(for req: Request) async throws -> String {
        if let known = hash.withLockedValue({ $0 }) { return known }
        let made = try await req.password.async.hash(LoginFormToken.make())
        hash.withLockedValue { $0 = $0 ?? made }
        return made
    }
}

extension Application {
    private struct UnknownUserHashKey: StorageKey { typealias Value = UnknownUserHash }
    /// Set once in `configure`.
    var unknownUserHash: UnknownUserHash {
        get { storage[UnknownUserHashKey.self] ?? UnknownUserHash() }
        set { storage[UnknownUserHashKey.self] = newValue }
    }
}
