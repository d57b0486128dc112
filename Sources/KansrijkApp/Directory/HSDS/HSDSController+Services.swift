import Vapor

extension HSDSController {
    /// `GET /api/hsds/services`: one page of services, best first. Without a taxonomy filter the
    /// snapshot's search ranks only the page asked for, which keeps broad queries cheap. Items
    /// come pre-encoded from `serviceJSON`.
    @Sendable
    func services(req: Request) async throws -> Response {
        let parameters = try HSDSParameters(req)
        let paging = try HSDSPaging(parameters)
        let hsds = try await builder(req)
        let filter = try HSDSServiceFilter(parameters, municipalities: hsds.snapshot.municipalities)
        if let taxonomyID = filter.taxonomyID {
            let docs = hsds.snapshot.allMatches(filter.query, anyTermOf: hsds.catalog.termsOfTaxonomy[taxonomyID] ?? [])
            let items = try serviceJSON.listItems(paging.slice(docs), hsds: hsds)
            return HSDSPage<HSDSService>.response(encoded: items, total: docs.count, paging: paging)
        }
        var query = filter.query
        query.page = paging.page
        query.perPage = paging.perPage
        let results = hsds.snapshot.search(query)
        let items = try serviceJSON.listItems(results.docs, hsds: hsds)
        return HSDSPage<HSDSService>.response(encoded: items, total: results.total, paging: paging)
    }

    /// `GET /api/hsds/services/{id}`: the fully nested service.
    @Sendable
    func service(req: Request) async throws -> HSDSService {
        let id = try pathID(req, "service")
        let hsds = try await builder(req)
        guard let s = hsds.snapshot.service(id) else { throw Self.notFound("service", id.hsds) }
        return hsds.fullService(s)
    }
}
