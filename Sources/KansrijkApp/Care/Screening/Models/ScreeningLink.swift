import Fluent
import Foundation

/// A link for the parent to fill in the screening herself, beforehand. The token is random, shown
/// once, stored only as a SHA-256 hash, valid until `expiresAt` and usable once.
final class ScreeningLink: Model, @unchecked Sendable {
    static let schema = "care_screening_links"
    /// How long a parent has to answer.
    static let validity: TimeInterval = 14 * 86_400

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // data fields
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "used_at") var usedAt: Date?

    // relationships
    @Parent(key: "screening_id") var screening: Screening

    init() {}

    init(id: UUID? = nil, screeningID: UUID, tokenHash: String, expiresAt: Date) {
        self.id = id
        self.$screening.id = screeningID
        self.tokenHash = tokenHash
        self.expiresAt = expiresAt
    }

    enum State: Equatable { case open, expired, used }

    func state(at now: Date) -> State {
        if usedAt != nil { return .used }
        return now >= expiresAt ? .expired : .open
    }
}

extension ScreeningLink {
    /// A new token: 32 random bytes, URL-safe base64 (43 characters).
    static func newToken() -> String { LinkSecret.make() }

    static func hash(_ token: String) -> String { LinkSecret.sha256Hex(token) }

    /// Makes a link for a screening; returns the token, which is never stored.
    static func issue(for screeningID: UUID, on db: any Database, now: Date) async throws -> String {
        let token = newToken()
        try await ScreeningLink(screeningID: screeningID, tokenHash: hash(token), expiresAt: now.addingTimeInterval(validity)).create(on: db)
        return token
    }

    static func find(token: String, on db: any Database) async throws -> ScreeningLink? {
        guard token.count == 43, token.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else { return nil }
        return try await ScreeningLink.query(on: db).filter(\.$tokenHash == hash(token)).first()
    }
}
