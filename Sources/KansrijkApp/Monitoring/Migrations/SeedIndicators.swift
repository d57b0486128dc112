import Fluent

/// The shipped indicator set (`IndicatorCatalog`), validated before it is written.
struct SeedIndicators: AsyncMigration {
    func prepare(on database: any Database) async throws {
        for d in IndicatorCatalog.all { _ = try d.validated() }
        try await IndicatorCatalog.all.enumerated().map { Indicator($1, origin: "kansrijk", position: $0 + 1) }.create(on: database)
    }

    func revert(on database: any Database) async throws {
        try await Indicator.query(on: database).filter(\.$origin == "kansrijk").delete()
    }
}
