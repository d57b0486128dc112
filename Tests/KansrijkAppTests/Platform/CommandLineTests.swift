import Foundation
import NIOCore
import SQLKit
import Testing
import Vapor
@testable import KansrijkApp

/// The command line's decisions before anything runs (issue #14): where the resources are, which
/// language, where the words lead. The binary itself is run by tests/cli/test_cli.py.
@Suite("Command line: resources, language, routes")
struct CommandLineTests {
    @Test("resources: KANSRIJK_ROOT alone when set; else the executable's folder and three above it, then the working directory")
    func resourceRoot() {
        // setup
        let executable = "/srv/checkout/.build/x86_64-unknown-linux-gnu/debug/kansrijk"
        // act
        let found = ResourceRoot.locate(environment: [:], executablePath: executable, workingDirectory: "/tmp/elders") { $0 == "/srv/checkout/" }
        let missing = ResourceRoot.locate(environment: [:], executablePath: executable, workingDirectory: "/tmp/elders") { _ in false }
        let explicit = ResourceRoot.locate(environment: ["KANSRIJK_ROOT": "/opt/kansrijk"], executablePath: executable,
                                           workingDirectory: "/srv/checkout") { $0 == "/srv/checkout/" }
        let cwd = ResourceRoot.locate(environment: [:], executablePath: "/usr/local/bin/kansrijk", workingDirectory: "/srv/checkout") { $0 == "/srv/checkout/" }
        // check
        #expect(found.root == "/srv/checkout/")
        #expect(missing.root == nil)
        #expect(missing.lookedIn == ["/srv/checkout/.build/x86_64-unknown-linux-gnu/debug/", "/srv/checkout/.build/x86_64-unknown-linux-gnu/",
                                     "/srv/checkout/.build/", "/srv/checkout/", "/tmp/elders/"])
        #expect(explicit.root == nil && explicit.lookedIn == ["/opt/kansrijk/"], "an explicit KANSRIJK_ROOT is not second-guessed")
        #expect(cwd.root == "/srv/checkout/")
        #expect(cwd.lookedIn.count == 5, "from /usr/local/bin: bin, local, usr, / and the working directory")
    }

    @Test("Settings carry the folder found, or the folders tried")
    func settingsRoot() throws {
        let found = try Settings.fromEnvironment([:], executablePath: "/nowhere/bin/kansrijk", workingDirectory: packageRoot)
        #expect(found.rootDirectory == ResourceRoot.withSlash(packageRoot))
        #expect(found.resourceFoldersTried == nil)
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("kansrijk-empty-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: empty) }
        let missing = try Settings.fromEnvironment(["KANSRIJK_ROOT": empty], executablePath: nil, workingDirectory: packageRoot)
        #expect(missing.resourceFoldersTried == [empty + "/"])
        #expect(CommandLineProblem.resourcesMissing(lookedIn: [empty + "/"]).line(.english).contains(empty))
    }

    @Test("language: LC_ALL, then LC_MESSAGES, then LANG; nl is Dutch, anything else English")
    func language() {
        #expect(CommandLineLanguage(environment: ["LANG": "nl_NL.UTF-8"]) == .dutch)
        #expect(CommandLineLanguage(environment: ["LANG": "C"]) == .english)
        #expect(CommandLineLanguage(environment: [:]) == .english)
        #expect(CommandLineLanguage(environment: ["LANG": "nl_NL.UTF-8", "LC_ALL": "C"]) == .english)
        #expect(CommandLineLanguage(environment: ["LANG": "en_GB.UTF-8", "LC_MESSAGES": "nl_BE"]) == .dutch)
        #expect(CommandLineLanguage(environment: ["LANG": "nl_NL.UTF-8", "LC_ALL": ""]) == .dutch, "an empty variable does not count")
        #expect(CommandLineProblem.fileNotFound("/x.csv").line(.dutch) == "bestand niet gevonden: /x.csv")
        #expect(CommandLineProblem.fileNotFound("/x.csv").line(.english) == "file not found: /x.csv")
    }

    @Test("the words lead to a command, to help or to a usage problem, before anything opens a database")
    func routes() async throws {
        let app = try await Application.make(.testing)
        registerCommands(app)
        let commands = app.commandLine
        func route(_ words: String...) -> String {
            switch CommandLineRoute.resolve(words, in: commands) {
            case .run(let path): "run \(path.joined(separator: " "))"
            case .help(let path): "help \(path.joined(separator: " "))"
            case .usage(let path, let problem): "usage \(path.joined(separator: " ")): \(problem.line(.english))"
            }
        }
        #expect(route() == "run serve")
        #expect(route("serve", "--port", "8123") == "run serve")
        #expect(route("serve", "--port", "acht") == "usage serve: invalid value for 'port'")
        #expect(route("bogus") == "usage : unknown command 'bogus'")
        #expect(route("dmeo") == "usage : unknown command 'dmeo' (did you mean demo?)")
        #expect(route("--version") == "usage : unknown command '--version' (did you mean version?)", "main answers --version before any routing")
        #expect(route("demo", "--national", "veel") == "usage demo: invalid value for 'national'")
        #expect(route("user") == "usage user: missing argument 'action'")
        #expect(route("user", "create", "--email") == "usage user: unknown argument or option '--email'")
        #expect(route("user", "create", "--bogus", "x") == "usage user: unknown argument or option '--bogus'")
        #expect(route("import", "births", "geboorten.csv") == "run import births")
        #expect(route("import", "births") == "usage import births: missing argument 'file'")
        #expect(route("import", "hsds", "a.json", "extra") == "usage import: unknown argument or option 'extra'")
        #expect(route("monitoring") == "usage monitoring: a command is missing")
        #expect(route("monitoring", "import-birth") == "usage monitoring: unknown command 'import-birth' (did you mean import-births?)")
        #expect(route("user", "--help") == "help user")
        #expect(route("--help") == "help ")
        #expect(route("version") == "run version")
        try await app.asyncShutdown()
    }

    @Test("a usage error shows the command's short usage, read from its signature")
    func usage() async throws {
        let app = try await Application.make(.testing)
        registerCommands(app)
        let user = CommandLineUsage.lines(for: ["user"], in: app.commandLine, language: .english)
        let births = CommandLineUsage.lines(for: ["import"], in: app.commandLine, language: .dutch)
        let top = CommandLineUsage.lines(for: [], in: app.commandLine, language: .english)
        try await app.asyncShutdown()
        #expect(user.first == "Usage: kansrijk user <action> [--email <value>] [--name <value>] [--role <value>] [--organisation <value>] [--coalition <value>]")
        #expect(user.last == "More: kansrijk user --help")
        #expect(births.contains("Gebruik: kansrijk import <kind> <path> [--dry-run]"))
        #expect(births.contains("Gebruik: kansrijk import births <file> [--replace-year]"))
        #expect(top.contains { $0.hasPrefix("Commands: ") && $0.contains("demo") && $0.contains("version") && $0.contains("serve") })
    }

    @Test("file and database errors are one plain line naming the file, never a Foundation dump")
    func failures() {
        let settings = Settings.safeDefaults
        let missing = CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: "/data/geboorten.csv"])
        let denied = CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: "/etc/export.json"])
        struct DriverError: Error, CustomStringConvertible { var description: String }
        #expect(StartFailure.line(for: missing, settings: settings) == "file not found: /data/geboorten.csv")
        #expect(StartFailure.line(for: missing, settings: settings, language: .dutch) == "bestand niet gevonden: /data/geboorten.csv")
        #expect(StartFailure.line(for: denied, settings: settings) == "permission denied: cannot write /etc/export.json")
        #expect(StartFailure.line(for: DriverError(description: "error: no such table: organisations"), settings: settings)
            == "the database is not set up yet: run 'kansrijk migrate' first")
        #expect(StartFailure.line(for: DriverError(description: "server: relation \"users\" does not exist (42P01)"), settings: settings, language: .dutch)
            .contains("kansrijk migrate"))
        #expect(!StartFailure.line(for: CocoaError(.fileWriteUnknown), settings: settings).contains("Error Domain"))
        #expect(StartFailure.line(for: IOError(errnoCode: EADDRINUSE, reason: "bind"), settings: settings, language: .dutch)
            .hasPrefix("het adres is al in gebruik"))
        #expect(CommandLineOutput.prefixed("kansrijk: al gezegd") == "kansrijk: al gezegd")
        #expect(CommandLineOutput.prefixed("twee\nregels") == "kansrijk: twee regels")
    }

    @Test("the driver's own error about a missing table says to migrate, on SQLite and on PostgreSQL (not PostgresNIO's generic text)")
    func missingTableFromTheDriver() async throws {
        try await withTestDatabase(.empty) { url in
            var env = testEnvironment(databaseURL: url)
            env["KANSRIJK_AUTO_MIGRATE"] = "0"
            let app = try await Application.make(.testing)
            app.logger.logLevel = .warning
            do {
                try await configure(app, settings: try Settings.fromEnvironment(env))
                let sql = try #require(app.db as? any SQLDatabase)
                var caught: (any Error)?
                do { try await sql.raw("SELECT id FROM users").run() } catch { caught = error }
                let error = try #require(caught)
                #expect(StartFailure.line(for: error, settings: app.settings) == "the database is not set up yet: run 'kansrijk migrate' first")
                let said = StartFailure.describe(error)
                #expect(!said.contains("Generic description") && said.contains("users"), "the server's own words: \(said)")
            } catch {
                try? await app.asyncShutdown()
                throw error
            }
            try await app.asyncShutdown()
        }
    }

    @Test("without automatic migration a command refuses an unmigrated database, and runs once it is migrated")
    func unmigrated() async throws {
        let app = try await Application.make(.testing)
        app.logger.logLevel = .warning
        do {
            try await configure(app, settings: try Settings.fromEnvironment(
                ["KANSRIJK_DATABASE_PATH": ":memory:", "KANSRIJK_AUTO_MIGRATE": "0", "KANSRIJK_ROOT": packageRoot, "KANSRIJK_BCRYPT_COST": "4"]))
            await #expect(throws: CommandLineProblem.databaseNotMigrated) { try await app.prepareForCommand() }
            try await app.autoMigrate()
            try await app.prepareForCommand()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}
