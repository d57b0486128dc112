import Fluent
import Foundation

/// Changing a client's record through the 1000 days (issue #15): her details, the birth, a move,
/// closing and reopening. Each change writes one audit event in its transaction that names the
/// fields changed, never their values (the log is read by people who may not see the record).
enum ClientRecordChanges {
    /// Saves the details and, when the municipality changed, the move. Returns the changed fields.
    @discardableResult
    static func update(_ client: CareClient, with v: ClientDetailsForm.Valid, basis: AccessBasis, by user: User,
                       on db: any Database, now: Date) async throws -> [String] {
        let d = v.details
        var changed: [String] = []
        if client.name != d.name { changed.append("name") }
        if client.birthDate != d.birthDate { changed.append("birth_date") }
        if client.municipalityCode != d.municipalityCode { changed.append("municipality") }
        if client.expectedBirthDate != d.expectedBirthDate { changed.append("expected_birth_date") }
        if client.language != d.language { changed.append("language") }
        guard !changed.isEmpty else { return [] }
        let what = "client details changed: \(changed.joined(separator: ", "))"
        let clientID = try client.requireID()
        let from = client.municipalityCode
        try await db.auditedTransaction { db in
            client.name = d.name
            client.birthDate = d.birthDate
            client.municipalityCode = d.municipalityCode
            client.expectedBirthDate = d.expectedBirthDate
            client.language = d.language
            try await client.save(on: db)
            if from != d.municipalityCode {
                try await ClientMove(clientID: clientID, movedOn: v.movedOn ?? CalendarDay.day(at: now), from: from, to: d.municipalityCode,
                                     recordedAt: now, organisationID: user.$organisation.id).create(on: db)
            }
            try await AuditLog.record(AuditDraft(action: .update, clientID: clientID, user: user, basis: basis,
                                                 what: what + (from != d.municipalityCode ? " (move recorded)" : "")), on: db, now: now)
        }
        return changed
    }

    /// Records (or corrects) the baby's date of birth; the child gets a pseudonym the first time.
    static func recordBirth(_ client: CareClient, on day: Date, basis: AccessBasis, by user: User, on db: any Database, now: Date) async throws {
        let clientID = try client.requireID()
        let first = client.actualBirthDate == nil
        try await db.auditedTransaction { db in
            client.actualBirthDate = day
            if client.childCode == nil { client.childCode = try await CareClient.freshChildCode(on: db) }
            try await client.save(on: db)
            try await AuditLog.record(AuditDraft(action: .update, clientID: clientID, user: user, basis: basis,
                                                 what: first ? "birth recorded" : "birth date corrected"), on: db, now: now)
        }
    }

    /// Whether this organisation may close the record: the one that made it while it is involved,
    /// otherwise (after a handover ended its involvement) any involved organisation.
    static func mayClose(_ client: CareClient, organisation organisationID: UUID, on db: any Database, now: Date) async throws -> Bool {
        let creator = client.$createdByOrganisation.id
        if creator == organisationID { return true }
        let involved = try await ClientInvolvement.clientIDs(organisation: creator, on: db, now: now)
        return !involved.contains(try client.requireID())
    }

    /// Closes the care with a reason: the retention term runs from now.
    static func close(_ client: CareClient, reason: ClosingReason, note: String?, basis: AccessBasis, by user: User,
                      on db: any Database, now: Date) async throws {
        let clientID = try client.requireID()
        try await db.auditedTransaction { db in
            client.closedAt = now
            client.closedReason = reason.rawValue
            client.closedNote = note
            try await client.save(on: db)
            try await AuditLog.record(AuditDraft(action: .update, clientID: clientID, user: user, basis: basis,
                                                 what: "client closed: \(reason.rawValue)"), on: db, now: now)
        }
    }

    /// Reopens the care: the retention clock stops until it is closed again.
    static func reopen(_ client: CareClient, basis: AccessBasis, by user: User, on db: any Database, now: Date) async throws {
        let clientID = try client.requireID()
        try await db.auditedTransaction { db in
            client.closedAt = nil
            client.closedReason = nil
            client.closedNote = nil
            try await client.save(on: db)
            try await AuditLog.record(AuditDraft(action: .update, clientID: clientID, user: user, basis: basis, what: "client reopened"),
                                      on: db, now: now)
        }
    }
}

extension CareClient {
    /// A pseudonym for the child not yet in use: `KK-` and five characters, like the mother's `KS-` code.
    static func freshChildCode(on db: any Database) async throws -> String {
        var generator = SystemRandomNumberGenerator()
        while true {
            let code = "KK-" + newCode(using: &generator).dropFirst(3)
            if try await CareClient.query(on: db).filter(\.$childCode == code).count() == 0 { return code }
        }
    }
}
