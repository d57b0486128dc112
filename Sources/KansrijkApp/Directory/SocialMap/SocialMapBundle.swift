import Foundation

/// Turns checked social-map rows into an `HSDSBundle`, so a spreadsheet enters the directory the
/// same way an HSDS file does (`HSDSImportPlanner` + `HSDSImporter.apply`). Ids are derived from the
/// coalition and the names, so uploading the same sheet again changes nothing. An organisation or
/// service of the coalition's municipalities with the same name is updated, not duplicated; what the
/// sheet has no column for (schedules, languages, contacts, the access route...) stays as it is.
struct SocialMapBundle {
    let coalitionID: UUID
    /// The coalition's municipalities: a known organisation based in one of them is matched by name.
    let coalitionMunicipalities: [String]
    let context: HSDSImportContext
    /// The fields the upload maps: vocabularies without a column keep the terms a service has.
    let mapped: Set<SocialMapField>

    struct Output {
        var bundle: HSDSBundle
        /// Organisation id -> the first row it appears on, for the review flag's source.
        var firstLine: [UUID: Int]
    }

    func make(_ entries: [SocialMapEntry]) -> Output {
        var bundle = HSDSBundle(format: "sociale kaart")
        var order: [UUID] = []
        var organisations: [UUID: HSDSOrganization] = [:]
        var firstLine: [UUID: Int] = [:]
        for entry in entries {
            let orgID = organisationID(entry.organisation)
            if organisations[orgID] == nil {
                order.append(orgID)
                firstLine[orgID] = entry.line
                organisations[orgID] = organisation(orgID, entry, rows: entries)
            }
            guard var organisation = organisations[orgID] else { continue }
            let serviceID = self.serviceID(entry.service, organisation: orgID)
            var locationID: UUID?
            if entry.hasAddress {
                let id = self.locationID(entry, organisation: orgID)
                locationID = id
                if organisation.locations?.contains(where: { $0.id == id.hsds }) != true {
                    organisation.locations = (organisation.locations ?? []) + [location(id, orgID, entry)]
                }
            }
            organisation.services = (organisation.services ?? []) + [service(serviceID, orgID, entry, location: locationID)]
            organisations[orgID] = organisation
        }
        bundle.organizations = order.compactMap { organisations[$0] }
        return Output(bundle: bundle, firstLine: firstLine)
    }

    // MARK: ids

    func organisationID(_ name: String) -> UUID {
        let key = SocialMapColumns.key(name)
        let stable = StableID.make("sociale-kaart:\(coalitionID):organisatie:\(key)")
        if context.organisations[stable] != nil { return stable }
        let local = Set(coalitionMunicipalities)
        return context.organisations.values
            .filter { local.contains($0.municipalityCode) && SocialMapColumns.key($0.name) == key }
            .map(\.id).min { $0.uuidString < $1.uuidString } ?? stable
    }

    func serviceID(_ name: String, organisation: UUID) -> UUID {
        let key = SocialMapColumns.key(name)
        let stable = StableID.make("sociale-kaart:\(coalitionID):aanbod:\(organisation):\(key)")
        if context.services[stable] != nil { return stable }
        return context.services.values
            .filter { $0.organisationID == organisation && SocialMapColumns.key($0.name) == key }
            .compactMap(\.id).min { $0.uuidString < $1.uuidString } ?? stable
    }

    func locationID(_ entry: SocialMapEntry, organisation: UUID) -> UUID {
        let key = SocialMapColumns.key(entry.postcode ?? "") + "|" + SocialMapColumns.key(entry.street ?? "")
        let stable = StableID.make("sociale-kaart:\(coalitionID):locatie:\(organisation):\(key)")
        if context.locations[stable] != nil { return stable }
        return context.locations.values
            .filter { $0.organisationID == organisation && SocialMapColumns.key($0.postalCode ?? "") + "|" + SocialMapColumns.key($0.street ?? "") == key }
            .map(\.id).min { $0.uuidString < $1.uuidString } ?? stable
    }

    // MARK: records

    /// New organisations take their contact details from their first row that has them; known
    /// ones keep theirs and only fill what they lack.
    func organisation(_ id: UUID, _ entry: SocialMapEntry, rows: [SocialMapEntry]) -> HSDSOrganization {
        let key = SocialMapColumns.key(entry.organisation)
        let own = rows.filter { SocialMapColumns.key($0.organisation) == key }
        let existing = context.organisations[id]
        let phone = existing?.phone ?? own.lazy.compactMap(\.phone).first
        var attributes: [HSDSAttribute] = []
        if let code = own.lazy.compactMap(\.municipalityCode).first {
            attributes.append(attribute(owner: id, field: .municipality, value: code))
        }
        if let kind = own.lazy.compactMap(\.organisationKind).first {
            attributes.append(attribute(owner: id, field: .organisationKind, value: kind.rawValue))
        }
        return HSDSOrganization(
            id: id.hsds, name: existing?.name ?? entry.organisation, alternateName: nil, description: existing?.description ?? "",
            email: existing?.email ?? own.lazy.compactMap(\.email).first, website: existing?.website ?? own.lazy.compactMap(\.website).first,
            phones: phone.map { [HSDSPhone(id: HSDSID.phone(owner: id).hsds, number: $0)] }, locations: nil, services: nil,
            attributes: attributes)
    }

    func attribute(owner: UUID, field: HSDSField, value: String?) -> HSDSAttribute {
        HSDSAttribute(id: HSDSID.attribute(owner: owner, term: field.termID).hsds, linkID: owner.hsds, taxonomyTermID: field.termID.hsds,
                      linkType: nil, linkEntity: field.linkEntity, value: value, taxonomyTerm: nil)
    }

    func location(_ id: UUID, _ organisation: UUID, _ entry: SocialMapEntry) -> HSDSLocation {
        let address = HSDSAddress(id: HSDSID.address(location: id).hsds, locationID: id.hsds, address1: entry.street ?? "", address2: nil,
                                  city: entry.city ?? "", region: entry.municipalityCode, stateProvince: "", postalCode: entry.postcode ?? "",
                                  country: "NL", addressType: "physical")
        return HSDSLocation(id: id.hsds, locationType: "physical", organizationID: organisation.hsds, name: nil, alternateName: nil,
                            description: nil, latitude: nil, longitude: nil, addresses: [address], accessibility: nil)
    }
}
