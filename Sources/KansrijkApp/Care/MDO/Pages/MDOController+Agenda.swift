import Fluent
import Vapor

extension MDOController {
    /// Puts a client's case on the agenda: only with a consent for the MDO in force; the participating
    /// organisations that consent covers become involved with the client (and may then see her name).
    @Sendable func addCase(req: Request) async throws -> Response {
        let scope = try await req.mdoScope()
        let form = try req.content.decode(MDOCaseForm.self)
        let visible = try await scope.access.visibleClientIDs(among: FormInput.uuid(form.client).map { [$0] } ?? [], on: req.db, now: scope.now)
        var outcome = form.validate(clients: visible, english: req.isEnglish)
        if case .success(let (clientID, _)) = outcome {
            if try await MDOVisibility.consent(client: clientID, on: req.db, now: scope.now) == nil { outcome = .failure(["case_client": MDOMessages(english: req.isEnglish).noConsent]) }
            else if try await MDOCase.query(on: req.db).filter(\.$meeting.$id == scope.id).filter(\.$client.$id == clientID).count() > 0 {
                outcome = .failure(["case_client": MDOMessages(english: req.isEnglish).alreadyOnAgenda])
            }
        }
        switch outcome {
        case .failure(let errors):
            let loaded = try await MDOMeetingPage.load(scope, on: req.db)
            try await scope.audit(.denied, clientID: form.client.flatMap(UUID.init(uuidString:)).flatMap { visible.contains($0) ? $0 : nil },
                                  basis: nil, "case refused: \(errors.messages.keys.sorted().joined(separator: ", "))", on: req.db)
            let page = try await MDOMeetingPage.build(req, scope, loaded, caseForm: form, errors: errors)
            return try await req.view.render("care/mdo-meeting", page).encodeResponse(status: .unprocessableEntity, for: req)
        case .success(let (clientID, question)):
            let (client, basis) = try await scope.access.require(client: clientID, on: req.db, now: scope.now)
            try await req.refuseChangeUnderEmergency(basis, client: clientID, now: scope.now)
            try await MDORecords.addCase(client: client, question: question, meeting: scope.meeting, participants: scope.participantIDs,
                                         by: scope.user, basis: basis, on: req.db, now: scope.now)
            req.flash(req.t("mdo.case.added"))
            return req.redirect(to: scope.base)
        }
    }

    /// The meeting's advice and decision on a case.
    @Sendable func saveOutcome(req: Request) async throws -> Response {
        let scope = try await req.mdoScope()
        guard let id = req.parameters.get("case", as: UUID.self), let c = try await MDOCase.find(id, on: req.db),
              c.$meeting.id == scope.id else { throw PageError.notFound }
        let form = try req.content.decode(MDOOutcomeForm.self)
        switch form.validate(english: req.isEnglish) {
        case .failure(let errors):
            let loaded = try await MDOMeetingPage.load(scope, on: req.db)
            try await scope.auditShown(.read, loaded, "meeting page (outcome refused)", on: req.db)
            let page = try await MDOMeetingPage.build(req, scope, loaded, outcomeErrors: (id, errors))
            return try await req.view.render("care/mdo-meeting", page).encodeResponse(status: .unprocessableEntity, for: req)
        case .success(let (advice, decision)):
            c.advice = advice
            c.decision = decision
            let basis = try await scope.basis(for: c, on: req.db)
            try await req.db.auditedTransaction { db in
                try await c.save(on: db)
                try await scope.audit(.update, clientID: c.$client.id, basis: basis, "advice and decision of case \(id.slug)", on: db)
            }
            req.flash(req.t("mdo.case.saved"))
            return req.redirect(to: "\(scope.base)#case-\(id.slug)")
        }
    }

    @Sendable func addPoint(req: Request) async throws -> Response {
        let scope = try await req.mdoScope()
        let form = try req.content.decode(MDOPointForm.self)
        let cases = try await MDOCase.query(on: req.db).filter(\.$meeting.$id == scope.id).all()
        switch form.validate(participants: scope.participantIDs, cases: Set(cases.compactMap(\.id)),
                             meetingDay: CalendarDay.day(at: scope.meeting.startsAt), english: req.isEnglish) {
        case .failure(let errors):
            let loaded = try await MDOMeetingPage.load(scope, on: req.db)
            try await scope.auditShown(.read, loaded, "meeting page (action point refused)", on: req.db)
            let page = try await MDOMeetingPage.build(req, scope, loaded, pointForm: form, errors: errors)
            return try await req.view.render("care/mdo-meeting", page).encodeResponse(status: .unprocessableEntity, for: req)
        case .success(let v):
            let pointCase = v.caseID.flatMap { id in cases.first { $0.id == id } }
            let basis = if let pointCase { try await scope.basis(for: pointCase, on: req.db) } else { AccessBasis?.none }
            try await req.db.auditedTransaction { db in
                let point = MDOActionPoint(meetingID: scope.id, caseID: v.caseID, text: v.text, ownerOrganisationID: v.ownerID,
                                           ownerPerson: v.person, dueOn: v.dueOn)
                try await point.create(on: db)
                try await scope.audit(.create, clientID: pointCase?.$client.id, basis: basis, "action point \(point.id!.slug)", on: db)
            }
            req.flash(req.t("mdo.point.added"))
            return req.redirect(to: "\(scope.base)#punten")
        }
    }

    /// Closes an action point, from the meeting that agreed it or any later one of the series.
    @Sendable func closePoint(req: Request) async throws -> Response {
        let scope = try await req.mdoScope()
        guard let id = req.parameters.get("point", as: UUID.self),
              let point = try await MDOActionPoint.query(on: req.db).filter(\.$id == id).with(\.$meeting).with(\.$mdoCase).first(),
              point.meeting.$organiser.id == scope.meeting.$organiser.id else { throw PageError.notFound }
        let form = try req.content.decode(ActionPointDoneForm.self)
        let clientID = point.mdoCase?.$client.id
        let basis = if let c = point.mdoCase { try await scope.basis(for: c, on: req.db) } else { AccessBasis?.none }
        switch form.validate(raisedOn: CalendarDay.day(at: point.meeting.startsAt), today: scope.today, english: req.isEnglish) {
        case .failure(let errors):
            try await scope.audit(.read, clientID: clientID, basis: basis, "closing action point \(id.slug) refused", on: req.db)
            req.flash(errors["done_on"] ?? req.t("error.badrequest"))
        case .success(let day):
            if point.doneOn == nil {
                point.doneOn = day
                try await req.db.auditedTransaction { db in
                    try await point.save(on: db)
                    try await scope.audit(.update, clientID: clientID, basis: basis, "action point \(id.slug) closed", on: db)
                }
            } else {
                try await scope.audit(.read, clientID: clientID, basis: basis, "action point \(id.slug) already closed", on: req.db)
            }
            req.flash(req.t("mdo.point.closed"))
        }
        return req.redirect(to: "\(scope.base)#punten")
    }
}

/// Messages of the MDO that the generic form messages do not cover.
struct MDOMessages {
    var english: Bool
    var noConsent: String {
        english ? "There is no consent in force from the client to discuss her in the MDO. Record the consent first (purpose: MDO)."
            : "Er is geen geldige toestemming van de cliënt om haar in het MDO te bespreken. Leg eerst de toestemming vast (doel: MDO)."
    }
    var alreadyOnAgenda: String { english ? "This client is already on the agenda of this meeting." : "Deze cliënt staat al op de agenda van dit overleg." }
}
