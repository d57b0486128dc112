import Fluent
import Vapor

struct AccountPage: Encodable {
    struct SessionRow: Encodable {
        var id: String
        var device: String
        var seen: String
        var current: Bool
    }

    var page: PageMeta
    var name: String
    var email: String
    var language: String
    var sessions: [SessionRow]
    var otherSessions: Int
    var invites: Bool
    var errors: [String: String]
    var errorList: [FormErrors.Item]
}

/// Her own account (issue #14): name and language, a new password (the current one first), and her
/// active sessions with the device and last use, each to be ended.
struct AccountController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let account = routes.grouped("account")
        account.get(use: show)
        account.post("gegevens", use: saveDetails)
        account.post("wachtwoord", use: changePassword)
        account.post("sessies", "beeindigen", use: endSession)
        account.post("sessies", "andere-beeindigen", use: endOtherSessions)
    }

    struct DetailsForm: Content {
        var name: String?
        var taal: String?
    }

    struct PasswordForm: Content {
        var current: String?
        var password: String?
        var password2: String?
    }

    struct SessionForm: Content { var sessie: String? }

    @Sendable func show(req: Request) async throws -> Response {
        let user = try await fullUser(req)
        return try await render(req, user, errors: FormErrors(), status: .ok)
    }

    @Sendable func saveDetails(req: Request) async throws -> Response {
        let user = try await fullUser(req)
        let form = try req.content.decode(DetailsForm.self)
        let name = (form.name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        var errors = FormErrors()
        if name.isEmpty || name.count > 200 { errors.add("name", req.t("password.rule.name")) }
        guard let language = form.taal.flatMap(UILanguage.init(rawValue:)) else { throw Abort(.badRequest) }
        guard errors.isEmpty else { return try await render(req, user, errors: errors, status: .unprocessableEntity) }
        user.name = name
        user.language = language.rawValue
        try await req.db.writeTransaction { db in try await user.save(on: db) }
        req.flash(Strings.text("account.saved", language))
        let response = req.redirect(to: "/account")
        // the pages follow the chosen language at once
        response.cookies["lang"] = HTTPCookies.Value(string: language.rawValue, maxAge: 60 * 60 * 24 * 365, path: "/", isHTTPOnly: true, sameSite: .lax)
        return response
    }

    @Sendable func changePassword(req: Request) async throws -> Response {
        let user = try await fullUser(req)
        let form = try req.content.decode(PasswordForm.self)
        var errors = FormErrors()
        let current = form.current ?? ""
        if current.isEmpty || current.utf8.count > PasswordRules.maximumBytes { errors.add("current", req.t("account.password.current.wrong")) }
        if let problem = PasswordRules.check(form.password, repeated: form.password2, email: user.email) {
            errors.add(problem == .mismatch ? "password2" : "password", req.t(problem.rawValue))
        }
        guard errors.isEmpty, let password = form.password else { return try await render(req, user, errors: errors, status: .unprocessableEntity) }
        // the current password is checked like a log-in: counted first, bcrypt bounded
        let keys = LoginThrottle.keys(email: user.email, address: req.clientAddress)
        if case .wait(let seconds) = try await req.application.loginThrottle.admit(keys: keys, now: Date(), on: req.db) {
            let response = try await render(req, user, errors: Self.one("current", req.t("login.throttled").replacingOccurrences(
                of: "{wait}", with: LoginWait.text(seconds: seconds, english: req.isEnglish))), status: .tooManyRequests)
            response.headers.replaceOrAdd(name: .retryAfter, value: String(seconds))
            return response
        }
        let stored = user.passwordHash
        guard let matches = try await req.application.passwordCheckGate.run({ try await req.password.async.verify(current, created: stored) }) else {
            throw Abort(.tooManyRequests, reason: req.t("login.busy"))
        }
        guard matches else {
            return try await render(req, user, errors: Self.one("current", req.t("account.password.current.wrong")), status: .unprocessableEntity)
        }
        try await req.application.loginThrottle.succeeded(keys: keys, now: Date(), on: req.db)
        guard let hash = try await LinkPages.hash(password, req) else { throw Abort(.tooManyRequests, reason: req.t("login.busy")) }
        let userID = try user.requireID(), keeping = req.session.id
        try await req.db.writeTransaction { db in
            user.passwordHash = hash
            try await user.save(on: db)
            try await UserSessions.end(of: userID, keeping: keeping, on: db)
        }
        req.flash(req.t("account.password.done"))
        return req.redirect(to: "/account")
    }

    @Sendable func endSession(req: Request) async throws -> Response {
        let user = try req.requireUser()
        guard let id = try req.content.decode(SessionForm.self).sessie.flatMap(UUID.init(uuidString:)) else { throw Abort(.badRequest) }
        let userID = try user.requireID()
        guard try await req.db.writeTransaction({ db in try await AccountSessions.end(id, of: userID, on: db) }) else {
            throw PageError.notFound
        }
        req.flash(req.t("account.sessions.ended"))
        return req.redirect(to: "/account")
    }

    @Sendable func endOtherSessions(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let userID = try user.requireID(), keeping = req.session.id
        try await req.db.writeTransaction { db in try await UserSessions.end(of: userID, keeping: keeping, on: db) }
        req.flash(req.t("account.sessions.others.ended"))
        return req.redirect(to: "/account")
    }

    /// The signed-in user with every column (the session's user is read without some).
    private func fullUser(_ req: Request) async throws -> User {
        let sessionUser = try req.requireUser()
        guard let user = try await User.find(sessionUser.id, on: req.db) else { throw PageError.signInRequired }
        return user
    }

    private static func one(_ field: String, _ message: String) -> FormErrors {
        var errors = FormErrors()
        errors.add(field, message)
        return errors
    }

    private func render(_ req: Request, _ user: User, errors: FormErrors, status: HTTPResponseStatus) async throws -> Response {
        let userID = try user.requireID()
        let currentKey = req.session.id?.string
        let sessions = try await AccountSessions.list(of: userID, on: req.db).map { s in
            AccountPage.SessionRow(id: s.id.uuidString, device: s.device ?? req.t("account.sessions.unknown"),
                                   seen: s.seen.map { Self.moment($0, req.language) } ?? "", current: s.key == currentKey)
        }
        let page = AccountPage(
            page: try await req.pageMeta(title: req.t("account.title"), forms: true),
            name: user.name, email: user.email, language: user.uiLanguage.rawValue, sessions: sessions,
            otherSessions: sessions.filter { !$0.current }.count, invites: InvitationPolicy.mayInvite(user.role),
            errors: errors.byField, errorList: errors.list)
        return try await req.view.render("platform/account", page).encodeResponse(status: status, for: req)
    }

    /// "7 december 2026, 14:05" in Dutch time.
    static func moment(_ date: Date, _ language: UILanguage) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: language == .en ? "en_GB" : "nl_NL")
        formatter.timeZone = TimeZone(identifier: "Europe/Amsterdam")
        formatter.dateFormat = "d MMMM yyyy, HH:mm"
        return formatter.string(from: date)
    }
}
