import Fluent

/// The shipped indicator set (`IndicatorCatalog`), validated before it is written.
struct SeedIndicators: AsyncMigration {
    func prepare(on database: any Database) async throws {
        for d in IndicatorCatalog.all { _ = try d.validated() }
        // the columns of this migration's time, named one by one: a model insert would also name
        // the columns later migrations add (`UpdateIndicatorsAddEnglish`), which do not exist yet
        for (i, d) in IndicatorCatalog.all.enumerated() {
            try await Indicator.query(on: database).set(Self.row(d, position: i + 1)).create()
        }
    }

    func revert(on database: any Database) async throws {
        try await Indicator.query(on: database).filter(\.$origin == "kansrijk").delete()
    }

    static func row(_ d: IndicatorDefinition, position: Int) -> [FieldKey: DatabaseQuery.Value] {
        let text: [FieldKey: String] = [
            .id: d.code, "name": d.name, "description": d.description, "numerator": d.numerator, "denominator": d.denominator,
            "direction": d.direction.rawValue, "phase": d.phase, "source": d.source, "unit": d.unit.rawValue,
            "period_kind": d.periodKind.rawValue, "breakdowns": d.breakdowns.joined(separator: ","), "indicator_group": d.group, "origin": "kansrijk",
        ]
        return text.mapValues { .bind($0) }.merging(["factor": .bind(d.factor), "position": .bind(position)]) { a, _ in a }
    }
}
