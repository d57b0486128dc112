import Fluent
import Foundation

extension Referral {
    /// The organisation's worklist: incoming (it receives) or outgoing (it referred), only for clients
    /// it may still see, newest first, at most 500. One query for the page and the API alike.
    static func worklist(for access: CareAccess, incoming: Bool, on db: any Database, now: Date) async throws -> [Referral] {
        let visible = try await access.visibleClientIDs(on: db, now: now)
        guard !visible.isEmpty else { return [] }
        let side = incoming ? \Referral.$receivingOrganisation.$id : \Referral.$referringOrganisation.$id
        return try await Referral.query(on: db).filter(side == access.organisationID)
            .filter(\.$client.$id ~~ Array(visible)).with(\.$client).with(\.$receivingOrganisation).with(\.$referringOrganisation)
            .sort(\.$requestedAt, .descending).limit(500).all()
    }
}
