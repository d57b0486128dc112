import Fluent
import Logging
import NIOCore
import NIOPosix
import Vapor

public enum Kansrijk {
    /// The version `kansrijk --version` prints; raised with each release in CHANGELOG.md.
    public static let version = "0.17.0"

    /// Runs Swift tasks on the event loops instead of a second pool of threads: an async route
    /// handler, its database reads and its response then need no hand-offs between threads
    /// (ADR 0020). Call it first thing on the main thread, before any task starts.
    public static func runTasksOnEventLoops() {
        _ = NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
    }

    /// `kansrijk` with no command serves; see `kansrijk --help` for the others. Never traps on what a
    /// person types or sets: every failure is one line on standard error and exit status 1, a usage
    /// error the usage and exit status 2 (issue #14).
    /// When `main` began: the start-up log line counts from here (a static is set on first use).
    static let started = ContinuousClock.now

    public static func main() async -> Never {
        _ = started
        let processEnvironment = ProcessInfo.processInfo.environment
        let language = CommandLineLanguage(environment: processEnvironment)
        let console = CommandLineOutput(language: language)
        var env: Environment
        do {
            env = try Environment.detect()
            #if !DEBUG
            // a release build serves as production unless told otherwise: Leaf caches parsed
            // templates only outside the development environment
            let explicit = env.arguments.contains { $0 == "--env" || $0 == "-e" || $0.hasPrefix("--env=") }
            if !explicit && processEnvironment["VAPOR_ENV"] == nil {
                env = Environment(name: Environment.production.name, arguments: env.arguments)
            }
            #endif
            // console lines, or JSON lines for the journal or a log shipper (ADR 0044)
            guard let logFormat = LogFormat(environment: processEnvironment) else {
                console.fail(language.pick("KANSRIJK_LOG_FORMAT moet text of json zijn", "KANSRIJK_LOG_FORMAT must be text or json"), status: 1)
            }
            try logFormat.bootstrap(from: &env)
        } catch {
            console.fail(language.pick("ongeldige --env of --log: \(error)", "invalid --env or --log: \(error)"), status: 2)
        }
        var words = Array(env.arguments.dropFirst())
        if words == ["help"] { words = ["--help"] }
        if words == ["--version"] || words == ["-V"] { words = ["version"] }
        let app: Application
        do {
            app = try await Application.make(env)
        } catch {
            console.fail(StartFailure.line(for: error, settings: .safeDefaults, language: language), status: 1)
        }
        let status = await run(app, words: words, console: console)
        try? await app.asyncShutdown()
        exit(status)
    }

    /// Resolves the words, then (for a command that runs) reads the settings, opens the database,
    /// migrates or checks it, and runs the command; the exit status.
    static func run(_ app: Application, words: [String], console: CommandLineOutput) async -> Int32 {
        let language = console.language
        registerCommands(app)
        let commandLine = app.commandLine
        let input = CommandInput(arguments: ["kansrijk"] + words)
        let path: [String]
        switch CommandLineRoute.resolve(words, in: commandLine) {
        case .usage(let at, let problem):
            return console.usage(CommandLineUsage.lines(for: at, in: commandLine, language: language), problem.line(language))
        case .help, .run(["version"]):
            // help and the version need no settings and no database
            do {
                try await app.console.run(commandLine, with: CommandContext(console: app.console, input: input))
                return 0
            } catch {
                return console.error(String(describing: error))
            }
        case .run(let at):
            path = at
        }
        let settings: Settings
        do {
            settings = try Settings.fromEnvironment()
        } catch let error as SettingsError {
            return console.error(language.pick("los deze instellingen op: ", "fix these settings: ") + error.problems.joined(separator: "; "))
        } catch {
            return console.error(String(describing: error))
        }
        // the effective settings need no database: nothing is opened, created or migrated (ADR 0043)
        if path == ["config"] { return await runWithoutDatabase(app, input: input, path: path, settings: settings, console: console) }
        if let folders = settings.resourceFoldersTried { return console.error(CommandLineProblem.resourcesMissing(lookedIn: folders).line(language)) }
        if let problem = StartFailure.sqliteFileProblem(settings, language: language) { return console.error(problem) }
        if path.first != "serve", !CommandLine.arguments.contains(where: { $0 == "--log" || $0.hasPrefix("--log=") }) {
            // a command's output is its own lines: no migration or driver log unless asked for with --log
            app.logger.logLevel = .error
        }
        // a restore must not open, migrate or create the database it replaces, nor a backup create an
        // empty one: they open what they need themselves (ADR 0045)
        if path == ["backup"] || path == ["restore"] {
            return await runWithoutDatabase(app, input: input, path: path, settings: settings, console: console)
        }
        do {
            try await configure(app, settings: settings)
            switch path.first {
            case "serve":
                if !settings.autoMigrate { try await app.requireMigrated() }
                let prepared = ContinuousClock.now
                let steps = try await app.prepareForServing()
                announce(app, arguments: ["kansrijk"] + words)
                app.logger.notice("ready to serve after \(StartupSteps.milliseconds(ContinuousClock.now - started)) ms since the process started (configuration \(StartupSteps.milliseconds(prepared - started)) ms, \(steps.summary))")
            case "migrate", "routes":
                break
            default:
                try await app.prepareForCommand()
            }
            // what `app.execute()` does, without its log line before an error is rethrown
            try await app.asyncBoot()
            var context = CommandContext(console: app.console, input: input)
            context.application = app
            try await app.console.run(commandLine, with: context)
            try await app.running?.onStop.get()
            // A stop (SIGTERM from systemd) closes the listener and lets the requests in flight finish
            // before the lifecycle handlers and the databases shut down: Vapor's own order would tear
            // the databases down under requests still being served, and `req.db` traps (ADR 0046).
            if path.first == "serve" { await app.server.shutdown() }
            return 0
        } catch {
            return report(error, path: path, commandLine: commandLine, app: app, settings: settings, console: console)
        }
    }

