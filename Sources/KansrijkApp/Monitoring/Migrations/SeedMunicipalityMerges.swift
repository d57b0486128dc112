import Fluent

/// The mergers in `KnownMerges`: reference data, so part of the schema's history.
struct SeedMunicipalityMerges: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await KnownMerges.rows.map { MunicipalityMerge(year: $0.year, formerCode: $0.former, formerName: $0.name, currentCode: $0.current, currentIsNew: KnownMerges.newCodes.contains($0.current)) }
            .create(on: database)
    }

    func revert(on database: any Database) async throws {
        try await MunicipalityMerge.query(on: database).filter(\.$formerCode ~~ KnownMerges.rows.map(\.former)).delete()
    }
}
