import Vapor

extension HSDSController {
    /// `GET /api/hsds/organizations`: organisations by name, `search` on name and description.
    /// `full=true` or `full_service=true` nests each one as `/organizations/{id}` does (with
    /// `full_service=true`, its services in full too).
    @Sendable
    func organizations(req: Request) async throws -> HSDSPage<HSDSOrganization> {
        let parameters = try HSDSParameters(req)
        let paging = try HSDSPaging(parameters)
        try parameters.checkFormat()
        let fullServices = try HSDSParameters.flag(parameters.fullService, "full_service")
        let full = try HSDSParameters.flag(parameters.full, "full") || fullServices
        let hsds = try await builder(req)
        let words = parameters.searchWords
        let found = words.isEmpty ? hsds.catalog.organisations : hsds.catalog.organisations.filter { Self.matches($0.searchText, words) }
        let contents = paging.slice(found).map { full ? hsds.fullOrganization($0, fullServices: fullServices) : hsds.organizationSummary($0) }
        return HSDSPage(contents: contents, total: found.count, paging: paging)
    }

    /// `GET /api/hsds/organizations/{id}`: with its locations and services; `full_service=true`
    /// nests each service completely.
    @Sendable
    func organization(req: Request) async throws -> HSDSOrganization {
        // a wrong parameter is a 400 whatever the id: the parameters are read first
        let fullServices = try HSDSParameters.flag(try HSDSParameters(req).fullService, "full_service")
        let id = try pathID(req, "organization")
        let hsds = try await builder(req)
        guard let o = hsds.catalog.organisation(id) else { throw Self.notFound("organization", id.hsds) }
        return hsds.fullOrganization(o, fullServices: fullServices)
    }
}
