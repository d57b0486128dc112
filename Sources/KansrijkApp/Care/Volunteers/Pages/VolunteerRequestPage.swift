import Fluent
import Vapor

/// A request as both sides see it: the need, the match with its check-ins, and for the volunteer
/// organisation the best-fitting volunteers and the forms to match, check in and end.
struct VolunteerRequestPage: Encodable {
    struct Candidate: Encodable { var value: String; var label: String; var selected: Bool }
    struct CheckIn: Encodable { var date: String; var note: String; var by: String }
    struct MatchView: Encodable {
        var volunteer: String; var languages: String; var start: String; var end: String?; var endReason: String?; var checkIns: [CheckIn]
    }

    var page: PageMeta
    var client: ClientHeader
    var need: String
    var language: String?
    var requestedBy: String
    var volunteerOrganisation: String
    var status: String
    var created: String
    var match: MatchView?
    var canManage: Bool
    var candidates: [Candidate]
    var base: String
    var today: String
    var errors: FieldErrors
    var errorList: [ErrorLink]
}

/// The request and its client, for a user of either side; anything else is the 404 page.
struct VolunteerScope {
    let scope: ScopedClient
    let request: VolunteerRequest
    var isVolunteerSide: Bool { request.$volunteerOrganisation.id == scope.access.organisationID }
    var base: String { "/zorg/vrijwilligers/verzoeken/\(request.id!.slug)" }
}

extension Request {
    func volunteerScope(now: Date = Date()) async throws -> VolunteerScope {
        let (user, access) = try await careAccess()
        guard let id = parameters.get("request", as: UUID.self),
              let request = try await VolunteerRequest.query(on: db).filter(\.$id == id).with(\.$requestedBy).with(\.$volunteerOrganisation).first(),
              [request.$requestedBy.id, request.$volunteerOrganisation.id].contains(access.organisationID) else { throw PageError.notFound }
        let (client, basis) = try await access.require(client: request.$client.id, on: db, now: now)
        try await refuseChangeUnderEmergency(basis, client: request.$client.id, now: now)
        return VolunteerScope(scope: ScopedClient(user: user, access: access, client: client, basis: basis, now: now), request: request)
    }
}

extension VolunteerRequestPage {
    static func build(_ req: Request, _ v: VolunteerScope, errors: FieldErrors = [:], chosen: String? = nil) async throws -> VolunteerRequestPage {
        let r = v.request, scope = v.scope
        let current = try await VolunteerMatch.query(on: req.db).filter(\.$request.$id == r.requireID()).with(\.$volunteer)
            .with(\.$checkIns) { $0.with(\.$user) }.sort(\.$createdAt, .descending).first()
        var candidates: [Candidate] = []
        if v.isVolunteerSide && r.status == .open {
            let volunteers = try await Volunteer.query(on: req.db).filter(\.$organisation.$id == scope.access.organisationID).all()
            let busy = Set(try await VolunteerMatch.query(on: req.db).filter(\.$endOn == nil).all().map { $0.$volunteer.id })
            let ranked = VolunteerMatching.rank(volunteers.map {
                .init(id: $0.id!, name: $0.name, languages: $0.languages, municipality: $0.municipalityCode, isActive: $0.isActive, isBusy: busy.contains($0.id!))
            }, language: r.language, municipality: scope.client.municipalityCode)
            let byID = Dictionary(uniqueKeysWithValues: volunteers.map { ($0.id!, $0) })
            candidates = ranked.map { c in
                let vol = byID[c.id]!
                let label = "\(c.name) (\(vol.languages.joined(separator: ", ")); \(vol.availability))" + (c.isBusy ? " – " + req.t("volunteer.busy") : "")
                return Candidate(value: c.id.slug, label: label, selected: c.id.slug == chosen)
            }
        }
        return VolunteerRequestPage(
            page: try await req.pageMeta(title: req.t("volunteer.request.title") + " " + scope.client.code, forms: true),
            client: scope.header, need: r.need, language: r.language, requestedBy: r.requestedBy.name,
            volunteerOrganisation: r.volunteerOrganisation.name, status: req.t("volunteer.status.\(r.status.rawValue)"),
            created: req.date(r.createdAt ?? scope.now),
            match: current.map { m in
                MatchView(volunteer: m.volunteer.name, languages: m.volunteer.languages.joined(separator: ", "), start: req.date(m.startOn),
                          end: m.endOn.map(req.date), endReason: m.endReason,
                          checkIns: m.checkIns.sorted { $0.on < $1.on }.map { .init(date: req.date($0.on), note: $0.note, by: $0.user.name) })
            },
            canManage: v.isVolunteerSide, candidates: candidates, base: v.base, today: CalendarDay.iso(CalendarDay.day(at: scope.now)),
            errors: errors, errorList: ErrorLink.list(errors, order: ["m_volunteer", "m_on", "c_on", "c_note", "e_on", "e_note"]))
    }
}
