import Foundation
import NIOCore
import NIOSSL
import Vapor

/// How mail leaves Kansrijk (issue #14), read once at start-up like `Settings`. Without
/// `KANSRIJK_SMTP_URL` nothing is sent: mail stays in the outbox for the admin to read.
struct MailSettings: Sendable {
    var smtp: SMTPServer?
    /// The sender of every mail; required with SMTP.
    var from: MailAddress?
    /// Extra trust roots (PEM) for an internal relay or a test server's own certificate.
    var caFile: String?
    /// The first wait after a failed try; each next wait doubles, up to `maxRetryDelay`.
    var retryBase: TimeInterval = 60
    var maxRetryDelay: TimeInterval = 3600
    /// After this many tries a mail is `failed`.
    var maxAttempts = 8
    /// How often the sender looks for due mail.
    var pollInterval: TimeAmount = .seconds(5)

    static let none = MailSettings()

    static func fromEnvironment(_ env: [String: String]) throws -> MailSettings {
        var problems: [String] = []
        var settings = MailSettings()
        if env["KANSRIJK_SMTP_HOST"] != nil {
            problems.append("KANSRIJK_SMTP_HOST is no longer read: use KANSRIJK_SMTP_URL instead (smtp://user:password@host:587, smtps://host:465 or smtp://host:25)")
        }
        if let raw = env["KANSRIJK_SMTP_URL"], !raw.isEmpty {
            switch SMTPServer.parse(raw) {
            case .success(let server): settings.smtp = server
            case .failure(let problem): problems.append("KANSRIJK_SMTP_URL \(problem.reason)")
            }
            if let raw = env["KANSRIJK_MAIL_FROM"], !raw.isEmpty {
                if let from = MailAddress.parse(raw) { settings.from = from } else {
                    problems.append("KANSRIJK_MAIL_FROM must be an e-mail address, optionally with a name: Kansrijk <noreply@example.nl>")
                }
            } else {
                problems.append("KANSRIJK_MAIL_FROM is required with KANSRIJK_SMTP_URL (the sender, like Kansrijk <noreply@example.nl>)")
            }
        }
        if let path = env["KANSRIJK_SMTP_CA_FILE"], !path.isEmpty {
            if (try? NIOSSLCertificate.fromPEMFile(path))?.isEmpty == false { settings.caFile = path } else {
                problems.append("KANSRIJK_SMTP_CA_FILE must name a readable PEM file with at least one certificate (\(path))")
            }
        }
        if let raw = env["KANSRIJK_MAIL_RETRY_BASE_SECONDS"] {
            if let seconds = Int(raw), (1...3600).contains(seconds) { settings.retryBase = TimeInterval(seconds) } else {
                problems.append("KANSRIJK_MAIL_RETRY_BASE_SECONDS must be a whole number from 1 to 3600")
            }
        }
        guard problems.isEmpty else { throw SettingsError(problems: problems) }
        return settings
    }

    /// The wait after the `attempts`-th failed try: base, 2×base, 4×base ... capped.
    func retryDelay(afterAttempt attempts: Int) -> TimeInterval {
        let exponent = min(max(attempts - 1, 0), 30)
        return min(retryBase * pow(2, Double(exponent)), max(maxRetryDelay, retryBase))
    }
}

/// An SMTP server from `KANSRIJK_SMTP_URL`. The password is never printed (`description`).
struct SMTPServer: Sendable, Equatable, CustomStringConvertible {
    enum Security: Sendable, Equatable {
        /// `smtps://`: TLS from the first byte.
        case implicitTLS
        /// `smtp://`: STARTTLS whenever the server offers it. Without it the session stays plain only
        /// to a loopback host, or on port 25 without credentials (a local relay); otherwise it stops.
        case startTLS
    }

    var host: String
    var port: Int
    var username: String?
    var password: String?
    var security: Security

    var description: String {
        "\(security == .implicitTLS ? "smtps" : "smtp")://\(username.map { "\($0):***@" } ?? "")\(host):\(port)"
    }

    var isLoopback: Bool {
        let h = host.lowercased()
        return h == "localhost" || h.hasPrefix("127.") || h == "::1" || h == "[::1]"
    }

