import Vapor

extension HSDSController {
    /// `GET /api/hsds/services`: one page of services, best first. Without a taxonomy filter the
    /// snapshot's search ranks only the page asked for, which keeps broad queries cheap. Items
    /// come pre-encoded from `serviceJSON`. Once the snapshot's catalog is built the answer comes
    /// straight from memory, on the event loop, without an `async` step. `full=true` nests each
    /// service as `/services/{id}` does; `minimal` is checked but changes nothing, as the items
    /// are already the service's one-to-one fields.
    @Sendable
    func services(req: Request) throws -> EventLoopFuture<Response> {
        let parameters = try HSDSParameters(req)
        let paging = try HSDSPaging(parameters)
        try parameters.checkFormat()
        _ = try HSDSParameters.flag(parameters.minimal, "minimal")
        let full = try HSDSParameters.flag(parameters.full, "full")
        if let hsds = readyBuilder(req) {
            return req.eventLoop.makeSucceededFuture(try servicesPage(parameters, paging, full: full, hsds))
        }
        return req.eventLoop.makeFutureWithTask { try servicesPage(parameters, paging, full: full, try await builder(req)) }
    }

    func servicesPage(_ parameters: HSDSParameters, _ paging: HSDSPaging, full: Bool, _ hsds: HSDSBuilder) throws -> Response {
        let filter = try HSDSServiceFilter(parameters, municipalities: hsds.snapshot.municipalities)
        if let taxonomyID = filter.taxonomyID {
            let docs = hsds.snapshot.allMatches(filter.query, anyTermOf: hsds.catalog.termsOfTaxonomy[taxonomyID] ?? [])
            let items = try serviceItems(paging.slice(docs), full: full, hsds)
            return HSDSPage<HSDSService>.response(encoded: items, total: docs.count, paging: paging)
        }
        var query = filter.query
        query.page = paging.page
        query.perPage = paging.perPage
        let results = hsds.snapshot.search(query)
        let items = try serviceItems(results.docs, full: full, hsds)
        return HSDSPage<HSDSService>.response(encoded: items, total: results.total, paging: paging)
    }

    /// The encoded list items of `docs`, or the fully nested services for `full=true` (not cached:
    /// they are asked for rarely and are many times larger).
    func serviceItems(_ docs: some Collection<Int>, full: Bool, _ hsds: HSDSBuilder) throws -> [[UInt8]] {
        guard full else { return try serviceJSON.listItems(docs, hsds: hsds) }
        let encoder = JSONEncoder()
        return try docs.map { Array(try encoder.encode(hsds.fullService(hsds.snapshot.services[$0]))) }
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
