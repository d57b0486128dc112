import Fluent
import Logging
import NIOCore
import NIOPosix
import Vapor

public enum Kansrijk {
    /// Runs Swift tasks on the event loops instead of a second pool of threads: an async route
    /// handler, its database reads and its response then need no hand-offs between threads
    /// (ADR 0020). Call it first thing on the main thread, before any task starts.
    public static func runTasksOnEventLoops() {
        _ = NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
    }

    /// `kansrijk` with no command serves; see `kansrijk --help` for the others.
    public static func main() async throws {
        var env = try Environment.detect()
        #if !DEBUG
        // a release build serves as production unless told otherwise: Leaf caches parsed
        // templates only outside the development environment
        let explicit = env.arguments.contains { $0 == "--env" || $0 == "-e" || $0.hasPrefix("--env=") }
        if !explicit && ProcessInfo.processInfo.environment["VAPOR_ENV"] == nil {
            env = Environment(name: Environment.production.name, arguments: env.arguments)
        }
        #endif
        try LoggingSystem.bootstrap(from: &env)
        let settings: Settings
        do {
            settings = try Settings.fromEnvironment()
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            exit(2)
        }
        if let problem = StartFailure.sqliteFileProblem(settings) {
            FileHandle.standardError.write(Data("kansrijk: \(problem)\n".utf8))
            exit(1)
        }
        let app = try await Application.make(env)
        do {
            try await configure(app, settings: settings)
            let command = env.arguments.dropFirst().first
            if command == nil || command == "serve" {
                try await app.prepareForServing()
                announce(app, arguments: env.arguments)
            }
            try await app.execute()
        } catch let failure as CommandFailure {
            // a refused command (bad arguments, a rejected import): its message, exit code 1
            FileHandle.standardError.write(Data("\(failure.description)\n".utf8))
            try? await app.asyncShutdown()
            exit(1)
        } catch {
            // one line and exit status 1, never a trap with a stack trace (issue #13)
            app.logger.debug("\(String(reflecting: error))")
            FileHandle.standardError.write(Data("kansrijk: \(StartFailure.line(for: error, settings: settings))\n".utf8))
            try? await app.asyncShutdown()
            exit(1)
        }
        try await app.asyncShutdown()
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
        print(lines.joined(separator: "\n"))
    }

    static func describe(_ db: Settings.Database) -> String {
        switch db {
        case .sqliteFile(let path): "SQLite file \(path)"
        case .sqliteMemory: "SQLite in memory"
        case .postgres: "PostgreSQL (DATABASE_URL)"
        }
    }
}
