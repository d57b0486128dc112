import Fluent
import Vapor

struct ReferralNewPage: Encodable {
    var page: PageMeta
    var base: String
    var code: String
    var form: ReferralForm
    /// The services for her phase first, then the rest of her municipality's offering (issue #15).
    var serviceGroups: [ServiceGroup]
    var refusal: String?
    var errors: FieldErrors
    var errorList: [ErrorLink]
    /// Consent coverage and how the chosen service receives referrals (issue #15).
    var landing: ReferralLanding
}

/// An `<optgroup>` of the referral form's services.
struct ServiceGroup: Encodable {
    var label: String
    var options: [SelectOption]
}

struct ReferralPage: Encodable {
    struct Event: Encodable { var when: String; var who: String; var organisation: String; var status: String; var reason: String? }
    struct Action: Encodable { var to: String; var label: String; var needsReason: Bool; var isReject: Bool; var reasonLabel = "" }
    var page: PageMeta
    var id: String
    /// A warm handover rather than a referral (issue #15).
    var isHandover: Bool
    var clientHref: String
    var code: String
    var name: String
    var service: String
    var from: String
    var to: String
    var reason: String
    var agreed: String
    var status: String
    var statusReason: String?
    var alternative: String?
    var firstContact: String?
    var events: [Event]
    var actions: [Action]
    var error: String?
    /// The status's colour and "te laat" in words, the channel, and the sender's contact record (issue #15).
    var landing: ReferralShowExtras
}

