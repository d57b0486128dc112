import Fluent
import Foundation

/// Where a request for extra care stands.
enum ExtraCareStatus: String, Codable, CaseIterable, Sendable {
    /// Waiting for a decision-maker.
    case open
    case approved
    case rejected
}

/// Whether care is asked and granted in hours or in days.
enum ExtraCareUnit: String, Codable, CaseIterable, Sendable {
    case hours, days
}

/// Who pays for care granted beyond the standard, settled afterwards.
enum ExtraCareFinancer: String, Codable, CaseIterable, Sendable {
    case gemeente
    case zorgverzekeraar
    /// Wet langdurige zorg (long-term care act).
    case wlz
    case anders
}

/// A request for care beyond the standard for one client: the escalatieladder as Apeldoorn uses it
/// (issue 15, ADR 0029). A professional asks (what care, which organisation gives it, how many hours
/// or days, why); a named decision-maker of the coalition of the client's municipality approves or
/// rejects it within the day; approved care starts at once and the financing is settled afterwards
/// ("afgerekend"). The record keeps who decided what and when, the hours or days granted and the
/// financer, so the coalition can report on it. The client's municipality and coalition are kept on
/// the request itself: when the client record is erased, the request stays for the register without
/// her (`forget`).
final class ExtraCareRequest: Model, @unchecked Sendable {
    static let schema = "care_extra_care_requests"

    // managed fields
    @ID(key: .id) var id: UUID?

    // data fields: the request
    @OptionalField(key: "client_id") var clientID: UUID?
    /// The client's code at the time of the request (a pseudonym: the decision-maker sees no name).
    @Field(key: "client_code") var clientCode: String
    @Field(key: "municipality_code") var municipalityCode: String
    @Field(key: "requested_by") var requestedBy: UUID
    @Field(key: "requested_by_name") var requestedByName: String
    @Field(key: "requested_at") var requestedAt: Date
    /// What care: "kraamzorg langer", "extra uren kraamzorg", ...
    @Field(key: "care") var care: String
    /// The organisation that gives the care, as the requester names it.
    @Field(key: "provider") var provider: String
    @Field(key: "unit") var unit: ExtraCareUnit
    @Field(key: "amount") var amount: Int
    /// Why; free text about the client's situation, shown only behind the log-in and cleared on erasure.
    @Field(key: "reason") var reason: String
    @Field(key: "status") var status: ExtraCareStatus

    // data fields: the decision
    @OptionalField(key: "decided_by") var decidedBy: UUID?
    @OptionalField(key: "decided_by_name") var decidedByName: String?
    @OptionalField(key: "decided_at") var decidedAt: Date?
    @OptionalField(key: "decision_note") var decisionNote: String?
    @OptionalField(key: "granted_amount") var grantedAmount: Int?
    @OptionalField(key: "financer") var financer: ExtraCareFinancer?
    @OptionalField(key: "financer_other") var financerOther: String?

    // data fields: settled afterwards
    @OptionalField(key: "settled_on") var settledOn: Date?
    @OptionalField(key: "settled_cents") var settledCents: Int?
    @OptionalField(key: "settled_by") var settledBy: UUID?

    // relationships
    @Parent(key: "coalition_id") var coalition: Coalition
    @Parent(key: "organisation_id") var organisation: Organisation

    init() {}

    /// Hours from the request to the decision, or to `now` while it is open.
    func hoursWaiting(now: Date) -> Double {
        (decidedAt ?? now).timeIntervalSince(requestedAt) / 3600
    }

    /// An open request older than a day is late: the coalition agreed on an answer within the day.
    func isLate(now: Date) -> Bool {
        hoursWaiting(now: now) > Double(ExtraCareRequest.answerWithinHours)
    }

    static let answerWithinHours = 24
}

/// A decision-maker of a coalition for extra care: chosen by the coordinator (a coalition setting).
/// Only these people decide, and an admin only when named here.
final class ExtraCareDecider: Model, @unchecked Sendable {
    static let schema = "care_extra_care_deciders"

    @ID(key: .id) var id: UUID?
    @Parent(key: "coalition_id") var coalition: Coalition
    @Parent(key: "user_id") var user: User

    init() {}

    init(id: UUID? = nil, coalitionID: UUID, userID: UUID) {
        self.id = id
        self.$coalition.id = coalitionID
        self.$user.id = userID
    }
}

struct CreateExtraCare: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ExtraCareDecider.schema)
            .id()
            .field("coalition_id", .uuid, .required, .references(Coalition.schema, .id, onDelete: .cascade))
            .field("user_id", .uuid, .required, .references(User.schema, .id, onDelete: .cascade))
            .unique(on: "coalition_id", "user_id")
            .create()
        try await database.schema(ExtraCareRequest.schema)
            .id()
            .field("client_id", .uuid, .references(CareClient.schema, .id, onDelete: .setNull))
            .field("client_code", .string, .required)
            .field("municipality_code", .string, .required)
            .field("coalition_id", .uuid, .required, .references(Coalition.schema, .id, onDelete: .cascade))
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, .id))
            .field("requested_by", .uuid, .required)
            .field("requested_by_name", .string, .required)
            .field("requested_at", .datetime, .required)
            .field("care", .string, .required)
            .field("provider", .string, .required)
            .field("unit", .string, .required)
            .field("amount", .int, .required)
            .field("reason", .string, .required)
            .field("status", .string, .required)
            .field("decided_by", .uuid)
            .field("decided_by_name", .string)
            .field("decided_at", .datetime)
            .field("decision_note", .string)
            .field("granted_amount", .int)
            .field("financer", .string)
            .field("financer_other", .string)
            .field("settled_on", .datetime)
            .field("settled_cents", .int)
            .field("settled_by", .uuid)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ExtraCareRequest.schema).delete()
        try await database.schema(ExtraCareDecider.schema).delete()
    }
}

/// Indexes for the decision-maker's open list and the register (by coalition, oldest first).
struct CreateExtraCareIndexes: IndexMigration {
    static let indexes = [
        (name: "care_extra_care_by_coalition", table: ExtraCareRequest.schema, columns: ["coalition_id", "status", "requested_at"]),
        (name: "care_extra_care_by_client", table: ExtraCareRequest.schema, columns: ["client_id"]),
    ]
}
