import Fluent
import Vapor

/// One meeting: agenda, who came, what was decided, and its action points: raised here,
/// carried over from earlier meetings of the series, and done since the previous one.
struct CoalitionMeetingPage: Encodable {
    struct Summary: Encodable {
        var title: String; var kind: String; var when: String; var until: String; var location: String
        var agenda: [String]; var guests: [String]; var decisions: [String]; var attendees: [String]; var editHref: String
    }
    struct Point: Encodable {
        var id: String; var text: String; var owner: String?; var due: String?; var overdue: Bool
        var raisedAt: String; var raisedHref: String; var done: String?
        var doneAction: String?; var doneValue: String; var error: String?
    }
    struct PointEditor: Encodable {
        var action: String; var text: String; var due: String; var owners: [SelectOption]; var errors: FieldErrors
    }

    var page: PageMeta
    var ws: WorkspaceHeader
    var meeting: Summary
    var raised: [Point]
    var carried: [Point]
    var doneSince: [Point]
    var pointForm: PointEditor?
    var errorList: [ErrorLink]

    static func build(_ req: Request, _ ws: CoalitionWorkspace, _ m: CoalitionMeeting, pointForm: ActionPointForm = ActionPointForm(),
                      errors: FieldErrors = [:], doneError: (UUID, String)? = nil) async throws -> CoalitionMeetingPage {
        let db = req.db, id = try m.requireID()
        let meetings = try await CoalitionMeeting.query(on: db).filter(\.$coalition.$id == ws.id).all()
        let points = try await CoalitionActionPoint.query(on: db).filter(\.$coalition.$id == ws.id).sort(\.$createdAt)
            .with(\.$owner) { $0.with(\.$organisation) }.all()
        let agenda = ActionPointCarryOver.agenda(
            for: .init(id: id, series: m.kind.series, start: m.startsAt),
            meetings: meetings.map { .init(id: $0.id!, series: $0.kind.series, start: $0.startsAt) },
            points: points.map { .init(id: $0.id!, raisedAt: $0.$meeting.id, doneOn: $0.doneOn) })
        let meetingsByID = Dictionary(uniqueKeysWithValues: meetings.map { ($0.id!, $0) })
        let pointsByID = Dictionary(uniqueKeysWithValues: points.map { ($0.id!, $0) })
        let base = "\(ws.base)/overleggen/\(id.slug)"
        let attendances = try await CoalitionMeetingAttendance.query(on: db).filter(\.$meeting.$id == id)
            .with(\.$partner) { $0.with(\.$organisation) }.all()
        let partners = try await CoalitionPartner.all(of: ws, on: db)

        func point(_ pid: UUID) -> Point {
            let p = pointsByID[pid]!
            let origin = meetingsByID[p.$meeting.id]!
            let error = doneError.flatMap { $0.0 == pid ? $0.1 : nil }
            return Point(id: pid.slug, text: p.text, owner: p.owner?.organisation.name, due: p.dueOn.map(req.date),
                         overdue: p.doneOn == nil && (p.dueOn.map { $0 < ws.today } ?? false),
                         raisedAt: origin.title + ", " + req.date(origin.startsAt),
                         raisedHref: "\(ws.base)/overleggen/\(origin.id!.slug)", done: p.doneOn.map(req.date),
                         doneAction: ws.canEdit && p.doneOn == nil ? "\(base)/actiepunten/\(pid.slug)/afgerond" : nil,
                         doneValue: CalendarDay.iso(ws.today), error: error)
        }
        var errorList = ErrorLink.list(errors, order: ["point_text", "point_owner", "point_due"])
        if let (pid, message) = doneError { errorList.append(ErrorLink(field: "done_on-\(pid.slug)", message: message)) }
        func lines(_ s: String) -> [String] { s.split(separator: "\n").map(String.init) }
        let owner = pointForm.owner?.lowercased()
        return CoalitionMeetingPage(
            page: try await req.workspaceMeta(ws, m.title, errors: !errorList.isEmpty),
            ws: WorkspaceHeader(ws, .meetings, req),
            meeting: .init(title: m.title, kind: req.t("meeting.kind.\(m.kind.rawValue)"), when: MeetingTime.dutch(m.startsAt),
                           until: MeetingTime.parts(m.endsAt).time, location: m.location, agenda: lines(m.agenda),
                           guests: lines(m.guests), decisions: lines(m.decisions),
                           attendees: attendances.map(\.partner.organisation.name).sorted(), editHref: "\(base)/bewerken"),
            raised: agenda.raised.map(point), carried: agenda.carriedOver.map(point), doneSince: agenda.doneSincePrevious.map(point),
            pointForm: ws.canEdit ? PointEditor(
                action: "\(base)/actiepunten", text: pointForm.text ?? "", due: pointForm.dueOn ?? "",
                owners: partners.filter { $0.isCurrent(on: ws.today) }
                    .map { SelectOption(value: $0.id!.slug, label: $0.organisation.name, selected: $0.id!.slug == owner) },
                errors: errors) : nil,
            errorList: errorList)
    }
}
