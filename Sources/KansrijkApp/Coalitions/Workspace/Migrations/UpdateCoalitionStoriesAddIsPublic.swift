import Fluent
import SQLKit

/// Stories get a "public" mark (issue 5, review gap 3); every existing story starts as not public.
struct UpdateCoalitionStoriesAddIsPublic: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(CoalitionStory.schema)
            .field("is_public", .bool, .required, .sql(.default(false)))
            .update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CoalitionStory.schema).deleteField("is_public").update()
    }
}
