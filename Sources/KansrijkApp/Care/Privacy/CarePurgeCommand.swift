import Fluent
import NIOConcurrencyHelpers
import Vapor

/// `kansrijk care purge --as ADMIN`: removes closed client records older than `KANSRIJK_CARE_RETENTION_DAYS`,
/// each with an `erase` audit event in the admin's name.
/// `kansrijk care generate --clients N`: benchmark volumes (see `bench/care.sh`).
struct CareCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "purge, generate or audit-cost") var action: String
        @Option(name: "as", help: "E-mail of the admin account in whose name the purge is logged") var admin: String?
        @Option(name: "clients", help: "generate: how many clients (2.5 referrals and 10 audit events each)") var clients: Int?
    }
    var help: String { "Removes closed client records after the retention term (care purge --as admin@example.nl), or generates benchmark data (care generate --clients N)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        if signature.action == "generate" {
            guard let n = signature.clients, (1...1_000_000).contains(n) else { throw CommandFailure(usage: "--clients takes 1 to 1000000") }
            let started = Date()
            let hash = try await app.password.async.hash(app.settings.demoPassword)
            try await DemoCare.generate(clients: n, passwordHash: hash, on: app.db, now: Date())
            context.console.print("Generated \(n) clients in \(String(format: "%.1f", Date().timeIntervalSince(started))) s.")
            context.console.print("client page: /zorg/clienten/\(StableID.make("bench:client:0").slug)")
            return
        }
        if signature.action == "audit-cost" {
            // the cost of one audit write on the table as it is: find the chain's end, hash, insert, commit
            guard let user = try await User.find(email: "bench@zeist.demo", on: app.db) else { throw CommandFailure("run care generate first") }
            let writes = 512, together = 32
            let clock = ContinuousClock()
            let draft = AuditDraft(action: .read, clientID: StableID.make("bench:client:0"), user: user, basis: .ownInvolvement, what: "client page")
            let writer = app.auditWriter
            // a page view alone: its read event commits by itself
            let alone = try await clock.measure {
                for _ in 0..<writes { try await AuditLog.record(draft, on: app.db, now: Date(), writer: writer) }
            }
            // 32 page views at once (as under `wrk -c 32`): their events commit in groups
            let grouped = try await clock.measure {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for _ in 0..<together {
                        group.addTask { for _ in 0..<(writes / together) { try await AuditLog.record(draft, on: app.db, now: Date(), writer: writer) } }
                    }
                    try await group.waitForAll()
                }
            }
            // inside a transaction: what the event adds to a change that commits anyway
            let inside = try await clock.measure {
                try await app.db.auditedTransaction { db in
                    for _ in 0..<writes { try await AuditLog.record(draft, on: db, now: Date()) }
                }
            }
            func micros(_ d: Duration) -> String {
                String(format: "%.0f", (Double(d.components.seconds) * 1e6 + Double(d.components.attoseconds) / 1e12) / Double(writes))
            }
            context.console.print("audit write: \(micros(alone)) µs per page view alone, \(micros(grouped)) µs per page view with \(together) at once, "
                                  + "\(micros(inside)) µs per event inside a change's transaction (\(writes) writes each)")
            return
        }
        guard signature.action == "purge" else { throw CommandFailure(usage: "Unknown action '\(signature.action)'; use: care purge --as EMAIL, care generate --clients N or care audit-cost") }
        guard let email = signature.admin, let admin = try await User.find(email: email, on: app.db), admin.role == .admin else {
            throw CommandFailure("--as must name an admin account: the purge is logged in its name")
        }
        let now = Date()
        let days = app.careSettings.retentionDays
        // once across the instances, recorded in background_runs (ADR 0042)
        let removed = NIOLockedValueBox(0)
        let result = await BackgroundJobs.run("care-purge", instance: app.instanceID, on: app.db, logger: app.logger) {
            let count = try await ClientPrivacy.purge(retentionDays: days, admin: admin, on: app.db, now: now)
            removed.withLockedValue { $0 = count }
            return "\(count) closed client records removed"
        }
        switch result {
        case .skipped: throw CommandFailure("another instance is purging right now: try again later")
        case .failed: throw CommandFailure("the purge failed: see the log and /beheer/achtergrond")
        case .succeeded: context.console.print("Removed \(removed.withLockedValue { $0 }) closed client records older than \(days) days.")
        }
    }
}
