import Vapor

/// Settings of the care room, read from the environment at start-up.
struct CareSettings: Sendable {
    /// Days after closing that a client record is removed (`KANSRIJK_CARE_RETENTION_DAYS`; default 15 years,
    /// the term of the WGBO for medical records).
    var retentionDays: Int
    /// Days after a referral outside Kansrijk (phone, e-mail, elsewhere) that its sender is reminded to
    /// record whether contact was made (`KANSRIJK_CONTACT_REMINDER_DAYS`; default 5, issue #15).
    var contactReminderDays: Int = 5

    static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) -> CareSettings {
        CareSettings(retentionDays: env["KANSRIJK_CARE_RETENTION_DAYS"].flatMap(Int.init).flatMap { $0 > 0 ? $0 : nil } ?? 15 * 365,
                     contactReminderDays: env["KANSRIJK_CONTACT_REMINDER_DAYS"].flatMap(Int.init).flatMap { (1...90).contains($0) ? $0 : nil } ?? 5)
    }
}

extension Application {
    private struct CareSettingsKey: StorageKey { typealias Value = CareSettings }

    var careSettings: CareSettings {
        get { storage[CareSettingsKey.self] ?? CareSettings.fromEnvironment() }
        set { storage[CareSettingsKey.self] = newValue }
    }
}
