import Fluent
import Vapor

/// One screening: its outcome per domain, the professional's judgement, and while it is open, the
/// form to discuss and complete it with the parent.
struct ScreeningPage: Encodable {
    struct Waiting: Encodable { var expires: String; var expired: Bool; var renewAction: String }
    struct Discuss: Encodable { var action: String; var questionnaire: QuestionnaireView; var judgement: JudgementView }

    var page: PageMeta
    var client: ClientHeader
    var listHref: String
    var mode: String
    var status: String
    var statusCode: String
    var version: String
    var created: String
    var completed: String?
    var result: ScreeningResultView?
    var parentNote: String?
    var waiting: Waiting?
    var discuss: Discuss?
    var routeHref: String?
    var errorList: [ErrorLink]

    static func build(_ req: Request, _ scope: ScopedClient, _ s: Screening, form: ScreeningAnswersForm? = nil,
                      errors: FieldErrors = [:]) async throws -> ScreeningPage {
        let definition = try s.instrument.definition
        let base = "\(scope.base)/signaleren/\(s.id!.slug)"
        let score = ScreeningScore.score(s.answers, with: definition)
        var waiting: Waiting?
        if s.status == .waitingForParent {
            let links = try await ScreeningLink.query(on: req.db).filter(\.$screening.$id == s.requireID()).sort(\.$expiresAt, .descending).all()
            if let link = links.first {
                waiting = Waiting(expires: MeetingTime.dutch(link.expiresAt), expired: link.state(at: scope.now) == .expired,
                                  renewAction: "\(base)/nieuwe-link")
            }
        }
        var discuss: Discuss?
        if s.status != .completed {
            let f = form ?? ScreeningAnswersForm(fields: [:])
            let answers = form?.answers ?? s.answers
            discuss = Discuss(action: base,
                              questionnaire: QuestionnaireView(definition, answers: answers, errors: errors, forParent: false, english: req.isEnglish),
                              judgement: JudgementView(selected: f.adjustedLevel, reason: f.reason, errors: errors, req))
        }
        return ScreeningPage(
            page: try await req.pageMeta(title: req.t("screening.title") + " " + scope.client.code, forms: true),
            client: scope.header, listHref: "\(scope.base)/signaleren",
            mode: req.t("screening.mode.\(s.mode.rawValue)"), status: req.t("screening.status.\(s.status.rawValue)"),
            statusCode: s.status.rawValue, version: "\(s.instrument.version): \(s.instrument.title)",
            created: req.date(s.createdAt ?? scope.now), completed: s.completedAt.map(req.date),
            result: s.status == .waitingForParent ? nil : ScreeningResultView(score, screening: s, t: req.t),
            parentNote: s.parentNote, waiting: waiting, discuss: discuss,
            routeHref: s.status == .waitingForParent ? nil : "\(base)/route",
            errorList: QuestionnaireView.errorLinks(definition, errors, extra: ["adjusted_level", "reason"]))
    }
}

extension ScreeningController {
    @Sendable func show(req: Request) async throws -> View {
        let scope = try await req.scopedClient()
        let s = try await Self.screening(req, scope)
        try await scope.audit(.read, "screening \(s.id!.slug)", on: req.db)
        return try await req.view.render("care/screening", try await ScreeningPage.build(req, scope, s))
    }

    /// Completes the screening after the conversation: the answers as discussed, the level as agreed.
    @Sendable func complete(req: Request) async throws -> Response {
        let scope = try await req.scopedClient()
        let s = try await Self.screening(req, scope)
        guard s.status != .completed else {
            // a second click on "complete": nothing changes
            try await scope.audit(.read, "screening \(s.id!.slug) (already completed)", on: req.db)
            return req.redirect(to: "\(scope.base)/signaleren/\(s.id!.slug)")
        }
        let form = try ScreeningAnswersForm(req)
        let definition = try s.instrument.definition
        switch form.validate(definition, complete: true, english: req.isEnglish) {
        case .failure(let errors):
            try await scope.audit(.read, "screening \(s.id!.slug) (invalid completion)", on: req.db)
            let page = try await ScreeningPage.build(req, scope, s, form: form, errors: errors)
            return try await req.view.render("care/screening", page).encodeResponse(status: .unprocessableEntity, for: req)
        case .success(let valid):
            s.complete(valid, definition: definition, by: scope.access.userID, now: scope.now)
            try await req.db.auditedTransaction { db in
                try await ScreeningLink.query(on: db).filter(\.$screening.$id == s.requireID()).filter(\.$usedAt == nil)
                    .set(\.$expiresAt, to: scope.now).update()
                try await s.save(on: db)
                try await scope.audit(.update, "screening \(s.id!.slug) completed", on: db)
            }
            req.flash(req.t("screening.saved"))
            return req.redirect(to: "\(scope.base)/signaleren/\(s.id!.slug)")
        }
    }
}
