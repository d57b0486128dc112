import Vapor

extension HSDSController {
    /// `GET /api/hsds/service_at_locations`: every place of every matching service, in the
    /// services' order; the same filters as `/services`.
    @Sendable
    func serviceAtLocations(req: Request) async throws -> HSDSPage<HSDSServiceAtLocation> {
        let paging = try HSDSPaging(req)
        let hsds = try await builder(req)
        let filter = try HSDSServiceFilter(req, municipalities: hsds.snapshot.municipalities)
        let docs = hsds.snapshot.allMatches(filter.query, anyTermOf: filter.taxonomyID.map { hsds.catalog.termsOfTaxonomy[$0] ?? [] })
        var total = 0
        var items: [HSDSServiceAtLocation] = []
        for doc in docs {
            let s = hsds.snapshot.services[doc]
            let first = total
            total += s.places.count
            // build only the rows that fall on this page
            guard total > paging.offset, first < paging.offset + paging.perPage else { continue }
            for (i, p) in hsds.places(of: s).enumerated() where (paging.offset..<paging.offset + paging.perPage).contains(first + i) {
                items.append(hsds.serviceAtLocation(s, p, full: false))
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
        var out = hsds.serviceAtLocation(s, place, full: true)
        out.serviceID = s.id.hsds
        out.locationID = place.id.hsds
        out.service = hsds.fullService(s)
        return out
    }
}
