import Fluent
import Vapor

func registerCommands(_ app: Application) {
    app.asyncCommands.use(VersionCommand(), as: "version")
    app.asyncCommands.use(MigrateCommand(), as: "migrate")
    app.asyncCommands.use(ConfigCommand(), as: "config")
    app.asyncCommands.use(DemoCommand(), as: "demo")
    app.asyncCommands.use(UserCommand(), as: "user")
    app.asyncCommands.use(SecondFactorCommand(), as: "second-factor")
    app.asyncCommands.use(ImportCommand(), as: "import")
    app.asyncCommands.use(ExportCommand(), as: "export")
    app.asyncCommands.use(MonitoringCommands(), as: "monitoring")
    app.asyncCommands.use(ParticipationCommand(), as: "participatie")
    app.asyncCommands.use(AuditCommand(), as: "audit")
    app.asyncCommands.use(CareCommand(), as: "care")
    app.asyncCommands.use(BackupCommand(), as: "backup")
    app.asyncCommands.use(RestoreCommand(), as: "restore")
    app.asyncCommands.use(SubcommandAlias(word: "births", alias: ImportBirthsCommand(), original: ImportCommand()), as: "import")
    app.asyncCommands.use(SubcommandAlias(word: "births", alias: DemoBirthsCommand(), original: DemoCommand()), as: "demo")
}

extension Application {
    /// Every command (`kansrijk` and `serve` too) as ConsoleKit runs them: one group, `serve` by default.
    var commandLine: any AnyAsyncCommand {
        AsyncCommands(commands: asyncCommands.commands.merging(commands.commands) { $1 },
                      defaultCommand: asyncCommands.defaultCommand ?? commands.defaultCommand,
                      enableAutocomplete: asyncCommands.enableAutocomplete || commands.enableAutocomplete).group()
    }

    /// What a command does before it runs, as `serve` does (issue #14): migrate on the SQLite default;
    /// elsewhere (PostgreSQL) refuse an unmigrated database, which `kansrijk migrate` sets up.
    func prepareForCommand() async throws {
        if settings.autoMigrate { try await migrateUnderLock() } else { try await requireMigrated() }
    }

    /// Throws `databaseNotMigrated` when `_fluent_migrations` is missing or lacks a registered migration.
    func requireMigrated() async throws {
        let pending: Int
        do {
            pending = try await migrator.previewPrepareBatch().get().count
        } catch where StartFailure.isMissingTable(error) {
            throw CommandLineProblem.databaseNotMigrated
        }
        if pending > 0 { throw CommandLineProblem.databaseNotMigrated }
    }
}

/// `kansrijk version` (and `kansrijk --version`): prints the version.
struct VersionCommand: AsyncCommand {
    struct Signature: CommandSignature {}
    var help: String { "Prints the version of Kansrijk." }

    func run(using context: CommandContext, signature: Signature) async throws {
        context.console.print("kansrijk \(Kansrijk.version)")
    }
}

/// `kansrijk migrate`: runs pending migrations without asking (scripts and deployments use it),
/// under the cluster lock, so instances started together never migrate at once (ADR 0042).
struct MigrateCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Flag(name: "revert", help: "Revert the last batch instead") var revert: Bool
    }
    var help: String { "Runs the pending database migrations." }

    func run(using context: CommandContext, signature: Signature) async throws {
        if signature.revert {
            try await context.application.autoRevert()
            context.console.print("Reverted the last migrations.")
        } else {
            try await context.application.migrateUnderLock()
            context.console.print("Database is up to date.")
        }
    }
}

/// `kansrijk user create --email E --name N --role R --organisation ORG` reads the password from stdin.
struct UserCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "create") var action: String
        @Option(name: "email") var email: String?
        @Option(name: "name") var name: String?
        @Option(name: "role", help: "professional, coordinator, policy or admin") var role: String?
        @Option(name: "organisation", help: "Name of an existing organisation") var organisation: String?
        @Option(name: "coalition", help: "Slug of a coalition to join (optional)") var coalition: String?
    }
    var help: String { "Creates a user; the password is read from standard input." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.action == "create" else { throw CommandFailure(usage: "Unknown action '\(signature.action)'; use: user create") }
        let password = readLine(strippingNewline: true) ?? ""
        let user = try await NewUser(email: signature.email ?? "", name: signature.name, role: signature.role ?? "",
                                     organisation: signature.organisation ?? "", coalition: signature.coalition)
            .create(password: password, on: context.application)
        context.console.print("Created \(user.email) (\(user.role.rawValue)).")
    }
}

/// A user account as `kansrijk user create` asks for it, checked before anything is stored.
struct NewUser {
    var email: String
    var name: String?
    var role: String
    var organisation: String
    var coalition: String?

    func create(password: String, on app: Application) async throws -> User {
        let email = email.trimmingCharacters(in: .whitespaces).lowercased()
        guard ServiceForm.looksLikeEmail(email) else { throw CommandFailure(usage: "--email with a valid address is required") }
        guard let role = Role(rawValue: role) else {
            throw CommandFailure(usage: "--role must be one of: \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard let org = try await Organisation.query(on: app.db).filter(\.$name == organisation).first() else {
            throw CommandFailure("--organisation must name an existing organisation")
        }
        guard password.count >= 10 else { throw CommandFailure("Give a password of at least 10 characters on standard input") }
        if try await User.find(email: email, on: app.db) != nil { throw CommandFailure("A user with e-mail \(email) exists already") }
        let hash = try await app.password.async.hash(password)
        let user = User(email: email, name: name ?? email, passwordHash: hash, role: role, organisationID: try org.requireID())
        let slug = coalition
        try await app.db.writeTransaction { db in
            try await user.create(on: db)
            if let slug {
                guard let coalition = try await Coalition.query(on: db).filter(\.$slug == slug).first() else {
                    throw CommandFailure("No coalition with slug \(slug)")
                }
                try await CoalitionMember(coalitionID: try coalition.requireID(), userID: try user.requireID()).create(on: db)
            }
        }
        return user
    }
}

/// A command refused its work: the message ends the output as `kansrijk: <message>`, exit status 1;
/// a usage failure (a wrong action or option value) exits 2 after the command's usage (issue #14).
struct CommandFailure: Error, CustomStringConvertible {
    var description: String
    var isUsage = false
    init(_ description: String) { self.description = description }
    init(usage description: String) {
        self.description = description
        isUsage = true
    }
}
