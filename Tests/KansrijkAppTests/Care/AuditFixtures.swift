import Fluent
@testable import KansrijkApp

/// A professional of a fresh organisation, for tests that write audit events without the demo data.
enum AuditFixtures {
    static func professional(_ email: String, name: String, on db: any Database) async throws -> User {
        let org = Organisation(name: "Org", kind: .jgz, description: "", municipalityCode: DemoCatalog.zeist)
        try await org.create(on: db)
        let user = User(email: email, name: name, passwordHash: "x", role: .professional, organisationID: try org.requireID())
        try await user.create(on: db)
        return user
    }
}
