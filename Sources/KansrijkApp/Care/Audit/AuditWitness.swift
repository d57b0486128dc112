import Fluent
import Foundation

/// A head of the audit chain as seen at some moment: its sequence and hash. Kept outside the
/// database (the witness file, an operator's notes), it shows when entries at the end were removed,
/// which the chain alone cannot (ADR 0012).
struct AuditHead: Sendable, Equatable {
    var sequence: Int
    var hash: String
    /// When it was seen; nil for a head given on the command line.
    var seenAt: Date?

    /// The last entry of the chain now, or nil for an empty log.
    static func current(on db: any Database, now: Date) async throws -> AuditHead? {
        try await AuditOutbox.drain(on: db)
        guard let last = try await AuditEvent.query(on: db).sort(\.$sequence, .descending).first() else { return nil }
        return AuditHead(sequence: last.sequence, hash: last.hash, seenAt: now)
    }

    /// `SEQ:HASH`, the form `kansrijk audit head` prints and `audit verify --expect-head` takes.
    var token: String { "\(sequence):\(hash)" }

    init(sequence: Int, hash: String, seenAt: Date?) {
        self.sequence = sequence
        self.hash = hash
        self.seenAt = seenAt
    }

    /// Reads `SEQ:HASH`; nil unless the sequence is positive and the hash 64 hex digits.
    init?(token: String) {
        let parts = token.trimmingCharacters(in: .whitespaces).split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let sequence = Int(parts[0]), sequence > 0 else { return nil }
        let hash = parts[1].lowercased()
        guard hash.count == 64, hash.allSatisfy(\.isHexDigit) else { return nil }
        self.init(sequence: sequence, hash: hash, seenAt: nil)
    }

    /// One line of the witness file: `SEQ:HASH TIME` with the time in ISO 8601 (UTC).
    var witnessLine: String { "\(token) \(seenAt.map { $0.formatted(.iso8601) } ?? "-")" }

    init?(witnessLine line: String) {
        let fields = line.split(separator: " ")
        guard fields.count == 2, var head = AuditHead(token: String(fields[0])) else { return nil }
        if fields[1] != "-" {
            guard let at = try? Date(String(fields[1]), strategy: .iso8601) else { return nil }
            head.seenAt = at
        }
        self = head
    }
}
