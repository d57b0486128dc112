import Fluent
import Foundation

/// NEN 7513 for MDO pages: every read names the client it concerns, also when the page shows only her code.
extension MDOScope {
    /// The ground on which this participant deals with a case: her own access basis when she has one,
    /// otherwise the pseudonymised view under the consent that put the case on the agenda.
    func basis(for mdoCase: MDOCase, on db: any Database) async throws -> AccessBasis {
        try await access.basis(for: mdoCase.$client.id, on: db, now: now) ?? .pseudonymised(mdoCase.consentID)
    }

    /// Writes one event per client the response shows (the cases on the agenda, then the cases of the
    /// action points), in that order; a page without any client writes one event without a client, so
    /// every access path is logged. `identified` is false for documents that never show names (minutes).
    func auditShown(_ action: AuditAction, _ loaded: MDOMeetingPage.Loaded, identified: Bool = true, _ what: String,
                    on db: any Database) async throws {
        var shown: [(case: MDOCase, named: Bool)] = loaded.cases.map { ($0, identified && loaded.identified.contains($0.id!)) }
        for point in loaded.carried + loaded.raised {
            guard let c = point.mdoCase, !shown.contains(where: { $0.case.$client.id == c.$client.id }) else { continue }
            shown.append((c, false))
        }
        var seen = Set<UUID>(), entries: [(UUID, AccessBasis, String)] = []
        for (c, named) in shown where seen.insert(c.$client.id).inserted {
            let basis = named ? try await basis(for: c, on: db) : .pseudonymised(c.consentID)
            entries.append((c.$client.id, basis, c.client.code))
        }
        let events = entries
        try await db.auditedTransaction { db in
            if events.isEmpty { try await audit(action, clientID: nil, basis: nil, "\(what), no cases", on: db) }
            for (clientID, basis, code) in events {
                try await audit(action, clientID: clientID, basis: basis, "\(what), case \(code)", on: db)
            }
        }
    }
}
