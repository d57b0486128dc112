import Fluent
import Vapor

/// Making a new instrument version in a form: the buttons add, remove and move domains, questions and
/// answers and send the whole form back (no JavaScript needed); saving checks everything and stores
/// a new version, the versions before it stay as they are.
extension InstrumentController {
    @Sendable func newForm(req: Request) async throws -> View {
        _ = try req.requireRole(.admin)
        let latest = try await ScreeningInstrument.current(on: req.db)
        let draft = InstrumentDraft(title: latest.title, basedOn: latest.version, definition: try latest.definition)
        return try await renderForm(req, draft, errors: [:], focus: nil, status: nil)
    }

    @Sendable func saveForm(req: Request) async throws -> Response {
        let user = try req.requireRole(.admin)
        let form = try req.content.decode([String: String].self)
        var draft = InstrumentDraft(form: form)
        if let op = form["op"], op != "save" {
            guard let edit = InstrumentDraft.Edit(op) else { throw Abort(.badRequest) }
            let focus = draft.apply(edit)
            return try await renderForm(req, draft, errors: [:], focus: focus,
                                        status: req.t(focus == nil ? "instrument.form.stale" : "instrument.form.changed")).encodeResponse(for: req)
        }
        let latest = try await ScreeningInstrument.current(on: req.db)
        if draft.basedOn != latest.version {
            // a double submit, or a colleague saved a version meanwhile: say so, and let a second save go through
            let message = req.isEnglish ? "Version \(latest.version) was saved meanwhile. Check it; saving again makes your version the newest."
                : "Intussen is versie \(latest.version) opgeslagen. Kijk die eerst na; als u nog eens opslaat, wordt uw versie de nieuwste."
            draft.basedOn = latest.version
            return try await renderForm(req, draft, errors: ["title": message], focus: nil, status: nil)
                .encodeResponse(status: .conflict, for: req)
        }
        switch draft.validated(english: req.isEnglish) {
        case .failure(let errors):
            return try await renderForm(req, draft, errors: errors, focus: nil, status: nil).encodeResponse(status: .unprocessableEntity, for: req)
        case .success(let (title, definition)):
            let instrument = try await ScreeningInstrument.publish(definition, title: title, by: user, on: req.db, now: Date())
            req.flash(req.t("instrument.saved"))
            return req.redirect(to: "/zorg/signaleren/instrument/\(instrument.version)")
        }
    }

    private func renderForm(_ req: Request, _ draft: InstrumentDraft, errors: FieldErrors, focus: String?, status: String?) async throws -> View {
        try await req.view.render("care/instrument-form", InstrumentFormPage(
            page: try await req.pageMeta(title: req.t("instrument.new.title"), forms: true),
            draft: draft, errors: errors, focus: focus, status: status, t: req.t, english: req.isEnglish))
    }
}
