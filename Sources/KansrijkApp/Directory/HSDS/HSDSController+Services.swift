import Vapor

extension HSDSController {
    /// `GET /api/hsds/services`: one page of services, best first. Without a taxonomy filter the
    /// snapshot's search ranks only the page asked for, which keeps broad queries cheap. Items
    /// come pre-encoded from `serviceJSON`. Once the snapshot's catalog is built the answer comes
    /// straight from memory, on the event loop, without an `async` step.
    @Sendable
    func services(req: Request) throws -> EventLoopFuture<Response> {
        let parameters = try HSDSParameters(req)
        let paging = try HSDSPaging(parameters)
        if let hsds = readyBuilder(req) {
            return req.eventLoop.makeSucceededFuture(try servicesPage(parameters, paging, hsds))
        }
        return req.eventLoop.makeFutureWithTask { try servicesPage(parameters, paging, try await builder(req)) }
    }

    func servicesPage(_ parameters: HSDSParameters, _ paging: HSDSPaging, _ hsds: HSDSBuilder) throws -> Response {
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
