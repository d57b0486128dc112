import Fluent
import Vapor

extension VolunteerRequestController {
    @Sendable func show(req: Request) async throws -> View {
        let v = try await req.volunteerScope()
        try await v.scope.audit(.read, "volunteer request \(v.request.id!.slug)", on: req.db)
        return try await req.view.render("care/volunteer-request", try await VolunteerRequestPage.build(req, v))
    }

    /// The volunteer organisation links a volunteer to the family from a start date.
    @Sendable func match(req: Request) async throws -> Response {
        let v = try await req.volunteerScope()
        guard v.isVolunteerSide else { throw PageError.forbidden }
        let form = try req.content.decode(VolunteerStepForm.self)
        let m = WorkspaceMessages(english: req.isEnglish), vm = VolunteerMessages(english: req.isEnglish)
        var errors = FieldErrors()
        if v.request.status != .open { errors["m_volunteer"] = vm.notOpen }
        let volunteerID = FormInput.uuid(form.volunteer)
        let volunteer = volunteerID == nil ? nil : try await Volunteer.find(volunteerID, on: req.db)
        if errors.isEmpty, volunteer == nil || volunteer?.$organisation.id != v.scope.access.organisationID || volunteer?.isActive != true {
            errors["m_volunteer"] = m.choice
        }
        let start = FormInput.day(form.on, "m_on", required: true, &errors, m)
        if let start, start < CalendarDay.day(at: v.request.createdAt ?? v.scope.now) { errors["m_on"] = vm.startBeforeRequest }
        guard errors.isEmpty, let volunteer, let start else { return try await refuse(req, v, errors, chosen: form.volunteer) }
        try await VolunteerRecords.match(v.request, volunteer: volunteer, startOn: start, by: v.scope.user, basis: v.scope.basis, on: req.db, now: v.scope.now)
        req.flash(req.t("volunteer.matched"))
        return req.redirect(to: v.base)
    }

    @Sendable func checkIn(req: Request) async throws -> Response {
        let v = try await req.volunteerScope()
        guard v.isVolunteerSide else { throw PageError.forbidden }
        let form = try req.content.decode(VolunteerStepForm.self)
        let m = WorkspaceMessages(english: req.isEnglish), vm = VolunteerMessages(english: req.isEnglish)
        var errors = FieldErrors()
        let match = try await running(v, on: req.db)
        if match == nil { errors["c_on"] = vm.noMatch }
        let day = FormInput.day(form.on, "c_on", required: true, &errors, m)
        if let day, day > CalendarDay.day(at: v.scope.now) { errors["c_on"] = m.future }
        if let day, let match, day < match.startOn { errors["c_on"] = vm.beforeStart }
        let note = FormInput.limited(form.note, "c_note", max: 2000, required: true, &errors, m)
        guard errors.isEmpty, match != nil, let day, let note else { return try await refuse(req, v, errors) }
        try await VolunteerRecords.checkIn(v.request, on: day, note: note, by: v.scope.user, basis: v.scope.basis, on: req.db, now: v.scope.now)
        req.flash(req.t("volunteer.checkedin"))
        return req.redirect(to: v.base)
    }

    @Sendable func end(req: Request) async throws -> Response {
        let v = try await req.volunteerScope()
        let form = try req.content.decode(VolunteerStepForm.self)
        let m = WorkspaceMessages(english: req.isEnglish), vm = VolunteerMessages(english: req.isEnglish)
        var errors = FieldErrors()
        let match = try await running(v, on: req.db)
        if match == nil { errors["e_on"] = vm.noMatch }
        let day = FormInput.day(form.on, "e_on", required: true, &errors, m)
        if let day, day > CalendarDay.day(at: v.scope.now) { errors["e_on"] = m.future }
        if let day, let match, day < match.startOn { errors["e_on"] = vm.beforeStart }
        let reason = FormInput.limited(form.note, "e_note", max: 1000, required: true, &errors, m)
        guard errors.isEmpty, let match, let day, let reason else { return try await refuse(req, v, errors) }
        try await req.db.auditedTransaction { db in
            match.endOn = day
            match.endReason = reason
            try await match.save(on: db)
            v.request.status = .ended
            try await v.request.save(on: db)
            try await v.scope.audit(.update, "volunteer request \(v.request.id!.slug) match ended", on: db)
        }
        req.flash(req.t("volunteer.ended"))
        return req.redirect(to: v.base)
    }

    private func running(_ v: VolunteerScope, on db: any Database) async throws -> VolunteerMatch? {
        try await VolunteerMatch.query(on: db).filter(\.$request.$id == v.request.requireID()).filter(\.$endOn == nil).first()
    }

    private func refuse(_ req: Request, _ v: VolunteerScope, _ errors: FieldErrors, chosen: String? = nil) async throws -> Response {
        try await v.scope.audit(.read, "volunteer request \(v.request.id!.slug) (change refused)", on: req.db)
        let page = try await VolunteerRequestPage.build(req, v, errors: errors, chosen: chosen)
        return try await req.view.render("care/volunteer-request", page).encodeResponse(status: .unprocessableEntity, for: req)
    }
}
