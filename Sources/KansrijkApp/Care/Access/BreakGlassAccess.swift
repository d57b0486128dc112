import Fluent
import Foundation

/// Why someone opens emergency access: a fixed list (NEN 7513 asks for a stated reason that a
/// reviewer can weigh), always with a text of at least 10 characters beside it.
enum BreakGlassReason: String, Codable, CaseIterable, Sendable {
    /// Acute danger to the mother or the child.
    case acuteDanger = "acuut-gevaar"
    /// Urgent care while the involved colleague cannot be reached.
    case colleagueUnreachable = "collega-onbereikbaar"
    /// The referral or handover is not yet in Kansrijk and care cannot wait.
    case handoverPending = "overdracht-onderweg"
    /// Another urgent care situation, explained in the text.
    case otherUrgent = "andere-spoed"
}

/// Emergency access (break-the-glass) by one user to one client, with a reason, for a short
/// time that cannot be renewed; read-only, logged, announced to the organisations involved and
/// the coalition's coordinators, and reviewed (issue #13, item 2).
final class BreakGlassAccess: Model, @unchecked Sendable {
    static let schema = "care_break_glass"
    /// How long a grant lasts.
    static let duration: TimeInterval = 60 * 60
    /// After a grant, the same user gets no new one for the same client for this long.
    static let noRenewal: TimeInterval = 24 * 60 * 60

    // managed fields
    @ID(key: .id) var id: UUID?

    // data fields
    @Field(key: "reason") var reason: String
    @OptionalField(key: "reason_kind") var reasonKind: String?
    @Field(key: "granted_at") var grantedAt: Date
    @Field(key: "expires_at") var expiresAt: Date
    /// Kept when the client is erased, like the audit log; no content.
    @Field(key: "client_id") var clientID: UUID
    @OptionalField(key: "reviewed_at") var reviewedAt: Date?
    @OptionalField(key: "reviewed_by") var reviewedBy: UUID?
    @OptionalField(key: "review_note") var reviewNote: String?

    // relationships
    @Parent(key: "user_id") var user: User
    @Parent(key: "organisation_id") var organisation: Organisation

    init() {}

    init(id: UUID? = nil, clientID: UUID, userID: UUID, organisationID: UUID, reasonKind: BreakGlassReason, reason: String, now: Date) {
        self.id = id
        self.clientID = clientID
        self.$user.id = userID
        self.$organisation.id = organisationID
        self.reasonKind = reasonKind.rawValue
        self.reason = reason
        self.grantedAt = now
        self.expiresAt = now.addingTimeInterval(Self.duration)
    }
}

/// Every request for emergency access, granted or not: the rate limit counts them, and the review
/// list shows the refused ones (a wrong code, a client outside the region, a second request).
final class BreakGlassAttempt: Model, @unchecked Sendable {
    static let schema = "care_break_glass_attempts"

    enum Outcome: String, Codable, Sendable {
        case granted
        /// No client with the code, or not one of the user's region or coalitions.
        case noMatch = "no-match"
        /// The user had a grant for this client within `BreakGlassAccess.noRenewal`.
        case notRenewed = "not-renewed"
        /// Her organisation already sees the client: no emergency needed.
        case alreadyInvolved = "already-involved"
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "user_id") var userID: UUID
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "attempted_at") var attemptedAt: Date
    @Field(key: "outcome") var outcome: Outcome
    @Field(key: "reason_kind") var reasonKind: String
    @Field(key: "reason") var reason: String
    /// The client when the code is known (kept when she is erased, like the audit log).
    @OptionalField(key: "client_id") var clientID: UUID?

    init() {}

    init(userID: UUID, organisationID: UUID, now: Date, outcome: Outcome, reasonKind: BreakGlassReason, reason: String, clientID: UUID?) {
        self.userID = userID
        self.organisationID = organisationID
        self.attemptedAt = now
        self.outcome = outcome
        self.reasonKind = reasonKind.rawValue
        self.reason = reason
        self.clientID = clientID
    }
}

/// A message to one user that emergency access was used on a client of her organisation or her
/// coalition. Names the grant, not the client's data.
final class BreakGlassNotice: Model, @unchecked Sendable {
    static let schema = "care_break_glass_notices"

    @ID(key: .id) var id: UUID?
    @Field(key: "user_id") var userID: UUID
    @Field(key: "grant_id") var grantID: UUID
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "read_at") var readAt: Date?

    init() {}

    init(userID: UUID, grantID: UUID, now: Date) {
        self.userID = userID
        self.grantID = grantID
        self.createdAt = now
    }
}
