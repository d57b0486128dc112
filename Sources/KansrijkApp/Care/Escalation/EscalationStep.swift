import Fluent
import Foundation

/// Who must act at a step of the termijnbewaking (deadline watch on referrals; the escalatieladder before issue 15).
enum EscalationRole: String, Codable, CaseIterable, Sendable {
    case coordinator
    case receivingManager = "receiving_manager"
    case referringManager = "referring_manager"
    case policy
}

/// One step of a coalition's termijnbewaking: after so many days without acceptance (or after a
/// rejection without an alternative), this role acts.
final class EscalationStep: Model, @unchecked Sendable {
    static let schema = "care_escalation_steps"

    @ID(key: .id) var id: UUID?
    @Field(key: "after_days") var afterDays: Int
    @Field(key: "role") var role: EscalationRole
    @Parent(key: "coalition_id") var coalition: Coalition

    init() {}

    init(id: UUID? = nil, coalitionID: UUID, afterDays: Int, role: EscalationRole) {
        self.id = id
        self.$coalition.id = coalitionID
        self.afterDays = afterDays
        self.role = role
    }
}

struct CreateEscalationSteps: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(EscalationStep.schema)
            .id()
            .field("coalition_id", .uuid, .required, .references(Coalition.schema, .id, onDelete: .cascade))
            .field("after_days", .int, .required)
            .field("role", .string, .required)
            .unique(on: "coalition_id", "after_days")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(EscalationStep.schema).delete()
    }
}
