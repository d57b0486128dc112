import Fluent
import Vapor

/// A client as a care page may touch it: who asks, on what basis, at which moment. Built once per
/// request from the `:client` path parameter; a client the user may not see is the 404 page.
struct ScopedClient {
    let user: User
    let access: CareAccess
    let client: CareClient
    let basis: AccessBasis
    let now: Date

    var id: UUID { client.id! }
    var base: String { "/zorg/clienten/\(id.slug)" }
    var header: ClientHeader { ClientHeader(code: client.code, name: client.name, href: base) }

    /// One audit event for this request (NEN 7513), inside the transaction of any change.
    func audit(_ action: AuditAction, _ what: String, on db: any Database) async throws {
        try await AuditLog.record(AuditDraft(action: action, clientID: id, user: user, basis: basis, what: what), on: db, now: now)
    }
}

struct ClientHeader: Encodable { var code: String; var name: String; var href: String }

extension Request {
    func scopedClient(now: Date = Date()) async throws -> ScopedClient {
        let (user, access) = try await careAccess()
        guard let id = parameters.get("client", as: UUID.self) else { throw PageError.notFound }
        let (client, basis) = try await access.require(client: id, on: db, now: now)
        try await refuseChangeUnderEmergency(basis, client: id, now: now)
        return ScopedClient(user: user, access: access, client: client, basis: basis, now: now)
    }
}
