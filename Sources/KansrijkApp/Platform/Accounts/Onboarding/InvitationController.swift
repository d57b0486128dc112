import Fluent
import Vapor

struct InvitationsPage: Encodable {
    struct Row: Encodable {
        var id: String
        var email: String
        var role: String
        var organisation: String
        var coalitions: String
        var created: String
        var expires: String
        var expired: Bool
    }

    var page: PageMeta
    var rows: [Row]
    /// Shown once, in the answer to an invitation or resend, when no mail goes out (no SMTP): she can hand it over herself.
    var link: String?
}

struct InvitationNewPage: Encodable {
    struct Option: Encodable {
        var value: String
        var label: String
        var selected: Bool
    }

    var page: PageMeta
    var email: String
    var roles: [Option]
    var organisations: [Option]
    var coalitions: [Option]
    var languages: [Option]
    var errors: [String: String]
    var errorList: [FormErrors.Item]
}

/// Inviting people (issue #14): `/beheer/uitnodigingen` lists the open invitations an admin or
/// coordinator manages, with resend and revoke; `/nieuw` makes one. Who may invite whom is
/// `InvitationPolicy`; the work is `InvitationDesk`.
struct InvitationController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let invitations = routes.grouped("beheer", "uitnodigingen")
        invitations.get(use: list)
        invitations.get("nieuw", use: newForm)
        invitations.post("nieuw", use: create)
        invitations.post("opnieuw", use: resend)
        invitations.post("intrekken", use: revoke)
    }

    struct Form: Content {
        var email: String?
        var role: String?
        var organisation: String?
        var coalitions: [String]?
        var taal: String?
    }

    struct Pick: Content { var uitnodiging: String? }

    private func policy(_ req: Request) async throws -> (User, InvitationPolicy) {
        let user = try req.requireUser()
        guard InvitationPolicy.mayInvite(user.role) else { throw PageError.forbidden }
        return (user, try await InvitationPolicy.load(for: user, on: req.db))
    }

    @Sendable func list(req: Request) async throws -> Response {
        let (_, policy) = try await policy(req)
        return try await renderList(req, policy: policy, link: nil, notice: nil)
    }

    /// The open invitations; with `link` (no SMTP) the new link once, on this response only: it is
    /// never stored, not even in the session.
    private func renderList(_ req: Request, policy: InvitationPolicy, link: String?, notice: String?) async throws -> Response {
        let invitations = try await InvitationDesk.open(for: policy, on: req.db)
        let organisations = try await Organisation.query(on: req.db).filter(\.$id ~~ Array(Set(invitations.map(\.organisationID)))).all()
        let orgNames = Dictionary(organisations.compactMap { o in o.id.map { ($0, o.name) } }, uniquingKeysWith: { a, _ in a })
        let coalitionNames = Dictionary(try await Coalition.query(on: req.db).all().compactMap { c in c.id.map { ($0, c.name) } },
                                        uniquingKeysWith: { a, _ in a })
        let now = Date()
        let rows = invitations.map { i in
            InvitationsPage.Row(id: i.id?.uuidString ?? "", email: i.email, role: req.t("role.\(i.role.rawValue)"),
                                organisation: orgNames[i.organisationID] ?? "",
                                coalitions: i.coalitionIDs.compactMap { coalitionNames[$0] }.joined(separator: ", "),
                                created: OnboardingMail.day(i.createdAt, req.language), expires: OnboardingMail.day(i.expiresAt, req.language),
                                expired: i.expiresAt <= now)
        }
        var meta = try await req.pageMeta(title: req.t("invite.list.title"), forms: true)
        if let notice { meta.notice = notice }
        let response = try await req.view.render("platform/invitations", InvitationsPage(page: meta, rows: rows, link: link)).encodeResponse(for: req)
        if link != nil { Self.keepTokenPrivate(response) }
        return response
    }

    @Sendable func newForm(req: Request) async throws -> View {
        let (_, policy) = try await policy(req)
        return try await render(req, policy: policy, form: Form(taal: req.language.rawValue), errors: FormErrors())
    }

    @Sendable func create(req: Request) async throws -> Response {
        let (user, policy) = try await policy(req)
        let form = try req.content.decode(Form.self)
        var errors = FormErrors()
        let email = String((form.email ?? "").trimmingCharacters(in: .whitespacesAndNewlines).lowercased())
        if !Self.looksLikeEmail(email) { errors.add("email", req.t("invite.error.email")) }
        let role = form.role.flatMap(Role.init(rawValue:))
        if role == nil { errors.add("role", req.t("invite.error.role")) }
        let organisationID = form.organisation.flatMap(UUID.init(uuidString:))
        if organisationID == nil { errors.add("organisation", req.t("invite.error.organisation")) }
        let coalitionTexts = form.coalitions ?? []
        let coalitionIDs = Array(Set(coalitionTexts.compactMap(UUID.init(uuidString:))))
        if coalitionIDs.count != Set(coalitionTexts).count { throw Abort(.badRequest) }
        if !policy.isAdmin && coalitionIDs.isEmpty { errors.add("coalitions", req.t("invite.error.coalitions")) }
        guard errors.isEmpty, let role, let organisationID else {
            return try await render(req, policy: policy, form: form, errors: errors).encodeResponse(status: .unprocessableEntity, for: req)
        }
        // a role or coalition the form never offered her: an edited form, not a typing mistake
        guard policy.mayInvite(role: role, into: coalitionIDs) else { throw PageError.forbidden }
        let language = form.taal.flatMap(UILanguage.init(rawValue:)) ?? req.language
        let inviter = InvitationDesk.Inviter(policy: policy, name: user.name, organisation: req.organisationName ?? "")
        do {
            let outcome = try await InvitationDesk.invite(
                .init(email: email, role: role, organisationID: organisationID, coalitionIDs: coalitionIDs, language: language),
                by: inviter, baseURL: req.publicBaseURL, on: req.db, now: Date())
            switch outcome {
            case .invited(let token):
                let done = req.t("invite.done").replacingOccurrences(of: "{email}", with: email)
                if !req.application.onboardingMailIsDelivered {
                    return try await renderList(req, policy: policy, link: req.publicBaseURL + "/uitnodiging/" + token, notice: done)
                }
                req.flash(done)
            case .addedToAccount(let added, let active):
                var text = req.t(added.isEmpty ? "invite.existing.none" : "invite.existing.added")
                    .replacingOccurrences(of: "{email}", with: email).replacingOccurrences(of: "{coalitions}", with: added.joined(separator: ", "))
                if !active { text += " " + req.t("invite.existing.inactive") }
                req.flash(text)
            }
            return req.redirect(to: "/beheer/uitnodigingen")
        } catch InvitationDesk.Refusal.unknownOrganisation {
            errors.add("organisation", req.t("invite.error.organisation"))
            return try await render(req, policy: policy, form: form, errors: errors).encodeResponse(status: .unprocessableEntity, for: req)
        } catch InvitationDesk.Refusal.tooMany {
            throw Abort(.tooManyRequests, reason: req.t("invite.error.toomany"))
        }
    }

    @Sendable func resend(req: Request) async throws -> Response {
        let (user, policy) = try await policy(req)
        guard let id = try req.content.decode(Pick.self).uitnodiging.flatMap(UUID.init(uuidString:)) else { throw Abort(.badRequest) }
        let inviter = InvitationDesk.Inviter(policy: policy, name: user.name, organisation: req.organisationName ?? "")
        do {
            let token = try await InvitationDesk.resend(id, by: inviter, baseURL: req.publicBaseURL, on: req.db, now: Date())
            if !req.application.onboardingMailIsDelivered {
                return try await renderList(req, policy: policy, link: req.publicBaseURL + "/uitnodiging/" + token, notice: req.t("invite.resent"))
            }
            req.flash(req.t("invite.resent"))
        } catch InvitationDesk.Refusal.notAllowed {
            throw PageError.notFound
        } catch InvitationDesk.Refusal.notOpen {
            req.flash(req.t("invite.notopen"))
        } catch InvitationDesk.Refusal.tooMany {
            throw Abort(.tooManyRequests, reason: req.t("invite.error.toomany"))
        }
        return req.redirect(to: "/beheer/uitnodigingen")
    }

    @Sendable func revoke(req: Request) async throws -> Response {
        let (_, policy) = try await policy(req)
        guard let id = try req.content.decode(Pick.self).uitnodiging.flatMap(UUID.init(uuidString:)) else { throw Abort(.badRequest) }
        do {
            try await InvitationDesk.revoke(id, by: policy, on: req.db, now: Date())
            req.flash(req.t("invite.revoked"))
        } catch InvitationDesk.Refusal.notAllowed {
            throw PageError.notFound
        } catch InvitationDesk.Refusal.notOpen {
            req.flash(req.t("invite.notopen"))
        }
        return req.redirect(to: "/beheer/uitnodigingen")
    }

    private func render(_ req: Request, policy: InvitationPolicy, form: Form, errors: FormErrors) async throws -> View {
        let organisations = try await Organisation.query(on: req.db).sort(\.$name).all()
        let chosenCoalitions = Set(form.coalitions ?? [])
        let language = form.taal ?? req.language.rawValue
        var roleOptions = policy.allowedRoles.map { r in
            InvitationNewPage.Option(value: r.rawValue, label: req.t("role.\(r.rawValue)"), selected: form.role == r.rawValue)
        }
        if form.role == nil, !roleOptions.isEmpty { roleOptions[0].selected = true }
        let page = InvitationNewPage(
            page: try await req.pageMeta(title: req.t("invite.new.title"), forms: true),
            email: form.email ?? "",
            roles: roleOptions,
            organisations: organisations.compactMap { o in
                o.id.map { InvitationNewPage.Option(value: $0.uuidString, label: o.name, selected: form.organisation == $0.uuidString) }
            },
            coalitions: policy.coalitions.compactMap { c in
                c.id.map { InvitationNewPage.Option(value: $0.uuidString, label: c.name, selected: chosenCoalitions.contains($0.uuidString)) }
            },
            languages: [("nl", "Nederlands"), ("en", "English")].map { InvitationNewPage.Option(value: $0.0, label: $0.1, selected: language == $0.0) },
            errors: errors.byField, errorList: errors.list)
        return try await req.view.render("platform/invitation-new", page)
    }

    /// Something@something.something, no spaces or angle brackets, at most 254 characters.
    static func looksLikeEmail(_ text: String) -> Bool {
        guard text.utf8.count <= 254, !text.contains(where: { $0.isWhitespace || "<>\"(),;:\\[]".contains($0) }) else { return false }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix(".") else { return false }
        return true
    }

    /// A page with a link's secret: no Referer from it, and kept by no cache.
    static func keepTokenPrivate(_ response: Response) {
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "no-referrer")
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
    }
}

extension Application {
    /// Mail really leaves (SMTP is set): otherwise an invitation's link is shown once to the inviter.
    var onboardingMailIsDelivered: Bool { mailSettings.smtp != nil }
}
