import Fluent
import Vapor

/// A meeting as one participant's user may see it; a meeting her organisation does not take part in is the 404 page.
struct MDOScope {
    let user: User
    let access: CareAccess
    let meeting: MDOMeeting
    let participantIDs: Set<UUID>
    let now: Date

    var id: UUID { meeting.id! }
    var base: String { "/zorg/mdo/\(id.slug)" }
    var today: Date { CalendarDay.day(at: now) }

    /// One audit event for this request; `clientID` when it concerns one client, the codes in `what` otherwise.
    func audit(_ action: AuditAction, clientID: UUID?, basis: AccessBasis?, _ what: String, on db: any Database) async throws {
        try await AuditLog.record(AuditDraft(action: action, clientID: clientID, user: user, basis: basis,
                                             what: "mdo \(id.slug): \(what)"), on: db, now: now)
    }
}

extension Request {
    func mdoScope(now: Date = Date()) async throws -> MDOScope {
        let (user, access) = try await careAccess()
        guard let id = parameters.get("meeting", as: UUID.self), let meeting = try await MDOMeeting.find(id, on: db) else { throw PageError.notFound }
        let participants = Set(try await MDOParticipant.query(on: db).filter(\.$meeting.$id == id).all().map { $0.$organisation.id })
        guard participants.contains(access.organisationID) else { throw PageError.notFound }
        return MDOScope(user: user, access: access, meeting: meeting, participantIDs: participants, now: now)
    }
}
