import Fluent
import Vapor

extension Request {
    /// Writes the one audit event of this request for the signed-in user.
    func audit(_ action: AuditAction, client clientID: UUID?, basis: AccessBasis?, what: String,
               on db: (any Database)? = nil, now: Date) async throws {
        let user = try requireUser()
        try await AuditLog.record(AuditDraft(action: action, clientID: clientID, user: user, basis: basis, what: what),
                                  on: db ?? self.db, now: now, writer: application.auditWriter)
    }
}
