import Vapor

extension HSDSController {
    /// `GET /api/hsds/taxonomies`: our vocabularies, the extension fields and imported taxonomies.
    @Sendable
    func taxonomies(req: Request) async throws -> HSDSPage<HSDSTaxonomy> {
        let paging = try HSDSPaging(req)
        let hsds = try await builder(req)
        let words = Self.searchWords(req)
        let found = hsds.catalog.taxonomies.filter { Self.matches($0.searchText, words) }
        return HSDSPage(contents: paging.slice(found).map(hsds.taxonomy), total: found.count, paging: paging)
    }

    @Sendable
    func taxonomy(req: Request) async throws -> HSDSTaxonomy {
        let id = try pathID(req, "taxonomy")
        let hsds = try await builder(req)
        guard let t = hsds.catalog.taxonomy(id) else { throw Self.notFound("taxonomy", id.hsds) }
        return hsds.taxonomy(t)
    }

    /// `GET /api/hsds/taxonomy_terms`, filtered by `taxonomy_id`, `parent_id`, `top_only`
    /// (terms without a parent) and `search` (name and code).
    @Sendable
    func taxonomyTerms(req: Request) async throws -> HSDSPage<HSDSTaxonomyTerm> {
        let paging = try HSDSPaging(req)
        let taxonomyID = try HSDSText.nonEmpty(req.query[String.self, at: "taxonomy_id"]).map { try HSDSServiceFilter.uuid($0, parameter: "taxonomy_id") }
        let parentID = try HSDSText.nonEmpty(req.query[String.self, at: "parent_id"]).map { try HSDSServiceFilter.uuid($0, parameter: "parent_id") }
        let topOnly = try Self.flag(req, "top_only")
        let words = Self.searchWords(req)
        let hsds = try await builder(req)
        let found = hsds.catalog.terms.filter { t in
            (taxonomyID == nil || t.taxonomyID == taxonomyID) && (parentID == nil || t.parentID == parentID)
                && (!topOnly || t.parentID == nil) && Self.matches(t.searchText, words)
        }
        return HSDSPage(contents: paging.slice(found).map(hsds.term), total: found.count, paging: paging)
    }

    @Sendable
    func taxonomyTerm(req: Request) async throws -> HSDSTaxonomyTerm {
        let id = try pathID(req, "taxonomy_term")
        let hsds = try await builder(req)
        guard let t = hsds.catalog.term(id) else { throw Self.notFound("taxonomy_term", id.hsds) }
        return hsds.term(t)
    }
}
