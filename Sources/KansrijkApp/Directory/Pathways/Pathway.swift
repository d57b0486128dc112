import Fluent
import Foundation

/// A zorgpad (care pathway): the steps a coalition agreed for one theme, so every professional
/// knows who does what, in which phase, and how to reach them.
final class Pathway: Model, @unchecked Sendable {
    static let schema = "pathways"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // data fields
    @Field(key: "title") var title: String
    /// Theme term code (`financien`, `verslaving`...).
    @Field(key: "theme") var theme: String
    @Field(key: "summary") var summary: String
    @Field(key: "is_published") var isPublished: Bool

    // relationships
    @Parent(key: "coalition_id") var coalition: Coalition
    @Children(for: \.$pathway) var steps: [PathwayStep]

    init() {}

    init(id: UUID? = nil, coalitionID: UUID, title: String, theme: String, summary: String, isPublished: Bool = true) {
        self.id = id
        self.$coalition.id = coalitionID
        self.title = title
        self.theme = theme
        self.summary = summary
        self.isPublished = isPublished
    }
}

/// One agreed step of a pathway.
final class PathwayStep: Model, @unchecked Sendable {
    static let schema = "pathway_steps"

    @ID(key: .id) var id: UUID?
    @Parent(key: "pathway_id") var pathway: Pathway
    /// Phase term code (`zwangerschap-t1`...) the step belongs to.
    @Field(key: "phase") var phase: String
    /// Order within its phase, from 1.
    @Field(key: "position") var position: Int
    @Field(key: "kind") var kind: StepKind
    @Field(key: "title") var title: String
    @Field(key: "description") var description: String
    @OptionalField(key: "organisation_id") var organisationID: UUID?
    @OptionalField(key: "service_id") var serviceID: UUID?
    @OptionalField(key: "contact_person") var contactPerson: String?
    @OptionalField(key: "agreement") var agreement: String?

    init() {}

    init(id: UUID? = nil, pathwayID: UUID, phase: String, position: Int, kind: StepKind, title: String,
         description: String, organisationID: UUID? = nil, serviceID: UUID? = nil, contactPerson: String? = nil,
         agreement: String? = nil) {
        self.id = id
        self.$pathway.id = pathwayID
        self.phase = phase
        self.position = position
        self.kind = kind
        self.title = title
        self.description = description
        self.organisationID = organisationID
        self.serviceID = serviceID
        self.contactPerson = contactPerson
        self.agreement = agreement
    }
}

enum StepKind: String, Codable, CaseIterable, Sendable {
    case signal = "signaleren"
    case firstContact = "eerste-contact"
    case action = "actie"
    case referral = "verwijzen"
    case agreement = "afspraak"
    case followUp = "nazorg"

    var label: String {
        switch self {
        case .signal: "Signaleren"
        case .firstContact: "Eerste contact"
        case .action: "Wie doet wat"
        case .referral: "Verwijzen naar aanbod"
        case .agreement: "Afspraak"
        case .followUp: "Volgen en nazorg"
        }
    }

    func label(english: Bool) -> String {
        guard english else { return label }
        switch self {
        case .signal: return "Signal"
        case .firstContact: return "First contact"
        case .action: return "Who does what"
        case .referral: return "Refer to a service"
        case .agreement: return "Agreement"
        case .followUp: return "Follow-up"
        }
    }
}

struct CreatePathways: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Pathway.schema)
            .id()
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .field("coalition_id", .uuid, .required, .references(Coalition.schema, .id, onDelete: .cascade))
            .field("title", .string, .required)
            .field("theme", .string, .required)
            .field("summary", .string, .required)
            .field("is_published", .bool, .required)
            .create()
        try await database.schema(PathwayStep.schema)
            .id()
            .field("pathway_id", .uuid, .required, .references(Pathway.schema, .id, onDelete: .cascade))
            .field("phase", .string, .required)
            .field("position", .int, .required)
            .field("kind", .string, .required)
            .field("title", .string, .required)
            .field("description", .string, .required)
            .field("organisation_id", .uuid, .references(Organisation.schema, .id, onDelete: .setNull))
            .field("service_id", .uuid, .references(Service.schema, .id, onDelete: .setNull))
            .field("contact_person", .string)
            .field("agreement", .string)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PathwayStep.schema).delete()
        try await database.schema(Pathway.schema).delete()
    }
}
