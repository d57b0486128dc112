import Foundation
import Fluent
import SQLKit

/// Uses up a second-factor code in one guarded statement (ADR 0041), so the same code sent twice
/// at once - to one instance or to two - passes only once: the step of an authenticator code only
/// when it is later than the last one used, a recovery code only when the stored list is still the
/// one it was taken from.
enum SecondFactorClaim {
    /// True when `step` is now the user's last used step (no code of it or a later one was used).
    static func step(_ step: Int64, of userID: UUID, on db: any Database) async throws -> Bool {
        guard let sql = db as? any SQLDatabase else { return false }
        let rows = try await sql.update(User.schema).set("totp_last_step", to: step)
            .where("id", .equal, userID)
            .where(group: { $0.where("totp_last_step", .is, SQLLiteral.null).orWhere("totp_last_step", .lessThan, step) })
            .returning("id").all()
        return rows.count == 1
    }

    /// True when the stored list was still `old` and is now `new`.
    static func recoveryCodes(from old: String, to new: String, of userID: UUID, on db: any Database) async throws -> Bool {
        guard let sql = db as? any SQLDatabase else { return false }
        let rows = try await sql.update(User.schema).set("recovery_codes", to: new)
            .where("id", .equal, userID).where("recovery_codes", .equal, old)
            .returning("id").all()
        return rows.count == 1
    }
}
