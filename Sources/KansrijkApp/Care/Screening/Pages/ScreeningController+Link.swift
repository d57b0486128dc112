import Fluent
import Vapor

struct ScreeningLinkPage: Encodable {
    var page: PageMeta
    var client: ClientHeader
    var url: String
    var expires: String
    var screeningHref: String
}

extension ScreeningController {
    /// Makes a screening for the parent to fill in herself and shows its link once.
    @Sendable func createLink(req: Request) async throws -> Response {
        let scope = try await req.scopedClient()
        let form = try ScreeningAnswersForm(req)
        guard let key = form.submissionKey, key.count <= 64 else { throw Abort(.badRequest) }
        if let existing = try await Screening.query(on: req.db).filter(\.$submissionKey == key).first(), existing.$client.id == scope.id {
            // the token was shown by the first submit and is not stored: the screening page offers a new link
            try await scope.audit(.read, "screening \(existing.id!.slug) (repeated submit)", on: req.db)
            return req.redirect(to: "\(scope.base)/signaleren/\(existing.id!.slug)")
        }
        let instrument = try await ScreeningInstrument.current(on: req.db)
        let (screening, token) = try await ScreeningRecords.sendLink(client: scope.client, instrument: instrument, by: scope.user,
                                                                     basis: scope.basis, key: key, on: req.db, now: scope.now)
        return try await renderLink(req, scope, screening, token: token).encodeResponse(status: .created, for: req)
    }

    /// A fresh link when the first one expired or got lost; earlier links stop working.
    @Sendable func renewLink(req: Request) async throws -> Response {
        let scope = try await req.scopedClient()
        let s = try await Self.screening(req, scope)
        guard s.status == .waitingForParent else {
            try await scope.audit(.read, "screening \(s.id!.slug) (no new link: answered)", on: req.db)
            req.flash(req.t("screening.link.notneeded"))
            return req.redirect(to: "\(scope.base)/signaleren/\(s.id!.slug)")
        }
        let token = try await req.db.auditedTransaction { db -> String in
            try await ScreeningLink.query(on: db).filter(\.$screening.$id == s.requireID()).filter(\.$usedAt == nil)
                .set(\.$expiresAt, to: scope.now).update()
            let token = try await ScreeningLink.issue(for: s.requireID(), on: db, now: scope.now)
            try await scope.audit(.update, "screening \(s.id!.slug) new link for the parent", on: db)
            return token
        }
        return try await renderLink(req, scope, s, token: token).encodeResponse(status: .created, for: req)
    }

    private func renderLink(_ req: Request, _ scope: ScopedClient, _ s: Screening, token: String) async throws -> View {
        return try await req.view.render("care/screening-link", ScreeningLinkPage(
            page: try await req.pageMeta(title: req.t("screening.link.title"), forms: true), client: scope.header,
            url: "\(req.publicBaseURL)/vragenlijst/\(token)",
            expires: MeetingTime.dutch(scope.now.addingTimeInterval(ScreeningLink.validity)),
            screeningHref: "\(scope.base)/signaleren/\(s.id!.slug)"))
    }
}
