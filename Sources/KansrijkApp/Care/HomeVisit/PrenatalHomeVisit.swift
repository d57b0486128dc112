import Fluent
import Foundation

/// Where the prenatal home visit (prenataal huisbezoek by the JGZ) stands for one client.
enum HomeVisitState: String, Codable, CaseIterable, Sendable {
    case offered, planned, held, declined
}

/// The prenatal home visit of one client (issue 15; a legal task of municipalities since 1 July 2022,
/// action line 3.1): its state and the calendar day of each step. One record per client; a later step
/// keeps the days of the earlier ones, so "offered" counts every visit that was offered, also the
/// ones held or declined since. Any organisation involved with the client records it (mostly JGZ;
/// in some coalitions the midwife or the CJG offers it first) and the record names who did, last.
final class PrenatalHomeVisit: Model, @unchecked Sendable {
    static let schema = "care_home_visits"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Field(key: "updated_at") var updatedAt: Date

    // data fields
    @Field(key: "state") var state: HomeVisitState
    /// Calendar days (midnight UTC, see `CalendarDay`).
    @OptionalField(key: "offered_on") var offeredOn: Date?
    @OptionalField(key: "planned_on") var plannedOn: Date?
    @OptionalField(key: "held_on") var heldOn: Date?
    @OptionalField(key: "declined_on") var declinedOn: Date?

    // relationships
    @Parent(key: "client_id") var client: CareClient
    @Parent(key: "organisation_id") var organisation: Organisation
    @Field(key: "updated_by") var updatedBy: UUID

    init() {}

    init(clientID: UUID, organisationID: UUID, userID: UUID, now: Date) {
        self.$client.id = clientID
        self.$organisation.id = organisationID
        self.updatedBy = userID
        self.updatedAt = now
        self.state = .offered
    }

    /// The day of a state's step.
    func day(of state: HomeVisitState) -> Date? {
        switch state {
        case .offered: offeredOn
        case .planned: plannedOn
        case .held: heldOn
        case .declined: declinedOn
        }
    }

    /// Records a step: its day, and the earlier "offered" day when none was recorded (a visit that
    /// is planned, held or declined was offered, at the latest that day).
    func record(_ state: HomeVisitState, on day: Date) {
        self.state = state
        switch state {
        case .offered: offeredOn = day
        case .planned: plannedOn = day
        case .held: heldOn = day
        case .declined: declinedOn = day
        }
        if offeredOn == nil { offeredOn = day }
    }
}

extension PrenatalHomeVisit {
    static func of(client clientID: UUID, on db: any Database) async throws -> PrenatalHomeVisit? {
        try await PrenatalHomeVisit.query(on: db).filter(\.$client.$id == clientID).first()
    }
}

struct CreatePrenatalHomeVisits: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PrenatalHomeVisit.schema)
            .id()
            .field("client_id", .uuid, .required, .references(CareClient.schema, .id, onDelete: .cascade))
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, .id))
            .field("updated_by", .uuid, .required)
            .field("updated_at", .datetime, .required)
            .field("state", .string, .required)
            .field("offered_on", .datetime)
            .field("planned_on", .datetime)
            .field("held_on", .datetime)
            .field("declined_on", .datetime)
            .unique(on: "client_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PrenatalHomeVisit.schema).delete()
    }
}