    /// Plain text is acceptable when STARTTLS is not offered (see `Security.startTLS`).
    var mayStayPlain: Bool { isLoopback || (port == 25 && username == nil) }

    struct Problem: Error, Equatable { var reason: String }

    static func parse(_ raw: String) -> Result<SMTPServer, Problem> {
        guard raw.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }), let url = URLComponents(string: raw),
              let scheme = url.scheme?.lowercased() else {
            return .failure(Problem(reason: "must be an address like smtp://user:password@host:587 (no spaces)"))
        }
        let security: Security
        switch scheme {
        case "smtp": security = .startTLS
        case "smtps": security = .implicitTLS
        default: return .failure(Problem(reason: "must start with smtp:// or smtps://"))
        }
        guard var host = url.percentEncodedHost, !host.isEmpty else { return .failure(Problem(reason: "has no host")) }
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard url.path.isEmpty || url.path == "/", url.query == nil, url.fragment == nil else {
            return .failure(Problem(reason: "takes no path or query: smtp://user:password@host:587"))
        }
        if let port = url.port, !(1...65535).contains(port) { return .failure(Problem(reason: "has a port outside 1-65535")) }
        let port = url.port ?? (security == .implicitTLS ? 465 : 587)
        var username: String?
        var password: String?
        if let user = url.percentEncodedUser {
            guard let decoded = user.removingPercentEncoding, !decoded.isEmpty else {
                return .failure(Problem(reason: "has a user name that is not properly percent-encoded"))
            }
            username = decoded
            guard let pass = url.percentEncodedPassword, let decodedPassword = pass.removingPercentEncoding else {
                return .failure(Problem(reason: "has a user name without a password (smtp://user:password@host)"))
            }
            password = decodedPassword
        } else if url.percentEncodedPassword != nil {
            return .failure(Problem(reason: "has a password without a user name"))
        }
        return .success(SMTPServer(host: host, port: port, username: username, password: password, security: security))
    }
}

/// A mailbox: `noreply@example.nl`, optionally with a display name.
struct MailAddress: Sendable, Equatable {
    var name: String?
    var address: String

    /// `addr@domain` or `Name <addr@domain>`; nil when it is not one.
    static func parse(_ raw: String) -> MailAddress? {
        let text = raw.trimmingCharacters(in: .whitespaces)
        if text.hasSuffix(">"), let open = text.lastIndex(of: "<") {
            let address = String(text[text.index(after: open)..<text.index(before: text.endIndex)])
            var name = text[..<open].trimmingCharacters(in: .whitespaces)
            if name.hasPrefix("\""), name.hasSuffix("\""), name.count >= 2 { name = String(name.dropFirst().dropLast()) }
            guard isAddress(address), !name.contains(where: { $0.isNewline || $0 == "\"" || $0 == "<" || $0 == ">" }) else { return nil }
            return MailAddress(name: name.isEmpty ? nil : name, address: address)
        }
        return isAddress(text) ? MailAddress(name: nil, address: text) : nil
    }

    /// A plain ASCII `local@domain` without spaces, brackets or line breaks (what SMTP's envelope takes).
    static func isAddress(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].utf8.count <= 64, text.utf8.count <= 254,
              parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix("."), !parts[1].contains("..") else { return false }
        let forbidden = Set("<>()[]\\,;:\" ".utf8)
        return text.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F && !forbidden.contains($0) }
    }

    /// The header form: `=?UTF-8?B?...?= <addr>` when the name is not plain ASCII.
    var header: String {
        guard let name, !name.isEmpty else { return address }
        return "\(MIMEMessage.encodedPhrase(name)) <\(address)>"
    }
}

extension Application {
    private struct MailSettingsKey: StorageKey { typealias Value = MailSettings }
    /// Set in `configure` from the environment; none (nothing is sent) before that.
    var mailSettings: MailSettings {
        get { storage[MailSettingsKey.self] ?? .none }
        set { storage[MailSettingsKey.self] = newValue }
    }
    var mailSettingsAreSet: Bool { storage[MailSettingsKey.self] != nil }
}
