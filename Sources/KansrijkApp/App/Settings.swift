import Vapor

/// Typed settings read once from the environment at start-up.
/// Anything malformed fails loudly with the complete list of problems.
public struct Settings: Sendable {
    public enum Database: Sendable, Equatable {
        case sqliteFile(path: String)
        case sqliteMemory
        case postgres(url: String)
    }

    public var database: Database
    /// Password of the demo accounts; printed at start so a newcomer can log in.
    public var demoPassword: String
    /// bcrypt cost; lowered in tests and CI to keep hashing fast.
    public var bcryptCost: Int
    /// Run migrations when the server starts (always on the SQLite default).
    public var autoMigrate: Bool
    /// Load the demo data when the database holds no organisations yet.
    public var loadDemoWhenEmpty: Bool
    /// Mark cookies `Secure` (set when served behind HTTPS).
    public var secureCookies: Bool
    /// Folder that holds `Resources/` and `Public/` (found by `ResourceRoot`, ADR 0028).
    public var rootDirectory: String
    /// The folders looked in when none held `Resources/`; the command line then refuses to start.
    public var resourceFoldersTried: [String]? = nil
    /// The public address links are built from (`https://kansrijk.example.nl`), never a request's
    /// `Host` (issue #13). Nil: the address the server listens on.
    public var baseURL: String? = nil
    /// A reverse proxy in front sets `X-Forwarded-Proto`/`-Host`/`-For`; only then are they believed.
    public var trustedProxy: Bool = false
    /// `KANSRIJK_DATABASE_READ_URL`: a PostgreSQL streaming replica for the read-only heavy paths
    /// (ADR 0043); nil: every read goes to the primary. Refused on SQLite.
    public var readDatabaseURL: String? = nil

    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment,
                                       executablePath: String? = ResourceRoot.executablePath(),
                                       workingDirectory: String = FileManager.default.currentDirectoryPath) throws -> Settings {
        var problems: [String] = []
        let resources = ResourceRoot.locate(environment: env, executablePath: executablePath, workingDirectory: workingDirectory)
        let root = resources.root ?? resources.lookedIn.first ?? ResourceRoot.withSlash(workingDirectory)
        let database: Database
        if let url = env["DATABASE_URL"], !url.isEmpty {
            if url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") {
                database = .postgres(url: url)
            } else {
                problems.append("DATABASE_URL must start with postgres:// (got '\(url.prefix(12))...')")
                database = .sqliteMemory
            }
        } else if env["KANSRIJK_DATABASE_PATH"] == ":memory:" {
            database = .sqliteMemory
        } else {
            database = .sqliteFile(path: env["KANSRIJK_DATABASE_PATH"] ?? "./kansrijk.sqlite")
        }
        var cost = 12
        if let raw = env["KANSRIJK_BCRYPT_COST"] {
            if let c = Int(raw), (4...31).contains(c) { cost = c } else {
                problems.append("KANSRIJK_BCRYPT_COST must be a whole number from 4 to 31")
            }
        }
        let isPostgres: Bool = { if case .postgres = database { return true } else { return false } }()
        let loadDemo = Self.flag(env["KANSRIJK_LOAD_DEMO"]) ?? !isPostgres
        var settings = Settings(
            database: database,
            demoPassword: env["KANSRIJK_DEMO_PASSWORD"] ?? "kansrijk-demo",
            bcryptCost: cost,
            autoMigrate: Self.flag(env["KANSRIJK_AUTO_MIGRATE"]) ?? !isPostgres,
            loadDemoWhenEmpty: loadDemo,
            // outside the demo the product runs behind HTTPS: Secure cookies and HSTS unless told otherwise (issue #13)
            secureCookies: Self.flag(env["KANSRIJK_SECURE_COOKIES"]) ?? !loadDemo,
            rootDirectory: root
        )
        if let raw = env["KANSRIJK_BASE_URL"], !raw.isEmpty {
            if let base = Self.baseURL(raw) { settings.baseURL = base } else {
                problems.append("KANSRIJK_BASE_URL must be an http(s) address without path, query or spaces, like https://kansrijk.example.nl")
            }
        }
        settings.trustedProxy = Self.flag(env["KANSRIJK_TRUSTED_PROXY"]) ?? false
        if let url = env["KANSRIJK_DATABASE_READ_URL"], !url.isEmpty {
            if !isPostgres {
                problems.append("KANSRIJK_DATABASE_READ_URL needs DATABASE_URL (PostgreSQL): SQLite has no read replica")
            } else if url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") {
                settings.readDatabaseURL = url
            } else {
                problems.append("KANSRIJK_DATABASE_READ_URL must start with postgres:// (got '\(url.prefix { $0 != ":" }):...')")
            }
        }
        if resources.root == nil { settings.resourceFoldersTried = resources.lookedIn }
        if settings.demoPassword.count < 8 {
            problems.append("KANSRIJK_DEMO_PASSWORD must have at least 8 characters")
        }
        guard problems.isEmpty else { throw SettingsError(problems: problems) }
        return settings
    }

    /// What an application that was not configured yet reads: a throw-away database, no demo,
    /// Secure cookies.
    static let safeDefaults = Settings(database: .sqliteMemory, demoPassword: "kansrijk-demo", bcryptCost: 12, autoMigrate: false,
                                       loadDemoWhenEmpty: false, secureCookies: true,
                                       rootDirectory: DirectoryConfiguration.detect().workingDirectory)

    /// `scheme://host[:port]` of an http(s) address, or nil.
    static func baseURL(_ raw: String) -> String? {
        var text = raw.trimmingCharacters(in: .whitespaces)
        while text.hasSuffix("/") { text.removeLast() }
        guard let url = URLComponents(string: text), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
              let host = url.host, !host.isEmpty, url.path.isEmpty, url.query == nil, url.fragment == nil, url.user == nil,
              text.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { return nil }
        return "\(scheme)://\(host)" + (url.port.map { ":\($0)" } ?? "")
    }

    static func flag(_ raw: String?) -> Bool? {
        guard let raw = raw?.lowercased() else { return nil }
        return ["1", "true", "yes", "ja", "on"].contains(raw)
    }
}

public struct SettingsError: Error, CustomStringConvertible {
    public var problems: [String]
    public var description: String {
        "Kansrijk cannot start; fix these settings:\n" + problems.map { "  - \($0)" }.joined(separator: "\n")
    }
}

extension Application {
    private struct SettingsKey: StorageKey { typealias Value = Settings }
    public var settings: Settings {
        get {
            // set by configure(_:); before that (a programming slip) the safe defaults, never a trap
            storage[SettingsKey.self] ?? .safeDefaults
        }
        set { storage[SettingsKey.self] = newValue }
    }
}
