import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import KansrijkApp

/// Saves under concurrency (issue #13, item 5): with six people writing at once, 32 % of new clients
/// answered 500 on SQLite ("database is locked"). Twenty writers at once must lose no save.
@Suite("Concurrent saves", .serialized)
struct ConcurrentSaveTests {
    @Test("twenty people creating clients at once: every save answers 303 and is stored, with its audit event")
    func twentyWriters() async throws {
        try await withApp { app in
            let midwife = try await Browser.signedIn(app, as: ClientFixtures.midwifeEmail)
            let clientsBefore = try await CareClient.query(on: app.db).count()
            let rounds = 3, writers = 20
            var statuses: [UInt] = []
            for round in 1...rounds {
                statuses += try await withThrowingTaskGroup(of: UInt.self) { group in
                    for writer in 1...writers {
                        group.addTask {
                            var b = midwife
                            let res = try await b.post("/zorg/clienten", form: [
                                "name": "C.S. Gelijktijdig \(round)-\(writer)", "birth_date": "1995-03-\(String(format: "%02d", writer))",
                                "municipality": DemoCatalog.zeist, "language": "nl"])
                            return res.status.code
                        }
                    }
                    return try await group.reduce(into: [UInt]()) { $0.append($1) }
                }
            }
            #expect(statuses.count == rounds * writers)
            #expect(statuses.allSatisfy { $0 == 303 }, "statuses: \(Dictionary(grouping: statuses, by: { $0 }).mapValues(\.count))")
            #expect(try await CareClient.query(on: app.db).count() == clientsBefore + rounds * writers)
            try await AuditOutbox.drain(on: app.db)
            let created = try await AuditEvent.query(on: app.db).filter(\.$action == .create).filter(\.$what == "client record").count()
            #expect(created >= rounds * writers)
            if case .broken(let sequence, let problem) = try await AuditVerification.verify(on: app.db) {
                Issue.record("audit chain broken at \(sequence): \(problem)")
            }
        }
    }
}
