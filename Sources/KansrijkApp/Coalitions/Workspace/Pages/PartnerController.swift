import Fluent
import Vapor

struct PartnersPage: Encodable {
    struct Row: Encodable {
        var name: String; var kind: String; var domain: String; var role: String?; var contacts: [String]
        var wants: String; var brings: String; var joined: String; var left: String?; var editHref: String
    }
    struct Circle: Encodable { var code: String; var label: String; var explanation: String; var rows: [Row] }
    var page: PageMeta
    var ws: WorkspaceHeader
    var circles: [Circle]
    var former: [Row]
    var missing: [String]
}

struct PartnerEditPage: Encodable {
    var page: PageMeta
    var ws: WorkspaceHeader
    var isNew: Bool
    var action: String
    var organisationName: String?
    var form: PartnerForm
    var organisations: [SelectOption]
    var kinds: [SelectOption]
    var domains: [SelectOption]
    var circles: [SelectOption]
    var errors: FieldErrors
    var errorList: [ErrorLink]
}

/// The coalition's partners by circle, who is missing, and adding or editing a partner.
struct PartnerController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let p = routes.grouped("coalities", ":slug", "partners")
        p.get(use: list)
        p.get("nieuw", use: newForm)
        p.post("nieuw", use: create)
        p.get(":id", "bewerken", use: editForm)
        p.post(":id", "bewerken", use: update)
    }

    @Sendable func list(req: Request) async throws -> View {
        let ws = try await req.workspace(.read)
        let all = try await CoalitionPartner.all(of: ws, on: req.db)
        let current = all.filter { $0.isCurrent(on: ws.today) }
        func row(_ p: CoalitionPartner) -> PartnersPage.Row {
            .init(name: p.organisation.name, kind: p.organisation.kind.label, domain: req.t("partner.domain.\(p.domain.rawValue)"),
                  role: p.role, contacts: p.contacts.split(separator: "\n").map(String.init), wants: p.wants, brings: p.brings,
                  joined: req.date(p.joinedOn), left: p.leftOn.map(req.date),
                  editHref: "\(ws.base)/partners/\(p.id!.slug)/bewerken")
        }
        let gaps = MissingPartners.gaps(partners: current.map { ($0.organisation.kind, $0.domain) },
                                        parentsVoice: ws.coalition.parentsVoice, fathersVoice: ws.coalition.fathersVoice)
        return try await req.view.render("coalitions/partners", PartnersPage(
            page: try await req.workspaceMeta(ws, req.t("coalition.tab.partners")),
            ws: WorkspaceHeader(ws, .partners, req),
            circles: PartnerCircle.allCases.map { c in
                .init(code: c.rawValue, label: req.t("partner.circle.\(c.rawValue)"), explanation: req.t("partner.circle.\(c.rawValue).explain"),
                      rows: current.filter { $0.circle == c }.map(row))
            },
            former: all.filter { !$0.isCurrent(on: ws.today) }.map(row),
            missing: gaps.map { req.t($0.key) }))
    }

    @Sendable func newForm(req: Request) async throws -> View {
        let ws = try await req.workspace(.edit)
        return try await render(req, ws, partner: nil, form: PartnerForm(circle: PartnerCircle.inner.rawValue, joinedOn: CalendarDay.iso(ws.today)), errors: [:])
    }

    @Sendable func create(req: Request) async throws -> Response {
        let ws = try await req.workspace(.edit)
        let form = try req.content.decode(PartnerForm.self)
        let (organisations, partnerOrgs) = try await Self.organisations(ws, on: req.db)
        switch form.validateNew(organisations: organisations, partnerOrganisations: partnerOrgs, english: req.isEnglish) {
        case .failure(let errors):
            return try await render(req, ws, partner: nil, form: form, errors: errors).encodeResponse(status: .unprocessableEntity, for: req)
        case .success(let (choice, v)):
            let codes = try await ws.coalition.municipalityCodes(on: req.db)
            try await req.db.writeTransaction { db in
                let organisationID: UUID
                switch choice {
                case .existing(let id):
                    organisationID = id
                case .new(let name, let kind):
                    // a new organisation is placed in the coalition's (first) municipality
                    let org = Organisation(name: name, kind: kind, description: "Partner van \(ws.coalition.name).",
                                           municipalityCode: codes.first ?? "")
                    try await org.create(on: db)
                    organisationID = try org.requireID()
                }
                try await CoalitionPartner(coalitionID: ws.id, organisationID: organisationID, domain: v.domain, circle: v.circle,
                                           role: v.role, contacts: v.contacts, wants: v.wants, brings: v.brings,
                                           joinedOn: v.joinedOn, leftOn: v.leftOn).create(on: db)
            }
            req.flash(req.t("partner.added"))
            return req.redirect(to: "\(ws.base)/partners")
        }
    }

    @Sendable func editForm(req: Request) async throws -> View {
        let ws = try await req.workspace(.edit)
        let p = try await Self.partner(req, ws)
        let form = PartnerForm(domain: p.domain.rawValue, circle: p.circle.rawValue, role: p.role, contacts: p.contacts,
                               wants: p.wants, brings: p.brings, joinedOn: CalendarDay.iso(p.joinedOn), leftOn: p.leftOn.map(CalendarDay.iso))
        return try await render(req, ws, partner: p, form: form, errors: [:])
    }

    @Sendable func update(req: Request) async throws -> Response {
        let ws = try await req.workspace(.edit)
        let p = try await Self.partner(req, ws)
        let form = try req.content.decode(PartnerForm.self)
        switch form.validate(english: req.isEnglish) {
        case .failure(let errors):
            return try await render(req, ws, partner: p, form: form, errors: errors).encodeResponse(status: .unprocessableEntity, for: req)
        case .success(let v):
            p.domain = v.domain; p.circle = v.circle; p.role = v.role; p.contacts = v.contacts
            p.wants = v.wants; p.brings = v.brings; p.joinedOn = v.joinedOn; p.leftOn = v.leftOn
            try await p.save(on: req.db)
            req.flash(req.t("partner.saved"))
            return req.redirect(to: "\(ws.base)/partners")
        }
    }

    /// All organisations by id, and those already partner of this coalition.
    static func organisations(_ ws: CoalitionWorkspace, on db: any Database) async throws -> ([UUID: String], Set<UUID>) {
        let all = try await Organisation.query(on: db).all()
        let partners = try await CoalitionPartner.query(on: db).filter(\.$coalition.$id == ws.id).all()
        return (Dictionary(uniqueKeysWithValues: all.map { ($0.id!, $0.name) }), Set(partners.map { $0.$organisation.id }))
    }

    static func partner(_ req: Request, _ ws: CoalitionWorkspace) async throws -> CoalitionPartner {
        guard let id = req.parameters.get("id", as: UUID.self),
              let p = try await CoalitionPartner.query(on: req.db).filter(\.$id == id).with(\.$organisation).first(),
              p.$coalition.id == ws.id else { throw PageError.notFound }
        return p
    }

    private func render(_ req: Request, _ ws: CoalitionWorkspace, partner: CoalitionPartner?, form: PartnerForm, errors: FieldErrors) async throws -> View {
        var organisations: [SelectOption] = []
        if partner == nil {
            let (all, taken) = try await Self.organisations(ws, on: req.db)
            organisations = all.filter { !taken.contains($0.key) }
                .sorted { $0.value.localizedCompare($1.value) == .orderedAscending }
                .map { SelectOption(value: $0.key.slug, label: $0.value, selected: $0.key.slug == form.organisation?.lowercased()) }
        }
        let title = partner.map { req.t("partner.edit.title") + ": " + $0.organisation.name } ?? req.t("partner.new.title")
        return try await req.view.render("coalitions/partner-edit", PartnerEditPage(
            page: try await req.workspaceMeta(ws, title, errors: !errors.isEmpty),
            ws: WorkspaceHeader(ws, .partners, req),
            isNew: partner == nil,
            action: partner.map { "\(ws.base)/partners/\($0.id!.slug)/bewerken" } ?? "\(ws.base)/partners/nieuw",
            organisationName: partner?.organisation.name,
            form: form, organisations: organisations,
            kinds: OrganisationKind.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: $0.rawValue == form.newKind) },
            domains: SelectOption.labelled(PartnerDomain.self, prefix: "partner.domain", selected: form.domain, req),
            circles: SelectOption.labelled(PartnerCircle.self, prefix: "partner.circle", selected: form.circle, req),
            errors: errors,
            errorList: ErrorLink.list(errors, order: ["organisation", "new_organisation", "new_kind", "domain", "circle", "role",
                                                      "contacts", "wants", "brings", "joined_on", "left_on"])))
    }
}
