import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Leaf
import LeafKit
import NIOConcurrencyHelpers
import Vapor

/// Builds the application: database, sessions, views, middleware, routes, commands.
/// Used by the executable and, with other settings, by the tests.
public func configure(_ app: Application, settings: Settings) async throws {
    app.settings = settings
    // mail delivery (issue #14): its own settings, refused at start with the list of problems
    if !app.mailSettingsAreSet { app.mailSettings = try MailSettings.fromEnvironment(ProcessInfo.processInfo.environment) }
    // who may read /metrics (ADR 0044); the registry is swift-metrics' backend, once per process
    if !app.metricsSettingsAreSet { app.metricsSettings = try MetricsSettings.fromEnvironment(ProcessInfo.processInfo.environment) }
    KansrijkMetrics.bootstrapOnce()
    let root = settings.rootDirectory
    // how often this instance looks for changes made by another (ADR 0040)
    app.clusterChanges.interval = try ClusterChanges.interval(from: ProcessInfo.processInfo.environment)

    switch settings.database {
    case .sqliteFile(let path):
        try await useSQLite(app, path: path, temporary: false)
    case .sqliteMemory:
        // SQLiteNIO has no shared in-memory databases, so "in memory" is a file of this run in the
        // temporary directory (as SQLiteKit's `.memory` does), removed when the application stops
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kansrijk-\(UUID().slug).sqlite").path
        try await useSQLite(app, path: path, temporary: true)
    case .postgres(let url):
        var config = try SQLPostgresConfiguration(url: url)
        if !url.contains("sslmode") { config.coreConfiguration.tls = .disable }
        app.databases.use(.postgres(configuration: config, maxConnectionsPerEventLoop: 4, sqlLogLevel: .trace), as: .psql)
        // the read-only heavy paths may read from a streaming replica (ADR 0043)
        if let readURL = settings.readDatabaseURL { try useReadReplica(app, url: readURL) }
    }
    app.passwords.use(.bcrypt(cost: settings.bcryptCost))
    // an unknown address costs the same bcrypt work as a known one (issue #13, item 4)
    app.unknownUserHash = UnknownUserHash()
    app.passwordCheckGate = PasswordCheckGate()
    app.onboardingBackground = OnboardingBackground()
    app.passwordResetLimits = .init()
    app.uploadSlots = KeyedSlots()

    // sessions: stored in the database, cookie not readable by scripts, sent same-site only
    app.sessions.use { ChangedOnlySessions(base: SQLReadSessions(base: $0.fluent.sessions.driver())) }
    app.sessions.configuration = SessionsConfiguration(cookieName: "kansrijk_sessie") { id in
        // Max-Age rather than Expires: the same ten hours without formatting a date on every response
        HTTPCookies.Value(string: id.string, expires: nil, maxAge: 60 * 60 * 10,
                          path: "/", isSecure: settings.secureCookies, isHTTPOnly: true, sameSite: .lax)
    }

    // page views write their audit events in groups (ADR 0019; on PostgreSQL too since issue 17)
    let writerLoop = app.eventLoopGroup.next()
    app.auditWriter = AuditGroupWriter { [unowned app] in app.databases.database(logger: app.logger, on: writerLoop) }

    app.views.use(.leaf)
    app.preparedLayout = PreparedLayout()
    app.leaf.sources = .singleSource(NIOLeafFiles(
        fileio: app.fileio, limits: .default, sandboxDirectory: root, viewDirectory: root + "Resources/Views/"))
    // release builds parse each template once; debug builds re-read them so edits show at once
    #if DEBUG
    app.leaf.cache.isEnabled = false
    #else
    app.leaf.cache.isEnabled = true
    #endif
    app.leaf.tags["t"] = TranslateTag()
    app.leaf.tags["tel"] = PhoneLinkTag()
    app.leaf.tags["plural"] = PluralTag()

    app.routes.defaultMaxBodySize = "2mb"
    // plain (EventLoopFuture) middlewares: a request to an in-memory page stays on its event loop;
    // security headers outermost, so error pages carry them too
    app.middleware = Middlewares()
    // outermost of all: the request id and the request metrics see every response (ADR 0044)
    app.requestMetrics = RequestMetrics()
    app.middleware.use(ObservabilityMiddleware(metrics: app.requestMetrics))
    app.middleware.use(SecurityHeadersMiddleware(hsts: settings.secureCookies))
    app.middleware.use(KansrijkErrorMiddleware())
    // bodies no decoder may see are refused before anything reads them (issue #13, item 1)
    app.middleware.use(RequestBodyGuard())
    app.middleware.use(PublicFilesMiddleware(publicDirectory: root + "Public/"))
    app.middleware.use(LanguageMiddleware())
    app.middleware.use(app.sessions.middleware)
    app.middleware.use(SessionClockMiddleware())
    app.middleware.use(UserSessionAuthenticator())
    app.middleware.use(SecondFactorGate())
    // with a read replica, the pages after one's own write read from the primary (ADR 0043)
    if app.hasReadReplica { app.middleware.use(PrimaryAfterWriteMiddleware(secure: settings.secureCookies)) }
    // Vapor's own per-request metrics stay off: they build labels from strings on every request;
    // ObservabilityMiddleware counts per route pattern at a fraction of the cost (ADR 0044)
    app.http.server.configuration.reportMetrics = false

    KansrijkMigrations.register(on: app)
    // how each service receives referrals follows writes of users and organisations (issue #15)
    app.watchReferralReceiving()
    // what another instance changed is loaded again here (ADR 0040)
    app.registerClusterReloads()
    // everyday words for the themes, checked at start: a broken file stops here naming its line (issue 15)
    app.directory.synonyms = try SearchSynonyms.load(path: root + SearchSynonyms.path)
    app.loginThrottle = LoginThrottle()
    try routes(app)
    app.collectInternalRoots()
    app.routeMethods = RouteMethods(app.routes.all)
    // the progress report counts the care room's work beside the monitor's own process figures
    app.processFigureSources.add(CareProcessFigures())
    // issue 15: the prenatal home visit and extra care (escalatieladder)
    app.processFigureSources.add(HomeVisitProcessFigures())
    app.processFigureSources.add(ExtraCareProcessFigures())
    registerCommands(app)
    // while serving, the head of the audit chain is written outside the database (ADR 0012)
    app.lifecycle.use(AuditWitnessKeeper())
    app.lifecycle.use(SessionPurgeLifecycle())
    // escalation steps, tomorrow's MDO agendas and the daily digests, every 10 minutes (issue #14)
    app.lifecycle.use(NotificationLifecycle())
    // while serving with SMTP configured, the outbox is emptied in the background (ADR 0025)
    app.lifecycle.use(MailSenderLifecycle())
    // with KANSRIJK_METRICS_PORT, /metrics on a loopback listener of its own (ADR 0044)
    app.lifecycle.use(MetricsListenerLifecycle())
    app.lifecycle.use(OnboardingBackgroundLifecycle())
    // monitor import jobs are claimed by a worker on any instance and survive a restart (ADR 0042)
    app.lifecycle.use(ImportWorkerLifecycle())
    // expired log-in counts, rate limits and uploads leave the shared tables (ADR 0041)
    app.lifecycle.use(SharedStatePurgeLifecycle())
    // several instances: reload what another instance changed (ADR 0040)
    app.lifecycle.use(ClusterChangesLifecycle())
}

