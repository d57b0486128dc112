import Foundation

extension HSDSBuilder {
    /// The service's places as catalog entries, by name.
    func places(of s: ServiceRecord) -> [HSDSCatalog.PlaceEntry] {
        s.places.map { p in
            catalog.places[p.id] ?? HSDSCatalog.PlaceEntry(
                id: p.id, organisationID: s.organisationID, name: p.name, isVirtual: p.isVirtual, street: p.street,
                postalCode: p.postalCode, city: p.city, municipalityCode: p.municipalityCode,
                latitude: p.latitude, longitude: p.longitude, accessibility: p.accessibility)
        }.sorted { ($0.name, $0.id.uuidString) < ($1.name, $1.id.uuidString) }
    }

    /// A location; `full` adds its address and accessibility (`compiled/service.json` nesting).
    func location(_ p: HSDSCatalog.PlaceEntry, full: Bool) -> HSDSLocation {
        var out = HSDSLocation(id: p.id.hsds, locationType: p.isVirtual ? "virtual" : "physical", organizationID: p.organisationID.hsds,
                               name: p.name, latitude: p.latitude, longitude: p.longitude)
        let kept = catalog.originals.isEmpty ? nil : catalog.originals.location(p.id)
        out.kept = full ? kept : kept?.listShape
        guard full else { return out }
        out.addresses = address(p).map { [$0] } ?? []
        out.accessibility = HSDSText.nonEmpty(p.accessibility).map {
            [HSDSAccessibility(id: HSDSID.accessibility(location: p.id).hsds, description: $0)]
        } ?? []
        return out
    }

    /// The postal address; the municipality goes in `region`, the province in `state_province`.
    /// HSDS requires street, postal code and city, so a missing one is written as "".
    func address(_ p: HSDSCatalog.PlaceEntry) -> HSDSAddress? {
        guard p.street != nil || p.postalCode != nil || p.city != nil else { return nil }
        let municipality = p.municipalityCode.flatMap { snapshot.municipalities[$0]?.name }
        let province = p.municipalityCode.flatMap { catalog.provinceOfMunicipality[$0] } ?? ""
        return HSDSAddress(id: HSDSID.address(location: p.id).hsds, address1: p.street ?? "", city: p.city ?? "", region: municipality,
                           stateProvince: province, postalCode: p.postalCode ?? "", country: "NL", addressType: "physical")
    }

    /// A service at one of its places. Nested in a full service it carries the full location;
    /// as a list item it carries both ids, the list-shaped location and the service.
    func serviceAtLocation(_ s: ServiceRecord, _ p: HSDSCatalog.PlaceEntry, full: Bool) -> HSDSServiceAtLocation {
        let id = HSDSID.serviceAtLocation(service: s.id, location: p.id).hsds
        let kept = catalog.originals.isEmpty ? nil : catalog.originals.serviceAtLocation(service: s.id, location: p.id)
        if full { return HSDSServiceAtLocation(id: id, location: location(p, full: true), kept: kept) }
        return HSDSServiceAtLocation(id: id, serviceID: s.id.hsds, locationID: p.id.hsds, location: location(p, full: false), service: listItem(s),
                                     kept: kept?.listShape)
    }
}
