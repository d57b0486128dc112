import Fluent
import Foundation
import SQLKit
import Vapor

/// One referral as a worklist shows it: the referral's own columns with the client's code and name
/// and both organisations' names, read in the same query.
struct WorklistRow: Sendable {
    var id: UUID
    var status: ReferralStatus
    var requestedAt: Date
    var statusChangedAt: Date
    var firstContactAt: Date?
    var alternative: String?
    var serviceID: UUID
    var serviceName: String
    var clientCode: String
    var clientName: String
    var referringOrganisation: String
    var receivingOrganisation: String
    /// A warm handover is labelled as one (issue #15).
    var kind: ReferralKind = .referral
    /// A referral outside Kansrijk is never "te laat" for the receiver: nobody there answers in Kansrijk (issue #15).
    var channel: ReferralChannel = .kansrijk
}

/// One page of a worklist, newest first.
struct WorklistSlice: Sendable {
    var referrals: [WorklistRow]
    var page: Int
    var hasMore: Bool
}

extension Referral {
    static let worklistPageSize = 50

    /// The organisation's worklist: incoming (it receives) or outgoing (it referred), only for clients
    /// it may still see, newest first (ties by id, as `CreateWorklistOrderIndexes` orders them), a page
    /// at a time. One SQL query for the page and the API alike,
    /// decoded column by column into `WorklistRow` (Fluent's models decode through reflection, which
    /// was a fifth of a worklist's CPU): the access rule is a correlated subquery, the organisation,
    /// date and id come in order from the `care_referrals_receiving_order` / `_referring_order` indexes, the
    /// client's code and name from the `care_clients_listing` index, the other organisation's name from
    /// the `organisations_names` index and the own one's once per page; one row more than a page says whether there is a
    /// next one. Through `pool` (SQLite's read pool) when given.
    static func worklist(for access: CareAccess, incoming: Bool, page: Int = 1, pageSize: Int = worklistPageSize,
                         on db: any Database, pool: SQLiteReadPool? = nil, now: Date) async throws -> WorklistSlice {
        let page = max(1, page)
        let side: SQLQueryString = incoming ? "r.receiving_organisation_id" : "r.referring_organisation_id"
        let other: SQLQueryString = incoming ? "r.referring_organisation_id" : "r.receiving_organisation_id"
        // the own organisation's name once for the page (an uncorrelated subquery), the other side's per row
        let own: SQLQueryString = "(SELECT name FROM organisations WHERE id = \(bind: access.organisationID))"
        let names: SQLQueryString = incoming ? "o.name AS referring_name, \(own) AS receiving_name" : "\(own) AS referring_name, o.name AS receiving_name"
        let query: SQLQueryString = """
            SELECT r.id, r.status, r.requested_at, r.status_changed_at, r.first_contact_at, r.alternative, r.service_id, \
            r.service_name, r.kind, r.channel, c.code AS client_code, c.name AS client_name, \(names) \
            FROM care_referrals r JOIN care_clients c \(SQLiteIndexHint(CreateListingCoveringIndexes.clients)) ON c.id = r.client_id \
            JOIN organisations o \(SQLiteIndexHint(CreateOrganisationNamesIndex.name)) ON o.id = \(other) \
            WHERE \(side) = \(bind: access.organisationID) AND \(access.visibleCondition(SQLColumn("client_id", table: "r"), now: now)) \
            ORDER BY r.requested_at DESC, r.id DESC LIMIT \(literal: pageSize + 1) OFFSET \(literal: (page - 1) * pageSize)
            """
        let rows = try await db.readAll(query, pool: pool, WorklistRow.init(row:))
        return WorklistSlice(referrals: Array(rows.prefix(pageSize)), page: page, hasMore: rows.count > pageSize)
    }
}

extension WorklistRow {
    init(row: any SQLRow) throws {
        id = try row.decode(column: "id", as: UUID.self)
        status = try row.decodeRaw("status", as: ReferralStatus.self)
        requestedAt = try row.decode(column: "requested_at", as: Date.self)
        statusChangedAt = try row.decode(column: "status_changed_at", as: Date.self)
        firstContactAt = try row.decode(column: "first_contact_at", as: Date?.self)
        alternative = try row.decode(column: "alternative", as: String?.self)
        serviceID = try row.decode(column: "service_id", as: UUID.self)
        serviceName = try row.decode(column: "service_name", as: String.self)
        clientCode = try row.decode(column: "client_code", as: String.self)
        clientName = try row.decode(column: "client_name", as: String.self)
        referringOrganisation = try row.decode(column: "referring_name", as: String.self)
        receivingOrganisation = try row.decode(column: "receiving_name", as: String.self)
        kind = try row.decode(column: "kind", as: String?.self).flatMap(ReferralKind.init(rawValue:)) ?? .referral
        channel = try row.decode(column: "channel", as: String?.self).flatMap(ReferralChannel.init(rawValue:)) ?? .kansrijk
    }
}

extension Request {
    /// `?pagina=N` of a list (1 when absent or not a positive number below 10,000), read with
    /// `QueryString` rather than Vapor's query decoder (a worklist asks on every view).
    var listPage: Int {
        guard let raw = QueryString(url.query)["pagina"], let n = Int(raw), (1..<10_000).contains(n) else { return 1 }
        return n
    }

    /// `?lijst=uitgaand` asks for a worklist's outgoing referrals; anything else is the incoming list.
    var worklistIsIncoming: Bool { QueryString(url.query)["lijst"] != "uitgaand" }
}
