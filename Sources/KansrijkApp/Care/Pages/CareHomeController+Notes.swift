import Fluent
import Vapor

/// "Nieuw voor u" (issue #14): the user's unread notices of referrals, naming the client's code,
/// the service and what happened, each linking to the referral; read one by one or all at once.
extension CareHomeController {
    /// Unread referral notices of clients the user may still see (`CareAccess`); the read is audited.
    static func referralNotes(for user: User, access: CareAccess, req: Request, now: Date) async throws -> [ClientsPage.Note] {
        let notes = try await CareNotification.query(on: req.db).filter(\.$userID == user.requireID()).filter(\.$readAt == nil)
            .sort(\.$createdAt, .descending).limit(20).all()
        guard !notes.isEmpty else { return [] }
        let referrals = try await Referral.query(on: req.db).filter(\.$id ~~ notes.map(\.referralID)).all()
        let clientOf = Dictionary(referrals.compactMap { r in r.id.map { ($0, r) } }, uniquingKeysWith: { a, _ in a })
        let visible = try await access.visibleClientIDs(among: referrals.map { $0.$client.id }, on: req.db, now: now)
        let shown = notes.filter { clientOf[$0.referralID].map { visible.contains($0.$client.id) } ?? false }
        guard !shown.isEmpty else { return [] }
        // notices from before issue #14 have no snapshot: they read the code and service as they are now
        let missing = Set(shown.filter { $0.clientCode == nil }.compactMap { clientOf[$0.referralID]?.$client.id })
        let clients = missing.isEmpty ? [] : try await CareClient.query(on: req.db).filter(\.$id ~~ Array(missing)).all()
        let codes = Dictionary(clients.compactMap { c in c.id.map { ($0, c.code) } }, uniquingKeysWith: { a, _ in a })
        let clientIDs = Set(shown.compactMap { clientOf[$0.referralID]?.$client.id })
        try await req.audit(.read, client: clientIDs.count == 1 ? clientIDs.first : nil, basis: nil,
                            what: "new-for-you notices (\(shown.count)) of \(clientIDs.count) clients", now: now)
        return shown.map { note in
            let referral = clientOf[note.referralID]
            let code = note.clientCode ?? referral.flatMap { codes[$0.$client.id] } ?? "—"
            let service = note.serviceName ?? referral?.serviceName ?? "—"
            let text = req.t("care.notification.\(note.kind.rawValue)")
                .replacingOccurrences(of: "{code}", with: code).replacingOccurrences(of: "{service}", with: service)
                .replacingOccurrences(of: "{status}", with: req.t("referral.status.\(note.status)").lowercased())
            return ClientsPage.Note(href: "/zorg/verwijzingen/\(note.referralID.slug)", text: text, when: MeetingTime.dutch(note.createdAt),
                                    id: note.id?.slug)
        }
    }

    /// Marks one of the user's own notices read; another user's notice, or an unknown one, is a 404.
    @Sendable func markRead(req: Request) async throws -> Response {
        let user = try req.requireUser()
        struct Form: Content { var melding: String? }
        guard let raw = try req.content.decode(Form.self).melding, let id = UUID(uuidString: raw) else {
            throw Abort(.badRequest, reason: req.t("error.badrequest"))
        }
        let userID = try user.requireID()
        let now = Date()
        let found = try await req.db.writeTransaction { db -> Bool in
            guard let note = try await CareNotification.query(on: db).filter(\.$id == id).filter(\.$userID == userID).first() else { return false }
            if note.readAt == nil {
                note.readAt = now
                try await note.save(on: db)
            }
            return true
        }
        guard found else { throw PageError.notFound }
        req.flash(req.t("care.notification.read.done"))
        return req.redirect(to: "/zorg")
    }

    /// Marks all of the user's own referral notices read.
    @Sendable func markAllRead(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let userID = try user.requireID()
        let now = Date()
        try await req.db.writeTransaction { db in
            try await CareNotification.query(on: db).filter(\.$userID == userID).filter(\.$readAt == nil).set(\.$readAt, to: now).update()
        }
        req.flash(req.t("care.notification.read.alldone"))
        return req.redirect(to: "/zorg")
    }
}
