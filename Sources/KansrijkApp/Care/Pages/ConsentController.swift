import Fluent
import Vapor

struct ConsentEditPage: Encodable {
    struct Check: Encodable { var value: String; var label: String; var checked: Bool }
    var page: PageMeta
    var base: String
    var code: String
    var form: ClientConsentForm
    var givers: [SelectOption]
    var purposes: [Check]
    var organisations: [Check]
    var recordings: [SelectOption]
    var errors: FieldErrors
    var errorList: [ErrorLink]
    /// The referral typed before the consent was found missing, carried back to its form (issue #15).
    var carry: ReferralCarry? = nil
}

/// Recording and withdrawing a client's consent. Withdrawal ends the involvements it carried at once.
struct ConsentController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let c = routes.grouped("zorg", "clienten", ":client", "toestemming")
        c.get(use: new)
        c.post(use: create)
        c.post("voor-verwijzing", use: startForReferral)
        c.post(":consent", "intrekken", use: withdraw)
    }

    @Sendable func new(req: Request) async throws -> View {
        let (_, access) = try await req.careAccess()
        let now = Date()
        let (client, basis) = try await req.careClient(access, now: now)
        try await req.audit(.read, client: client.id, basis: basis, what: "consent form", now: now)
        let form = ClientConsentForm(givenBy: "client", purposes: [], organisations: [], validFrom: CalendarDay.iso(CalendarDay.day(at: now)), recordedHow: "verbal")
        return try await render(req, client: client, form: form, errors: [:])
    }

    @Sendable func create(req: Request) async throws -> Response {
        let (user, access) = try await req.careAccess()
        let now = Date()
        let (client, basis) = try await req.careClient(access, now: now)
        let form = try req.content.decode(ClientConsentForm.self)
        let carry = try? req.content.decode(ReferralCarry.self)
        let allowed = Set(ReferralTargets.organisations(for: client, snapshot: req.directory).map(\.id) + [user.$organisation.id])
        switch form.validate(allowed: allowed, english: req.isEnglish) {
        case .failure(let errors):
            try await req.audit(.read, client: client.id, basis: basis, what: "consent form (not valid)", now: now)
            return try await render(req, client: client, form: form, errors: errors, carry: carry).encodeResponse(status: .unprocessableEntity, for: req)
        case .success(let v):
            try await ConsentRecords.record(v, client: client, basis: basis, by: user, on: req.db, now: now)
            if let carry, carry.isPresent { return try await backToReferral(req, client: client, carry: carry) }
            req.flash(req.t("consent.recorded"))
            return req.redirect(to: "/zorg/clienten/\(client.id!.slug)")
        }
    }

    @Sendable func withdraw(req: Request) async throws -> Response {
        let (user, access) = try await req.careAccess()
        let now = Date()
        let (client, basis) = try await req.careClient(access, now: now)
        guard let id = req.parameters.get("consent", as: UUID.self), let consent = try await Consent.find(id, on: req.db),
              consent.$client.id == client.id else { throw PageError.notFound }
        if consent.withdrawnAt == nil {
            try await req.db.auditedTransaction { db in
                try await consent.withdraw(by: user, on: db, now: now)
                try await req.audit(.update, client: client.id, basis: basis, what: "consent \(id.slug) withdrawn", on: db, now: now)
            }
            req.flash(req.t("consent.withdrawn"))
        } else {
            req.flash(CareMessages(english: req.isEnglish).alreadyWithdrawn)
        }
        // the withdrawing organisation may itself have lost access; the care start page is always there
        let stillVisible = try await access.basis(for: try client.requireID(), on: req.db, now: now) != nil
        return req.redirect(to: stillVisible ? "/zorg/clienten/\(client.id!.slug)" : "/zorg")
    }

    func render(_ req: Request, client: CareClient, form: ClientConsentForm, errors: FieldErrors, carry: ReferralCarry? = nil) async throws -> View {
        let own = try await Organisation.find(try req.requireUser().$organisation.id, on: req.db)
        var orgs = ReferralTargets.organisations(for: client, snapshot: req.directory)
        if let own, let id = own.id, !orgs.contains(where: { $0.id == id }) { orgs.insert((id, own.name), at: 0) }
        let chosen = Set(form.organisations ?? [])
        let purposes = Set(form.purposes ?? [])
        return try await req.view.render("care/consent-edit", ConsentEditPage(
            page: try await req.pageMeta(title: req.t("consent.new.title"), forms: true),
            base: "/zorg/clienten/\(client.id!.slug)", code: client.code, form: form,
            givers: ConsentGiver.allCases.map { SelectOption(value: $0.rawValue, label: req.t("consent.giver.\($0.rawValue)"), selected: $0.rawValue == form.givenBy) },
            purposes: ConsentPurpose.allCases.map { .init(value: $0.rawValue, label: req.t("consent.purpose.\($0.rawValue)"), checked: purposes.contains($0.rawValue)) },
            organisations: orgs.map { .init(value: $0.id.slug, label: $0.name, checked: chosen.contains($0.id.slug)) },
            recordings: ConsentRecording.allCases.map { SelectOption(value: $0.rawValue, label: req.t("consent.how.\($0.rawValue)"), selected: $0.rawValue == form.recordedHow) },
            errors: errors, errorList: ErrorLink.list(errors, order: ["given_by", "purposes", "organisations", "valid_from", "valid_until", "recorded_how"]),
            carry: carry))
    }
}

/// Writing consents the same way from pages and the demo.
enum ConsentRecords {
    @discardableResult
    static func record(_ v: ClientConsentForm.Valid, client: CareClient, basis: AccessBasis, by user: User,
                       on db: any Database, now: Date) async throws -> Consent {
        try await db.auditedTransaction { db in
            let consent = Consent(clientID: try client.requireID(), givenBy: v.givenBy, purposes: v.purposes, validFrom: v.validFrom,
                                  validUntil: v.validUntil, recordedHow: v.recordedHow, recordedByID: try user.requireID())
            try await consent.create(on: db)
            for org in v.organisations.sorted(by: { $0.uuidString < $1.uuidString }) {
                try await ConsentOrganisation(consentID: try consent.requireID(), organisationID: org).create(on: db)
            }
            try await AuditLog.record(AuditDraft(action: .create, clientID: client.id, user: user, basis: basis,
                                                 what: "consent \(consent.id!.slug) recorded"), on: db, now: now)
            return consent
        }
    }
}
