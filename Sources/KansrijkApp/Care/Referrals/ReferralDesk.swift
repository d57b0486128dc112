import Fluent
import Foundation

/// Sending referrals and moving them through their life cycle, the same way for pages, demo and benchmark.
/// Each call writes its changes and exactly one audit event in one transaction.
struct ReferralDesk {
    let db: any Database
    /// Tells the people involved, in the same transaction (issue #14).
    /// (No default: links in mails must use the running app's public address.)
    let notifier: Notifier

    enum Refusal: Error, Equatable, Sendable {
        /// No consent with purpose `refer` covering the receiving organisation.
        case noConsent(organisation: String)
        case lifecycle(ReferralLifecycle.Refusal)
        /// The client already has an open referral to this service (a double submit, or a second try).
        case alreadyOpen(UUID)
    }

    /// What the referrer chose and wrote; the service as the directory knows it now.
    struct Request: Sendable {
        var serviceID: UUID
        var serviceName: String
        var organisationID: UUID
        var organisationName: String
        var reason: String
        var agreed: String
        /// A warm handover rather than a referral (issue #15).
        var kind: ReferralKind = .referral
        /// How it goes (issue #15); Kansrijk to an organisation where nobody answers is recorded as by phone or e-mail.
        var channel: ReferralChannel = .kansrijk

        init(service: ServiceRecord, reason: String, agreed: String) {
            self.init(serviceID: service.id, serviceName: service.name, organisationID: service.organisationID,
                      organisationName: service.organisationName, reason: reason, agreed: agreed)
        }

        init(serviceID: UUID, serviceName: String, organisationID: UUID, organisationName: String, reason: String, agreed: String) {
            self.serviceID = serviceID
            self.serviceName = serviceName
            self.organisationID = organisationID
            self.organisationName = organisationName
            self.reason = reason
            self.agreed = agreed
        }
    }

    /// Sends a referral; refused when no consent in force covers the receiving organisation for `refer`.
    func send(_ r: Request, client: CareClient, basis: AccessBasis, by user: User, now: Date) async throws -> Referral {
        let clientID = try client.requireID()
        let open = try await Referral.query(on: db).filter(\.$client.$id == clientID).filter(\.$serviceID == r.serviceID)
            .filter(\.$status ~~ ReferralStatus.allCases.filter { !$0.isClosed }).first()
        if let open { throw Refusal.alreadyOpen(try open.requireID()) }
        guard let consent = try await Consent.active(client: clientID, organisation: r.organisationID, purpose: .refer, at: now, on: db) else {
            throw Refusal.noConsent(organisation: r.organisationName)
        }
        let channel = try await Self.channel(r, on: db)
        return try await db.auditedTransaction { db in
            let referral = Referral()
            referral.$client.id = clientID
            referral.$referringOrganisation.id = user.$organisation.id
            referral.$receivingOrganisation.id = r.organisationID
            referral.$referredBy.id = try user.requireID()
            referral.serviceID = r.serviceID
            referral.serviceName = r.serviceName
            referral.reason = r.reason
            referral.agreed = r.agreed
            referral.storedKind = r.kind
            referral.storedChannel = channel
            referral.consentID = try consent.requireID()
            referral.status = .requested
            referral.requestedAt = now
            referral.statusChangedAt = now
            try await referral.create(on: db)
            let id = try referral.requireID()
            try await ReferralEvent(referralID: id, from: nil, to: .requested, at: now, reason: nil, user: user).create(on: db)
            try await ClientInvolvement.add(client: clientID, organisation: r.organisationID, reason: .referral,
                                            consent: consent.id, on: db, now: now)
            if channel == .kansrijk { try await notifyReceivers(referral, client: client, request: r, sentBy: user, on: db, now: now) }
            try await AuditLog.record(AuditDraft(action: .create, clientID: clientID, user: user, basis: basis,
                                                 what: "referral \(id.slug) requested"), on: db, now: now)
            return referral
        }
    }

    /// Moves a referral to `to`; refused (in the caller's words) when the life cycle does not allow it.
    func move(_ referral: Referral, to: ReferralStatus, reason: String?, alternative: String?, by user: User,
              basis: AccessBasis, now: Date) async throws {
        var sides: Set<ReferralSide> = []
        if referral.$referringOrganisation.id == user.$organisation.id { sides.insert(.sender) }
        if referral.$receivingOrganisation.id == user.$organisation.id { sides.insert(.receiver) }
        if let refusal = ReferralLifecycle.check(from: referral.status, to: to, sides: sides, reason: reason) {
            throw Refusal.lifecycle(refusal)
        }
        let from = referral.status
        let id = try referral.requireID()
        try await db.auditedTransaction { db in
            referral.status = to
            referral.statusChangedAt = now
            referral.statusReason = reason.flatMap(FormInput.text)
            if to == .rejected { referral.alternative = alternative.flatMap(FormInput.text) }
            if referral.firstContactAt == nil, to == .accepted || to == .inProgress { referral.firstContactAt = now }
            try await referral.save(on: db)
            try await ReferralEvent(referralID: id, from: from, to: to, at: now, reason: referral.statusReason, user: user).create(on: db)
            // an accepted handover after a move ends the old municipality's involvements (issue #15)
            if referral.kind == .handover, to == .accepted || to == .inProgress { try await ClientHandover.settle(referral, by: user, basis: basis, on: db, now: now) }
            try await notifyReferrer(referral, status: to, changedBy: user, on: db, now: now)
            try await AuditLog.record(AuditDraft(action: .update, clientID: referral.$client.id, user: user, basis: basis,
                                                 what: "referral \(id.slug) \(from.rawValue) -> \(to.rawValue)"), on: db, now: now)
        }
    }

    /// The receiving organisation's active professionals hear of a new referral, when it takes
    /// referrals through Kansrijk (nil reads as yes): in the app, and by mail after their choice.
    private func notifyReceivers(_ referral: Referral, client: CareClient, request r: Request, sentBy user: User,
                                 on db: any Database, now: Date) async throws {
        guard let organisation = try await Organisation.find(r.organisationID, on: db), organisation.receivesReferrals ?? true else { return }
        let receivers = try await User.query(on: db).filter(\.$organisation.$id == r.organisationID).filter(\.$role == .professional)
            .filter(\.$isActive == true).all().filter { $0.id != user.id }
        guard !receivers.isEmpty else { return }
        let id = try referral.requireID()
        for receiver in receivers {
            try await CareNotification(userID: try receiver.requireID(), referralID: id, status: .requested, now: now, event: .incoming,
                                       clientCode: client.code, serviceName: r.serviceName).create(on: db)
        }
        try await notifier.notify(receivers, of: .referralIncoming(referralID: id, service: r.serviceName, organisation: organisation.name),
                                  on: db, now: now)
    }

    /// The referrer hears of every change the other side makes: in the app, and by mail after her choice.
    private func notifyReferrer(_ r: Referral, status: ReferralStatus, changedBy user: User, on db: any Database, now: Date) async throws {
        let referrerID = r.$referredBy.id
        guard referrerID != user.id else { return }
        let id = try r.requireID()
        let code = try await CareClient.find(r.$client.id, on: db)?.code
        try await CareNotification(userID: referrerID, referralID: id, status: status, now: now, event: .status,
                                   clientCode: code, serviceName: r.serviceName).create(on: db)
        guard let referrer = try await User.find(referrerID, on: db) else { return }
        try await notifier.notify([referrer], of: .referralStatus(referralID: id, service: r.serviceName, status: status), on: db, now: now)
    }
}
