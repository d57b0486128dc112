import Fluent
import Foundation

/// The AVG rights and the retention term, done by an administrator: export (right of access),
/// erasure (right to erasure) and the removal of closed records. The audit log stays: its events
/// keep the client id but never held content.
enum ClientPrivacy {
    struct Export: Codable, Sendable {
        struct ConsentDTO: Codable, Sendable {
            var id: UUID; var givenBy: String; var purposes: [String]; var organisations: [String]
            var validFrom: Date; var validUntil: Date?; var recordedHow: String; var withdrawnAt: Date?
        }
        struct ReferralDTO: Codable, Sendable {
            var id: UUID; var service: String; var from: String; var to: String; var reason: String; var agreed: String
            var status: String; var statusReason: String?; var requestedAt: Date
        }
        struct MoveDTO: Codable, Sendable { var movedOn: Date; var from: String; var to: String }
        struct AccessDTO: Codable, Sendable { var at: Date; var action: String; var user: String; var basis: String?; var what: String }
        var code: String; var name: String; var birthDate: Date; var municipalityCode: String
        var expectedBirthDate: Date?; var actualBirthDate: Date?; var language: String; var closedAt: Date?
        /// The child's pseudonym, why the care was closed, and her moves (issue 15).
        var childCode: String?; var closedReason: String?; var moves: [MoveDTO]
        var involvedOrganisations: [String]
        var consents: [ConsentDTO]
        var referrals: [ReferralDTO]
        var accessLog: [AccessDTO]
    }

    static func export(_ client: CareClient, on db: any Database, now: Date) async throws -> Export {
        let id = try client.requireID()
        let consents = try await Consent.query(on: db).filter(\.$client.$id == id).with(\.$organisations) { $0.with(\.$organisation) }.all()
        let referrals = try await Referral.query(on: db).filter(\.$client.$id == id).with(\.$referringOrganisation).with(\.$receivingOrganisation).all()
        let involvements = try await ClientInvolvement.query(on: db).filter(\.$client.$id == id).with(\.$organisation).all()
        let events = try await AuditEvent.query(on: db).filter(\.$clientID == id).sort(\.$sequence).all()
        return Export(
            code: client.code, name: client.name, birthDate: client.birthDate, municipalityCode: client.municipalityCode,
            expectedBirthDate: client.expectedBirthDate, actualBirthDate: client.actualBirthDate, language: client.language,
            closedAt: client.closedAt, childCode: client.childCode,
            closedReason: client.closedReason.map { [$0, client.closedNote].compactMap { $0 }.joined(separator: ": ") },
            moves: try await ClientMove.query(on: db).filter(\.$client.$id == id).sort(\.$movedOn).all()
                .map { .init(movedOn: $0.movedOn, from: $0.fromMunicipality, to: $0.toMunicipality) },
            involvedOrganisations: Array(Set(involvements.map(\.organisation.name))).sorted(),
            consents: consents.map { .init(id: $0.id!, givenBy: $0.givenBy.rawValue, purposes: $0.purposeCodes,
                                           organisations: $0.organisations.map(\.organisation.name).sorted(), validFrom: $0.validFrom,
                                           validUntil: $0.validUntil, recordedHow: $0.recordedHow.rawValue, withdrawnAt: $0.withdrawnAt) },
            referrals: referrals.map { .init(id: $0.id!, service: $0.serviceName, from: $0.referringOrganisation.name, to: $0.receivingOrganisation.name,
                                             reason: $0.reason, agreed: $0.agreed, status: $0.status.rawValue, statusReason: $0.statusReason,
                                             requestedAt: $0.requestedAt) },
            accessLog: events.map { .init(at: $0.occurredAt, action: $0.action.rawValue, user: $0.userEmail, basis: $0.basis, what: $0.what) })
    }

    /// Removes the client and everything that hangs on her (consents, involvements, referrals and,
    /// through the cascade, screenings and cases of the other care tables). Audit events stay.
    static func erase(_ client: CareClient, on db: any Database) async throws {
        let id = try client.requireID()
        try await Referral.query(on: db).filter(\.$client.$id == id).delete()
        try await Consent.query(on: db).filter(\.$client.$id == id).delete()
        try await ClientInvolvement.query(on: db).filter(\.$client.$id == id).delete()
        try await ClientMove.query(on: db).filter(\.$client.$id == id).delete()
        // extra care stays in the coalition's register, without her (issue 15)
        try await ExtraCareDesk.forget(client: id, on: db)
        try await client.delete(on: db)
    }

    /// Closed records whose retention term has passed.
    static func expired(retentionDays: Int, on db: any Database, now: Date) async throws -> [CareClient] {
        let cutoff = now.addingTimeInterval(-Double(retentionDays) * 86_400)
        return try await CareClient.query(on: db).filter(\.$closedAt != nil).filter(\.$closedAt < cutoff).all()
    }

    /// Erases every expired closed record, each with its own `erase` event in the admin's name; returns how many.
    static func purge(retentionDays: Int, admin: User, on db: any Database, now: Date) async throws -> Int {
        let clients = try await expired(retentionDays: retentionDays, on: db, now: now)
        for client in clients {
            try await db.auditedTransaction { db in
                try await erase(client, on: db)
                try await AuditLog.record(AuditDraft(action: .erase, clientID: client.id, user: admin, basis: .administration,
                                                     what: "retention: removed \(retentionDays) days after closing"), on: db, now: now)
            }
        }
        return clients.count
    }
}
