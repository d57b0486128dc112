import Fluent
import Foundation
import Vapor

/// One page of a worklist, newest first.
struct WorklistSlice: Sendable {
    var referrals: [Referral]
    var page: Int
    var hasMore: Bool
}

extension Referral {
    static let worklistPageSize = 50

    /// The organisation's worklist: incoming (it receives) or outgoing (it referred), only for clients
    /// it may still see, newest first, a page at a time. One query for the page and the API alike: the
    /// access rule is a subquery, the organisation and date come from the
    /// `care_referrals_receiving` / `care_referrals_referring` indexes; one row more than a page says
    /// whether there is a next one.
    static func worklist(for access: CareAccess, incoming: Bool, page: Int = 1, pageSize: Int = worklistPageSize,
                         on db: any Database, now: Date) async throws -> WorklistSlice {
        let page = max(1, page)
        let side = incoming ? \Referral.$receivingOrganisation.$id : \Referral.$referringOrganisation.$id
        let rows = try await Referral.query(on: db).filter(side == access.organisationID)
            .filter(access.visibleFilter("client_id", of: Referral.schema, now: now))
            .with(\.$client).with(\.$receivingOrganisation).with(\.$referringOrganisation)
            .sort(\.$requestedAt, .descending).sort(\.$id)
            .range((page - 1) * pageSize..<(page * pageSize + 1)).all()
        return WorklistSlice(referrals: Array(rows.prefix(pageSize)), page: page, hasMore: rows.count > pageSize)
    }
}

extension Request {
    /// `?pagina=N` of a list (1 when absent or not a positive number below 10,000).
    var listPage: Int {
        guard let raw = query[String.self, at: "pagina"], let n = Int(raw), (1..<10_000).contains(n) else { return 1 }
        return n
    }
}
