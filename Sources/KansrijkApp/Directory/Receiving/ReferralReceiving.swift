import Fluent
import SQLKit
import Foundation

/// Enough to say, for any service, how it receives referrals (issue #15): who answers referrals in
/// Kansrijk per organisation, the organisations that said they take none, their phone and e-mail,
/// and the services' explicit settings. A plain value: the rule is testable without a database.
struct ReferralReceiving: Sendable {
    struct Explicit: Sendable, Equatable { var channel: ReferralChannel; var whereText: String? }
    struct Contact: Sendable, Equatable { var phone: String?; var email: String? }

    /// How one service receives referrals, with what the referral form needs to show.
    struct Mode: Sendable, Equatable {
        var channel: ReferralChannel
        /// For `elsewhere`: where referrals go (a short text or web address).
        var whereText: String?
        var phone: String?
        var email: String?
        /// Kansrijk was the setting (explicit or by default) but nobody in Kansrijk answers: the
        /// referral goes by phone or e-mail instead, and the form says so before sending.
        var noReceivers: Bool = false
    }

    /// The roles that work the incoming worklist (and are told of a new referral).
    static let workingRoles: [Role] = [.professional]

    /// Active users of a working role, per organisation.
    var receivers: [UUID: Set<UUID>] = [:]
    /// Organisations whose `receivesReferrals` is false.
    var optedOut: Set<UUID> = []
    var contacts: [UUID: Contact] = [:]
    /// Explicit settings per service.
    var explicit: [UUID: Explicit] = [:]

    /// Whether someone in Kansrijk answers the organisation's referrals.
    func organisationReceives(_ id: UUID) -> Bool {
        !optedOut.contains(id) && !(receivers[id]?.isEmpty ?? true)
    }

    /// The rule: an explicit "elsewhere" or "phone/e-mail" stands; otherwise (Kansrijk set or
    /// nothing set) Kansrijk when its organisation has someone who answers, else phone/e-mail.
    func mode(of s: ServiceRecord) -> Mode {
        let phone = s.phone ?? s.contacts.compactMap(\.phone).first ?? contacts[s.organisationID]?.phone
        let email = s.email ?? s.contacts.compactMap(\.email).first ?? contacts[s.organisationID]?.email
        let set = explicit[s.id]
        switch set?.channel {
        case .elsewhere?:
            return Mode(channel: .elsewhere, whereText: set?.whereText, phone: phone, email: email)
        case .phoneEmail?:
            return Mode(channel: .phoneEmail, phone: phone, email: email)
        case .kansrijk?, nil:
            if organisationReceives(s.organisationID) { return Mode(channel: .kansrijk, phone: phone, email: email) }
            return Mode(channel: .phoneEmail, phone: phone, email: email, noReceivers: true)
        }
    }

    /// A user as just written: counted as a receiver exactly when active and of a working role.
    mutating func apply(user: User) {
        guard let id = user.id else { return }
        remove(user: id)
        if user.isActive, Self.workingRoles.contains(user.role) { receivers[user.$organisation.id, default: []].insert(id) }
    }

    mutating func remove(user id: UUID) {
        for org in receivers.keys where receivers[org]?.contains(id) == true { receivers[org]?.remove(id) }
    }

    mutating func apply(organisation o: Organisation) {
        guard let id = o.id else { return }
        if o.receivesReferrals == false { optedOut.insert(id) } else { optedOut.remove(id) }
        contacts[id] = Contact(phone: o.phone, email: o.email)
    }

    mutating func apply(route r: ServiceReferralRoute?, service: UUID) {
        explicit[service] = r.flatMap { row in ReferralChannel(rawValue: row.channel).map { Explicit(channel: $0, whereText: row.whereText) } }
    }

    /// Reads it all: a few small tables (users and organisations, not the services).
    /// `pool`: SQLite's read pool (ADR 0020); nil on PostgreSQL.
    static func load(from db: any Database, pool: SQLiteReadPool? = nil) async throws -> ReferralReceiving {
        var state = ReferralReceiving()
        // two columns of the working users, not whole models (8,000 of them nationally, decoded through
        // reflection), and each user added once: `apply(user:)` first looks in every organisation
        let roles: [any Encodable & Sendable] = workingRoles.map(\.rawValue)
        let query: SQLQueryString = """
            SELECT id, organisation_id FROM \(ident: User.schema) WHERE is_active = \(bind: true) AND role IN (\(binds: roles))
            """
        try await db.readRows(query, pool: pool) { row in
            let id = try row.decode(column: "id", as: UUID.self)
            state.receivers[try row.decode(column: "organisation_id", as: UUID.self), default: []].insert(id)
        }
        for o in try await Organisation.query(on: db).all() { state.apply(organisation: o) }
        for r in try await ServiceReferralRoute.query(on: db).all() { state.apply(route: r, service: r.serviceID) }
        return state
    }
}
