import Crypto
import Foundation

/// Time-based one-time passwords (RFC 6238) with HMAC-SHA1, 30-second steps and 6 digits, as every
/// authenticator app makes them (issue #13: a second factor for people who see client data).
enum TOTP {
    static let step: TimeInterval = 30
    static let digits = 6
    /// A code of the step before or after is accepted too: phones and servers drift a little.
    static let window = 1

    /// The step number of `date` (RFC 6238's T).
    static func counter(at date: Date) -> Int64 { Int64((date.timeIntervalSince1970 / step).rounded(.down)) }

    /// The code for `counter` (RFC 4226's HOTP with dynamic truncation), with `digits` digits.
    static func code(secret: [UInt8], counter: Int64, digits: Int = digits) -> String {
        var big = UInt64(bitPattern: counter).bigEndian
        let message = withUnsafeBytes(of: &big) { Array($0) }
        let mac = Array(HMAC<Insecure.SHA1>.authenticationCode(for: message, using: SymmetricKey(data: secret)))
        let offset = Int(mac[mac.count - 1] & 0x0F)
        let binary = (UInt32(mac[offset] & 0x7F) << 24) | (UInt32(mac[offset + 1]) << 16) | (UInt32(mac[offset + 2]) << 8) | UInt32(mac[offset + 3])
        var modulus: UInt32 = 1
        for _ in 0..<digits { modulus *= 10 }
        let value = String(binary % modulus)
        return String(repeating: "0", count: max(0, digits - value.count)) + value
    }

    /// The step of the matching code within the window, or nil. A step at or before `usedUpTo` is
    /// refused, so a code seen by someone else cannot be used again.
    static func match(_ input: String, secret: [UInt8], at date: Date, usedUpTo: Int64?) -> Int64? {
        let typed = input.filter { !$0.isWhitespace }
        guard typed.count == digits, typed.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let now = counter(at: date)
        for offset in -window...window {
            let candidate = now + Int64(offset)
            if let used = usedUpTo, candidate <= used { continue }
            if CSRFMiddleware.constantTimeEquals(code(secret: secret, counter: candidate), typed) { return candidate }
        }
        return nil
    }

    /// A new random secret of 20 bytes (160 bits, RFC 4226's recommendation).
    static func newSecret() -> [UInt8] { [UInt8].random(count: 20) }

    /// What an authenticator app reads (`otpauth://totp/...`), for people who paste it.
    static func provisioningURI(secret: [UInt8], account: String, issuer: String = "Kansrijk") -> String {
        let label = "\(issuer):\(account)".addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "@.-_"))) ?? issuer
        return "otpauth://totp/\(label)?secret=\(Base32.encode(secret))&issuer=\(issuer)&algorithm=SHA1&digits=\(digits)&period=\(Int(step))"
    }
}

/// RFC 4648 base32 without padding, as authenticator apps take secrets.
enum Base32 {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)

    static func encode(_ bytes: [UInt8]) -> String {
        var out = [UInt8](), buffer = 0, bits = 0
        for byte in bytes {
            buffer = (buffer << 8) | Int(byte)
            bits += 8
            while bits >= 5 {
                out.append(alphabet[(buffer >> (bits - 5)) & 31])
                bits -= 5
            }
        }
        if bits > 0 { out.append(alphabet[(buffer << (5 - bits)) & 31]) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Nil for any character outside the alphabet (spaces and `=` padding are skipped, case is ignored).
    static func decode(_ text: String) -> [UInt8]? {
        var out = [UInt8](), buffer = 0, bits = 0
        for char in text.uppercased().utf8 where char != UInt8(ascii: " ") && char != UInt8(ascii: "=") {
            guard let value = alphabet.firstIndex(of: char) else { return nil }
            buffer = (buffer << 5) | value
            bits += 5
            if bits >= 8 {
                out.append(UInt8((buffer >> (bits - 8)) & 0xFF))
                bits -= 8
            }
            buffer &= 0xFFFF
        }
        return out
    }

    /// The secret in groups of four, for typing it into an app by hand.
    static func grouped(_ bytes: [UInt8]) -> String {
        let text = Array(encode(bytes))
        return stride(from: 0, to: text.count, by: 4).map { String(text[$0..<min($0 + 4, text.count)]) }.joined(separator: " ")
    }
}

/// Ten single-use recovery codes for when the phone is lost. Only their SHA-256 hashes are stored
/// (the codes are random, 50 bits each, so a fast hash is enough).
enum RecoveryCodes {
    static let count = 10
    static let alphabet = Array("23456789abcdefghjkmnpqrstuvwxyz")

    static func generate() -> [String] {
        (0..<count).map { _ in
            var generator = SystemRandomNumberGenerator()
            let chars = (0..<10).map { _ in alphabet.randomElement(using: &generator) ?? "a" }
            return String(chars[0..<5]) + "-" + String(chars[5..<10])
        }
    }

    static func hash(_ code: String) -> String {
        let normal = code.lowercased().filter { $0.isLetter || $0.isNumber }
        return LinkSecret.sha256Hex(normal)
    }

    /// The stored hashes without the one `code` matches, or nil when none does.
    static func consume(_ code: String, from stored: [String]) -> [String]? {
        let hashed = hash(code)
        guard let index = stored.firstIndex(where: { CSRFMiddleware.constantTimeEquals($0, hashed) }) else { return nil }
        var rest = stored
        rest.remove(at: index)
        return rest
    }
}
