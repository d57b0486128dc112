import Fluent
import Vapor

/// `kansrijk audit verify [--expect-head SEQ:HASH]`: checks the whole hash chain of the audit log, then
/// compares it with every instance's witness file and the given head; exits 1 naming the first problem.
/// `kansrijk audit head`: prints the chain's head (`SEQ:HASH TIME`) for operators to keep elsewhere.
/// `kansrijk audit anchor [--to FILE|syslog]`: writes the signed head outside the host (`AuditAnchor`).
struct AuditCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "verify or head") var action: String
        @Option(name: "expect-head", help: "SEQ:HASH that an earlier `audit head` printed (verify)") var expectHead: String?
        @Flag(name: "chain-only", help: "verify only the chain, without a witness or expected head") var chainOnly: Bool
        @Option(name: "to", help: "anchor: a file to append to, or 'syslog' (default: KANSRIJK_AUDIT_ANCHOR)") var to: String?
    }
    var help: String { "Checks that no audit event was changed or removed (audit verify), or prints the chain head (audit head)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        switch signature.action {
        case "head":
            guard let head = try await AuditHead.current(on: app.db, now: Date()) else { throw CommandFailure("The audit log is empty.") }
            context.console.print(head.witnessLine)
        case "verify":
            let expected = try signature.expectHead.map { raw in
                guard let head = AuditHead(token: raw) else { throw CommandFailure(usage: "--expect-head must be SEQ:HASH, as `audit head` prints it") }
                return head
            }
            let report = try await AuditVerification.verify(on: app.db, witnesses: app.auditWitnessFiles, expecting: expected, chainOnly: signature.chainOnly)
            for note in report.notes { context.console.print(note) }
            switch report.outcome {
            case .intact(let count):
                context.console.print("Audit log intact: \(count) events, chain verified.")
            case .broken(let sequence, let problem):
                throw CommandFailure("Audit log broken at entry \(sequence): \(problem).")
            }
        case "anchor":
            let line = try await AuditAnchor.anchor(on: app.db, to: signature.to ?? Environment.get("KANSRIJK_AUDIT_ANCHOR"),
                                                    key: Environment.get("KANSRIJK_AUDIT_ANCHOR_KEY"), now: Date())
            context.console.print("Anchored: \(line)")
        default:
            throw CommandFailure(usage: "Unknown action '\(signature.action)'; use: audit verify, audit head, audit anchor")
        }
    }
}
