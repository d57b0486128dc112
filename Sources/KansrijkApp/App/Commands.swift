import Fluent
import Vapor

func registerCommands(_ app: Application) {
    app.asyncCommands.use(MigrateCommand(), as: "migrate")
    app.asyncCommands.use(DemoCommand(), as: "demo")
    app.asyncCommands.use(UserCommand(), as: "user")
    app.asyncCommands.use(SecondFactorCommand(), as: "second-factor")
    app.asyncCommands.use(ImportCommand(), as: "import")
    app.asyncCommands.use(ExportCommand(), as: "export")
    app.asyncCommands.use(MonitoringCommands(), as: "monitoring")
    app.asyncCommands.use(ParticipationCommand(), as: "participatie")
    app.asyncCommands.use(AuditCommand(), as: "audit")
    app.asyncCommands.use(CareCommand(), as: "care")
    app.asyncCommands.use(SubcommandAlias(word: "births", alias: ImportBirthsCommand(), original: ImportCommand()), as: "import")
    app.asyncCommands.use(SubcommandAlias(word: "births", alias: DemoBirthsCommand(), original: DemoCommand()), as: "demo")
}

/// `kansrijk migrate`: runs pending migrations without asking (scripts and deployments use it).
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
            try await context.application.autoMigrate()
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
        guard signature.action == "create" else { throw CommandFailure("Unknown action '\(signature.action)'; use: user create") }
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
        guard ServiceForm.looksLikeEmail(email) else { throw CommandFailure("--email with a valid address is required") }
        guard let role = Role(rawValue: role) else {
            throw CommandFailure("--role must be one of: \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
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

struct CommandFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
