import Foundation

extension HSDSImportPlanner {
    mutating func addOrganisations(_ organisations: [Placed<HSDSOrganization>], locations: [PlacedLocation],
                                   services: [PlacedService]) {
        for placed in organisations {
            let (o, path) = (placed.value, placed.path)
            guard let id = uuid(o.id, at: "\(path).id") else { continue }
            let existing = context.organisations[id]
            var kind = existing?.kind ?? .overig
            // a municipality someone placed it in stays, unless the file names one
            var municipality = existing.map(\.municipalityCode).flatMap { DirectoryReview.isPlaced(municipalityCode: $0) ? $0 : nil }
            var gaps: [String] = []
            var valid = true
            for (j, a) in (o.attributes ?? []).enumerated() {
                guard let termID = (a.taxonomyTermID ?? a.taxonomyTerm?.id).flatMap(UUID.init(uuidString:)),
                      let field = HSDSField.byTermID[termID], field.linkEntity == "organization" else {
                    // kept with the original and returned on export (ADR 0035)
                    continue
                }
                let value = a.value ?? ""
                if field == .organisationKind {
                    guard let k = OrganisationKind(rawValue: value) else {
                        reject("\(path).attributes[\(j)].value", "soort '\(value)' is ongeldig; kies uit: \(OrganisationKind.allCases.map(\.rawValue).joined(separator: ", "))")
                        valid = false
                        continue
                    }
                    kind = k
                } else if let code = context.resolver.code(for: value) {
                    municipality = code
                } else if value != DirectoryReview.unknownMunicipality {
                    gaps.append("De vestigingsgemeente '\(value)' is geen Nederlandse gemeente.")
                }
            }
            municipality = municipality ?? derivedMunicipality(of: o, locations: locations, services: services)
            // the partner form takes organisation names as long as the service form takes service names
            let before = plan.rejections.count
            checkLength(o.name, limit: ServiceForm.Limits.name, at: "\(path).name")
            checkWebAddress(o.website, at: "\(path).website")
            guard valid, plan.rejections.count == before else { continue }
            if municipality == nil {
                plan.flags.append(.init(subject: .organisation, id: id, gaps: unplacedGaps(o, locations: locations) + gaps))
            }
            let values = HSDSImportPlan.OrganisationValues(
                id: id, name: o.name, kind: kind, description: o.description, email: HSDSText.nonEmpty(o.email),
                website: HSDSText.nonEmpty(o.website), phone: HSDSText.nonEmpty(o.phones?.first?.number),
                municipalityCode: municipality ?? DirectoryReview.unknownMunicipality)
            plan.organisations.append(.init(values, existing: existing))
        }
    }

    /// What is missing for an organisation we cannot place (Dutch, for the review list).
    func unplacedGaps(_ o: HSDSOrganization, locations: [PlacedLocation]) -> [String] {
        var gaps = ["Geen Nederlandse gemeente bekend: geen adres in Nederland, geen werkgebied in een Nederlandse gemeente en geen vestigingsgemeente."]
        let own = locations.filter { $0.organisationID?.lowercased() == o.id.lowercased() }.map(\.location)
        for a in own.compactMap(address(of:)) {
            let place = [a.postalCode, a.city, a.country].compactMap(HSDSText.nonEmpty).joined(separator: ", ")
            if !place.isEmpty { gaps.append("Adres niet in een Nederlandse gemeente: \(place).") }
        }
        return gaps
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
            let (l, path) = (placed.location, placed.path)
            guard let id = uuid(l.id, at: "\(path).id") else { continue }
            let existing = context.locations[id]
            let organisationID: UUID
            if let raw = placed.organisationID {
                let field = l.organizationID == nil ? path : "\(path).organization_id"
                guard let value = uuid(raw, at: field) else { continue }
                guard fileOrganisations.contains(value) || context.organisations[value] != nil else {
                    reject(field, "organisatie onbekend (\(raw))")
                    continue
                }
                organisationID = value
            } else if let known = existing?.organisationID {
                organisationID = known
            } else {
                reject(path, "organisatie onbekend: geen organization_id en geen service op deze locatie")
                continue
            }
            let a = address(of: l)
            let street = a.map { [$0.address1, $0.address2 ?? ""].compactMap(HSDSText.nonEmpty).joined(separator: ", ") }.flatMap(HSDSText.nonEmpty)
            let accessibility = (l.accessibility ?? []).flatMap { [$0.description, $0.details].compactMap(HSDSText.nonEmpty) }
            // a municipality someone placed it in stays while the file names none
            let values = HSDSImportPlan.LocationValues(
                id: id, organisationID: organisationID, name: HSDSText.nonEmpty(l.name) ?? street ?? "", isVirtual: l.locationType == "virtual",
                street: street, postalCode: HSDSText.nonEmpty(a?.postalCode), city: HSDSText.nonEmpty(a?.city),
                municipalityCode: municipality(of: l) ?? existing?.municipalityCode,
                latitude: l.latitude, longitude: l.longitude, accessibility: accessibility.isEmpty ? nil : accessibility.joined(separator: "\n"))
            plan.locations.append(.init(values, existing: existing))
        }
    }
}
