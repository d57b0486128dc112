import Foundation

extension HSDSImportPlanner {
    mutating func addOrganisations(_ organisations: [HSDSOrganization], locations: [PlacedLocation],
                                   services: [PlacedService]) {
        for o in organisations {
            guard let id = uuid(o.id, "organization", o.id) else { continue }
            let existing = context.organisations[id]
            var kind = existing?.kind ?? .overig
            var municipality = existing?.municipalityCode
            var valid = true
            for a in o.attributes ?? [] {
                guard let termID = (a.taxonomyTermID ?? a.taxonomyTerm?.id).flatMap(UUID.init(uuidString:)),
                      let field = HSDSField.byTermID[termID], field.linkEntity == "organization" else {
                    omit("attributes (van een organisatie)")
                    continue
                }
                let value = a.value ?? ""
                if field == .organisationKind {
                    guard let k = OrganisationKind(rawValue: value) else {
                        reject("organization", o.id, "soort '\(value)' is ongeldig; kies uit: \(OrganisationKind.allCases.map(\.rawValue).joined(separator: ", "))")
                        valid = false
                        continue
                    }
                    kind = k
                } else {
                    guard let code = context.resolver.code(for: value) else {
                        reject("organization", o.id, "vestigingsgemeente '\(value)' is geen Nederlandse gemeente")
                        valid = false
                        continue
                    }
                    municipality = code
                }
            }
            municipality = municipality ?? derivedMunicipality(of: o, locations: locations, services: services)
            guard let municipalityCode = municipality else {
                reject("organization", o.id, "vestigingsgemeente onbekend: geef het attribuut \(HSDSField.municipality.name), een locatie met een Nederlands adres of een service met een werkgebied")
                continue
            }
            // the partner form takes organisation names as long as the service form takes service names
            let before = plan.rejections.count
            checkLength(o.name, limit: ServiceForm.Limits.name, "organization", o.id, field: "name")
            checkWebAddress(o.website, "organization", o.id, field: "website")
            guard valid, plan.rejections.count == before else { continue }
            omit("phones (tweede en verdere van een organisatie)", (o.phones?.count ?? 0) - 1)
            let values = HSDSImportPlan.OrganisationValues(
                id: id, name: o.name, kind: kind, description: o.description, email: HSDSText.nonEmpty(o.email),
                website: HSDSText.nonEmpty(o.website), phone: HSDSText.nonEmpty(o.phones?.first?.number), municipalityCode: municipalityCode)
            plan.organisations.append(.init(values, existing: existing))
        }
    }

    /// Where an organisation without our attribute is based: its first location with a Dutch
    /// address, else the first municipality one of its services serves.
    func derivedMunicipality(of o: HSDSOrganization, locations: [PlacedLocation], services: [PlacedService]) -> String? {
        let own = locations.filter { $0.organisationID?.lowercased() == o.id.lowercased() }.map(\.location)
        if let code = own.lazy.compactMap({ municipality(of: $0) }).first { return code }
        for placed in services where placed.organisationID?.lowercased() == o.id.lowercased() {
            for area in placed.service.serviceAreas ?? [] {
                if case .municipality(let code) = context.resolver.match(area) { return code }
            }
        }
        return nil
    }

    /// The physical address first; the municipality from `region` (as we write it) or the city.
    func address(of l: HSDSLocation) -> HSDSAddress? {
        l.addresses?.first { $0.addressType == "physical" } ?? l.addresses?.first
    }

    func municipality(of l: HSDSLocation) -> String? {
        guard let a = address(of: l) else { return nil }
        return context.resolver.code(for: a.region) ?? context.resolver.code(for: a.city)
    }

    mutating func addLocations(_ locations: [PlacedLocation]) {
        for placed in locations {
            let l = placed.location
            guard let id = uuid(l.id, "location", l.id) else { continue }
            let existing = context.locations[id]
            let organisationID: UUID
            if let raw = placed.organisationID {
                guard let value = uuid(raw, "location", l.id, field: "organization_id") else { continue }
                guard fileOrganisations.contains(value) || context.organisations[value] != nil else {
                    reject("location", l.id, "organisatie onbekend (\(raw))")
                    continue
                }
                organisationID = value
            } else if let known = existing?.organisationID {
                organisationID = known
            } else {
                reject("location", l.id, "organisatie onbekend: geen organization_id en geen service op deze locatie")
                continue
            }
            let a = address(of: l)
            let street = a.map { [$0.address1, $0.address2 ?? ""].compactMap(HSDSText.nonEmpty).joined(separator: ", ") }.flatMap(HSDSText.nonEmpty)
            let accessibility = (l.accessibility ?? []).flatMap { [$0.description, $0.details].compactMap(HSDSText.nonEmpty) }
            omit("addresses (tweede en verdere van een locatie)", (l.addresses?.count ?? 0) - 1)
            let values = HSDSImportPlan.LocationValues(
                id: id, organisationID: organisationID, name: HSDSText.nonEmpty(l.name) ?? street ?? "", isVirtual: l.locationType == "virtual",
                street: street, postalCode: HSDSText.nonEmpty(a?.postalCode), city: HSDSText.nonEmpty(a?.city), municipalityCode: municipality(of: l),
                latitude: l.latitude, longitude: l.longitude, accessibility: accessibility.isEmpty ? nil : accessibility.joined(separator: "\n"))
            plan.locations.append(.init(values, existing: existing))
        }
    }
}
