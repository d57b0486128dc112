import NIOConcurrencyHelpers
import Vapor

/// Open Referral HSDS 3.0 read API under `/api/hsds`, and its OpenAPI document at
/// `/api/openapi.json`. Reads come from the directory snapshot and the HSDS catalog; no request
/// queries the database once the catalog of the current snapshot is built.
struct HSDSController: RouteCollection {
    let catalogs = HSDSCatalogStore()
    let serviceJSON = HSDSServiceJSONCache()
    private let catalogLoad = NIOLockedValueBox<(stamp: Date, task: Task<HSDSCatalog, any Error>)?>(nil)
    let openAPI = HSDSOpenAPIDocument()

    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api").grouped(HSDSOpenAccess())
        api.get("openapi.json", use: openAPIDocument)
        let hsds = api.grouped("hsds")
        hsds.get(use: root)
        hsds.get("services", use: services)
        hsds.get("services", ":id", use: service)
        hsds.get("organizations", use: organizations)
        hsds.get("organizations", ":id", use: organization)
        hsds.get("service_at_locations", use: serviceAtLocations)
        hsds.get("service_at_locations", ":id", use: serviceAtLocation)
        hsds.get("taxonomies", use: taxonomies)
        hsds.get("taxonomies", ":id", use: taxonomy)
        hsds.get("taxonomy_terms", use: taxonomyTerms)
        hsds.get("taxonomy_terms", ":id", use: taxonomyTerm)
    }

    /// The current snapshot with its catalog. One load per snapshot serves every request that
    /// waits for it: under load, each request starting its own load kept the single SQLite
    /// connection busy until the pool timed out.
    func builder(_ req: Request) async throws -> HSDSBuilder {
        let snapshot = req.directory
        let (catalogs, db) = (self.catalogs, req.application.db)
        let load = catalogLoad.withLockedValue { current in
            if let current, current.stamp == snapshot.loadedAt { return current.task }
            let task = Task { try await catalogs.catalog(for: snapshot, on: db) }
            // a request still holding an older snapshot loads on its own, never displacing the newer load
            if current.map({ $0.stamp < snapshot.loadedAt }) ?? true { current = (snapshot.loadedAt, task) }
            return task
        }
        do {
            return HSDSBuilder(snapshot: snapshot, catalog: try await load.value)
        } catch {
            // a failed load is not kept: the next request tries again
            catalogLoad.withLockedValue { current in if current?.stamp == snapshot.loadedAt { current = nil } }
            throw error
        }
    }

    /// The current snapshot with its catalog when that is already built: no waiting, no `async`.
    func readyBuilder(_ req: Request) -> HSDSBuilder? {
        let snapshot = req.directory
        return catalogs.cached(for: snapshot).map { HSDSBuilder(snapshot: snapshot, catalog: $0) }
    }

    /// The `{id}` of a detail path. Whatever is not a UUID cannot name a record: 404, like an unknown id.
    func pathID(_ req: Request, _ entity: String) throws -> UUID {
        let raw = req.parameters.get("id") ?? ""
        guard let id = UUID(uuidString: raw) else { throw Self.notFound(entity, raw) }
        return id
    }

    static func notFound(_ entity: String, _ id: String) -> Abort {
        Abort(.notFound, reason: "Er is geen \(entity) met id '\(id)'.")
    }

    /// Every query word must occur in the folded text (lists without a search index are small).
    static func matches(_ searchText: String, _ words: [String]) -> Bool {
        words.allSatisfy { searchText.contains($0) }
    }
}
