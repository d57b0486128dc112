import Fluent
import Foundation

/// Compares a chain that verified intact with heads witnessed outside the database. The chain links
/// every entry to all before it, so one witnessed head that is still in place vouches for everything
/// up to it; the highest one therefore decides.
enum AuditWitnessCheck {
    /// Nil when the chain holds the head, otherwise what is wrong, naming the entries.
    static func problem(with head: AuditHead, source: String, chainCount: Int, on db: any Database) async throws -> String? {
        let seen = head.seenAt.map { " (seen \($0.formatted(.iso8601)))" } ?? ""
        guard head.sequence <= chainCount else {
            let missing = head.sequence == chainCount + 1 ? "entry \(head.sequence) is" : "entries \(chainCount + 1) to \(head.sequence) are"
            return "\(missing) missing: according to \(source) the log reached entry \(head.sequence)\(seen), it now ends at \(chainCount)"
        }
        let stored = try await AuditEvent.query(on: db).filter(\.$sequence == head.sequence).first()
        guard stored?.hash == head.hash else {
            return "entry \(head.sequence) differs from \(source)\(seen): the log from there on was rewritten"
        }
        return nil
    }

    /// The witness file's highest head.
    static func highest(_ heads: [AuditHead]) -> AuditHead? { heads.max { $0.sequence < $1.sequence } }
}
