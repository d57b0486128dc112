import Fluent
import Vapor

/// One MDO: its cases (pseudonymised unless the viewer may see the name), advice and decisions, and
/// the action points agreed here or carried over from earlier meetings of the series.
struct MDOMeetingPage: Encodable {
    struct Summary: Encodable { var title: String; var when: String; var location: String; var organiser: String; var participants: [String] }
    struct CaseView: Encodable {
        var id: String; var code: String; var name: String?; var clientHref: String?; var question: String
        var organisations: [String]; var presentedBy: String; var advice: String; var decision: String
        var outcomeAction: String; var errors: FieldErrors
    }
    struct PointView: Encodable {
        var text: String; var owner: String; var person: String; var due: String; var overdue: Bool; var done: String?
        var raisedAt: String?; var caseCode: String?; var doneAction: String?; var doneValue: String
    }
    struct CaseEditor: Encodable { var action: String; var clients: [SelectOption]; var question: String; var errors: FieldErrors }
    struct PointEditor: Encodable {
        var action: String; var text: String; var person: String; var due: String
        var owners: [SelectOption]; var cases: [SelectOption]; var errors: FieldErrors
    }

    var page: PageMeta
    var meeting: Summary
    var cases: [CaseView]
    var carried: [PointView]
    var raised: [PointView]
    var caseForm: CaseEditor?
    var pointForm: PointEditor
    var minutesHref: String
    var markdownHref: String
    var errorList: [ErrorLink]

    struct Loaded {
        var cases: [MDOCase]
        var identified: Set<UUID>
        var involved: [UUID: [String]]
        var carried: [MDOActionPoint]
        var raised: [MDOActionPoint]
        var participants: [Organisation]
        var meetingsByID: [UUID: MDOMeeting]
    }

    /// Everything a meeting page or its minutes show.
    static func load(_ scope: MDOScope, on db: any Database) async throws -> Loaded {
        let cases = try await MDOCase.query(on: db).filter(\.$meeting.$id == scope.id).with(\.$client).with(\.$presentedBy).sort(\.$createdAt).all()
        var identified = Set<UUID>(), involved: [UUID: [String]] = [:]
        for c in cases {
            if try await MDOVisibility.showsIdentity(of: c, to: scope.access, on: db, now: scope.now) { identified.insert(c.id!) }
            involved[c.id!] = Array(Set(try await ClientInvolvement.current(client: c.$client.id, on: db, now: scope.now).map(\.organisation.name))).sorted()
        }
        let series = try await MDOMeeting.query(on: db).filter(\.$organiser.$id == scope.meeting.$organiser.id).all()
        let meetingsByID = Dictionary(uniqueKeysWithValues: series.map { ($0.id!, $0) })
        let points = try await MDOActionPoint.query(on: db).filter(\.$meeting.$id ~~ Array(meetingsByID.keys))
            .with(\.$ownerOrganisation).with(\.$mdoCase) { $0.with(\.$client) }.sort(\.$createdAt).all()
        let agenda = MDOCarryOver.agenda(
            for: .init(id: scope.id, series: scope.meeting.$organiser.id, start: scope.meeting.startsAt),
            meetings: series.map { .init(id: $0.id!, series: $0.$organiser.id, start: $0.startsAt) },
            points: points.map { .init(id: $0.id!, raisedAt: $0.$meeting.id, doneOn: $0.doneOn) })
        let byID = Dictionary(uniqueKeysWithValues: points.map { ($0.id!, $0) })
        let participants = try await Organisation.query(on: db).filter(\.$id ~~ Array(scope.participantIDs)).sort(\.$name).all()
        return Loaded(cases: cases, identified: identified, involved: involved, carried: agenda.carriedOver.compactMap { byID[$0] },
                      raised: agenda.raised.compactMap { byID[$0] }, participants: participants, meetingsByID: meetingsByID)
    }

