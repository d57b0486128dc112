import Vapor

extension HSDSController {
    /// `GET /api/hsds/taxonomies`: our vocabularies, the extension fields and imported taxonomies.
    @Sendable
    func taxonomies(req: Request) async throws -> HSDSPage<HSDSTaxonomy> {
        let parameters = try HSDSParameters(req)
        let paging = try HSDSPaging(parameters)
        try parameters.checkFormat()
        let hsds = try await builder(req)
        let words = parameters.searchWords
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
        let parameters = try HSDSParameters(req)
        let paging = try HSDSPaging(parameters)
        try parameters.checkFormat()
        let taxonomyID = try HSDSParameters.uuid(parameters.taxonomyID, "taxonomy_id")
        let parentID = try HSDSParameters.uuid(parameters.parentID, "parent_id")
        let topOnly = try HSDSParameters.flag(parameters.topOnly, "top_only")
        let words = parameters.searchWords
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
