import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting
@testable import KansrijkApp

/// Shared pieces of the onboarding tests (issue #14): links read from the outbox as a person would
/// read them from her mail, and the tokens the access matrix needs for the mailed links' routes.
enum OnboardingFixture {
    /// A usable invitation (into Zeist) and password-reset link (for `user`), for the access matrix.
    static func matrixTokens(_ app: Application, coalition: UUID, user: UUID) async throws -> [String: String] {
        let now = Date()
        let invitation = OnboardingToken.make(), reset = OnboardingToken.make()
        try await Invitation(email: "matrix-uitgenodigd@example.nl", role: .professional, organisationID: DemoData.orgID("vp-zeist"),
                             coalitionIDs: [coalition], language: .nl, invitedBy: nil, tokenHash: OnboardingToken.hash(invitation), now: now)
            .create(on: app.db)
        try await PasswordResetToken(userID: user, tokenHash: OnboardingToken.hash(reset), now: now).create(on: app.db)
        return ["invitationToken": invitation, "resetToken": reset]
    }

    /// The mails to `address` of `kind`, oldest first.
    static func mails(to address: String, _ kind: MailKind, _ app: Application) async throws -> [MailMessage] {
        try await MailMessage.query(on: app.db).filter(\.$to == address).filter(\.$kind == kind).sort(\.$createdAt).all()
    }

    /// The path of the last link under `prefix` in the newest such mail's text body.
    static func link(to address: String, _ kind: MailKind, prefix: String, _ app: Application) async throws -> String {
        let mail = try #require(try await mails(to: address, kind, app).last, "no \(kind) mail to \(address)")
        let range = try #require(mail.textBody.range(of: prefix, options: .backwards), "no link in the mail")
        return String(mail.textBody[range.lowerBound...].prefix { !$0.isWhitespace })
    }

    /// The token at the end of a link's path.
    static func token(of path: String) -> String { String(path.split(separator: "/").last ?? "") }

    /// Every text column of every row of `table`, as stored.
    static func storedTexts(_ table: String, _ app: Application) async throws -> String {
        let sql = try #require(app.db as? any SQLDatabase)
        let rows = try await sql.raw("SELECT * FROM \(ident: table)").all()
        var texts: [String] = []
        for row in rows {
            for column in row.allColumns { if let text = try? row.decode(column: column, as: String.self) { texts.append(text) } }
        }
        return texts.joined(separator: "\n")
    }

    /// Moves every link of `table` (invitations, password_resets) to have expired a second ago.
    static func expireAll(_ table: String, _ app: Application) async throws {
        let sql = try #require(app.db as? any SQLDatabase)
        try await sql.update(table).set("expires_at", to: Date().addingTimeInterval(-1)).run()
    }

    /// Signs in through the log-in form with a password other than the demo's.
    static func signIn(_ app: Application, _ email: String, password: String) async throws -> (Browser, HTTPStatus) {
        var browser = Browser(app)
        try await browser.refreshToken(path: "/inloggen")
        let res = try await browser.post("/inloggen", form: ["email": email, "password": password])
        return (browser, res.status)
    }
}