extension Application {
    private struct ReadyKey: StorageKey { typealias Value = NIOLockedValueBox<Bool> }

    /// True once migrations ran and the directory is loaded.
    var isReady: Bool {
        get { storage[ReadyKey.self]?.withLockedValue { $0 } ?? false }
        set {
            if let box = storage[ReadyKey.self] { box.withLockedValue { $0 = newValue } }
            else { storage[ReadyKey.self] = .init(newValue) }
        }
    }

    /// What `serve` does before it listens: migrate (SQLite default), load demo data on an
    /// empty database, load the directory into memory.
    /// Returns how long each step took, for the start-up log line.
    @discardableResult
    func prepareForServing() async throws -> StartupSteps {
        var steps = StartupSteps()
        if settings.autoMigrate { try await steps.time("migrations") { try await migrateUnderLock() } }
        // events a crash left in the outbox join the chain before anything else is logged (ADR 0021)
        try await steps.time("audit outbox") { try await AuditOutbox.drain(on: db) }
        if settings.loadDemoWhenEmpty {
            // instances that start together on an empty database load the demo once (ADR 0042)
            let password = settings.demoPassword
            try await steps.time("demo") {
                try await ClusterLock.withLock("demo-data", on: db) { [self] in
                    guard try await Organisation.query(on: db).count() == 0 else { return }
                    try await DemoData(password: password).load(on: self)
                }
            }
        }
        try await steps.time("directory") { try await directory.reload(on: db) }
        // the search page reads how services receive referrals without waiting: load it before serving
        try await steps.time("referral receiving") { try await referralReceiving.reload(on: db) }
        isReady = true
        return steps
    }
}

/// How long the steps before serving took (`kansrijk serve` logs them in one line).
struct StartupSteps: Sendable {
    private(set) var steps: [(name: String, duration: Duration)] = []

    mutating func time(_ name: String, _ body: () async throws -> Void) async throws {
        let start = ContinuousClock.now
        try await body()
        steps.append((name, ContinuousClock.now - start))
    }

    /// "migrations 12 ms, audit outbox 1 ms, directory 1,204 ms, ..."
    var summary: String {
        steps.map { "\($0.name) \(Self.milliseconds($0.duration)) ms" }.joined(separator: ", ")
    }

    static func milliseconds(_ duration: Duration) -> Int {
        Int(duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000)
    }
}

/// SQLite on the file at `path`: Fluent's driver with `SQLitePragmas` and the audit chain in a file
/// of its own beside it (ADR 0021), and the read pool of the hot paths on the main file (ADR 0020).
private func useSQLite(_ app: Application, path: String, temporary: Bool) async throws {
    app.databases.use(.sqlite(.file(path), sqlLogLevel: .trace), as: .sqlite)
    let auditPath = AuditFile.path(besides: path)
    app.readiness = Readiness(sqliteFiles: [path, auditPath])
    try await SQLitePragmas.apply(to: app, id: .sqlite, auditPath: auditPath)
    let pool = SQLiteReadPool(path: path)
    app.sqliteReads = pool
    app.lifecycle.use(SQLiteReadPoolLifecycle(pool: pool, removesFiles: temporary ? [path, auditPath] : []))
    // while serving, WAL checkpoints run on a thread of their own, not inside a page view's commit (ADR 0021)
    app.lifecycle.use(SQLiteCheckpointLifecycle(path: path, auditPath: auditPath))
}
