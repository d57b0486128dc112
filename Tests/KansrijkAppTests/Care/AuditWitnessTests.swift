import Fluent
import Foundation
import Testing
import Vapor
@testable import KansrijkApp

/// The witness outside the database (ADR 0012): removing the last entries keeps the chain intact,
/// but a head witnessed earlier then lies beyond its end.
@Suite("Audit log: witness of the chain head", .serialized)
struct AuditWitnessTests {
    let now = Date(timeIntervalSince1970: 1_780_000_000)

    func temporaryWitness() -> AuditWitnessFile {
        AuditWitnessFile(path: FileManager.default.temporaryDirectory.appendingPathComponent("witness-\(UUID().uuidString).log").path)
    }

    @Test("removing the last entries is found through the witnessed head, naming the missing entries")
    func truncatedTail() async throws {
        try await withApp { app in
            // setup: the server witnessed the head
            let witness = temporaryWitness()
            defer { try? FileManager.default.removeItem(atPath: witness.path) }
            let keeper = AuditWitnessKeeper()
            await keeper.witness(app, witness)
            let head = try #require(try witness.heads().last)
            let before = try await AuditVerification.verify(on: app.db, witness: witness, expecting: nil)
            #expect(before.outcome == .intact(count: head.sequence))

            // act: someone removes the last three entries
            try await AuditEvent.query(on: app.db).filter(\.$sequence > head.sequence - 3).delete()

            // check: the chain alone cannot tell, the witness can
            #expect(try await AuditVerification.verify(on: app.db) == .intact(count: head.sequence - 3))
            let report = try await AuditVerification.verify(on: app.db, witness: witness, expecting: nil)
            guard case .broken(let sequence, let problem) = report.outcome else { Issue.record("truncation not detected"); return }
            #expect(sequence == head.sequence - 2)
            #expect(problem.contains("entries \(head.sequence - 2) to \(head.sequence) are missing"))
            #expect(problem.contains("it now ends at \(head.sequence - 3)"))
        }
    }

    @Test("a later, lower head in the witness file does not hide the truncation")
    func witnessKeepsHighest() async throws {
        try await withApp { app in
            let witness = temporaryWitness()
            defer { try? FileManager.default.removeItem(atPath: witness.path) }
            let keeper = AuditWitnessKeeper()
            await keeper.witness(app, witness)
            let head = try #require(try await AuditHead.current(on: app.db, now: now))
            try await AuditEvent.query(on: app.db).filter(\.$sequence == head.sequence).delete()
            // a restarted server witnesses the shortened chain
            await AuditWitnessKeeper().witness(app, witness)
            #expect(try witness.heads().count == 2)
            let report = try await AuditVerification.verify(on: app.db, witness: witness, expecting: nil)
            #expect(report.outcome == .broken(sequence: head.sequence, problem:
                "entry \(head.sequence) is missing: according to the witness file \(witness.path) the log reached entry \(head.sequence) (seen \(try #require(try witness.heads().first?.seenAt).formatted(.iso8601))), it now ends at \(head.sequence - 1)"))
        }
    }

    @Test("a rewritten tail differs from the head an operator kept (--expect-head)")
    func rewrittenTail() async throws {
        try await withApp { app in
            // setup: the operator noted the head
            let kept = try #require(try await AuditHead.current(on: app.db, now: now))
            let token = try #require(AuditHead(token: kept.token))
            // act: the last entry is replaced by another one with a valid chain link
            let last = try #require(try await AuditEvent.query(on: app.db).filter(\.$sequence == kept.sequence).first())
            last.what = "something else"
            last.hash = AuditLog.hash(of: last)
            try await last.save(on: app.db)
            // check
            #expect(try await AuditVerification.verify(on: app.db) == .intact(count: kept.sequence))
            let report = try await AuditVerification.verify(on: app.db, witness: nil, expecting: token)
            guard case .broken(let sequence, let problem) = report.outcome else { Issue.record("rewrite not detected"); return }
            #expect(sequence == kept.sequence)
            #expect(problem.contains("entry \(kept.sequence) differs from the expected head"))
        }
    }

    @Test("the keeper appends only when the head changed; lines read back as written")
    func appendOnlyWhenChanged() async throws {
        try await withApp { app in
            let witness = temporaryWitness()
            defer { try? FileManager.default.removeItem(atPath: witness.path) }
            let keeper = AuditWitnessKeeper()
            await keeper.witness(app, witness)
            await keeper.witness(app, witness)
            #expect(try witness.heads().count == 1)
            let user = try #require(try await User.query(on: app.db).first())
            try await AuditLog.record(AuditDraft(action: .read, clientID: nil, user: user, basis: nil, what: "test"), on: app.db, now: now)
            await keeper.witness(app, witness)
            let heads = try witness.heads()
            #expect(heads.count == 2)
            #expect(heads.last?.token == (try await AuditHead.current(on: app.db, now: now))?.token)
            #expect(try await AuditVerification.verify(on: app.db, witness: witness, expecting: nil).outcome == .intact(count: heads[1].sequence))
        }
    }

    @Test("malformed input is refused with the place named")
    func malformed() throws {
        #expect(AuditHead(token: "12:abc") == nil)
        #expect(AuditHead(token: "0:" + String(repeating: "a", count: 64)) == nil)
        #expect(AuditHead(token: "7:" + String(repeating: "A", count: 64))?.hash == String(repeating: "a", count: 64))
        let witness = temporaryWitness()
        defer { try? FileManager.default.removeItem(atPath: witness.path) }
        try witness.append(AuditHead(sequence: 3, hash: String(repeating: "b", count: 64), seenAt: now))
        let written = try String(contentsOfFile: witness.path, encoding: .utf8)
        try (written + "not a head\n").write(toFile: witness.path, atomically: false, encoding: .utf8)
        #expect(throws: AuditWitnessFile.Malformed.self) { try witness.heads() }
    }

    @Test("the default witness path sits next to the SQLite file; off and in-memory have none")
    func settingsPath() {
        #expect(AuditWitnessSettings.path(env: [:], database: .sqliteFile(path: "/srv/data/kansrijk.sqlite"), workingDirectory: "/w/")
            == "/srv/data/kansrijk-audit-witness.log")
        #expect(AuditWitnessSettings.path(env: [:], database: .postgres(url: "postgres://x"), workingDirectory: "/w/") == "/w/kansrijk-audit-witness.log")
        #expect(AuditWitnessSettings.path(env: ["KANSRIJK_AUDIT_WITNESS": "/var/log/w.log"], database: .sqliteMemory, workingDirectory: "/w/") == "/var/log/w.log")
        #expect(AuditWitnessSettings.path(env: ["KANSRIJK_AUDIT_WITNESS": "off"], database: .sqliteFile(path: "k.sqlite"), workingDirectory: "/w/") == nil)
        #expect(AuditWitnessSettings.path(env: [:], database: .sqliteMemory, workingDirectory: "/w/") == nil)
    }
}

