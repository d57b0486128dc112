import Fluent
import Foundation

/// Walks the whole audit chain in order and reports the first entry that does not fit.
enum AuditVerification {
    enum Outcome: Equatable, Sendable {
        case intact(count: Int)
        /// The first bad entry: its sequence number (or the missing one) and what is wrong.
        case broken(sequence: Int, problem: String)
    }

    /// Chains the events still in the outbox first (`AuditOutbox`), so the walk covers every committed event.
    static func verify(on db: any Database, pageSize: Int = 5000) async throws -> Outcome {
        try await AuditOutbox.drain(on: db)
        var expected = 1
        var previous = AuditLog.genesis
        while true {
            let page = try await AuditEvent.query(on: db).filter(\.$sequence >= expected)
                .sort(\.$sequence).limit(pageSize).all()
            if page.isEmpty { return .intact(count: expected - 1) }
            for event in page {
                if event.sequence != expected {
                    return .broken(sequence: expected, problem: "entry \(expected) is missing (next is \(event.sequence))")
                }
                if event.previousHash != previous {
                    return .broken(sequence: expected, problem: "entry \(expected) does not follow entry \(expected - 1) (previous hash differs)")
                }
                if AuditLog.hash(of: event) != event.hash {
                    return .broken(sequence: expected, problem: "entry \(expected) (\(event.id?.uuidString.lowercased() ?? "?")) was changed (hash differs)")
                }
                previous = event.hash
                expected += 1
            }
        }
    }
}
