import Vapor

/// Who may read `/metrics` (ADR 0044): with a token, the main listener serves it to a
/// `Authorization: Bearer <token>`; with a port, a second listener on loopback serves it (and asks for
/// the token too when one is set). With neither, `/metrics` is 404: the figures are closed to the public.
struct MetricsSettings: Sendable, Equatable {
    /// `KANSRIJK_METRICS_TOKEN`: at least 16 visible characters.
    var token: String?
    /// `KANSRIJK_METRICS_PORT`: the loopback listener's port (0 in tests: any free port).
    var port: Int?

    static let none = MetricsSettings(token: nil, port: nil)
    static let minimumTokenLength = 16

    /// Read from the environment; a malformed value fails the start with the list of problems.
    static func fromEnvironment(_ env: [String: String]) throws -> MetricsSettings {
        var problems: [String] = []
        var settings = MetricsSettings.none
        if let token = env["KANSRIJK_METRICS_TOKEN"], !token.isEmpty {
            if token.utf8.count >= minimumTokenLength, token.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) {
                settings.token = token
            } else {
                problems.append("KANSRIJK_METRICS_TOKEN must have at least \(minimumTokenLength) characters without spaces")
            }
        }
        if let raw = env["KANSRIJK_METRICS_PORT"], !raw.isEmpty {
            if let port = Int(raw), (1...65535).contains(port) { settings.port = port } else {
                problems.append("KANSRIJK_METRICS_PORT must be a port number from 1 to 65535")
            }
        }
        guard problems.isEmpty else { throw SettingsError(problems: problems) }
        return settings
    }

    /// True when the request carries the token; compared in constant time.
    func admits(authorization: String?) -> Bool {
        guard let token else { return true }
        guard let header = authorization, header.utf8.count > 7,
              header.prefix(7).lowercased() == "bearer " else { return false }
        let given = Array(header.utf8.dropFirst(7)), wanted = Array(token.utf8)
        guard given.count == wanted.count else { return false }
        var difference: UInt8 = 0
        for (a, b) in zip(given, wanted) { difference |= a ^ b }
        return difference == 0
    }
}

extension Application {
    private struct MetricsSettingsKey: StorageKey { typealias Value = MetricsSettings }
    /// Set in `configure` from the environment; tests set it directly.
    var metricsSettings: MetricsSettings {
        get { storage[MetricsSettingsKey.self] ?? .none }
        set { storage[MetricsSettingsKey.self] = newValue }
    }
    var metricsSettingsAreSet: Bool { storage[MetricsSettingsKey.self] != nil }
}
