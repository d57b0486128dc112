import Fluent
import Vapor

/// A referral as the JSON API shows it.
struct ReferralDTO: Content {
    var id: UUID
    var clientCode: String
    var clientName: String
    var serviceID: UUID
    var service: String
    var referringOrganisation: String
    var receivingOrganisation: String
    var status: String
    var requestedAt: Date
    var firstContactAt: Date?
    var statusChangedAt: Date
}

/// A client as the JSON API shows her: the minimum, with the phase.
struct ClientDTO: Content {
    var id: UUID
    var code: String
    var name: String
    var birthDate: String
    var municipalityCode: String
    var expectedBirthDate: String?
    var actualBirthDate: String?
    /// The child's pseudonym once the birth is recorded (`KK-…`, issue 15).
    var childCode: String?
    var language: String
    var phase: String?
    var closed: Bool
}

/// `/api/zorg`: the same access rules and audit as the pages, for the signed-in session, as JSON.
/// Errors are problem JSON (RFC 9457); a client one may not see is a 404.
struct CareAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "zorg")
        api.get("verwijzingen", use: referrals)
        api.get("clienten", ":client", use: client)
    }

    @Sendable func referrals(req: Request) async throws -> [ReferralDTO] {
        let (_, access) = try await req.careAccess()
        let now = Date()
        let incoming = req.worklistIsIncoming
        let slice = try await Referral.worklist(for: access, incoming: incoming, page: req.listPage, on: req.db, pool: req.sqliteReads, now: now)
        let rows = slice.referrals
        try await req.audit(.read, client: nil, basis: nil, what: "api worklist \(incoming ? "incoming" : "outgoing") referrals page \(slice.page) (\(rows.count))", now: now)
        return rows.map {
            ReferralDTO(id: $0.id, clientCode: $0.clientCode, clientName: $0.clientName, serviceID: $0.serviceID, service: $0.serviceName,
                        referringOrganisation: $0.referringOrganisation, receivingOrganisation: $0.receivingOrganisation,
                        status: $0.status.rawValue, requestedAt: $0.requestedAt, firstContactAt: $0.firstContactAt, statusChangedAt: $0.statusChangedAt)
        }
    }

    @Sendable func client(req: Request) async throws -> ClientDTO {
        let (_, access) = try await req.careAccess()
        let now = Date()
        let (c, basis) = try await req.careClient(access, now: now)
        try await req.audit(.read, client: c.id, basis: basis, what: "api client", now: now)
        return ClientDTO(id: c.id!, code: c.code, name: c.name, birthDate: CalendarDay.iso(c.birthDate), municipalityCode: c.municipalityCode,
                         expectedBirthDate: c.expectedBirthDate.map(CalendarDay.iso), actualBirthDate: c.actualBirthDate.map(CalendarDay.iso),
                         childCode: c.childCode, language: c.language, phase: c.phase(on: CalendarDay.day(at: now))?.rawValue, closed: c.closedAt != nil)
    }
}
