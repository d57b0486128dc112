import Fluent
import SQLKit
import Vapor

extension Organisation {
    /// Only the name (the page header of every signed-in page shows it): one SQL column, no model.
    static func name(of id: UUID, on db: any Database) async throws -> String {
        guard let sql = db as? any SQLDatabase else { throw Abort(.internalServerError, reason: "accounts need an SQL database") }
        guard let row = try await sql.raw("SELECT name FROM organisations WHERE id = \(bind: id)").first() else {
            throw Abort(.notFound)
        }
        return try row.decode(column: "name", as: String.self)
    }
}
