import Fluent
import Vapor

struct ScreeningListPage: Encodable {
    struct Row: Encodable { var href: String; var date: String; var mode: String; var status: String; var level: String?; var levelCode: String?; var version: Int }
    var page: PageMeta
    var client: ClientHeader
    var rows: [Row]
    var newHref: String
    var linkAction: String
    var submissionKey: String
}

struct ScreeningFormPage: Encodable {
    var page: PageMeta
    var client: ClientHeader
    var action: String
    var version: String
    var questionnaire: QuestionnaireView
    var judgement: JudgementView
    var submissionKey: String
    var errorList: [ErrorLink]
}

/// The professional's own judgement on the instrument's level.
struct JudgementView: Encodable {
    var levels: [SelectOption]
    var reason: String
    var errors: FieldErrors

    init(selected: String?, reason: String?, errors: FieldErrors, _ req: Request) {
        levels = VulnerabilityLevel.allCases.map { SelectOption(value: $0.rawValue, label: req.t($0.key), selected: $0.rawValue == selected) }
        self.reason = reason ?? ""
        self.errors = errors
    }
}

/// Signalling with the parent (issue #4): fill the instrument in together, or send the parent a link
/// to fill it in herself beforehand, then discuss and complete it; the result leads to a route proposal.
struct ScreeningController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let s = routes.grouped("zorg", "clienten", ":client", "signaleren")
        s.get(use: list)
        s.get("nieuw", use: newForm)
        s.post("nieuw", use: create)
        s.post("link", use: createLink)
        s.get(":screening", use: show)
        s.post(":screening", use: complete)
        s.post(":screening", "nieuwe-link", use: renewLink)
        s.get(":screening", "route", use: route)
    }

    @Sendable func list(req: Request) async throws -> View {
        let scope = try await req.scopedClient()
        let screenings = try await Screening.query(on: req.db).filter(\.$client.$id == scope.id).with(\.$instrument)
            .sort(\.$createdAt, .descending).all()
        try await scope.audit(.read, "screening list", on: req.db)
        return try await req.view.render("care/screening-list", ScreeningListPage(
            page: try await req.pageMeta(title: req.t("screening.list.title") + " " + scope.client.code, forms: true),
            client: scope.header,
            rows: screenings.map { s in
                .init(href: "\(scope.base)/signaleren/\(s.id!.slug)", date: req.date(s.createdAt ?? scope.now),
                      mode: req.t("screening.mode.\(s.mode.rawValue)"), status: req.t("screening.status.\(s.status.rawValue)"),
                      level: s.level.map { req.t($0.key) }, levelCode: s.level?.rawValue, version: s.instrument.version)
            },
            newHref: "\(scope.base)/signaleren/nieuw", linkAction: "\(scope.base)/signaleren/link",
            submissionKey: ScreeningLink.newToken()))
    }

    @Sendable func newForm(req: Request) async throws -> View {
        let scope = try await req.scopedClient()
        let instrument = try await ScreeningInstrument.current(on: req.db)
        try await scope.audit(.read, "screening form", on: req.db)
        return try await renderForm(req, scope, instrument, form: ScreeningAnswersForm(fields: [:]), key: ScreeningLink.newToken(), errors: [:])
    }

    @Sendable func create(req: Request) async throws -> Response {
        let scope = try await req.scopedClient()
        let form = try ScreeningAnswersForm(req)
        guard let key = form.submissionKey, key.count <= 64 else { throw Abort(.badRequest) }
        if let existing = try await Screening.query(on: req.db).filter(\.$submissionKey == key).first(), existing.$client.id == scope.id {
            // a double submit: the first one already made it
            try await scope.audit(.read, "screening \(existing.id!.slug) (repeated submit)", on: req.db)
            return req.redirect(to: "\(scope.base)/signaleren/\(existing.id!.slug)")
        }
        let instrument = try await ScreeningInstrument.current(on: req.db)
        let definition = try instrument.definition
        switch form.validate(definition, complete: true, english: req.isEnglish) {
        case .failure(let errors):
            try await scope.audit(.read, "screening form (invalid)", on: req.db)
            return try await renderForm(req, scope, instrument, form: form, key: key, errors: errors).encodeResponse(status: .unprocessableEntity, for: req)
        case .success(let valid):
            let screening = try await ScreeningRecords.completeTogether(valid, client: scope.client, instrument: instrument, definition: definition,
                                                                        by: scope.user, basis: scope.basis, key: key, on: req.db, now: scope.now)
            req.flash(req.t("screening.saved"))
            return req.redirect(to: "\(scope.base)/signaleren/\(screening.id!.slug)")
        }
    }

    func renderForm(_ req: Request, _ scope: ScopedClient, _ instrument: ScreeningInstrument, form: ScreeningAnswersForm,
                    key: String, errors: FieldErrors) async throws -> View {
        let definition = try instrument.definition
        return try await req.view.render("care/screening-form", ScreeningFormPage(
            page: try await req.pageMeta(title: req.t("screening.new.title") + " " + scope.client.code, forms: true),
            client: scope.header, action: "\(scope.base)/signaleren/nieuw",
            version: "\(instrument.version): \(instrument.title)",
            questionnaire: QuestionnaireView(definition, answers: form.answers, errors: errors, forParent: false, english: req.isEnglish),
            judgement: JudgementView(selected: form.adjustedLevel, reason: form.reason, errors: errors, req),
            submissionKey: key,
            errorList: QuestionnaireView.errorLinks(definition, errors, extra: ["adjusted_level", "reason"])))
    }

    static func screening(_ req: Request, _ scope: ScopedClient) async throws -> Screening {
        guard let id = req.parameters.get("screening", as: UUID.self),
              let s = try await Screening.query(on: req.db).filter(\.$id == id).with(\.$instrument).first(),
              s.$client.id == scope.id else { throw PageError.notFound }
        return s
    }
}
