import Fluent

/// The coalition's own tranche column duplicated the municipalities' participation and could
/// disagree with it; the tranche is now derived from `MunicipalityParticipation` (ADR 0009).
struct UpdateCoalitionsRemoveTranche: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Coalition.schema).deleteField("tranche").update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Coalition.schema).field("tranche", .int).update()
    }
}
