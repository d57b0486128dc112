import Foundation

/// The secret in an invitation or password-reset link (ADR 0026): 32 random bytes, base64url
/// without padding (43 characters). Only its SHA-256 is stored; a link is looked up by the hash of
/// what it carries, so the database never holds a token that would open an account.
enum OnboardingToken {
    static let length = 43

    static func make() -> String { LinkSecret.make() }

    /// Lower-case hex SHA-256 of the token as it appears in the link.
    static func hash(_ token: String) -> String { LinkSecret.sha256Hex(token) }

    /// The token's hash when `text` has a token's shape; nil for anything else (no database query for junk).
    static func hashIfWellFormed(_ text: String) -> String? {
        guard text.utf8.count == length,
              text.utf8.allSatisfy({ $0.isURLUnreserved && $0 != UInt8(ascii: ".") && $0 != UInt8(ascii: "~") }) else { return nil }
        return hash(text)
    }
}