/// A missing witness fails `audit verify`; the head can be anchored outside the host (issue #13).
@Suite("Audit witness required, head anchored", .serialized)
struct AuditWitnessRequiredTests {
    @Test("a log with entries and an empty or missing witness fails verification unless a head is given or chain-only is chosen")
    func missingWitness() async throws {
        try await withApp { app in
            try await AuditOutbox.drain(on: app.db)
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("witness-\(UUID().slug).log").path
            let witness = AuditWitnessFile(path: path)
            let missing = try await AuditVerification.verify(on: app.db, witness: witness, expecting: nil)
            guard case .broken(_, let problem) = missing.outcome else { Issue.record("a missing witness passed"); return }
            #expect(problem.contains("no witnessed head"))
            let none = try await AuditVerification.verify(on: app.db, witness: nil, expecting: nil)
            guard case .broken = none.outcome else { Issue.record("no witness configured passed"); return }
            let chainOnly = try await AuditVerification.verify(on: app.db, witness: witness, expecting: nil, chainOnly: true)
            guard case .intact = chainOnly.outcome else { Issue.record("chain-only failed"); return }
            let head = try #require(await AuditHead.current(on: app.db, now: Date()))
            let expected = try await AuditVerification.verify(on: app.db, witness: nil, expecting: head)
            guard case .intact = expected.outcome else { Issue.record("an expected head failed"); return }
        }
    }

    @Test("audit anchor appends a signed head; a changed line no longer verifies; a short key is refused")
    func anchor() async throws {
        try await withApp { app in
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("anchor-\(UUID().slug).log").path
            defer { try? FileManager.default.removeItem(atPath: path) }
            let key = String(repeating: "k", count: 40)
            let first = try await AuditAnchor.anchor(on: app.db, to: path, key: key, now: Date())
            let second = try await AuditAnchor.anchor(on: app.db, to: path, key: key, now: Date())
            let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
            #expect(lines == [first, second], "appended, never truncated")
            #expect(AuditAnchor.isSigned(first, key: key))
            #expect(!AuditAnchor.isSigned(first.replacingOccurrences(of: "kansrijk-audit-head ", with: "kansrijk-audit-head 9"), key: key))
            #expect(!AuditAnchor.isSigned(first, key: String(repeating: "x", count: 40)))
            await #expect(throws: CommandFailure.self) { _ = try await AuditAnchor.anchor(on: app.db, to: path, key: "kort", now: Date()) }
        }
    }
}
