import Foundation

/// One line of `kansrijk config`: a setting, the value the application uses, and whether that is
/// the default (not set in the environment).
struct EffectiveSetting: Equatable, Sendable {
    var name: String
    var value: String
    var isDefault: Bool
}

/// Every environment setting Kansrijk reads (issue 17), with the value in effect and secrets masked:
/// what an operator compares between two instances, or pastes into a ticket. Values come from the
/// same parsers the start-up uses, so a default that depends on another setting (automatic migration
/// on SQLite, not on PostgreSQL) shows as it is applied.
enum EffectiveSettings {
    /// Read only to refuse them with a pointer to their successor; not settings any more.
    static let retired: Set<String> = ["KANSRIJK_SMTP_HOST"]

    static func list(env: [String: String], settings: Settings, workingDirectory: String,
                     language: CommandLineLanguage = .english) throws -> [EffectiveSetting] {
        let mail = try MailSettings.fromEnvironment(env)
        let care = CareSettings.fromEnvironment(env)
        let l = language
        func given(_ name: String) -> String? { env[name].flatMap { $0.isEmpty ? nil : $0 } }
        func line(_ name: String, _ value: String) -> EffectiveSetting { .init(name: name, value: value, isDefault: given(name) == nil) }
        func raw(_ name: String, _ fallback: String) -> EffectiveSetting { line(name, given(name) ?? fallback) }
        func secret(_ name: String, _ unset: String) -> EffectiveSetting { line(name, given(name) == nil ? unset : SecretMask.hidden) }
        func notSet(_ dutch: String, _ english: String) -> String { l.pick("(niet ingesteld: \(dutch))", "(not set: \(english))") }
        func yes(_ value: Bool) -> String { value ? "true" : "false" }

        var lines: [EffectiveSetting] = []
        switch settings.database {
        case .postgres(let url):
            lines.append(line("DATABASE_URL", SecretMask.url(url)))
            lines.append(line("KANSRIJK_DATABASE_PATH", l.pick("(niet gebruikt: PostgreSQL)", "(not used: PostgreSQL)")))
        case .sqliteFile(let path):
            lines.append(line("DATABASE_URL", notSet("SQLite", "SQLite")))
            lines.append(line("KANSRIJK_DATABASE_PATH", path))
        case .sqliteMemory:
            lines.append(line("DATABASE_URL", notSet("SQLite", "SQLite")))
            lines.append(line("KANSRIJK_DATABASE_PATH", ":memory:"))
        }
        lines.append(line("KANSRIJK_DATABASE_READ_URL",
                          settings.readDatabaseURL.map(SecretMask.url) ?? notSet("alles leest van de primaire database", "every read goes to the primary")))
        lines.append(line("KANSRIJK_AUTO_MIGRATE", yes(settings.autoMigrate)))
        lines.append(line("KANSRIJK_LOAD_DEMO", yes(settings.loadDemoWhenEmpty)))
        lines.append(secret("KANSRIJK_DEMO_PASSWORD", SecretMask.hidden))
        lines.append(line("KANSRIJK_BCRYPT_COST", String(settings.bcryptCost)))
        lines.append(line("KANSRIJK_ROOT", settings.rootDirectory))
        lines.append(line("KANSRIJK_BASE_URL", settings.baseURL ?? notSet("het adres waarop de server luistert", "the address the server listens on")))
        lines.append(line("KANSRIJK_SECURE_COOKIES", yes(settings.secureCookies)))
        lines.append(line("KANSRIJK_TRUSTED_PROXY", yes(settings.trustedProxy)))

        lines.append(line("KANSRIJK_SMTP_URL", given("KANSRIJK_SMTP_URL").map(SecretMask.url)
                          ?? notSet("mail blijft in de outbox", "mail stays in the outbox")))
        lines.append(line("KANSRIJK_MAIL_FROM", mail.from.map { _ in given("KANSRIJK_MAIL_FROM") ?? "" } ?? notSet("geen", "none")))
        lines.append(line("KANSRIJK_SMTP_CA_FILE", mail.caFile ?? notSet("de vertrouwde certificaten van het systeem", "the system's trust roots")))
        lines.append(line("KANSRIJK_MAIL_RETRY_BASE_SECONDS", String(Int(mail.retryBase))))

        lines.append(line("KANSRIJK_CARE_RETENTION_DAYS", String(care.retentionDays)))
        lines.append(line("KANSRIJK_CONTACT_REMINDER_DAYS", String(care.contactReminderDays)))

        lines.append(line("KANSRIJK_AUDIT_WITNESS", AuditWitnessSettings.path(env: env, database: settings.database, workingDirectory: workingDirectory) ?? "off"))
        lines.append(raw("KANSRIJK_AUDIT_ANCHOR", notSet("geef --to", "give --to")))
        lines.append(secret("KANSRIJK_AUDIT_ANCHOR_KEY", notSet("geen", "none")))

        // the settings of several instances, metrics and logs (issue 17, ADRs 0040-0044)
        lines.append(raw("KANSRIJK_INSTANCE_ID", notSet("hostnaam-pid van elk proces", "hostname-pid of each process")))
        lines.append(raw("KANSRIJK_CLUSTER_POLL_MS", "500"))
        lines.append(raw("KANSRIJK_LOG_FORMAT", "text"))
        lines.append(secret("KANSRIJK_METRICS_TOKEN", notSet("geen", "none")))
        lines.append(raw("KANSRIJK_METRICS_PORT", notSet("geen tweede luisteraar", "no second listener")))
        return lines
    }

    /// The lines as printed: name, value, and "default" or "set", in aligned columns.
    static func text(_ lines: [EffectiveSetting], language: CommandLineLanguage) -> String {
        let nameWidth = lines.map(\.name.count).max() ?? 0
        let valueWidth = min(lines.map(\.value.count).max() ?? 0, 60)
        return lines.map { s in
            let status = s.isDefault ? language.pick("standaard", "default") : language.pick("ingesteld", "set")
            return s.name.padding(toLength: nameWidth, withPad: " ", startingAt: 0) + "  "
                + (s.value.count < valueWidth ? s.value.padding(toLength: valueWidth, withPad: " ", startingAt: 0) : s.value) + "  " + status
        }.joined(separator: "\n")
    }
}
