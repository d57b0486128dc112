import Foundation

extension HSDSBuilder {
    /// The one-to-one fields (`compiled/organization_list.json`).
    func organizationSummary(_ o: HSDSCatalog.OrganisationEntry) -> HSDSOrganization {
        HSDSOrganization(id: o.id.hsds, name: o.name, description: o.description, email: HSDSText.email(o.email),
                         website: HSDSText.uri(o.website),
                         kept: catalog.originals.isEmpty ? nil : catalog.originals.organization(o.id)?.listShape)
    }

    func organizationSummary(_ id: UUID, fallbackName: String) -> HSDSOrganization {
        catalog.organisation(id).map(organizationSummary) ?? HSDSOrganization(id: id.hsds, name: fallbackName, description: "")
    }

    /// The organisation with its phone, locations, services and our fields as attributes
    /// (`compiled/organization.json`). `fullServices` nests each service completely.
    func fullOrganization(_ o: HSDSCatalog.OrganisationEntry, fullServices: Bool) -> HSDSOrganization {
        var out = organizationSummary(o)
        out.kept = catalog.originals.isEmpty ? nil : catalog.originals.organization(o.id)
        out.phones = phones(owner: o.id, number: o.phone)
        out.locations = (catalog.placesOfOrganisation[o.id] ?? []).compactMap { catalog.places[$0] }.map { location($0, full: true) }
        out.services = (catalog.servicesOfOrganisation[o.id] ?? []).map { doc in
            let s = snapshot.services[doc]
            return fullServices ? fullService(s, nestOrganization: false) : { var item = listItem(s); item.organization = nil; return item }()
        }
        out.attributes = [
            attribute(owner: o.id, entity: "organization", termID: HSDSField.organisationKind.termID, value: o.kind.rawValue),
            attribute(owner: o.id, entity: "organization", termID: HSDSField.municipality.termID, value: o.municipalityCode),
        ].compactMap { $0 }
        return out
    }
}
