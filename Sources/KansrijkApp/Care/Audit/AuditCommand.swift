import Fluent
import Vapor

/// `kansrijk audit verify`: checks the whole hash chain of the audit log; exits 1 naming the first bad entry.
struct AuditCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "verify") var action: String
    }
    var help: String { "Checks that no audit event was changed or removed (audit verify)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.action == "verify" else { throw CommandFailure("Unknown action '\(signature.action)'; use: audit verify") }
        switch try await AuditVerification.verify(on: context.application.db) {
        case .intact(let count):
            context.console.print("Audit log intact: \(count) events, chain verified.")
        case .broken(let sequence, let problem):
            throw CommandFailure("Audit log broken at entry \(sequence): \(problem).")
        }
    }
}
