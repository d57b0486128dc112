import Fluent

/// A coalition's tranche of the impulse funding. Municipalities applied for the funding, not
/// coalitions, so the one source of truth is `MunicipalityParticipation` (what the national
/// overview, its import and the funding use); a coalition of several municipalities is in the
/// earliest tranche any of them took part in (ADR 0009).
enum CoalitionTranche {
    static func of(municipalities codes: [String], on db: any Database) async throws -> Tranche? {
        guard !codes.isEmpty else { return nil }
        let rows = try await MunicipalityParticipation.query(on: db).filter(\.$id ~~ codes).all()
        return earliest(rows.map(\.tranche))
    }

    /// The earliest participating tranche, or nil when none took part (or none reported).
    static func earliest(_ tranches: [Tranche]) -> Tranche? {
        tranches.filter(\.isParticipating).min()
    }
}
