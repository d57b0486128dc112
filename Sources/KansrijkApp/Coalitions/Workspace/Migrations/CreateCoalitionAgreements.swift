import Fluent

struct CreateCoalitionAgreements: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(CoalitionAgreement.schema)
            .id()
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .field("coalition_id", .uuid, .required, .references(Coalition.schema, .id, onDelete: .cascade))
            .field("kind", .string, .required)
            .field("title", .string, .required)
            .field("signed_on", .datetime, .required)
            .field("signatories", .string, .required)
            .create()
        try await database.schema(CoalitionAgreementAmbition.schema)
            .id()
            .field("agreement_id", .uuid, .required, .references(CoalitionAgreement.schema, .id, onDelete: .cascade))
            .field("ambition_id", .uuid, .required, .references(Ambition.schema, .id, onDelete: .cascade))
            .unique(on: "agreement_id", "ambition_id")
            .create()
        try await database.schema(CoalitionAgreementDocument.schema)
            .id()
            .field("uploaded_at", .datetime)
            .field("agreement_id", .uuid, .required, .references(CoalitionAgreement.schema, .id, onDelete: .cascade))
            .field("file_name", .string, .required)
            .field("content_type", .string, .required)
            .field("size", .int, .required)
            .field("data", .data, .required)
            .unique(on: "agreement_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CoalitionAgreementDocument.schema).delete()
        try await database.schema(CoalitionAgreementAmbition.schema).delete()
        try await database.schema(CoalitionAgreement.schema).delete()
    }
}
