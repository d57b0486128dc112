import Fluent
import Foundation

/// A service's explicit answer to "how do you receive referrals?" (issue #15), set on the service
/// edit form. Without one, the way is computed from the data (`ReferralReceiving`).
final class ServiceReferralRoute: Model, @unchecked Sendable {
    static let schema = "service_referral_routes"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Field(key: "updated_at") var updatedAt: Date

    // data fields
    @Field(key: "service_id") var serviceID: UUID
    /// `ReferralChannel` raw value.
    @Field(key: "channel") var channel: String
    /// For `elsewhere`: a short text or web address of where referrals go.
    @OptionalField(key: "where_text") var whereText: String?

    init() {}

    init(serviceID: UUID, channel: ReferralChannel, whereText: String?, now: Date) {
        self.serviceID = serviceID
        self.channel = channel.rawValue
        self.whereText = whereText
        self.updatedAt = now
    }
}

extension ServiceReferralRoute {
    /// Writes (or, with nil, removes) a service's setting; call inside the service's write transaction.
    static func set(_ channel: ReferralChannel?, whereText: String?, service serviceID: UUID, on db: any Database, now: Date) async throws {
        let existing = try await ServiceReferralRoute.query(on: db).filter(\.$serviceID == serviceID).first()
        guard let channel else {
            try await existing?.delete(on: db)
            return
        }
        let row = existing ?? ServiceReferralRoute(serviceID: serviceID, channel: channel, whereText: nil, now: now)
        row.channel = channel.rawValue
        row.whereText = channel == .elsewhere ? whereText : nil
        row.updatedAt = now
        try await row.save(on: db)
    }
}

struct CreateServiceReferralRoutes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ServiceReferralRoute.schema)
            .id()
            .field("service_id", .uuid, .required, .references(Service.schema, .id, onDelete: .cascade))
            .field("channel", .string, .required)
            .field("where_text", .string)
            .field("updated_at", .datetime, .required)
            .unique(on: "service_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ServiceReferralRoute.schema).delete()
    }
}
