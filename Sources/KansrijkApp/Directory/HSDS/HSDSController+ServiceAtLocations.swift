import Vapor

extension HSDSController {
    /// `GET /api/hsds/service_at_locations`: every place of every matching service, in the
    /// services' order; the same filters as `/services`. `full=true` gives each one as
    /// `/service_at_locations/{id}` does; `postcode` and `proximity` are refused (not offered).
    @Sendable
    func serviceAtLocations(req: Request) async throws -> HSDSPage<HSDSServiceAtLocation> {
        let parameters = try HSDSParameters(req)
        let paging = try HSDSPaging(parameters)
        try parameters.checkFormat()
        try parameters.checkNoProximity()
        let full = try HSDSParameters.flag(parameters.full, "full")
        let hsds = try await builder(req)
        let filter = try HSDSServiceFilter(parameters, municipalities: hsds.snapshot.municipalities)
        let docs = hsds.snapshot.allMatches(filter.query, anyTermOf: filter.taxonomyID.map { hsds.catalog.termsOfTaxonomy[$0] ?? [] })
        var total = 0
        var items: [HSDSServiceAtLocation] = []
        let page = paging.offset..<paging.offset + paging.perPage
        for doc in docs {
            let first = total
            total += hsds.snapshot.services[doc].places.count
            // only the services on this page are taken out of the snapshot and built
            guard total > page.lowerBound, first < page.upperBound else { continue }
            let s = hsds.snapshot.services[doc]
            for (i, p) in hsds.places(of: s).enumerated() where page.contains(first + i) {
                items.append(full ? fullServiceAtLocation(s, p, hsds) : hsds.serviceAtLocation(s, p, full: false))
            }
        }
        return HSDSPage(contents: items, total: total, paging: paging)
    }

    /// `GET /api/hsds/service_at_locations/{id}`: the fully nested service_at_location
    /// (`compiled/service_at_location.json`).
    @Sendable
    func serviceAtLocation(req: Request) async throws -> HSDSServiceAtLocation {
        let id = try pathID(req, "service_at_location")
        let hsds = try await builder(req)
        guard let (doc, index) = hsds.catalog.serviceAtLocations[id] else { throw Self.notFound("service_at_location", id.hsds) }
        let s = hsds.snapshot.services[doc]
        guard let place = hsds.places(of: s).first(where: { $0.id == s.places[index].id }) else {
            throw Self.notFound("service_at_location", id.hsds)
        }
        return fullServiceAtLocation(s, place, hsds)
    }

    /// A service at one place, fully nested: both ids, the full location and the full service.
    func fullServiceAtLocation(_ s: ServiceRecord, _ place: HSDSCatalog.PlaceEntry, _ hsds: HSDSBuilder) -> HSDSServiceAtLocation {
        var out = hsds.serviceAtLocation(s, place, full: true)
        out.serviceID = s.id.hsds
        out.locationID = place.id.hsds
        out.service = hsds.fullService(s)
        return out
    }
}
