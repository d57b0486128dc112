import Fluent
import Foundation

extension AuditVerification {
    struct Report: Sendable {
        var outcome: Outcome
        /// What was compared, or could not be, for the operator.
        var notes: [String]
    }

    /// The chain check, then the heads seen outside the database: the witness file's highest head and
    /// an expected head given by an operator. Removing the last entries keeps the chain intact but
    /// leaves a witnessed head beyond its end.
    static func verify(on db: any Database, witness: AuditWitnessFile?, expecting expected: AuditHead?) async throws -> Report {
        let outcome = try await verify(on: db)
        guard case .intact(let count) = outcome else { return Report(outcome: outcome, notes: []) }
        var notes: [String] = [], checks: [(AuditHead, String)] = []
        if let witness {
            if let head = AuditWitnessCheck.highest(try witness.heads()) {
                checks.append((head, "the witness file \(witness.path)"))
                notes.append("Witness file \(witness.path): highest witnessed head is \(head.token).")
            } else {
                notes.append("No witnessed head in \(witness.path): only the chain itself was checked.")
            }
        } else {
            notes.append("No witness file configured (KANSRIJK_AUDIT_WITNESS): only the chain itself was checked.")
        }
        if let expected { checks.append((expected, "the expected head \(expected.token)")) }
        for (head, source) in checks {
            if let problem = try await AuditWitnessCheck.problem(with: head, source: source, chainCount: count, on: db) {
                return Report(outcome: .broken(sequence: min(head.sequence, count + 1), problem: problem), notes: notes)
            }
        }
        return Report(outcome: outcome, notes: notes)
    }
}
