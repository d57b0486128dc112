import Fluent
import Foundation
import Testing
import Vapor
@testable import KansrijkApp

@Suite("Audit log: hash chain and tamper detection", .serialized)
struct AuditChainTests {
    let now = Date(timeIntervalSince1970: 1_780_000_000)

    @Test("the demo's chain verifies; a changed entry is found and named")
    func tamperChanged() async throws {
        try await withApp { app in
            // setup
            guard case .intact(let count) = try await AuditVerification.verify(on: app.db) else {
                Issue.record("the fresh chain should verify"); return
            }
            #expect(count > 10, "the demo writes the audit log through the real code paths")
            let victim = try #require(await AuditEvent.query(on: app.db).filter(\.$sequence == 5).first())

            // act: someone edits what happened
            victim.what = "nothing to see"
            try await victim.save(on: app.db)

            // check
            let outcome = try await AuditVerification.verify(on: app.db)
            guard case .broken(let sequence, let problem) = outcome else { Issue.record("tampering not detected"); return }
            #expect(sequence == 5)
            #expect(problem.contains("changed"))
        }
    }

    @Test("a removed entry breaks the chain at its place")
    func tamperRemoved() async throws {
        try await withApp { app in
            try await AuditEvent.query(on: app.db).filter(\.$sequence == 7).delete()
            let outcome = try await AuditVerification.verify(on: app.db, pageSize: 3)
            #expect(outcome == .broken(sequence: 7, problem: "entry 7 is missing (next is 8)"))
        }
    }

    @Test("a removed entry whose successor was renumbered is still found (the previous hash differs)")
    func tamperRenumbered() async throws {
        try await withApp { app in
            try await AuditEvent.query(on: app.db).filter(\.$sequence == 3).delete()
            try await AuditEvent.query(on: app.db).filter(\.$sequence == 4).set(\.$sequence, to: 3).update()
            guard case .broken(let sequence, _) = try await AuditVerification.verify(on: app.db) else { Issue.record("not detected"); return }
            #expect(sequence == 3)
        }
    }

    @Test("record writes one event with every field, chained to the previous one")
    func recordFields() async throws {
        try await withApp(demo: false) { app in
            // setup
            let user = try await AuditFixtures.professional("a@b.nl", name: "A", on: app.db)
            let client = UUID()
            let consent = UUID()

            // act
            try await AuditLog.record(AuditDraft(action: .read, clientID: client, user: user, onBehalfOf: "the parent", basis: .consent(consent), what: "client page"), on: app.db, now: now)
            try await AuditLog.record(AuditDraft(action: .update, clientID: client, user: user, basis: .ownInvolvement, what: "x"), on: app.db, now: now.addingTimeInterval(0.0004))

            // check
            let events = try await AuditEvent.query(on: app.db).sort(\.$sequence).all()
            #expect(events.count == 2)
            let first = try #require(events.first)
            #expect(first.sequence == 1 && first.action == .read && first.clientID == client && first.userID == user.id)
            #expect(first.userEmail == "a@b.nl" && first.organisationID == user.$organisation.id && first.onBehalfOf == "the parent")
            #expect(first.basis == "consent:\(consent.uuidString.lowercased())" && first.what == "client page")
            #expect(first.previousHash == AuditLog.genesis && events[1].previousHash == first.hash)
            #expect(try await AuditVerification.verify(on: app.db) == .intact(count: 2))
        }
    }
}

@Suite("Audit wording for the client's access report")
struct AuditWordingTests {
    @Test("the log's technical words become plain Dutch; unknown ones stay")
    func plain() {
        let t = { (key: String) in Strings.text(key, .nl) }
        #expect(AuditWording.plain("client page", t: t) == "Gegevens van de cliënt")
        #expect(AuditWording.plain("referral 3f2a requested", t: t) == "Verwijzing verstuurd")
        #expect(AuditWording.plain("referral 3f2a accepted -> in-progress", t: t) == "Verwijzing is nu: Loopt")
        #expect(AuditWording.plain("consent 9a withdrawn", t: t) == "Toestemming ingetrokken")
        #expect(AuditWording.plain("mdo case", t: t) == "mdo case")
    }
}

@Suite("Audit log under concurrent requests", .serialized)
struct AuditConcurrencyTests {
    @Test("many requests writing at once keep one unbroken chain")
    func concurrentWrites() async throws {
        try await withApp(demo: false) { app in
            // setup
            let user = try await AuditFixtures.professional("c@d.nl", name: "C", on: app.db)
            let draft = AuditDraft(action: .read, clientID: UUID(), user: user, basis: .ownInvolvement, what: "client page")

            // act
            try await withThrowingTaskGroup(of: Void.self) { group in
                for i in 0..<40 {
                    group.addTask { try await AuditLog.record(draft, on: app.db, now: Date(timeIntervalSince1970: 1_780_000_000 + Double(i))) }
                }
                try await group.waitForAll()
            }

            // check
            #expect(try await AuditVerification.verify(on: app.db) == .intact(count: 40))
        }
    }
}
