import Fluent
import Vapor

struct MDOListPage: Encodable {
    struct Item: Encodable { var title: String; var href: String; var when: String; var cases: Int; var openPoints: Int }
    var page: PageMeta
    var upcoming: [Item]
    var past: [Item]
    var newHref: String?
}

struct MDOEditPage: Encodable {
    var page: PageMeta
    var form: MDOMeetingForm
    var organisations: [SelectOption]
    var errors: FieldErrors
    var errorList: [ErrorLink]
}

/// The MDO (issue #4): meetings with participating organisations, pseudonymised cases with advice and
/// decisions, action points that come back until closed, and minutes as a document.
struct MDOController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let m = routes.grouped("zorg", "mdo")
        m.get(use: list)
        m.get("nieuw", use: newForm)
        m.post("nieuw", use: create)
        m.get(":meeting", use: show)
        m.post(":meeting", "casussen", use: addCase)
        m.post(":meeting", "casussen", ":case", use: saveOutcome)
        m.post(":meeting", "actiepunten", use: addPoint)
        m.post(":meeting", "actiepunten", ":point", "afgerond", use: closePoint)
        m.get(":meeting", "verslag", use: minutes)
        m.get(":meeting", "verslag.md", use: minutesMarkdown)
    }

    /// Policy advisors monitor; they do not take part in case discussions.
    static let roles: [Role] = [.professional, .coordinator, .admin]

    @Sendable func list(req: Request) async throws -> View {
        let (user, access) = try await req.careAccess()
        let ids = try await MDOMeeting.ids(participant: access.organisationID, on: req.db)
        let meetings = ids.isEmpty ? [] : try await MDOMeeting.query(on: req.db).filter(\.$id ~~ ids).sort(\.$startsAt).all()
        let cases = ids.isEmpty ? [] : try await MDOCase.query(on: req.db).filter(\.$meeting.$id ~~ ids).all()
        let open = ids.isEmpty ? [] : try await MDOActionPoint.query(on: req.db).filter(\.$meeting.$id ~~ ids).filter(\.$doneOn == nil).all()
        let now = Date()
        func item(_ m: MDOMeeting) -> MDOListPage.Item {
            .init(title: m.title, href: "/zorg/mdo/\(m.id!.slug)", when: MeetingTime.dutch(m.startsAt),
                  cases: cases.filter { $0.$meeting.id == m.id }.count, openPoints: open.filter { $0.$meeting.id == m.id }.count)
        }
        return try await req.view.render("care/mdo-list", MDOListPage(
            page: try await req.pageMeta(title: req.t("mdo.title")),
            upcoming: meetings.filter { $0.startsAt.addingTimeInterval(4 * 3600) >= now }.map(item),
            past: meetings.filter { $0.startsAt.addingTimeInterval(4 * 3600) < now }.reversed().map(item),
            newHref: Self.roles.contains(user.role) ? "/zorg/mdo/nieuw" : nil))
    }

    @Sendable func newForm(req: Request) async throws -> View {
        let user = try req.requireRole(.professional, .coordinator, .admin)
        return try await renderEdit(req, user, form: MDOMeetingForm(time: "13:00", participants: [user.$organisation.id.slug]), errors: [:])
    }

    @Sendable func create(req: Request) async throws -> Response {
        let user = try req.requireRole(.professional, .coordinator, .admin)
        let form = try req.content.decode(MDOMeetingForm.self)
        let organisations = try await Self.organisations(for: user, on: req.db)
        switch form.validate(organisations: Set(organisations.compactMap(\.id)), english: req.isEnglish) {
        case .failure(let errors):
            return try await renderEdit(req, user, form: form, errors: errors).encodeResponse(status: .unprocessableEntity, for: req)
        case .success(let v):
            let meeting = try await MDORecords.plan(title: v.title, startsAt: v.startsAt, location: v.location,
                                                    participants: Array(v.participantIDs), by: user, on: req.db)
            req.flash(req.t("mdo.created"))
            return req.redirect(to: "/zorg/mdo/\(meeting.id!.slug)")
        }
    }

    @Sendable func show(req: Request) async throws -> View {
        let scope = try await req.mdoScope()
        let loaded = try await MDOMeetingPage.load(scope, on: req.db)
        try await scope.auditShown(.read, loaded, "meeting page", on: req.db)
        return try await req.view.render("care/mdo-meeting", try await MDOMeetingPage.build(req, scope, loaded))
    }

    /// Organisations one may invite: those of the organiser's municipality, and the organiser itself.
    static func organisations(for user: User, on db: any Database) async throws -> [Organisation] {
        let own = try await user.$organisation.get(on: db)
        return try await Organisation.query(on: db).filter(\.$municipalityCode == own.municipalityCode).sort(\.$name).all()
    }

    private func renderEdit(_ req: Request, _ user: User, form: MDOMeetingForm, errors: FieldErrors) async throws -> View {
        let organisations = try await Self.organisations(for: user, on: req.db)
        let chosen = Set((form.participants ?? []).map { $0.lowercased() })
        return try await req.view.render("care/mdo-edit", MDOEditPage(
            page: try await req.pageMeta(title: req.t("mdo.new.title"), forms: true), form: form,
            organisations: organisations.map { SelectOption(value: $0.id!.slug, label: $0.name, selected: chosen.contains($0.id!.slug)) },
            errors: errors, errorList: ErrorLink.list(errors, order: ["title", "date", "time", "location", "participants"])))
    }
}
