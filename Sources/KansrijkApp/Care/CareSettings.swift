import Vapor

/// Settings of the care room, read from the environment at start-up.
struct CareSettings: Sendable {
    /// Days after closing that a client record is removed (`KANSRIJK_CARE_RETENTION_DAYS`; default 15 years,
    /// the term of the WGBO for medical records).
    var retentionDays: Int

    static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) -> CareSettings {
        CareSettings(retentionDays: env["KANSRIJK_CARE_RETENTION_DAYS"].flatMap(Int.init).flatMap { $0 > 0 ? $0 : nil } ?? 15 * 365)
    }
}

extension Application {
    private struct CareSettingsKey: StorageKey { typealias Value = CareSettings }

    var careSettings: CareSettings {
        get { storage[CareSettingsKey.self] ?? CareSettings.fromEnvironment() }
        set { storage[CareSettingsKey.self] = newValue }
    }
}
