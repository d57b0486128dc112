import Fluent
import Vapor

struct CoalitionStoriesPage: Encodable {
    struct Item: Encodable {
        var id: String; var title: String; var paragraphs: [String]; var teller: String; var told: String
        var tags: [String]; var consent: String; var editHref: String?; var deleteAction: String?
    }
    var page: PageMeta
    var ws: WorkspaceHeader
    var items: [Item]
}

struct CoalitionStoryEditPage: Encodable {
    var page: PageMeta
    var ws: WorkspaceHeader
    var editing: Bool
    var action: String
    var form: CoalitionStoryForm
    var tellers: [SelectOption]
    var phases: [SelectOption]
    var themes: [SelectOption]
    var partners: [SelectOption]
    var consentForms: [SelectOption]
    var consentTicked: Bool
    var publicTicked: Bool
    /// Shown when the text looks like it holds a name.
    var nameWarning: Bool
    var errors: FieldErrors
    var errorList: [ErrorLink]
}

/// "Vertellen": stories of parents and professionals, with consent and without names.
struct CoalitionStoryController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let s = routes.grouped("coalities", ":slug", "verhalen")
        s.get(use: list)
        s.get("nieuw", use: newForm)
        s.post("nieuw", use: create)
        s.get(":id", "bewerken", use: editForm)
        s.post(":id", "bewerken", use: update)
        s.post(":id", "verwijderen", use: delete)
    }

    @Sendable func list(req: Request) async throws -> View {
        let ws = try await req.workspace(.read)
        let stories = try await CoalitionStory.query(on: req.db).filter(\.$coalition.$id == ws.id)
            .with(\.$partner) { $0.with(\.$organisation) }.sort(\.$toldOn, .descending).all()
        let english = req.isEnglish
        return try await req.view.render("coalitions/stories", CoalitionStoriesPage(
            page: try await req.workspaceMeta(ws, req.t("coalition.tab.stories")), ws: WorkspaceHeader(ws, .stories, req),
            items: stories.map { s in
                var tags: [String] = []
                if let p = s.phase.flatMap({ Term.find(.fase, $0) }) { tags.append(p.label(english: english)) }
                if let t = s.theme.flatMap({ Term.find(.thema, $0) }) { tags.append(t.label(english: english)) }
                if let o = s.partner?.organisation.name { tags.append(o) }
                tags.append(req.t(s.isPublic ? "story.public.tag" : "story.public.not"))
                return .init(id: s.id!.slug, title: s.title, paragraphs: s.body.split(whereSeparator: \.isNewline).map(String.init),
                             teller: req.t("story.teller.\(s.teller.rawValue)"), told: req.date(s.toldOn), tags: tags,
                             consent: "\(req.t("story.consent.recorded")): \(req.t("story.consent.\(s.consentForm.rawValue)")), \(req.date(s.consentOn)).",
                             editHref: ws.canEdit ? "\(ws.base)/verhalen/\(s.id!.slug)/bewerken" : nil,
                             deleteAction: ws.canEdit ? "\(ws.base)/verhalen/\(s.id!.slug)/verwijderen" : nil)
            }))
    }

    @Sendable func newForm(req: Request) async throws -> View {
        let ws = try await req.workspace(.edit)
        let today = CalendarDay.iso(ws.today)
        return try await render(req, ws, form: CoalitionStoryForm(toldOn: today, consentOn: today), errors: [:], findings: [])
    }

    @Sendable func create(req: Request) async throws -> Response {
        let ws = try await req.workspace(.edit)
        let form = try req.content.decode(CoalitionStoryForm.self)
        let (result, findings) = form.validate(partners: try await AmbitionController.partnerIDs(ws, on: req.db), today: ws.today, english: req.isEnglish)
        switch result {
        case .failure(let errors):
            return try await render(req, ws, form: form, errors: errors, findings: findings).encodeResponse(status: .unprocessableEntity, for: req)
        case .success(let v):
            try await CoalitionStory(coalitionID: ws.id, title: v.title, body: v.body, teller: v.teller, phase: v.phase, theme: v.theme,
                            partnerID: v.partnerID, toldOn: v.toldOn, consentOn: v.consentOn, consentForm: v.consentForm,
                            recordedByID: ws.user.id, isPublic: v.isPublic).create(on: req.db)
            req.flash(req.t("story.created"))
            return req.redirect(to: "\(ws.base)/verhalen")
        }
    }

    /// Editing keeps the story's consent record; it is how an author marks an older story public (or not).
    @Sendable func editForm(req: Request) async throws -> View {
        let (ws, story) = try await storyOfWorkspace(req)
        return try await render(req, ws, form: CoalitionStoryForm(story), errors: [:], findings: [], editing: story)
    }

    @Sendable func update(req: Request) async throws -> Response {
        let (ws, story) = try await storyOfWorkspace(req)
        let form = try req.content.decode(CoalitionStoryForm.self)
        let (result, findings) = form.validate(partners: try await AmbitionController.partnerIDs(ws, on: req.db), today: ws.today, english: req.isEnglish)
        switch result {
        case .failure(let errors):
            return try await render(req, ws, form: form, errors: errors, findings: findings, editing: story)
                .encodeResponse(status: .unprocessableEntity, for: req)
        case .success(let v):
            story.title = v.title; story.body = v.body; story.teller = v.teller; story.phase = v.phase; story.theme = v.theme
            story.$partner.id = v.partnerID; story.toldOn = v.toldOn; story.consentOn = v.consentOn; story.consentForm = v.consentForm
            story.isPublic = v.isPublic
            try await story.update(on: req.db)
            req.flash(req.t("story.updated"))
            return req.redirect(to: "\(ws.base)/verhalen")
        }
    }

    private func storyOfWorkspace(_ req: Request) async throws -> (CoalitionWorkspace, CoalitionStory) {
        let ws = try await req.workspace(.edit)
        guard let id = req.parameters.get("id", as: UUID.self), let story = try await CoalitionStory.find(id, on: req.db),
              story.$coalition.id == ws.id else { throw PageError.notFound }
        return (ws, story)
    }

    /// Removing a story is how a withdrawn consent is honoured.
    @Sendable func delete(req: Request) async throws -> Response {
        let ws = try await req.workspace(.edit)
        guard let id = req.parameters.get("id", as: UUID.self), let story = try await CoalitionStory.find(id, on: req.db),
              story.$coalition.id == ws.id else { throw PageError.notFound }
        if let ask = try await req.deleteConfirmation(.init(kindKey: "confirm.kind.story", name: story.title), back: "\(ws.base)/verhalen") { return ask }
        try await story.delete(on: req.db)
        req.flash(req.t("story.deleted"))
        return req.redirect(to: "\(ws.base)/verhalen")
    }

    private func render(_ req: Request, _ ws: CoalitionWorkspace, form: CoalitionStoryForm, errors: FieldErrors, findings: [NameWarnings.Finding],
                        editing story: CoalitionStory? = nil) async throws -> View {
        let partners = try await CoalitionPartner.all(of: ws, on: req.db).filter { $0.isCurrent(on: ws.today) }
        let english = req.isEnglish
        return try await req.view.render("coalitions/story-edit", CoalitionStoryEditPage(
            page: try await req.workspaceMeta(ws, req.t(story == nil ? "story.new.title" : "story.edit.title"), errors: !errors.isEmpty),
            ws: WorkspaceHeader(ws, .stories, req), editing: story != nil,
            action: story.map { "\(ws.base)/verhalen/\($0.id!.slug)/bewerken" } ?? "\(ws.base)/verhalen/nieuw", form: form,
            tellers: SelectOption.labelled(StoryTeller.self, prefix: "story.teller", selected: form.teller, req),
            phases: SelectOption.terms(.fase, selected: form.phase, english: english),
            themes: SelectOption.terms(.thema, selected: form.theme, english: english),
            partners: partners.map { SelectOption(value: $0.id!.slug, label: $0.organisation.name, selected: $0.id!.slug == form.partner?.lowercased()) },
            consentForms: SelectOption.labelled(ConsentForm.self, prefix: "story.consent", selected: form.consentForm, req),
            consentTicked: FormInput.ticked(form.consent),
            publicTicked: FormInput.ticked(form.public),
            nameWarning: !findings.isEmpty,
            errors: errors,
            errorList: ErrorLink.list(errors, order: ["title", "body", "teller", "phase", "theme", "partner", "told_on",
                                                      "consent", "consent_on", "consent_form"])))
    }
}
