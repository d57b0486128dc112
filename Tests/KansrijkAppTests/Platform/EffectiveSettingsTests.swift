import Foundation
import Testing
@testable import KansrijkApp

/// `kansrijk config` (issue 17): every setting the application reads, its value in effect, whether it
/// is the default, and never a secret.
@Suite("Effective settings (kansrijk config)")
struct EffectiveSettingsTests {
    static let secrets = ["geheim-db-wachtwoord", "geheim-replica", "smtp-geheim", "metrics-token-0123456789", "anker-sleutel-0123456789abcdef0123456789",
                          "demo-geheim-1"]

    static func list(_ env: [String: String]) throws -> [EffectiveSetting] {
        try EffectiveSettings.list(env: env, settings: try Settings.fromEnvironment(env), workingDirectory: "/srv/kansrijk")
    }

    static func value(_ lines: [EffectiveSetting], _ name: String) -> EffectiveSetting? {
        lines.first { $0.name == name }
    }

    @Test("passwords in URLs, tokens, keys and the SMTP password are masked; the rest is shown")
    func masked() throws {
        // setup
        let env = ["DATABASE_URL": "postgres://kansrijk:geheim-db-wachtwoord@db.intern:5432/kansrijk",
                   "KANSRIJK_DATABASE_READ_URL": "postgresql://lezer:geheim-replica@replica.intern/kansrijk?sslmode=require&password=geheim-replica",
                   "KANSRIJK_SMTP_URL": "smtp://mailer:smtp-geheim@smtp.intern:587", "KANSRIJK_MAIL_FROM": "Kansrijk <noreply@kansrijk.nl>",
                   "KANSRIJK_METRICS_TOKEN": "metrics-token-0123456789", "KANSRIJK_AUDIT_ANCHOR_KEY": "anker-sleutel-0123456789abcdef0123456789",
                   "KANSRIJK_DEMO_PASSWORD": "demo-geheim-1", "KANSRIJK_ROOT": packageRoot]
        // act
        let lines = try Self.list(env)
        let text = EffectiveSettings.text(lines, language: .english)
        // check
        for secret in Self.secrets { #expect(!text.contains(secret), "\(secret) leaked into: \(text)") }
        #expect(Self.value(lines, "DATABASE_URL")?.value == "postgres://kansrijk:********@db.intern:5432/kansrijk")
        #expect(Self.value(lines, "KANSRIJK_DATABASE_READ_URL")?.value
                == "postgresql://lezer:********@replica.intern/kansrijk?sslmode=require&password=********")
        #expect(Self.value(lines, "KANSRIJK_SMTP_URL")?.value == "smtp://mailer:********@smtp.intern:587")
        #expect(Self.value(lines, "KANSRIJK_METRICS_TOKEN")?.value == SecretMask.hidden)
        #expect(Self.value(lines, "KANSRIJK_MAIL_FROM")?.value == "Kansrijk <noreply@kansrijk.nl>")
        #expect(Self.value(lines, "DATABASE_URL")?.isDefault == false)
        #expect(Self.value(lines, "KANSRIJK_AUTO_MIGRATE") == EffectiveSetting(name: "KANSRIJK_AUTO_MIGRATE", value: "false", isDefault: true),
                "PostgreSQL does not migrate by itself: the default as applied")
    }

    @Test("on the SQLite default each value is the default, and the defaults are the ones applied")
    func defaults() throws {
        let lines = try Self.list(["KANSRIJK_ROOT": packageRoot])
        let set = lines.filter { !$0.isDefault && $0.name != "KANSRIJK_ROOT" }
        #expect(set.isEmpty, "only KANSRIJK_ROOT was set: \(set)")
        #expect(Self.value(lines, "KANSRIJK_DATABASE_PATH")?.value == "./kansrijk.sqlite")
        #expect(Self.value(lines, "KANSRIJK_AUTO_MIGRATE")?.value == "true")
        #expect(Self.value(lines, "KANSRIJK_BCRYPT_COST")?.value == "12")
        #expect(Self.value(lines, "KANSRIJK_AUDIT_WITNESS")?.value == "./kansrijk-audit-witness.log" ||
                Self.value(lines, "KANSRIJK_AUDIT_WITNESS")?.value.hasSuffix("kansrijk-audit-witness.log") == true)
        #expect(Self.value(lines, "KANSRIJK_CARE_RETENTION_DAYS")?.value == String(15 * 365))
        let text = EffectiveSettings.text(lines, language: .dutch)
        #expect(text.split(separator: "\n").count == lines.count)
        #expect(text.split(separator: "\n").allSatisfy { $0.hasSuffix("standaard") || $0.hasSuffix("ingesteld") })
    }

    @Test("a URL is masked whatever its shape; text that is no URL is hidden whole")
    func maskShapes() {
        #expect(SecretMask.url("postgres://u@host/db") == "postgres://u@host/db")
        #expect(SecretMask.url("postgres://u:p%40ss@w@host/db") == "postgres://u:********@host/db")
        #expect(SecretMask.url("postgres://host/db?user=u&password=x") == "postgres://host/db?user=u&password=********")
        #expect(SecretMask.url("geen-url-maar-een-wachtwoord") == SecretMask.hidden)
    }

    /// Every `"KANSRIJK_..."` (and `"DATABASE_URL"`) the sources read appears in `kansrijk config`: a
    /// setting added without a line there fails here.
    @Test("every setting the sources read is listed")
    func complete() throws {
        // setup
        let listed = Set(try Self.list(["KANSRIJK_ROOT": packageRoot]).map(\.name))
        let sources = URL(fileURLWithPath: packageRoot + "Sources")
        var read: Set<String> = []
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)
        let pattern = try Regex(#""((KANSRIJK_[A-Z0-9_]+)|DATABASE_URL)""#)
        // act
        while let file = files?.nextObject() as? URL {
            guard file.pathExtension == "swift", let text = try? String(contentsOf: file, encoding: .utf8) else { continue }
            for match in text.matches(of: pattern) { read.insert(String(text[match.range].dropFirst().dropLast())) }
        }
        // check
        #expect(read.count > 10, "the scan found the settings")
        let missing = read.subtracting(listed).subtracting(EffectiveSettings.retired)
        #expect(missing.isEmpty, "read but not printed by kansrijk config: \(missing.sorted())")
    }
}
