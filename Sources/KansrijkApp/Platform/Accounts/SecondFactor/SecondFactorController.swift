import Fluent
import Vapor

struct LoginCodePage: Encodable {
    var page: PageMeta
    var error: String?
}

struct SecondFactorPage: Encodable {
    var page: PageMeta
    var enabled: Bool
    var required: Bool
    var secret: String?
    var uri: String?
    var recoveryCodes: [String]?
    var remainingRecoveryCodes: Int
    var error: String?
}

/// The second factor (issue #13): the log-in's second step (`/inloggen/code`, a code from the app or
/// a recovery code) and setting it up or switching it off (`/account/tweede-stap`).
struct SecondFactorController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("inloggen", "code", use: codeForm)
        routes.post("inloggen", "code", use: submitCode)
        let account = routes.grouped("account", "tweede-stap")
        account.get(use: setupForm)
        account.post(use: confirmSetup)
        account.post("uit", use: switchOff)
    }

    struct CodeForm: Content { var code: String? }

    // MARK: the second step of a log-in

    @Sendable func codeForm(req: Request) async throws -> Response {
        guard req.hasSession, PendingSecondFactor(req.session.data) != nil else { return req.redirect(to: "/inloggen") }
        return try await req.view.render("platform/login-code", LoginCodePage(page: try await req.pageMeta(title: req.t("twofactor.login.title"), forms: true), error: nil))
            .encodeResponse(for: req)
    }

    @Sendable func submitCode(req: Request) async throws -> Response {
        let now = Date()
        guard req.hasSession, var pending = PendingSecondFactor(req.session.data) else { return req.redirect(to: "/inloggen") }
        guard now.timeIntervalSince(pending.since) < PendingSecondFactor.maxAge, pending.tries < PendingSecondFactor.maxTries,
              let user = try await User.find(pending.userID, on: req.db), user.isActive, SecondFactorPolicy.hasSecondFactor(user) else {
            PendingSecondFactor.clear(req.session)
            req.flash(req.t("twofactor.login.again"))
            return req.redirect(to: "/inloggen")
        }
        let typed = try req.content.decode(CodeForm.self).code ?? ""
        guard try await Self.accept(typed, for: user, on: req.db, now: now) else {
            pending.tries += 1
            pending.store(in: req.session)
            let page = LoginCodePage(page: try await req.pageMeta(title: req.t("twofactor.login.title"), forms: true), error: req.t("twofactor.code.wrong"))
            return try await req.view.render("platform/login-code", page).encodeResponse(status: .unauthorized, for: req)
        }
        // a fresh session id now that she is signed in, as after a password alone
        if let old = req.session.id { try await req.application.sessions.driver.deleteSession(old, for: req).get() }
        req.session.id = nil
        req.session.data = SessionData()
        req.auth.login(user)
        req.session.authenticate(user)
        SessionClock.start(req.session, now: now)
        SessionStart.noteDevice(req)
        return req.redirect(to: pending.back)
    }

    /// A code from the app (once per step) or an unused recovery code (then used up). Used up by a
    /// guarded update (`SecondFactorClaim`): the same code sent twice at once passes once.
    static func accept(_ typed: String, for user: User, on db: any Database, now: Date) async throws -> Bool {
        guard let secret = user.totpSecret.flatMap(Base32.decode) else { return false }
        let userID = try user.requireID()
        if let step = TOTP.match(typed, secret: secret, at: now, usedUpTo: user.totpLastStep) {
            guard try await SecondFactorClaim.step(step, of: userID, on: db) else { return false }
            user.totpLastStep = step
            return true
        }
        let storedText = user.recoveryCodes ?? ""
        let stored = storedText.split(separator: " ").map(String.init)
        guard typed.count <= 32, let rest = RecoveryCodes.consume(typed, from: stored) else { return false }
        let remaining = rest.joined(separator: " ")
        guard try await SecondFactorClaim.recoveryCodes(from: storedText, to: remaining, of: userID, on: db) else { return false }
        user.recoveryCodes = remaining
        return true
    }

    // MARK: setting it up

    @Sendable func setupForm(req: Request) async throws -> View {
        let user = try req.requireUser()
        return try await render(req, user: user, error: nil, recoveryCodes: nil)
    }

    @Sendable func confirmSetup(req: Request) async throws -> Response {
        let sessionUser = try req.requireUser()
        guard let user = try await User.find(sessionUser.id, on: req.db) else { throw PageError.signInRequired }
        user.organisationRequiresSecondFactor = sessionUser.organisationRequiresSecondFactor
        guard !SecondFactorPolicy.hasSecondFactor(user), let secretText = req.session.data["2fa.setup"], let secret = Base32.decode(secretText) else {
            return req.redirect(to: "/account/tweede-stap")
        }
        let typed = try req.content.decode(CodeForm.self).code ?? ""
        let now = Date()
        guard let step = TOTP.match(typed, secret: secret, at: now, usedUpTo: nil) else {
            return try await render(req, user: user, error: req.t("twofactor.code.wrong"), recoveryCodes: nil).encodeResponse(status: .unprocessableEntity, for: req)
        }
        let codes = RecoveryCodes.generate()
        user.totpSecret = secretText
        user.totpEnabledAt = now
        user.totpLastStep = step
        user.recoveryCodes = codes.map(RecoveryCodes.hash).joined(separator: " ")
        try await user.save(on: req.db)
        req.session.data["2fa.setup"] = nil
        req.mustEnrolSecondFactor = false
        return try await render(req, user: user, error: nil, recoveryCodes: codes).encodeResponse(for: req)
    }

    @Sendable func switchOff(req: Request) async throws -> Response {
        let sessionUser = try req.requireUser()
        guard let user = try await User.find(sessionUser.id, on: req.db) else { throw PageError.signInRequired }
        user.organisationRequiresSecondFactor = sessionUser.organisationRequiresSecondFactor
        guard SecondFactorPolicy.hasSecondFactor(user) else { return req.redirect(to: "/account/tweede-stap") }
        guard !(user.role == .professional && user.organisationRequiresSecondFactor) else { throw PageError.forbidden }
        let typed = try req.content.decode(CodeForm.self).code ?? ""
        guard try await Self.accept(typed, for: user, on: req.db, now: Date()) else {
            return try await render(req, user: user, error: req.t("twofactor.code.wrong"), recoveryCodes: nil).encodeResponse(status: .unprocessableEntity, for: req)
        }
        user.totpSecret = nil
        user.totpEnabledAt = nil
        user.totpLastStep = nil
        user.recoveryCodes = nil
        try await user.save(on: req.db)
        req.flash(req.t("twofactor.off.done"))
        return req.redirect(to: "/account/tweede-stap")
    }

    private func render(_ req: Request, user: User, error: String?, recoveryCodes: [String]?) async throws -> View {
        let enabled = SecondFactorPolicy.hasSecondFactor(user) || user.totpEnabledAt != nil
        var secret: [UInt8]?
        if !enabled {
            if let stored = req.session.data["2fa.setup"].flatMap(Base32.decode) { secret = stored } else {
                let fresh = TOTP.newSecret()
                req.session.data["2fa.setup"] = Base32.encode(fresh)
                secret = fresh
            }
        }
        let remaining = (user.recoveryCodes ?? "").split(separator: " ").count
        return try await req.view.render("platform/second-factor", SecondFactorPage(
            page: try await req.pageMeta(title: req.t("twofactor.title"), forms: true),
            enabled: enabled, required: user.role == .professional && user.organisationRequiresSecondFactor,
            secret: secret.map(Base32.grouped), uri: secret.map { TOTP.provisioningURI(secret: $0, account: user.email) },
            recoveryCodes: recoveryCodes, remainingRecoveryCodes: remaining, error: error))
    }
}
