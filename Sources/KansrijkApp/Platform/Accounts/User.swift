import Fluent
import Vapor

/// What a user may do. A user has exactly one role; membership of coalitions says where.
enum Role: String, Codable, CaseIterable, Sendable, Comparable {
    /// Midwife, JGZ nurse, social worker...: finds help, reads pathways.
    case professional
    /// Network coordinator (trekker): edits the offering and pathways of their coalitions.
    case coordinator
    /// Municipal policy advisor: reads everything of their municipality's coalitions, monitors.
    case policy
    /// Platform administrator: everything, everywhere.
    case admin

    var rank: Int { Role.allCases.firstIndex(of: self)! }
    static func < (a: Role, b: Role) -> Bool { a.rank < b.rank }
}

final class User: Model, @unchecked Sendable {
    static let schema = "users"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // data fields
    @Field(key: "email") var email: String
    @Field(key: "name") var name: String
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "role") var role: Role
    @Field(key: "is_active") var isActive: Bool
    /// The second factor (TOTP, base32 secret), once confirmed with a first code.
    @OptionalField(key: "totp_secret") var totpSecret: String?
    @OptionalField(key: "totp_enabled_at") var totpEnabledAt: Date?
    /// The last TOTP step used: a code is accepted once.
    @OptionalField(key: "totp_last_step") var totpLastStep: Int64?
    /// SHA-256 hashes of the unused recovery codes, separated by spaces.
    @OptionalField(key: "recovery_codes") var recoveryCodes: String?

    /// The language of her pages after sign-in and of her mail (`UILanguage` raw value); nil reads as Dutch.
    @OptionalField(key: "language") var language: String?

    /// Read with the session's user (`readActive`), not stored here: her organisation requires a second factor.
    var organisationRequiresSecondFactor = false

    // relationships
    @Parent(key: "organisation_id") var organisation: Organisation
    @Siblings(through: CoalitionMember.self, from: \.$user, to: \.$coalition) var coalitions: [Coalition]

    init() {}

    init(id: UUID? = nil, email: String, name: String, passwordHash: String, role: Role, organisationID: UUID) {
        self.id = id
        self.email = email.lowercased()
        self.name = name
        self.passwordHash = passwordHash
        self.role = role
        self.isActive = true
        self.$organisation.id = organisationID
    }
}

extension User: ModelSessionAuthenticatable {}

extension User {
    /// Her chosen language for mail and pages; Dutch unless she chose English.
    var uiLanguage: UILanguage { language.flatMap(UILanguage.init(rawValue:)) ?? .nl }
}

extension User {
    static func find(email: String, on db: any Database) async throws -> User? {
        try await User.query(on: db).filter(\.$email == email.lowercased()).first()
    }
}

struct CreateUsers: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(User.schema)
            .id()
            .field("created_at", .datetime)
            .field("email", .string, .required)
            .field("name", .string, .required)
            .field("password_hash", .string, .required)
            .field("role", .string, .required)
            .field("is_active", .bool, .required)
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, .id))
            .unique(on: "email")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(User.schema).delete()
    }
}
