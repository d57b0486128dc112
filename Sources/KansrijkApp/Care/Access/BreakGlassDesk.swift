import Fluent
import Foundation

/// Emergency access as NEN 7510/7513 expects it (issue #13, item 2), without HTTP: who may ask,
/// for which clients, how often, and what happens when it is granted. A request answers the same
/// whatever the code: the outcome is recorded, never told (`BreakGlassAttempt.Outcome`).
struct BreakGlassDesk: Sendable {
    /// At most this many requests per user per hour, and per day.
    static let perHour = 3
    static let perDay = 10

    let db: any Database

    enum Refusal: Error, Equatable {
        /// Only care professionals may ask (admins, coordinators and policy advisors never see clients).
        case notACareRole
        /// Too many requests; try again after this many seconds.
        case rateLimited(seconds: Int)
    }

    /// A client code as `CareClient.newCode` makes them (`KS-` and five of its characters).
    static func isWellFormed(code: String) -> Bool {
        let alphabet = Set("23456789ABCDEFGHJKLMNPQRSTUVWXYZ")
        return code.count == 8 && code.hasPrefix("KS-") && code.dropFirst(3).allSatisfy { alphabet.contains($0) }
    }

    static func mayAsk(_ user: User) -> Bool { user.role == .professional && user.isActive }

    /// Refuses a user who may not ask, or who asked too often, before the code is looked at.
    func check(_ user: User, now: Date) async throws {
        guard Self.mayAsk(user) else { throw Refusal.notACareRole }
        let userID = try user.requireID()
        let recent = try await BreakGlassAttempt.query(on: db).filter(\.$userID == userID)
            .filter(\.$attemptedAt > now.addingTimeInterval(-24 * 3600)).sort(\.$attemptedAt, .ascending).all().map(\.attemptedAt)
        let lastHour = recent.filter { $0 > now.addingTimeInterval(-3600) }
        if lastHour.count >= Self.perHour, let oldest = lastHour.first {
            throw Refusal.rateLimited(seconds: max(1, Int(oldest.addingTimeInterval(3600).timeIntervalSince(now).rounded(.up))))
        }
        if recent.count >= Self.perDay, let oldest = recent.first {
            throw Refusal.rateLimited(seconds: max(1, Int(oldest.addingTimeInterval(24 * 3600).timeIntervalSince(now).rounded(.up))))
        }
    }

    /// The municipalities whose clients this user may open in an emergency: those of her
    /// organisation's GGD region and of her coalitions.
    func region(of user: User) async throws -> Set<String> {
        var codes = Set<String>()
        if let organisation = try await Organisation.find(user.$organisation.id, on: db),
           let home = try await Municipality.find(organisation.municipalityCode, on: db) {
            codes.insert(organisation.municipalityCode)
            codes.formUnion(try await Municipality.query(on: db).filter(\.$ggdCode == home.ggdCode).all().compactMap(\.id))
        }
        let coalitionIDs = try await CoalitionMember.query(on: db).filter(\.$user.$id == user.requireID()).all().map { $0.$coalition.id }
        if !coalitionIDs.isEmpty {
            codes.formUnion(try await CoalitionMunicipality.query(on: db).filter(\.$coalition.$id ~~ coalitionIDs).all().map(\.municipalityCode))
        }
        return codes
    }

    /// Records the request and grants access when the code names a client of the user's region
    /// that her organisation cannot already see and she had no grant for in the last day. The
    /// outcome is for the log and the tests; the page never shows it. `audit` writes the events.
    func request(code: String, reasonKind: BreakGlassReason, reason: String, by user: User, now: Date,
                 hasAccess: @Sendable (UUID) async throws -> Bool,
                 audit: @escaping @Sendable (AuditAction, UUID?, AccessBasis?, String, any Database) async throws -> Void) async throws -> BreakGlassAttempt.Outcome {
        let userID = try user.requireID()
        let client = try await CareClient.query(on: db).filter(\.$code == code).first()
        var outcome = BreakGlassAttempt.Outcome.noMatch
        if let client, let clientID = client.id, try await region(of: user).contains(client.municipalityCode) {
            let earlier = try await BreakGlassAccess.query(on: db).filter(\.$clientID == clientID).filter(\.$user.$id == userID)
                .filter(\.$grantedAt > now.addingTimeInterval(-BreakGlassAccess.noRenewal)).count()
            if earlier > 0 { outcome = .notRenewed }
            else if try await hasAccess(clientID) { outcome = .alreadyInvolved }
            else { outcome = .granted }
        }
        let clientID = client?.id
        let finalOutcome = outcome
        try await db.auditedTransaction { db in
            try await BreakGlassAttempt(userID: userID, organisationID: user.$organisation.id, now: now, outcome: finalOutcome,
                                        reasonKind: reasonKind, reason: reason, clientID: clientID).create(on: db)
            guard finalOutcome == .granted, let client, let clientID else {
                try await audit(.denied, clientID, nil, "break-the-glass refused (\(finalOutcome.rawValue))", db)
                return
            }
            let grant = BreakGlassAccess(clientID: clientID, userID: userID, organisationID: user.$organisation.id,
                                         reasonKind: reasonKind, reason: reason, now: now)
            try await grant.create(on: db)
            let grantID = try grant.requireID()
            try await audit(.breakGlass, clientID, .breakTheGlass(grantID), "break-the-glass access granted (\(reasonKind.rawValue))", db)
            try await announce(grantID, client: client, by: userID, on: db, now: now)
        }
        return finalOutcome
    }

    /// Tells the organisations involved with the client (their professionals) and the coordinators
    /// of the coalitions of her municipality, in the app and, with SMTP, by an e-mail without client data.
    private func announce(_ grantID: UUID, client: CareClient, by userID: UUID, on db: any Database, now: Date) async throws {
        let clientID = try client.requireID()
        let organisations = try await ClientInvolvement.query(on: db).filter(\.$client.$id == clientID)
            .filter(\.$since <= now).group(.or) { $0.filter(\.$until == nil).filter(\.$until > now) }.all().map { $0.$organisation.id }
        var recipients = organisations.isEmpty ? [] : try await User.query(on: db).filter(\.$organisation.$id ~~ organisations)
            .filter(\.$role == .professional).filter(\.$isActive == true).all()
        let coalitions = try await CoalitionMunicipality.query(on: db).filter(\.$municipalityCode == client.municipalityCode).all().map { $0.$coalition.id }
        if !coalitions.isEmpty {
            let members = try await CoalitionMember.query(on: db).filter(\.$coalition.$id ~~ coalitions).all().map { $0.$user.id }
            if !members.isEmpty {
                recipients += try await User.query(on: db).filter(\.$id ~~ members).filter(\.$role == .coordinator).filter(\.$isActive == true).all()
            }
        }
        var told = Set<UUID>([userID])
        for recipient in recipients {
            guard let id = recipient.id, told.insert(id).inserted else { continue }
            try await BreakGlassNotice(userID: id, grantID: grantID, now: now).create(on: db)
            let english = recipient.uiLanguage == .en
            try await MailOutbox.enqueue(MailDraft(
                to: recipient.email, userID: id, kind: .breakGlass, language: recipient.uiLanguage,
                subject: english ? "Kansrijk: emergency access was used" : "Kansrijk: noodtoegang gebruikt",
                text: english ? "Someone used emergency access to a client of your organisation or coalition. Sign in to Kansrijk to see who and why."
                    : "Iemand heeft noodtoegang gebruikt bij een cliënt van uw organisatie of coalitie. Log in bij Kansrijk om te zien wie en waarom."),
                on: db, now: now)
        }
    }
}
