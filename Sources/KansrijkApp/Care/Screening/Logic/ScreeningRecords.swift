import Fluent
import Foundation

/// Writing screenings the same way from the pages and the demo: one transaction, one audit event.
enum ScreeningRecords {
    /// A screening filled in and discussed together, completed at once.
    @discardableResult
    static func completeTogether(_ valid: ScreeningAnswersForm.Valid, client: CareClient, instrument: ScreeningInstrument,
                                 definition: InstrumentDefinition, by user: User, basis: AccessBasis = .ownInvolvement,
                                 key: String, on db: any Database, now: Date) async throws -> Screening {
        let userID = try user.requireID()
        let screening = Screening(clientID: try client.requireID(), organisationID: user.$organisation.id, createdByID: userID,
                                  instrumentID: try instrument.requireID(), mode: .together, status: .completed, submissionKey: key)
        screening.complete(valid, definition: definition, by: userID, now: now)
        try await db.auditedTransaction { db in
            try await screening.create(on: db)
            try await AuditLog.record(AuditDraft(action: .create, clientID: client.id, user: user, basis: basis,
                                                 what: "screening \(screening.id!.slug) completed together"), on: db, now: now)
        }
        return screening
    }

    /// A screening for the parent to fill in herself, with its first link; returns the token, shown once.
    static func sendLink(client: CareClient, instrument: ScreeningInstrument, by user: User, basis: AccessBasis = .ownInvolvement,
                         key: String, on db: any Database, now: Date) async throws -> (Screening, String) {
        let screening = Screening(clientID: try client.requireID(), organisationID: user.$organisation.id, createdByID: try user.requireID(),
                                  instrumentID: try instrument.requireID(), mode: .parentLink, status: .waitingForParent, submissionKey: key)
        let token = try await db.auditedTransaction { db -> String in
            try await screening.create(on: db)
            let token = try await ScreeningLink.issue(for: screening.requireID(), on: db, now: now)
            try await AuditLog.record(AuditDraft(action: .create, clientID: client.id, user: user, basis: basis,
                                                 what: "screening \(screening.id!.slug) link for the parent"), on: db, now: now)
            return token
        }
        return (screening, token)
    }

    /// The parent's answers through her link. Only the first submit counts: false when the link was
    /// used in the meantime (a double click, the back button), and nothing is written then.
    static func submitByParent(_ answers: [String: String], note: String?, link: ScreeningLink, screening: Screening,
                               definition: InstrumentDefinition, notifier: Notifier, on db: any Database, now: Date) async throws -> Bool {
        try await db.auditedTransaction { db -> Bool in
            guard let fresh = try await ScreeningLink.query(on: db).filter(\.$id == link.requireID()).filter(\.$usedAt == nil).first(),
                  fresh.state(at: now) == .open else { return false }
            fresh.usedAt = now
            try await fresh.save(on: db)
            screening.record(answers: answers, with: definition)
            screening.parentNote = note
            screening.status = .filledByParent
            screening.parentSubmittedAt = now
            try await screening.save(on: db)
            try await auditParent(screening, .update, "parent submitted the screening answers", on: db, now: now)
            try await notifyIssuer(screening, notifier: notifier, on: db, now: now)
            return true
        }
    }

    /// The professional who sent the link hears that the answers are in (issue #14); when her
    /// account is no longer active, the professionals of her organisation that is involved do.
    static func notifyIssuer(_ s: Screening, notifier: Notifier, on db: any Database, now: Date) async throws {
        var people = try await User.query(on: db).filter(\.$id == s.$createdBy.id).filter(\.$isActive == true).all()
        if people.isEmpty {
            people = try await User.query(on: db).filter(\.$organisation.$id == s.$organisation.id).filter(\.$role == .professional)
                .filter(\.$isActive == true).all()
        }
        let path = "/zorg/clienten/\(s.$client.id.slug)/signaleren/\(try s.requireID().slug)"
        try await notifier.notify(people, of: .screeningCompleted(path: path), on: db, now: now)
    }

    /// The parent has no account: the event names the professional who issued the link, on the parent's behalf.
    static func auditParent(_ s: Screening, _ action: AuditAction, _ what: String, on db: any Database, now: Date) async throws {
        let issuer = try await User.find(s.$createdBy.id, on: db)
        guard let issuer else { return }
        try await AuditLog.record(AuditDraft(action: action, clientID: s.$client.id, user: issuer, onBehalfOf: "parent via screening link",
                                             basis: .ownInvolvement, what: "\(what) (screening \(s.id!.slug))"), on: db, now: now)
    }
}