    static func build(_ req: Request, _ scope: MDOScope, _ l: Loaded, caseForm: MDOCaseForm = MDOCaseForm(),
                      pointForm: MDOPointForm = MDOPointForm(), outcomeErrors: (UUID, FieldErrors)? = nil,
                      errors: FieldErrors = [:]) async throws -> MDOMeetingPage {
        let m = scope.meeting
        func point(_ p: MDOActionPoint, carried: Bool) -> PointView {
            let origin = l.meetingsByID[p.$meeting.id]
            return PointView(text: p.text, owner: p.ownerOrganisation.name, person: p.ownerPerson, due: req.date(p.dueOn),
                             overdue: p.doneOn == nil && p.dueOn < scope.today, done: p.doneOn.map(req.date),
                             raisedAt: carried ? origin.map { "\($0.title), \(req.date($0.startsAt))" } : nil,
                             caseCode: p.mdoCase?.client.code,
                             doneAction: p.doneOn == nil ? "\(scope.base)/actiepunten/\(p.id!.slug)/afgerond" : nil,
                             doneValue: CalendarDay.iso(scope.today))
        }
        let onAgenda = Set(l.cases.map { $0.$client.id })
        let candidates = try await scope.access.visibleClients(on: req.db, now: scope.now, openOnly: true).filter { !onAgenda.contains($0.id!) }
        let chosenClient = caseForm.client?.lowercased(), chosenOwner = pointForm.owner?.lowercased(), chosenCase = pointForm.caseID?.lowercased()
        let errorList = ErrorLink.list(errors, order: ["case_client", "case_question", "point_text", "point_owner", "point_person", "point_due", "point_case"])
            + (outcomeErrors.map { id, e in ErrorLink.list(e, order: ["advice", "decision"]).map { ErrorLink(field: "\($0.field)-\(id.slug)", message: $0.message) } } ?? [])
        return MDOMeetingPage(
            page: try await req.pageMeta(title: m.title, forms: true),
            meeting: .init(title: m.title, when: MeetingTime.dutch(m.startsAt), location: m.location,
                           organiser: l.participants.first { $0.id == m.$organiser.id }?.name ?? "", participants: l.participants.map(\.name)),
            cases: l.cases.map { c in
                let shown = l.identified.contains(c.id!)
                return CaseView(id: c.id!.slug, code: c.client.code, name: shown ? c.client.name : nil,
                                clientHref: shown ? "/zorg/clienten/\(c.$client.id.slug)" : nil, question: c.question,
                                organisations: l.involved[c.id!] ?? [], presentedBy: c.presentedBy.name, advice: c.advice, decision: c.decision,
                                outcomeAction: "\(scope.base)/casussen/\(c.id!.slug)",
                                errors: outcomeErrors.flatMap { $0.0 == c.id ? $0.1 : nil } ?? [:])
            },
            carried: l.carried.map { point($0, carried: true) }, raised: l.raised.map { point($0, carried: false) },
            caseForm: candidates.isEmpty && caseForm.client == nil ? nil : CaseEditor(
                action: "\(scope.base)/casussen",
                clients: candidates.map { SelectOption(value: $0.id!.slug, label: "\($0.code) (\($0.name))", selected: $0.id!.slug == chosenClient) },
                question: caseForm.question ?? "", errors: errors),
            pointForm: PointEditor(
                action: "\(scope.base)/actiepunten", text: pointForm.text ?? "", person: pointForm.person ?? "", due: pointForm.dueOn ?? "",
                owners: l.participants.map { SelectOption(value: $0.id!.slug, label: $0.name, selected: $0.id!.slug == chosenOwner) },
                cases: l.cases.map { SelectOption(value: $0.id!.slug, label: $0.client.code, selected: $0.id!.slug == chosenCase) },
                errors: errors),
            minutesHref: "\(scope.base)/verslag", markdownHref: "\(scope.base)/verslag.md",
            errorList: errorList)
    }
}
