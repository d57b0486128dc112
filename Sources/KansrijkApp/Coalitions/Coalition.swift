import Fluent
import Foundation

/// A local coalition (lokale coalitie Kansrijke Start): one municipality or a region of several.
/// The coalitions issue (#3) grows this into the coalition's workspace; the directory needs
/// it now for pathways, coverage and who may edit what.
final class Coalition: Model, @unchecked Sendable {
    static let schema = "coalitions"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // data fields
    @Field(key: "name") var name: String
    @Field(key: "slug") var slug: String
    /// The day of the first meeting with partners (a calendar day, see `CalendarDay`).
    @OptionalField(key: "started_on") var startedOn: Date?
    /// The two trekkers: one for the content (partners, practice), one for policy (municipality).
    @OptionalField(key: "content_lead") var contentLead: String?
    @OptionalField(key: "policy_lead") var policyLead: String?
    /// How (expecting) parents, and fathers in particular, have a voice; empty means they are missing.
    @OptionalField(key: "parents_voice") var parentsVoice: String?
    @OptionalField(key: "fathers_voice") var fathersVoice: String?

    // relationships
    @Children(for: \.$coalition) var areas: [CoalitionMunicipality]

    init() {}

    init(id: UUID? = nil, name: String, slug: String) {
        self.id = id
        self.name = name
        self.slug = slug
    }
}

/// The municipalities a coalition works for.
final class CoalitionMunicipality: Model, @unchecked Sendable {
    static let schema = "coalition_municipalities"

    @ID(key: .id) var id: UUID?
    @Parent(key: "coalition_id") var coalition: Coalition
    @Field(key: "municipality_code") var municipalityCode: String

    init() {}

    init(coalitionID: UUID, municipalityCode: String) {
        self.$coalition.id = coalitionID
        self.municipalityCode = municipalityCode
    }
}

/// A user's membership of a coalition.
final class CoalitionMember: Model, @unchecked Sendable {
    static let schema = "coalition_members"

    @ID(key: .id) var id: UUID?
    @Parent(key: "coalition_id") var coalition: Coalition
    @Parent(key: "user_id") var user: User

    init() {}

    init(coalitionID: UUID, userID: UUID) {
        self.$coalition.id = coalitionID
        self.$user.id = userID
    }
}

extension Coalition {
    /// Municipality codes of a coalition, sorted.
    func municipalityCodes(on db: any Database) async throws -> [String] {
        try await CoalitionMunicipality.query(on: db).filter(\.$coalition.$id == requireID())
            .all().map(\.municipalityCode).sorted()
    }

    static func allSorted(on db: any Database) async throws -> [Coalition] {
        try await Coalition.query(on: db).sort(\.$name).all()
    }
}

struct CreateCoalitions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Coalition.schema)
            .id()
            .field("created_at", .datetime)
            .field("name", .string, .required)
            .field("slug", .string, .required)
            .unique(on: "slug")
            .create()
        try await database.schema(CoalitionMunicipality.schema)
            .id()
            .field("coalition_id", .uuid, .required, .references(Coalition.schema, .id, onDelete: .cascade))
            .field("municipality_code", .string, .required, .references(Municipality.schema, .id))
            .unique(on: "coalition_id", "municipality_code")
            .create()
        try await database.schema(CoalitionMember.schema)
            .id()
            .field("coalition_id", .uuid, .required, .references(Coalition.schema, .id, onDelete: .cascade))
            .field("user_id", .uuid, .required, .references(User.schema, .id, onDelete: .cascade))
            .unique(on: "coalition_id", "user_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CoalitionMember.schema).delete()
        try await database.schema(CoalitionMunicipality.schema).delete()
        try await database.schema(Coalition.schema).delete()
    }
}
