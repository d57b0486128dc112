import Fluent
import Vapor

struct ParentScreeningPage: Encodable {
    var page: PageMeta
    var action: String
    var questionnaire: QuestionnaireView
    var parentNote: String
    var errorList: [ErrorLink]
}

struct ParentScreeningClosedPage: Encodable {
    var page: PageMeta
    /// `used`, `expired` or `unknown`.
    var reason: String
}

/// The parent's own page (issue #4, like Mind2Care): no log-in, plain Dutch, works without JavaScript
/// on a phone. The link's token is the only key; it works once and until it expires.
struct ParentScreeningController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("vragenlijst", ":token", use: show)
        routes.post("vragenlijst", ":token", use: submit)
    }

    @Sendable func show(req: Request) async throws -> Response {
        let now = Date()
        let (link, screening) = try await open(req)
        guard let link, let screening, link.state(at: now) == .open else { return try await closed(req, link, now) }
        let definition = try screening.instrument.definition
        try await ScreeningRecords.auditParent(screening, .read, "parent opened the screening link", on: req.db, now: now)
        return Self.private(try await render(req, definition, form: ScreeningAnswersForm(fields: [:]), errors: [:]).encodeResponse(for: req))
    }

    @Sendable func submit(req: Request) async throws -> Response {
        let now = Date()
        let (link, screening) = try await open(req)
        guard let link, let screening, link.state(at: now) == .open else { return try await closed(req, link, now) }
        let definition = try screening.instrument.definition
        let form = try ScreeningAnswersForm(req)
        switch form.validate(definition, complete: false, english: req.isEnglish) {
        case .failure(let errors):
            return Self.private(try await render(req, definition, form: form, errors: errors).encodeResponse(status: .unprocessableEntity, for: req))
        case .success(let valid):
            // only the first submit counts; a second one (double click, back button) changes nothing
            let accepted = try await ScreeningRecords.submitByParent(valid.answers, note: form.parentNote, link: link, screening: screening,
                                                                     definition: definition, notifier: Notifier(app: req.application),
                                                                     on: req.db, now: now)
            guard accepted else { return try await closed(req, link, now) }
            return req.redirect(to: "/vragenlijst/klaar")
        }
    }

    /// The answers are hers alone: no cache keeps the page (the app-wide same-origin referrer
    /// policy already keeps the link from other sites).
    static func `private`(_ response: Response) -> Response {
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    private func open(_ req: Request) async throws -> (ScreeningLink?, Screening?) {
        guard let token = req.parameters.get("token"), let link = try await ScreeningLink.find(token: token, on: req.db) else { return (nil, nil) }
        let screening = try await Screening.query(on: req.db).filter(\.$id == link.$screening.id).with(\.$instrument).with(\.$createdBy).first()
        // "u" or "jij" for the parent, as the coalition of her municipality agreed (issue 15)
        if let screening, let client = try await CareClient.find(screening.$client.id, on: req.db) {
            req.parentAddress = try await ParentAddress.forMunicipality(client.municipalityCode, on: req.db)
        }
        return (link, screening)
    }

    private func render(_ req: Request, _ definition: InstrumentDefinition, form: ScreeningAnswersForm, errors: FieldErrors) async throws -> View {
        try await req.view.render("care/parent-screening", ParentScreeningPage(
            page: try await req.pageMeta(title: req.t("parentscreening.title"), forms: true),
            action: req.url.path,
            questionnaire: QuestionnaireView(definition, answers: form.answers, errors: errors, forParent: true, english: req.isEnglish),
            parentNote: form.parentNote ?? "",
            errorList: QuestionnaireView.errorLinks(definition, errors, extra: ["parent_note"])))
    }

    private func closed(_ req: Request, _ link: ScreeningLink?, _ now: Date) async throws -> Response {
        let reason: String
        switch link?.state(at: now) {
        case .used?: reason = "used"
        case .expired?: reason = "expired"
        default: reason = "unknown"
        }
        let view = try await req.view.render("care/parent-screening-closed", ParentScreeningClosedPage(
            page: try await req.pageMeta(title: req.t("parentscreening.closed.title")), reason: reason))
        return try await view.encodeResponse(status: link == nil ? .notFound : .gone, for: req)
    }
}

/// The thank-you page after the parent sent her answers.
struct ParentScreeningDoneController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("vragenlijst", "klaar") { req async throws -> View in
            try await req.view.render("care/parent-screening-done", ["page": try await req.pageMeta(title: req.t("parentscreening.done.title"))])
        }
    }
}
