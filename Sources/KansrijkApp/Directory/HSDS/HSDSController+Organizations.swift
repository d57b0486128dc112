import Vapor

extension HSDSController {
    /// `GET /api/hsds/organizations`: organisations by name, `search` on name and description.
    @Sendable
    func organizations(req: Request) async throws -> HSDSPage<HSDSOrganization> {
        let parameters = try HSDSParameters(req)
        let paging = try HSDSPaging(parameters)
        let hsds = try await builder(req)
        let words = parameters.searchWords
        let found = words.isEmpty ? hsds.catalog.organisations : hsds.catalog.organisations.filter { Self.matches($0.searchText, words) }
        return HSDSPage(contents: paging.slice(found).map(hsds.organizationSummary), total: found.count, paging: paging)
    }

    /// `GET /api/hsds/organizations/{id}`: with its locations and services; `full_service=true`
    /// nests each service completely.
    @Sendable
    func organization(req: Request) async throws -> HSDSOrganization {
        let id = try pathID(req, "organization")
        let fullServices = try HSDSParameters.flag(try HSDSParameters(req).fullService, "full_service")
        let hsds = try await builder(req)
        guard let o = hsds.catalog.organisation(id) else { throw Self.notFound("organization", id.hsds) }
        return hsds.fullOrganization(o, fullServices: fullServices)
    }
}
