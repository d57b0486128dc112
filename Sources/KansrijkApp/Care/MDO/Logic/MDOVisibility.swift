import Fluent
import Foundation

/// Pseudonymisation in the MDO (issue #4, data minimisation): every participant sees a case's code,
/// question and involved organisations; the client's name only a user whose organisation may see the
/// client (`CareAccess`) and either presented the case or is covered by a consent for the MDO in force.
enum MDOVisibility {
    static func showsIdentity(of mdoCase: MDOCase, to access: CareAccess, on db: any Database, now: Date) async throws -> Bool {
        let clientID = mdoCase.$client.id
        guard try await access.basis(for: clientID, on: db, now: now) != nil else { return false }
        if mdoCase.$presentedBy.id == access.organisationID { return true }
        return try await Consent.active(client: clientID, organisation: access.organisationID, purpose: .mdo, at: now, on: db) != nil
    }

    /// A consent in force for the MDO, and the organisations it covers.
    static func consent(client clientID: UUID, on db: any Database, now: Date) async throws -> (Consent, Set<UUID>)? {
        let consents = try await Consent.query(on: db).filter(\.$client.$id == clientID).with(\.$organisations).sort(\.$validFrom).all()
        guard let consent = consents.first(where: { $0.isValid(at: now) && $0.purposes.contains(.mdo) }) else { return nil }
        return (consent, Set(consent.organisations.map { $0.$organisation.id }))
    }
}
