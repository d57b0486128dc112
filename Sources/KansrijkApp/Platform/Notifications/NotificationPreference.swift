import Fluent
import Foundation

/// How a person wants to hear of one kind of event by e-mail (issue #14).
enum MailDelivery: String, Codable, CaseIterable, Sendable {
    /// A mail for each event, at once.
    case immediately = "direct"
    /// Gathered in one mail a day (after 07:00 Dutch time).
    case digest = "dagelijks"
    /// Not by e-mail (the in-app notices stay).
    case none = "geen"
}

/// One person's choice for one `MailKind.choosable` kind. Without a row the choice is `immediately`.
final class NotificationPreference: Model, @unchecked Sendable {
    static let schema = "notification_preferences"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Field(key: "updated_at") var updatedAt: Date

    // data fields
    @Field(key: "kind") var kind: MailKind
    @Field(key: "delivery") var delivery: MailDelivery

    // relationships
    @Parent(key: "user_id") var user: User

    init() {}

    init(userID: UUID, kind: MailKind, delivery: MailDelivery, now: Date) {
        self.$user.id = userID
        self.kind = kind
        self.delivery = delivery
        self.updatedAt = now
    }
}

extension NotificationPreference {
    static let defaultDelivery = MailDelivery.immediately

    /// Each person's choice for `kind` (one query); people without a row get the default.
    static func deliveries(of userIDs: [UUID], kind: MailKind, on db: any Database) async throws -> [UUID: MailDelivery] {
        guard !userIDs.isEmpty else { return [:] }
        let rows = try await NotificationPreference.query(on: db).filter(\.$user.$id ~~ userIDs).filter(\.$kind == kind).all()
        var result = Dictionary(uniqueKeysWithValues: Set(userIDs).map { ($0, defaultDelivery) })
        for row in rows { result[row.$user.id] = row.delivery }
        return result
    }

    /// All of one person's choices, every choosable kind present.
    static func all(of userID: UUID, on db: any Database) async throws -> [MailKind: MailDelivery] {
        let rows = try await NotificationPreference.query(on: db).filter(\.$user.$id == userID).all()
        var result = Dictionary(uniqueKeysWithValues: MailKind.choosable.map { ($0, defaultDelivery) })
        for row in rows where MailKind.choosable.contains(row.kind) { result[row.kind] = row.delivery }
        return result
    }

    /// Stores one person's choices (only the choosable kinds), in one transaction.
    static func save(_ choices: [MailKind: MailDelivery], of userID: UUID, on db: any Database, now: Date) async throws {
        try await db.writeTransaction { db in
            let rows = try await NotificationPreference.query(on: db).filter(\.$user.$id == userID).all()
            for kind in MailKind.choosable {
                guard let delivery = choices[kind] else { continue }
                if let row = rows.first(where: { $0.kind == kind }) {
                    guard row.delivery != delivery else { continue }
                    row.delivery = delivery
                    row.updatedAt = now
                    try await row.save(on: db)
                } else {
                    try await NotificationPreference(userID: userID, kind: kind, delivery: delivery, now: now).create(on: db)
                }
            }
        }
    }
}
