import Fluent
import Vapor

struct CoalitionMeetingsPage: Encodable {
    struct Item: Encodable { var title: String; var href: String; var kind: String; var when: String; var location: String }
    struct Rhythm: Encodable { var label: String; var count: Int; var norm: String?; var belowNorm: Bool }
    var page: PageMeta
    var ws: WorkspaceHeader
    var upcoming: [Item]
    var past: [Item]
    var year: Int
    var rhythm: [Rhythm]
    var calendarHref: String
}

struct CoalitionMeetingEditPage: Encodable {
    var page: PageMeta
    var ws: WorkspaceHeader
    var isNew: Bool
    var action: String
    var cancel: String
    var form: MeetingForm
    var kinds: [SelectOption]
    var attendees: [SelectOption]
    var errors: FieldErrors
    var errorList: [ErrorLink]
}

/// Meetings of the coalition: planning, agenda, attendees, decisions, and action points that
/// carry over until they are done; plus an iCalendar feed of what is coming.
struct CoalitionMeetingController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let c = routes.grouped("coalities", ":slug")
        let m = c.grouped("overleggen")
        m.get(use: list)
        m.get("nieuw", use: newForm)
        m.post("nieuw", use: create)
        m.get(":id", use: show)
        m.get(":id", "bewerken", use: editForm)
        m.post(":id", "bewerken", use: update)
        m.post(":id", "actiepunten", use: addPoint)
        m.post(":id", "actiepunten", ":point", "afgerond", use: markDone)
        c.get("agenda.ics", use: calendar)
    }

    @Sendable func list(req: Request) async throws -> View {
        let ws = try await req.workspace(.read)
        let meetings = try await CoalitionMeeting.query(on: req.db).filter(\.$coalition.$id == ws.id).sort(\.$startsAt).all()
        let now = Date()
        func item(_ m: CoalitionMeeting) -> CoalitionMeetingsPage.Item {
            .init(title: m.title, href: "\(ws.base)/overleggen/\(m.id!.slug)", kind: req.t("meeting.kind.\(m.kind.rawValue)"),
                  when: MeetingTime.dutch(m.startsAt), location: m.location)
        }
        let year = CalendarDay.amsterdam.component(.year, from: now)
        let rhythm = MeetingRhythm.year(year, meetings: meetings.map { ($0.kind, $0.startsAt) }).map { line in
            CoalitionMeetingsPage.Rhythm(label: req.t("meeting.kind.\(line.kind.rawValue)"), count: line.count,
                                norm: line.norm.map { $0.lowerBound == $0.upperBound ? "\($0.lowerBound)" : "\($0.lowerBound)-\($0.upperBound)" },
                                belowNorm: line.isBelowNorm)
        }
        return try await req.view.render("coalitions/meetings", CoalitionMeetingsPage(
            page: try await req.workspaceMeta(ws, req.t("coalition.tab.meetings")), ws: WorkspaceHeader(ws, .meetings, req),
            upcoming: meetings.filter { $0.endsAt >= now }.map(item),
            past: meetings.filter { $0.endsAt < now }.reversed().map(item),
            year: year, rhythm: rhythm, calendarHref: "\(ws.base)/agenda.ics"))
    }

    @Sendable func show(req: Request) async throws -> View {
        let ws = try await req.workspace(.read)
        let meeting = try await Self.meeting(req, ws)
        return try await req.view.render("coalitions/meeting", try await CoalitionMeetingPage.build(req, ws, meeting))
    }

    @Sendable func newForm(req: Request) async throws -> View {
        let ws = try await req.workspace(.edit)
        let form = MeetingForm(kind: CoalitionMeetingKind.core.rawValue, startTime: "15:00", endTime: "17:00")
        return try await renderEdit(req, ws, meeting: nil, form: form, errors: [:])
    }

    @Sendable func create(req: Request) async throws -> Response {
        let ws = try await req.workspace(.edit)
        let form = try req.content.decode(MeetingForm.self)
        switch form.validate(partners: try await AmbitionController.partnerIDs(ws, on: req.db), english: req.isEnglish) {
        case .failure(let errors):
            return try await renderEdit(req, ws, meeting: nil, form: form, errors: errors).encodeResponse(status: .unprocessableEntity, for: req)
        case .success(let v):
            let meeting = CoalitionMeeting(coalitionID: ws.id, kind: v.kind, title: v.title, startsAt: v.startsAt, endsAt: v.endsAt,
                                  location: v.location, agenda: v.agenda, guests: v.guests, decisions: v.decisions)
            try await req.db.writeTransaction { db in
                try await meeting.create(on: db)
                for p in v.attendeeIDs { try await CoalitionMeetingAttendance(meetingID: meeting.requireID(), partnerID: p).create(on: db) }
            }
            req.flash(req.t("meeting.created"))
            return req.redirect(to: "\(ws.base)/overleggen/\(meeting.id!.slug)")
        }
    }

    @Sendable func editForm(req: Request) async throws -> View {
        let ws = try await req.workspace(.edit)
        let m = try await Self.meeting(req, ws)
        let start = MeetingTime.parts(m.startsAt), end = MeetingTime.parts(m.endsAt)
        let attendees = try await CoalitionMeetingAttendance.query(on: req.db).filter(\.$meeting.$id == m.requireID()).all()
        let form = MeetingForm(kind: m.kind.rawValue, title: m.title, date: CalendarDay.iso(start.day), startTime: start.time, endTime: end.time,
                               location: m.location, agenda: m.agenda, guests: m.guests, decisions: m.decisions,
                               attendees: attendees.map { $0.$partner.id.slug })
        return try await renderEdit(req, ws, meeting: m, form: form, errors: [:])
    }

    @Sendable func update(req: Request) async throws -> Response {
        let ws = try await req.workspace(.edit)
        let m = try await Self.meeting(req, ws)
        let form = try req.content.decode(MeetingForm.self)
        switch form.validate(partners: try await AmbitionController.partnerIDs(ws, on: req.db), english: req.isEnglish) {
        case .failure(let errors):
            return try await renderEdit(req, ws, meeting: m, form: form, errors: errors).encodeResponse(status: .unprocessableEntity, for: req)
        case .success(let v):
            let id = try m.requireID()
            try await req.db.writeTransaction { db in
                m.kind = v.kind; m.title = v.title; m.startsAt = v.startsAt; m.endsAt = v.endsAt; m.location = v.location
                m.agenda = v.agenda; m.guests = v.guests; m.decisions = v.decisions
                try await m.save(on: db)
                try await CoalitionMeetingAttendance.query(on: db).filter(\.$meeting.$id == id).delete()
                for p in v.attendeeIDs { try await CoalitionMeetingAttendance(meetingID: id, partnerID: p).create(on: db) }
            }
            req.flash(req.t("meeting.saved"))
            return req.redirect(to: "\(ws.base)/overleggen/\(id.slug)")
        }
    }

    @Sendable func addPoint(req: Request) async throws -> Response {
        let ws = try await req.workspace(.edit)
        let m = try await Self.meeting(req, ws)
        let form = try req.content.decode(ActionPointForm.self)
        switch form.validate(partners: try await AmbitionController.partnerIDs(ws, on: req.db),
                             meetingDay: CalendarDay.day(at: m.startsAt), english: req.isEnglish) {
        case .failure(let errors):
            let page = try await CoalitionMeetingPage.build(req, ws, m, pointForm: form, errors: errors)
            return try await req.view.render("coalitions/meeting", page).encodeResponse(status: .unprocessableEntity, for: req)
        case .success(let v):
            try await CoalitionActionPoint(coalitionID: ws.id, meetingID: m.requireID(), text: v.text, ownerID: v.ownerID, dueOn: v.dueOn).create(on: req.db)
            req.flash(req.t("point.added"))
            return req.redirect(to: "\(ws.base)/overleggen/\(m.id!.slug)")
        }
    }

    @Sendable func markDone(req: Request) async throws -> Response {
        let ws = try await req.workspace(.edit)
        let m = try await Self.meeting(req, ws)
        guard let id = req.parameters.get("point", as: UUID.self),
              let point = try await CoalitionActionPoint.query(on: req.db).filter(\.$id == id).with(\.$meeting).first(),
              point.$coalition.id == ws.id else { throw PageError.notFound }
        let form = try req.content.decode(ActionPointDoneForm.self)
        switch form.validate(raisedOn: CalendarDay.day(at: point.meeting.startsAt), today: ws.today, english: req.isEnglish) {
        case .failure(let errors):
            let page = try await CoalitionMeetingPage.build(req, ws, m, doneError: (id, errors["done_on"] ?? ""))
            return try await req.view.render("coalitions/meeting", page).encodeResponse(status: .unprocessableEntity, for: req)
        case .success(let day):
            point.doneOn = day
            try await point.save(on: req.db)
            req.flash(req.t("point.done"))
            return req.redirect(to: "\(ws.base)/overleggen/\(m.id!.slug)")
        }
    }

    @Sendable func calendar(req: Request) async throws -> Response {
        let ws = try await req.workspace(.read)
        let now = Date()
        let meetings = try await CoalitionMeeting.query(on: req.db).filter(\.$coalition.$id == ws.id).filter(\.$endsAt >= now).sort(\.$startsAt).all()
        let events = meetings.map { m in
            var description = m.agenda.split(separator: "\n").enumerated().map { "\($0.offset + 1). \($0.element)" }
            if !m.guests.isEmpty { description.append(req.t("meeting.guests") + ": " + m.guests.split(separator: "\n").joined(separator: ", ")) }
            return ICalendar.Event(uid: "\(m.id!.slug)@kansrijk", start: m.startsAt, end: m.endsAt,
                                   summary: "\(req.t("meeting.kind.\(m.kind.rawValue)")): \(m.title)", location: m.location,
                                   description: description.joined(separator: "\n"))
        }
        let body = ICalendar(name: ws.coalition.name, events: events).render(now: now)
        let response = Response(status: .ok, body: .init(string: body))
        response.headers.replaceOrAdd(name: .contentType, value: "text/calendar; charset=utf-8")
        response.headers.replaceOrAdd(name: .contentDisposition, value: ContentDisposition.attachment(fileName: "\(ws.coalition.slug).ics"))
        return response
    }

    static func meeting(_ req: Request, _ ws: CoalitionWorkspace) async throws -> CoalitionMeeting {
        guard let id = req.parameters.get("id", as: UUID.self), let m = try await CoalitionMeeting.find(id, on: req.db),
              m.$coalition.id == ws.id else { throw PageError.notFound }
        return m
    }

    private func renderEdit(_ req: Request, _ ws: CoalitionWorkspace, meeting: CoalitionMeeting?, form: MeetingForm, errors: FieldErrors) async throws -> View {
        let partners = try await CoalitionPartner.all(of: ws, on: req.db)
        let chosen = Set((form.attendees ?? []).map { $0.lowercased() })
        let title = req.t(meeting == nil ? "meeting.new.title" : "meeting.edit.title")
        return try await req.view.render("coalitions/meeting-edit", CoalitionMeetingEditPage(
            page: try await req.workspaceMeta(ws, title, errors: !errors.isEmpty), ws: WorkspaceHeader(ws, .meetings, req),
            isNew: meeting == nil,
            action: meeting.map { "\(ws.base)/overleggen/\($0.id!.slug)/bewerken" } ?? "\(ws.base)/overleggen/nieuw",
            cancel: meeting.map { "\(ws.base)/overleggen/\($0.id!.slug)" } ?? "\(ws.base)/overleggen",
            form: form,
            kinds: SelectOption.labelled(CoalitionMeetingKind.self, prefix: "meeting.kind", selected: form.kind, req),
            attendees: partners.filter { $0.isCurrent(on: ws.today) || chosen.contains($0.id!.slug) }
                .map { SelectOption(value: $0.id!.slug, label: $0.organisation.name, selected: chosen.contains($0.id!.slug)) },
            errors: errors,
            errorList: ErrorLink.list(errors, order: ["kind", "title", "date", "start_time", "end_time", "location", "agenda",
                                                      "guests", "decisions", "attendees"])))
    }
}
