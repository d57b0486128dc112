import Fluent
import Vapor

/// Draft and published zorgpaden (issue 15): a coordinator composes a zorgpad as a draft and
/// publishes it when the coalition agreed it. Professionals, parents and every count of agreed
/// pathways (coverage, the route proposal, a service's pathways) see only published ones; a draft is
/// read only by those who may edit it, and is a 404 to anyone else.
extension Pathway {
    /// Whether `access` may see this pathway: published, or a draft of a coalition she edits.
    func isVisible(to access: DirectoryAccess) -> Bool {
        isPublished || access.canEdit(coalitionID: $coalition.id)
    }

    /// The agreed (published) pathways of `coalitionIDs`, as the coverage matrix counts them.
    static func agreedCoverage(of coalitionIDs: [UUID], on db: any Database) async throws -> [Coverage.PathwayCoverage] {
        guard !coalitionIDs.isEmpty else { return [] }
        return try await Pathway.query(on: db).filter(\.$coalition.$id ~~ coalitionIDs).filter(\.$isPublished == true)
            .with(\.$steps).all()
            .map { Coverage.PathwayCoverage(theme: $0.theme, phases: Set($0.steps.map(\.phase))) }
    }

    /// Drafts of the coalitions `access` edits, newest change first: the coordinator's "to review".
    static func drafts(for access: DirectoryAccess, on db: any Database) async throws -> [Pathway] {
        var query = Pathway.query(on: db).filter(\.$isPublished == false).with(\.$coalition)
        if !access.isAdmin {
            guard !access.coalitionIDs.isEmpty else { return [] }
            query = query.filter(\.$coalition.$id ~~ Array(access.coalitionIDs))
        }
        return try await query.sort(\.$updatedAt, .descending).all()
    }
}

/// Pathways made before drafts existed were all shown: they stay published (issue 15).
struct UpdatePathwaysPublishExisting: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await Pathway.query(on: database).set(\.$isPublished, to: true).update()
    }

    /// Nothing to undo: before this migration the flag was not read, so every pathway was shown.
    func revert(on database: any Database) async throws {}
}