/// Sending a referral from a client page and following it through its life cycle; both sides see it.
struct ReferralController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("zorg", "clienten", ":client", "verwijzen", use: new)
        routes.post("zorg", "clienten", ":client", "verwijzen", use: create)
        routes.get("zorg", "verwijzingen", ":referral", use: show)
        routes.post("zorg", "verwijzingen", ":referral", "status", use: move)
        routes.post("zorg", "verwijzingen", ":referral", "contact", use: recordContact)
        routes.get("zorg", "verwijzen", use: pick)
    }

    @Sendable func new(req: Request) async throws -> View {
        let (_, access) = try await req.careAccess()
        let now = Date()
        let (client, basis) = try await req.careClient(access, now: now)
        try await req.audit(.read, client: client.id, basis: basis, what: "referral form", now: now)
        return try await renderNew(req, client: client, form: ReferralForm(service: req.query["dienst"]), refusal: nil, errors: [:])
    }

    @Sendable func create(req: Request) async throws -> Response {
        let (user, access) = try await req.careAccess()
        let now = Date()
        let (client, basis) = try await req.careClient(access, now: now)
        let form = try req.content.decode(ReferralForm.self)
        switch form.validate(services: ReferralTargets.services(for: client, snapshot: req.directory), english: req.isEnglish) {
        case .failure(let errors):
            try await req.audit(.read, client: client.id, basis: basis, what: "referral form (not valid)", now: now)
            return try await renderNew(req, client: client, form: form, refusal: nil, errors: errors).encodeResponse(status: .unprocessableEntity, for: req)
        case .success(var request):
            // outside Kansrijk the sender first reads how to reach the service, then sends once more (issue #15)
            guard let channel = try await Self.confirmedChannel(request, form: form, req) else {
                try await req.audit(.read, client: client.id, basis: basis, what: "referral form (channel to confirm)", now: now)
                return try await renderNew(req, client: client, form: form, refusal: nil, errors: [:], confirming: true)
                    .encodeResponse(status: .unprocessableEntity, for: req)
            }
            request.channel = channel
            do {
                let referral = try await ReferralDesk(db: req.db, notifier: Notifier(app: req.application))
                    .send(request, client: client, basis: basis, by: user, now: now)
                req.flash(req.t("referral.sent"))
                return req.redirect(to: "/zorg/verwijzingen/\(referral.id!.slug)")
            } catch ReferralDesk.Refusal.alreadyOpen(let existing) {
                try await req.audit(.read, client: client.id, basis: basis, what: "referral \(existing.slug) already open", now: now)
                req.flash(req.t("referral.alreadyopen"))
                return req.redirect(to: "/zorg/verwijzingen/\(existing.slug)")
            } catch ReferralDesk.Refusal.noConsent(let organisation) {
                try await req.audit(.denied, client: client.id, basis: basis, what: "referral refused: no consent to refer", now: now)
                let refusal = req.t("referral.noconsent").replacingOccurrences(of: "{organisation}", with: organisation)
                return try await renderNew(req, client: client, form: form, refusal: refusal, errors: [:]).encodeResponse(status: .unprocessableEntity, for: req)
            }
        }
    }

    @Sendable func show(req: Request) async throws -> View {
        let (user, access) = try await req.careAccess()
        let now = Date()
        let (referral, client, basis) = try await load(req, access: access, now: now)
        try await req.db.auditedTransaction { db in
            try await CareNotification.query(on: db).filter(\.$userID == user.id!).filter(\.$referralID == referral.id!)
                .filter(\.$readAt == nil).set(\.$readAt, to: now).update()
            try await req.audit(.read, client: client.id, basis: basis, what: "referral \(referral.id!.slug)", on: db, now: now)
        }
        return try await render(req, referral: referral, client: client, user: user, error: nil)
    }

    @Sendable func move(req: Request) async throws -> Response {
        let (user, access) = try await req.careAccess()
        let now = Date()
        let (referral, client, basis) = try await load(req, access: access, now: now)
        let form = try req.content.decode(ReferralMoveForm.self)
        guard let to = ReferralStatus(rawValue: form.to ?? "") else { throw Abort(.badRequest, reason: req.t("error.badrequest")) }
        do {
            try await ReferralDesk(db: req.db, notifier: Notifier(app: req.application))
                .move(referral, to: to, reason: form.reason, alternative: form.alternative, by: user, basis: basis, now: now)
            req.flash(req.t("referral.moved"))
            return req.redirect(to: "/zorg/verwijzingen/\(referral.id!.slug)")
        } catch ReferralDesk.Refusal.lifecycle(let refusal) {
            try await req.audit(.denied, client: client.id, basis: basis, what: "referral \(referral.id!.slug) change refused", now: now)
            return try await render(req, referral: referral, client: client, user: user, error: Self.message(refusal, req))
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    static func message(_ refusal: ReferralLifecycle.Refusal, _ req: Request) -> String {
        switch refusal {
        case .notAllowed(let from, let to):
            req.t("referral.refused.move").replacingOccurrences(of: "{from}", with: req.t("referral.status.\(from.rawValue)"))
                .replacingOccurrences(of: "{to}", with: req.t("referral.status.\(to.rawValue)"))
        case .wrongSide: req.t("referral.refused.side")
        case .reasonMissing: req.t("referral.refused.reason")
        }
    }

    /// The referral when the user's organisation is one of its two sides and may still see the client; else 404.
    func load(_ req: Request, access: CareAccess, now: Date) async throws -> (Referral, CareClient, AccessBasis) {
        guard let id = req.parameters.get("referral", as: UUID.self),
              let referral = try await Referral.query(on: req.db).filter(\.$id == id)
                .with(\.$referringOrganisation).with(\.$receivingOrganisation).first(),
              referral.$referringOrganisation.id == access.organisationID || referral.$receivingOrganisation.id == access.organisationID
        else { throw PageError.notFound }
        let (client, basis) = try await req.careClient(access, id: referral.$client.id, now: now)
        return (referral, client, basis)
    }

    func renderNew(_ req: Request, client: CareClient, form: ReferralForm, refusal: String?, errors: FieldErrors,
                   confirming: Bool = false) async throws -> View {
        try await req.view.render("care/referral-new", ReferralNewPage(
            page: try await req.pageMeta(title: req.t("referral.new.title"), forms: true), base: "/zorg/clienten/\(client.id!.slug)",
            code: client.code, form: form,
            serviceGroups: Self.serviceGroups(req, client: client, selected: form.service),
            refusal: refusal, errors: errors, errorList: ErrorLink.list(errors, order: ["service", "reason", "agreed"]),
            landing: try await ReferralLanding.make(req, client: client, form: form, confirming: confirming, now: Date())))
    }

    /// The services for her phase today (by the birth date once it is recorded), then the others.
    static func serviceGroups(_ req: Request, client: CareClient, selected: String?) -> [ServiceGroup] {
        let split = ReferralTargets.byPhase(for: client, snapshot: req.directory, on: CalendarDay.day(at: Date()))
        let option = { (s: ServiceRecord) in
            SelectOption(value: s.id.slug, label: "\(s.name) (\(s.organisationName))", selected: s.id.slug == selected)
        }
        var groups: [ServiceGroup] = []
        if let phase = split.phase, !split.fitting.isEmpty {
            groups.append(ServiceGroup(label: req.t("referral.group.phase").replacingOccurrences(of: "{phase}", with: phase.term.label(english: req.isEnglish)),
                                       options: split.fitting.map(option)))
        }
        if !split.others.isEmpty {
            groups.append(ServiceGroup(label: req.t(groups.isEmpty ? "referral.group.all" : "referral.group.other"), options: split.others.map(option)))
        }
        return groups
    }

    func render(_ req: Request, referral: Referral, client: CareClient, user: User, error: String?,
                contactErrors: FieldErrors = [:]) async throws -> View {
        let events = try await ReferralEvent.query(on: req.db).filter(\.$referral.$id == referral.id!)
            .with(\.$user).with(\.$organisation).sort(\.$at).all()
        var sides: Set<ReferralSide> = []
        if referral.$referringOrganisation.id == user.$organisation.id { sides.insert(.sender) }
        if referral.$receivingOrganisation.id == user.$organisation.id { sides.insert(.receiver) }
        let actions = ReferralLifecycle.moves(from: referral.status).filter { sides.contains($0.side) }.map {
            ReferralPage.Action(to: $0.to.rawValue, label: req.t("referral.action.\($0.to.rawValue)"), needsReason: $0.needsReason, isReject: $0.to == .rejected,
                                reasonLabel: $0.needsReason ? req.t("referral.reason.\($0.to.rawValue)") : "")
        }
        return try await req.view.render("care/referral", ReferralPage(
            page: try await req.pageMeta(title: "\(req.t(referral.kind == .handover ? "handover.title" : "referral.title")) \(referral.serviceName)", forms: true),
            id: referral.id!.slug, isHandover: referral.kind == .handover, clientHref: "/zorg/clienten/\(client.id!.slug)", code: client.code, name: client.name,
            service: referral.serviceName, from: referral.referringOrganisation.name, to: referral.receivingOrganisation.name,
            reason: referral.reason, agreed: referral.agreed, status: req.t("referral.status.\(referral.status.rawValue)"),
            statusReason: referral.statusReason, alternative: referral.alternative,
            firstContact: referral.hoursToFirstContact.map { req.t("referral.firstcontact.hours").replacingOccurrences(of: "{hours}", with: String($0)) },
            events: events.map {
                ReferralPage.Event(when: MeetingTime.dutch($0.at), who: $0.user.name, organisation: $0.organisation.name,
                                   status: req.t("referral.status.\($0.to.rawValue)"), reason: $0.reason)
            },
            actions: actions, error: error,
            landing: try await ReferralShowExtras.make(req, referral: referral, sides: sides, errors: contactErrors, now: Date())))
    }
}
