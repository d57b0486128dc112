import Fluent
import Vapor

extension Application {
    /// Runs the pending migrations holding the cluster lock "migrations" (issue 17, ADR 0042):
    /// instances that start together migrate one after the other, and the later ones find nothing
    /// left to do instead of creating the same tables twice.
    func migrateUnderLock() async throws {
        try await ClusterLock.withLock("migrations", on: db) { [self] in
            try await self.autoMigrate()
        }
    }
}
