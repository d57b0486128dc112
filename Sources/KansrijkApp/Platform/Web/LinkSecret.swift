import Crypto
import Foundation

/// The secret in a link that opens something without a log-in (a parent's questionnaire, an
/// invitation, a password reset): 32 random bytes, URL-safe base64 without padding (43 characters),
/// stored only as its SHA-256 in lower-case hex. One place for the shape, so the kinds of link agree.
enum LinkSecret {
    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// Lower-case hex SHA-256 of `text`'s UTF-8 bytes.
    static func sha256Hex(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
