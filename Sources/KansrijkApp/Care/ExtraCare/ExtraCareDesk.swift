import Fluent
import Foundation

/// Requesting, deciding and settling extra care (issue 15, ADR 0029), the same way for pages, demo
/// and tests. Each call writes its change and one audit event in one transaction; a request tells
/// the coalition's decision-makers at once through the `Notifier` (a mail without client data).
struct ExtraCareDesk {
    let db: any Database
    let notifier: Notifier

    enum Refusal: Error, Equatable, Sendable {
        /// No coalition covers the client's municipality, or it has named no decision-maker yet.
        case noDecider
        /// Decided already (a second decision, a double submit).
        case alreadyDecided
        /// Only approved care is settled.
        case notApproved
    }

    /// Records the request and tells the decision-makers.
    func request(_ v: ExtraCareRequestForm.Valid, client: CareClient, basis: AccessBasis, by user: User, now: Date) async throws -> ExtraCareRequest {
        guard let coalition = try await ExtraCareDeciders.coalition(for: client.municipalityCode, on: db) else { throw Refusal.noDecider }
        let coalitionID = try coalition.requireID()
        let deciders = try await ExtraCareDeciders.users(of: coalitionID, on: db)
        guard !deciders.isEmpty else { throw Refusal.noDecider }
        let notifier = notifier
        return try await db.auditedTransaction { db in
            let r = ExtraCareRequest()
            r.clientID = try client.requireID()
            r.clientCode = client.code
            r.municipalityCode = client.municipalityCode
            r.$coalition.id = coalitionID
            r.$organisation.id = user.$organisation.id
            r.requestedBy = try user.requireID()
            r.requestedByName = user.name
            r.requestedAt = now
            r.care = v.care
            r.provider = v.provider
            r.unit = v.unit
            r.amount = v.amount
            r.reason = v.reason
            r.status = .open
            try await r.create(on: db)
            try await AuditLog.record(AuditDraft(action: .create, clientID: r.clientID, user: user, basis: basis, what: "extra care requested"), on: db, now: now)
            try await notifier.notify(deciders, of: .extraCareRequested(requestID: try r.requireID(), coalition: coalition.name), on: db, now: now)
            return r
        }
    }

    /// The decision of a named decision-maker (the caller checked that she is one).
    func decide(_ r: ExtraCareRequest, _ decision: ExtraCareDecisionForm.Valid, by user: User, now: Date) async throws {
        guard r.status == .open else { throw Refusal.alreadyDecided }
        try await db.auditedTransaction { db in
            // a second decision-maker who answered at the same moment finds the request decided
            let fresh = try await ExtraCareRequest.find(r.requireID(), on: db)
            guard let fresh, fresh.status == .open else { throw Refusal.alreadyDecided }
            switch decision {
            case .approve(let amount, let financer, let other, let note):
                fresh.status = .approved
                fresh.grantedAmount = amount
                fresh.financer = financer
                fresh.financerOther = other
                fresh.decisionNote = note
            case .reject(let reason):
                fresh.status = .rejected
                fresh.decisionNote = reason
            }
            fresh.decidedBy = try user.requireID()
            fresh.decidedByName = user.name
            fresh.decidedAt = now
            try await fresh.save(on: db)
            try await AuditLog.record(AuditDraft(action: .update, clientID: fresh.clientID, user: user, basis: nil,
                                                 what: "extra care \(fresh.status.rawValue) by a named decision-maker"), on: db, now: now)
        }
    }

    /// "Afgerekend": the financing was settled afterwards, for this amount on this day.
    func settle(_ r: ExtraCareRequest, cents: Int, on day: Date, by user: User, now: Date) async throws {
        guard r.status == .approved else { throw Refusal.notApproved }
        try await db.writeTransaction { db in
            r.settledCents = cents
            r.settledOn = day
            r.settledBy = try user.requireID()
            try await r.save(on: db)
        }
    }

    /// The client's record is erased: the request stays in the register without her (no link, no
    /// code, no reason), so the coalition's figures and settlements still add up.
    static func forget(client clientID: UUID, on db: any Database) async throws {
        for r in try await ExtraCareRequest.query(on: db).filter(\.$clientID == clientID).all() {
            r.clientID = nil
            r.clientCode = "—"
            r.reason = ""
            try await r.save(on: db)
        }
    }
}
