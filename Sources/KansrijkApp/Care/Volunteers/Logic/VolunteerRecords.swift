import Fluent
import Foundation

/// Writing volunteer requests, matches and check-ins the same way from the pages and the demo.
enum VolunteerRecords {
    /// A request under a consent (purpose `volunteer`) covering the volunteer organisation, which
    /// becomes involved with the client. Nil when no such consent is in force.
    static func request(client: CareClient, organisation: UUID, need: String, language: String?, by user: User,
                        basis: AccessBasis = .ownInvolvement, on db: any Database, now: Date) async throws -> VolunteerRequest? {
        let clientID = try client.requireID()
        guard let consent = try await Consent.active(client: clientID, organisation: organisation, purpose: .volunteer, at: now, on: db) else { return nil }
        let consentID = try consent.requireID()
        let request = VolunteerRequest(clientID: clientID, requestedByID: user.$organisation.id, requestedByUserID: try user.requireID(),
                                       volunteerOrganisationID: organisation, need: need, language: language, consentID: consentID)
        try await db.auditedTransaction { db in
            try await request.create(on: db)
            try await ClientInvolvement.add(client: clientID, organisation: organisation, reason: .volunteer, consent: consentID, on: db, now: now)
            try await AuditLog.record(AuditDraft(action: .create, clientID: clientID, user: user, basis: basis,
                                                 what: "volunteer request \(request.id!.slug) with consent \(consentID.slug)"), on: db, now: now)
        }
        return request
    }

    static func match(_ request: VolunteerRequest, volunteer: Volunteer, startOn: Date, by user: User, basis: AccessBasis? = nil,
                      on db: any Database, now: Date) async throws {
        try await db.auditedTransaction { db in
            try await VolunteerMatch(requestID: request.requireID(), volunteerID: volunteer.requireID(), startOn: startOn).create(on: db)
            request.status = .matched
            try await request.save(on: db)
            try await AuditLog.record(AuditDraft(action: .update, clientID: request.$client.id, user: user, basis: basis ?? .consent(request.consentID),
                                                 what: "volunteer request \(request.id!.slug) matched"), on: db, now: now)
        }
    }

    static func checkIn(_ request: VolunteerRequest, on day: Date, note: String, by user: User, basis: AccessBasis? = nil,
                        on db: any Database, now: Date) async throws {
        guard let match = try await VolunteerMatch.query(on: db).filter(\.$request.$id == request.requireID()).filter(\.$endOn == nil).first() else { return }
        try await db.auditedTransaction { db in
            try await VolunteerCheckIn(matchID: match.requireID(), on: day, note: note, userID: user.requireID()).create(on: db)
            try await AuditLog.record(AuditDraft(action: .update, clientID: request.$client.id, user: user, basis: basis ?? .consent(request.consentID),
                                                 what: "volunteer request \(request.id!.slug) check-in"), on: db, now: now)
        }
    }
}
