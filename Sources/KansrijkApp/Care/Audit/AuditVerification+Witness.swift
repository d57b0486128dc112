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
    /// A log with entries and nothing outside it to compare with is a failure (issue #13): removing
    /// the last entries and the witness file together would otherwise pass unnoticed. `chainOnly`
    /// is the operator's explicit choice to check the chain alone.
    static func verify(on db: any Database, witness: AuditWitnessFile?, expecting expected: AuditHead?, chainOnly: Bool = false) async throws -> Report {
        try await verify(on: db, witnesses: witness.map { [$0] }, expecting: expected, chainOnly: chainOnly)
    }

    /// As above, with the witness files of several instances (issue 17, ADR 0042): each file's
    /// highest head is compared, so a head any instance witnessed vouches for the chain up to it.
    /// `witnesses` nil means witnessing is off.
    static func verify(on db: any Database, witnesses: [AuditWitnessFile]?, expecting expected: AuditHead?, chainOnly: Bool = false) async throws -> Report {
        let outcome = try await verify(on: db)
        guard case .intact(let count) = outcome else { return Report(outcome: outcome, notes: []) }
        var notes: [String] = [], checks: [(AuditHead, String)] = []
        if let witnesses, !witnesses.isEmpty {
            for witness in witnesses {
                guard let head = AuditWitnessCheck.highest(try witness.heads()) else { continue }
                checks.append((head, "the witness file \(witness.path)"))
                notes.append("Witness file \(witness.path): highest witnessed head is \(head.token).")
            }
            let paths = witnesses.map(\.path).joined(separator: ", ")
            if checks.isEmpty, count > 0, expected == nil, !chainOnly {
                return Report(outcome: .broken(sequence: count, problem: "no witnessed head in \(paths) although the log holds \(count) events: "
                    + "the witness file is missing, emptied or was never written. Give --expect-head SEQ:HASH from a head kept elsewhere, or --chain-only to check the chain alone"), notes: notes)
            } else if checks.isEmpty {
                notes.append("No witnessed head in \(paths): only the chain itself was checked.")
            }
        } else if count > 0, expected == nil, !chainOnly {
            return Report(outcome: .broken(sequence: count, problem: "no witness file is configured (KANSRIJK_AUDIT_WITNESS=off) and no head was given: "
                + "give --expect-head SEQ:HASH from a head kept elsewhere, or --chain-only to check the chain alone"), notes: notes)
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
