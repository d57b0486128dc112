import Fluent
import SQLKit
import Vapor

struct CoalitionListPage: Encodable {
    struct Item: Encodable {
        var name: String; var href: String; var municipalities: String; var stage: String?; var partners: Int
    }
    var page: PageMeta
    var items: [Item]
    var canCreate: Bool
}

struct CoalitionEditPage: Encodable {
    var page: PageMeta
    var ws: WorkspaceHeader?
    var isNew: Bool
    var action: String
    var form: CoalitionForm
    var setsMunicipalities: Bool
    var errors: FieldErrors
    var errorList: [ErrorLink]
}

/// The coalitions a user may see, creating one (admin), its home page and its own facts.
struct CoalitionController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let c = routes.grouped("coalities")
        c.get(use: list)
        c.get("nieuw", use: newForm)
        c.post("nieuw", use: create)
        c.get(":slug", use: home)
        c.get(":slug", "bewerken", use: editForm)
        c.post(":slug", "bewerken", use: update)
    }

    @Sendable func list(req: Request) async throws -> View {
        let user = try req.requireUser()
        let coalitions = try await Coalition.query(on: req.db).with(\.$areas).sort(\.$name).all()
        let today = CalendarDay.day(at: Date())
        let levels = try await CoalitionAccess.levels(for: user, in: coalitions, today: today, on: req.db)
        let visible = coalitions.filter { (levels[$0.id!] ?? .none) > .none }
        let ids = visible.compactMap(\.id)
        let stages = try await StageTimeline.currentStages(of: ids, on: req.db)
        let partners = ids.isEmpty ? [] : try await CoalitionPartner.query(on: req.db).filter(\.$coalition.$id ~~ ids).all()
        let names = req.directory.municipalities
        let items = visible.map { c in
            CoalitionListPage.Item(
                name: c.name, href: "/coalities/\(c.slug)",
                municipalities: c.areas.map { names[$0.municipalityCode]?.name ?? $0.municipalityCode }.sorted().joined(separator: ", "),
                stage: stages[c.id!].map { req.t("stage.\($0.rawValue)") },
                partners: partners.filter { $0.$coalition.id == c.id && $0.isCurrent(on: today) }.count)
        }
        return try await req.view.render("coalitions/list", CoalitionListPage(
            page: try await req.pageMeta(title: req.t("coalitions.title")), items: items, canCreate: user.role == .admin))
    }

    @Sendable func newForm(req: Request) async throws -> View {
        _ = try req.requireRole(.admin)
        return try await renderEdit(req, ws: nil, form: CoalitionForm(), errors: [:])
    }

    @Sendable func create(req: Request) async throws -> Response {
        _ = try req.requireRole(.admin)
        let form = try req.content.decode(CoalitionForm.self)
        let taken = Set(try await Coalition.query(on: req.db).all().map(\.slug))
        switch form.validate(takenSlugs: taken, setsMunicipalities: true, snapshot: req.directory,
                             today: CalendarDay.day(at: Date()), english: req.isEnglish) {
        case .failure(let errors):
            return try await renderEdit(req, ws: nil, form: form, errors: errors).encodeResponse(status: .unprocessableEntity, for: req)
        case .success(let v):
            let coalition = Coalition(name: v.name, slug: v.slug)
            try await req.db.writeTransaction { db in
                Self.apply(v, to: coalition)
                try await coalition.create(on: db)
                for code in v.municipalityCodes ?? [] {
                    try await CoalitionMunicipality(coalitionID: coalition.requireID(), municipalityCode: code).create(on: db)
                }
            }
            req.flash(req.t("coalition.created"))
            return req.redirect(to: "/coalities/\(coalition.slug)")
        }
    }

    @Sendable func home(req: Request) async throws -> View {
        let ws = try await req.workspace(.read)
        return try await req.view.render("coalitions/home", try await CoalitionHomePage.build(ws, req))
    }

    @Sendable func editForm(req: Request) async throws -> View {
        let ws = try await req.workspace(.edit)
        let c = ws.coalition
        let names = req.directory.municipalities
        let form = CoalitionForm(
            name: c.name, slug: c.slug,
            municipalities: try await c.municipalityCodes(on: req.db).map { names[$0]?.name ?? $0 }.joined(separator: ", "),
            startedOn: c.startedOn.map(CalendarDay.iso),
            contentLead: c.contentLead, policyLead: c.policyLead, parentsVoice: c.parentsVoice, fathersVoice: c.fathersVoice)
        return try await renderEdit(req, ws: ws, form: form, errors: [:])
    }

    @Sendable func update(req: Request) async throws -> Response {
        let ws = try await req.workspace(.edit)
        var form = try req.content.decode(CoalitionForm.self)
        // the other coalitions' slugs only: whole models of every coalition were most of a save's CPU
        let taken = Set(try await req.db.readAll("SELECT slug FROM coalitions WHERE id <> \(bind: ws.id)", pool: nil) {
            try $0.decode(column: "slug", as: String.self)
        })
        let isAdmin = ws.user.role == .admin
        // the slug is the coalition's address in links and bookmarks; only an admin renames it
        if !isAdmin { form.slug = ws.coalition.slug }
        switch form.validate(takenSlugs: taken, setsMunicipalities: isAdmin, snapshot: req.directory, today: ws.today, english: req.isEnglish) {
        case .failure(let errors):
            return try await renderEdit(req, ws: ws, form: form, errors: errors).encodeResponse(status: .unprocessableEntity, for: req)
        case .success(let v):
            let coalition = ws.coalition
            try await req.db.writeTransaction { db in
                coalition.name = v.name
                coalition.slug = v.slug
                Self.apply(v, to: coalition)
                try await coalition.save(on: db)
                if let codes = v.municipalityCodes {
                    try await CoalitionMunicipality.query(on: db).filter(\.$coalition.$id == ws.id).delete()
                    for code in codes { try await CoalitionMunicipality(coalitionID: ws.id, municipalityCode: code).create(on: db) }
                }
            }
            req.flash(req.t("coalition.saved"))
            return req.redirect(to: "/coalities/\(coalition.slug)")
        }
    }

    private static func apply(_ v: CoalitionForm.Valid, to c: Coalition) {
        c.startedOn = v.startedOn; c.contentLead = v.contentLead; c.policyLead = v.policyLead
        c.parentsVoice = v.parentsVoice; c.fathersVoice = v.fathersVoice
    }

    private func renderEdit(_ req: Request, ws: CoalitionWorkspace?, form: CoalitionForm, errors: FieldErrors) async throws -> View {
        let isAdmin = req.auth.get(User.self)?.role == .admin
        let title = ws == nil ? req.t("coalition.new.title") : req.t("coalition.edit.title")
        let page: PageMeta
        if let ws { page = try await req.workspaceMeta(ws, title, errors: !errors.isEmpty) }
        else { page = try await req.pageMeta(title: (errors.isEmpty ? "" : req.t("form.errors.prefix")) + title, forms: true) }
        return try await req.view.render("coalitions/coalition-edit", CoalitionEditPage(
            page: page, ws: ws.map { WorkspaceHeader($0, .home, req) }, isNew: ws == nil,
            action: ws.map { "\($0.base)/bewerken" } ?? "/coalities/nieuw",
            form: form, setsMunicipalities: isAdmin,
            errors: errors,
            errorList: ErrorLink.list(errors, order: ["name", "slug", "municipalities", "started_on", "content_lead",
                                                      "policy_lead", "parents_voice", "fathers_voice"])))
    }
}
