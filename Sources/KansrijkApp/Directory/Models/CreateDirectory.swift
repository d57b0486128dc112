import Fluent

struct CreateDirectory: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(TaxonomyRecord.schema)
            .id()
            .field("name", .string, .required)
            .field("description", .string, .required)
            .field("uri", .string)
            .field("version", .string)
            .create()
        try await database.schema(TaxonomyTermRecord.schema)
            .id()
            .field("taxonomy_id", .uuid, .references(TaxonomyRecord.schema, .id))
            .field("parent_id", .uuid)
            .field("code", .string)
            .field("name", .string, .required)
            .field("description", .string, .required)
            .field("language", .string)
            .create()
        try await database.schema(Service.schema)
            .id()
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, .id))
            .field("name", .string, .required)
            .field("alternate_name", .string)
            .field("description", .string, .required)
            .field("parent_summary", .string)
            .field("status", .string, .required)
            .field("url", .string)
            .field("email", .string)
            .field("phone", .string)
            .field("application_process", .string, .required)
            .field("access_route", .string, .required)
            .field("fees_description", .string)
            .field("eligibility_description", .string)
            .field("minimum_age", .double)
            .field("maximum_age", .double)
            .field("capacity", .string, .required)
            .field("wait_weeks", .int)
            .create()
        try await database.schema(ServiceAttribute.schema)
            .id()
            .field("service_id", .uuid, .required, .references(Service.schema, .id, onDelete: .cascade))
            .field("taxonomy_term_id", .uuid, .required, .references(TaxonomyTermRecord.schema, .id))
            .unique(on: "service_id", "taxonomy_term_id")
            .create()
        try await database.schema(ServiceArea.schema)
            .id()
            .field("service_id", .uuid, .required, .references(Service.schema, .id, onDelete: .cascade))
            .field("municipality_code", .string, .required, .references(Municipality.schema, .id))
            .unique(on: "service_id", "municipality_code")
            .create()
        try await database.schema(ServiceLanguage.schema)
            .id()
            .field("service_id", .uuid, .required, .references(Service.schema, .id, onDelete: .cascade))
            .field("code", .string, .required)
            .unique(on: "service_id", "code")
            .create()
        try await database.schema(ServiceSchedule.schema)
            .id()
            .field("service_id", .uuid, .required, .references(Service.schema, .id, onDelete: .cascade))
            .field("byday", .string)
            .field("opens_at", .string)
            .field("closes_at", .string)
            .field("description", .string, .required)
            .create()
        try await database.schema(ServiceContact.schema)
            .id()
            .field("service_id", .uuid, .required, .references(Service.schema, .id, onDelete: .cascade))
            .field("name", .string, .required)
            .field("title", .string)
            .field("email", .string)
            .field("phone", .string)
            .create()
        try await database.schema(Location.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, .id))
            .field("name", .string, .required)
            .field("is_virtual", .bool, .required)
            .field("street", .string)
            .field("postal_code", .string)
            .field("city", .string)
            .field("municipality_code", .string, .references(Municipality.schema, .id))
            .field("latitude", .double)
            .field("longitude", .double)
            .field("accessibility", .string)
            .create()
        try await database.schema(ServiceAtLocation.schema)
            .id()
            .field("service_id", .uuid, .required, .references(Service.schema, .id, onDelete: .cascade))
            .field("location_id", .uuid, .required, .references(Location.schema, .id, onDelete: .cascade))
            .unique(on: "service_id", "location_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        for schema in [ServiceAtLocation.schema, Location.schema, ServiceContact.schema, ServiceSchedule.schema,
                       ServiceLanguage.schema, ServiceArea.schema, ServiceAttribute.schema, Service.schema,
                       TaxonomyTermRecord.schema, TaxonomyRecord.schema] {
            try await database.schema(schema).delete()
        }
    }
}

/// The product's vocabularies as HSDS taxonomies; stable ids keep them the same everywhere.
struct SeedVocabulary: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.writeTransaction { db in
            for v in Vocabulary.allCases {
                try await TaxonomyRecord(id: v.id, name: v.name, description: v.description,
                                         uri: "https://kansrijk.nl/taxonomie/\(v.rawValue)", version: "2025").create(on: db)
                for t in v.terms {
                    try await TaxonomyTermRecord(id: t.id, taxonomyID: v.id, code: t.key, name: t.name,
                                                 description: t.englishName).create(on: db)
                }
            }
        }
    }

    func revert(on database: any Database) async throws {
        let ids = Vocabulary.allCases.map(\.id)
        try await TaxonomyTermRecord.query(on: database).filter(\.$taxonomyID ~~ ids).delete()
        try await TaxonomyRecord.query(on: database).filter(\.$id ~~ ids).delete()
    }
}
