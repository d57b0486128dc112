import Fluent
import Vapor

/// `kansrijk demo`: loads the demo data into an empty database;
/// `kansrijk demo --national 40000` adds a generated national-scale directory for benchmarks.
struct DemoCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "national", help: "Also generate this many services across all 342 municipalities") var national: Int?
        @Option(name: "seed", help: "Seed for the generator (default 1)") var seed: Int?
    }
    var help: String { "Loads the demo data (and optionally a national-scale generated directory)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        if let n = signature.national, !(1...500_000).contains(n) { throw CommandFailure(usage: "--national takes 1 to 500000 services") }
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
    }
}
