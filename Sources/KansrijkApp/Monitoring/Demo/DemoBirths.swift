import Vapor

/// The births in the demo database: five recent years of the synthetic extract, aggregated straight
/// into counts, so dashboards show a trend and small municipalities their five-year figure.
/// Skipped in the test environment, where suites import the small sets they check.
enum DemoBirths {
    static let years = YearRange(first: 2019, last: 2023)

    static func load(on app: Application) async throws {
        guard app.environment != .testing else { return }
        let areas = try await AreaDimension.load(on: app.db)
        _ = try await CountStore.store(SyntheticBirths(years: years, seed: 2021).aggregate(areas: areas), on: app.db)
    }
}