    /// Runs a command that opens no database through `configure` (it reads `app.settings` only).
    private static func runWithoutDatabase(_ app: Application, input: CommandInput, path: [String], settings: Settings,
                                           console: CommandLineOutput) async -> Int32 {
        app.settings = settings
        var context = CommandContext(console: app.console, input: input)
        context.application = app
        do {
            try await app.console.run(app.commandLine, with: context)
            return 0
        } catch {
            return report(error, path: path, commandLine: app.commandLine, app: app, settings: settings, console: console)
        }
    }

    /// The end of a failed run: one line (after a report's detail lines, or the usage), the exit status.
    static func report(_ error: any Error, path: [String], commandLine: any AnyAsyncCommand, app: Application,
                       settings: Settings, console: CommandLineOutput) -> Int32 {
        let language = console.language
        switch error {
        case let error as CommandError:
            return console.usage(CommandLineUsage.lines(for: path, in: commandLine, language: language), CommandLineProblem(error).line(language))
        case let problem as CommandLineProblem:
            guard problem.isUsage else { return console.error(problem.line(language)) }
            return console.usage(CommandLineUsage.lines(for: path, in: commandLine, language: language), problem.line(language))
        case let error as SettingsError:
            // the mail settings are read in `configure`: the same one line as the other settings
            return console.error(language.pick("los deze instellingen op: ", "fix these settings: ") + error.problems.joined(separator: "; "))
        case let report as ImportReport:
            // an importer's own report (a file that is no valid CSV): its lines, the summary last
            let lines = report.description.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
            console.details(Array(lines.dropFirst()))
            return console.error(lines.first ?? "")
        case let failure as CommandFailure:
            // a report of several lines: its details first, its headline last
            let lines = failure.description.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
            let headline = lines.first ?? ""
            if failure.isUsage {
                return console.usage(CommandLineUsage.lines(for: path, in: commandLine, language: language) + lines.dropFirst(), headline)
            }
            console.details(Array(lines.dropFirst()))
            return console.error(headline)
        default:
            app.logger.debug("\(String(reflecting: error))")
            return console.error(StartFailure.line(for: error, settings: settings, language: language))
        }
    }

    /// Tells a newcomer where to go and how to sign in.
    static func announce(_ app: Application, arguments: [String]) {
        func flag(_ names: String...) -> String? {
            guard let i = arguments.firstIndex(where: names.contains), i + 1 < arguments.count else { return nil }
            return arguments[i + 1]
        }
        let host = flag("--hostname", "-H") ?? app.http.server.configuration.hostname
        let port = flag("--port", "-p") ?? String(app.http.server.configuration.port)
        var lines = ["", "Kansrijk is running.", "  Database: \(describe(app.settings.database))"]
        if app.settings.loadDemoWhenEmpty {
            lines.append("  Demo accounts (password: \(app.settings.demoPassword)):")
            for account in DemoData.accounts { lines.append("    \(account.email)  (\(account.role.rawValue))") }
        }
        lines.append("  Open http://\(host):\(port) in a browser.")
        // with JSON log lines, standard output holds nothing else: the welcome is one log line (ADR 0044)
        if LogFormat(environment: ProcessInfo.processInfo.environment) == .json {
            app.logger.notice("\(lines.joined(separator: "\n"))")
        } else {
            print(lines.joined(separator: "\n"))
        }
    }

    static func describe(_ db: Settings.Database) -> String {
        switch db {
        case .sqliteFile(let path): "SQLite file \(path)"
        case .sqliteMemory: "SQLite in memory"
        case .postgres: "PostgreSQL (DATABASE_URL)"
        }
    }
}
