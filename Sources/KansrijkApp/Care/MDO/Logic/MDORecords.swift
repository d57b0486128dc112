import Fluent
import Foundation

/// Writing the MDO the same way from the pages and the demo.
enum MDORecords {
    /// Plans a meeting; the organiser's own organisation always takes part.
    static func plan(title: String, startsAt: Date, location: String, participants: [UUID], by user: User, on db: any Database) async throws -> MDOMeeting {
        let meeting = MDOMeeting(title: title, startsAt: startsAt, location: location, organiserID: user.$organisation.id)
        try await db.auditedTransaction { db in
            try await meeting.create(on: db)
            for org in Set(participants).union([user.$organisation.id]) {
                try await MDOParticipant(meetingID: meeting.requireID(), organisationID: org).create(on: db)
            }
        }
        return meeting
    }

    /// Puts a case on the agenda under a consent for the MDO: the participants it covers become
    /// involved with the client. Nil when no such consent is in force.
    @discardableResult
    static func addCase(client: CareClient, question: String, meeting: MDOMeeting, participants: Set<UUID>, by user: User,
                        basis: AccessBasis? = .ownInvolvement, on db: any Database, now: Date) async throws -> MDOCase? {
        let clientID = try client.requireID()
        guard let (consent, covered) = try await MDOVisibility.consent(client: clientID, on: db, now: now) else { return nil }
        let consentID = try consent.requireID()
        let mdoCase = MDOCase(meetingID: try meeting.requireID(), clientID: clientID, presentedByID: user.$organisation.id,
                              consentID: consentID, question: question)
        try await db.auditedTransaction { db in
            try await mdoCase.create(on: db)
            for org in participants.intersection(covered) where org != user.$organisation.id {
                try await ClientInvolvement.add(client: clientID, organisation: org, reason: .mdo, consent: consentID, on: db, now: now)
            }
            try await AuditLog.record(AuditDraft(action: .create, clientID: clientID, user: user, basis: basis,
                                                 what: "mdo \(meeting.id!.slug): case added with consent \(consentID.slug)"), on: db, now: now)
        }
        return mdoCase
    }
}
