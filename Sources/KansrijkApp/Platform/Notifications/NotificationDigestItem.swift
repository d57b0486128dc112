import Fluent
import Foundation

/// An event held back for a person's daily digest: only its kind and the page it links to, never
/// client data. `digestedAt` is set when the digest that listed it was written.
final class NotificationDigestItem: Model, @unchecked Sendable {
    static let schema = "notification_digest_items"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Field(key: "created_at") var createdAt: Date

    // data fields
    @Field(key: "kind") var kind: MailKind
    /// The page behind the log-in, as a path (`/zorg/verwijzingen/...`): the base address is added when mailed.
    @Field(key: "path") var path: String
    @OptionalField(key: "digested_at") var digestedAt: Date?

    // relationships
    @Parent(key: "user_id") var user: User

    init() {}

    init(userID: UUID, kind: MailKind, path: String, now: Date) {
        self.$user.id = userID
        self.kind = kind
        self.path = path
        self.createdAt = now
    }
}

/// The claim of one person's digest of one Dutch calendar day: the unique key (user, day) lets
/// exactly one run, of however many instances, write it.
final class NotificationDigest: Model, @unchecked Sendable {
    static let schema = "notification_digests"

    @ID(key: .id) var id: UUID?
    /// `yyyy-MM-dd` in Dutch time.
    @Field(key: "day") var day: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "item_count") var itemCount: Int
    @Parent(key: "user_id") var user: User

    init() {}

    init(userID: UUID, day: String, itemCount: Int, now: Date) {
        self.$user.id = userID
        self.day = day
        self.itemCount = itemCount
        self.createdAt = now
    }
}
