import Fluent
import Vapor

/// `kansrijk demo`: loads the demo data into an empty database;
/// `kansrijk demo --national 40000` adds a generated national-scale directory for benchmarks.
struct DemoCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "national", help: "Also generate this many services across all 342 municipalities") var national: Int?
        @Option(name: "seed", help: "Seed for the generator (default 1)") var seed: Int?
        @Flag(name: "national-load", help: "Also generate the national load bench's database (NationalLoad)") var nationalLoad: Bool
        @Option(name: "scale", help: "With --national-load: share of the national volumes, 0.0001 to 1 (default 1)") var scale: Double?
        @Option(name: "plan", help: "With --national-load: file for the bench's plan (accounts, clients, referrals; TSV)") var plan: String?
    }
    var help: String { "Loads the demo data (and optionally a national-scale generated directory)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        if let n = signature.national, !(1...500_000).contains(n) { throw CommandFailure(usage: "--national takes 1 to 500000 services") }
        if let scale = signature.scale, !(0.0001...1).contains(scale) { throw CommandFailure(usage: "--scale takes 0.0001 to 1") }
        if !signature.nationalLoad, signature.scale != nil || signature.plan != nil { throw CommandFailure(usage: "--scale and --plan go with --national-load") }
        if let plan = signature.plan { try CommandLineProblem.requireWritable(plan) }
        let app = context.application
        if try await Organisation.query(on: app.db).count() == 0 {
            try await DemoData(password: app.settings.demoPassword).load(on: app)
            context.console.print("Loaded the demo data (Zeist, Borsele, Apeldoorn).")
        } else {
            context.console.print("The database has data already; the demo is not loaded again.")
        }
        if let n = signature.national {
            let started = Date()
            let made = try await NationalDirectory(services: n, seed: UInt64(signature.seed ?? 1)).generate(on: app.db)
            context.console.print("Generated \(made) services in \(String(format: "%.1f", Date().timeIntervalSince(started))) s.")
        }
        if signature.nationalLoad {
            try await generateNationalLoad(app, scale: signature.scale ?? 1, plan: signature.plan, console: context.console)
        }
    }

    /// The national load bench's database (`NationalLoad`), then the chain's new head in the witness
    /// file, as the server would have written it, so `audit verify` compares against it.
    func generateNationalLoad(_ app: Application, scale: Double, plan planPath: String?, console: any Console) async throws {
        if try await User.find(email: NationalLoad.professionalEmail(0), on: app.db) != nil {
            throw CommandFailure("The national load is in this database already; generate it into a new database.")
        }
        let started = Date()
        let counts = NationalLoad.Counts.scaled(scale)
        console.print("National load (scale \(scale)): \(counts).")
        let load = NationalLoad(counts: counts, passwordHash: try await app.password.async.hash(app.settings.demoPassword), now: Date())
        let plan = try await load.generate(on: app.db) { console.print("  \($0)") }
        if let file = app.auditWitnessFile, let head = try await AuditHead.current(on: app.db, now: Date()) {
            try file.append(head)
        }
        if let planPath { try plan.tsv().write(toFile: planPath, atomically: true, encoding: .utf8) }
        console.print("Generated the national load in \(String(format: "%.1f", Date().timeIntervalSince(started))) s.")
    }
}
