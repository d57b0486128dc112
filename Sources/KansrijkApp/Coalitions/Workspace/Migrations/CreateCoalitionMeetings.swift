import Fluent

struct CreateCoalitionMeetings: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(CoalitionMeeting.schema)
            .id()
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .field("coalition_id", .uuid, .required, .references(Coalition.schema, .id, onDelete: .cascade))
            .field("kind", .string, .required)
            .field("title", .string, .required)
            .field("starts_at", .datetime, .required)
            .field("ends_at", .datetime, .required)
            .field("location", .string, .required)
            .field("agenda", .string, .required)
            .field("guests", .string, .required)
            .field("decisions", .string, .required)
            .create()
        try await database.schema(CoalitionMeetingAttendance.schema)
            .id()
            .field("meeting_id", .uuid, .required, .references(CoalitionMeeting.schema, .id, onDelete: .cascade))
            .field("partner_id", .uuid, .required, .references(CoalitionPartner.schema, .id, onDelete: .cascade))
            .unique(on: "meeting_id", "partner_id")
            .create()
        try await database.schema(CoalitionActionPoint.schema)
            .id()
            .field("created_at", .datetime)
            .field("coalition_id", .uuid, .required, .references(Coalition.schema, .id, onDelete: .cascade))
            .field("meeting_id", .uuid, .required, .references(CoalitionMeeting.schema, .id, onDelete: .cascade))
            .field("owner_id", .uuid, .references(CoalitionPartner.schema, .id, onDelete: .setNull))
            .field("text", .string, .required)
            .field("due_on", .datetime)
            .field("done_on", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CoalitionActionPoint.schema).delete()
        try await database.schema(CoalitionMeetingAttendance.schema).delete()
        try await database.schema(CoalitionMeeting.schema).delete()
    }
}
