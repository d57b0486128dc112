import Fluent

/// English names and descriptions for indicators (issue 5, review gap 5): optional columns, filled
/// for the shipped set; a local indicator may have an English name, else the Dutch one is shown.
struct UpdateIndicatorsAddEnglish: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // one column per statement: SQLite adds a single column per ALTER TABLE
        try await database.schema(Indicator.schema).field("name_en", .string).update()
        try await database.schema(Indicator.schema).field("description_en", .string).update()
        for (code, text) in IndicatorCatalog.english {
            try await Indicator.query(on: database).filter(\.$id == code).filter(\.$origin == "kansrijk")
                .set(\.$nameEnglish, to: text.name).set(\.$descriptionEnglish, to: text.description).update()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Indicator.schema).deleteField("description_en").update()
        try await database.schema(Indicator.schema).deleteField("name_en").update()
    }
}
