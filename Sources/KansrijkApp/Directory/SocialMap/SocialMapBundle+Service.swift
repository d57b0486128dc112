import Foundation

extension SocialMapBundle {
    /// The service as the row gives it; what the sheet has no column for comes from the service as it is.
    func service(_ id: UUID, _ organisation: UUID, _ entry: SocialMapEntry, location: UUID?) -> HSDSService {
        let existing = context.services[id]
        // no municipality: the areas the service has, else none (nationwide, like an HSDS file without
        // areas), so the planner does not place the organisation by an area the sheet never named
        let areas = entry.municipalityCode.map { [$0] } ?? existing?.areaCodes ?? []
        let locations = location.map { [$0] } ?? existing?.locationIDs ?? []
        return HSDSService(
            id: id.hsds, organizationID: organisation.hsds, name: entry.service, alternateName: existing?.alternateName,
            description: entry.description, url: entry.website, email: entry.email, status: existing?.status.rawValue ?? ServiceStatus.active.rawValue,
            applicationProcess: entry.application, feesDescription: entry.fees, fees: nil,
            waitTime: existing?.waitWeeks.map(HSDSText.waitTime(weeks:)), eligibilityDescription: existing?.eligibilityDescription,
            minimumAge: entry.minimumAge, maximumAge: entry.maximumAge, lastModified: nil, organization: nil,
            phones: entry.phone.map { [HSDSPhone(id: HSDSID.phone(owner: id).hsds, number: $0)] },
            schedules: existing.map { draft in
                draft.schedules.enumerated().map { index, s in
                    HSDSSchedule(id: HSDSID.schedule(service: id, index: index).hsds, freq: s.byDay == nil ? nil : "WEEKLY", byday: s.byDay, opensAt: s.opensAt, closesAt: s.closesAt,
                                 description: s.description)
                }
            },
            serviceAreas: areas.map {
                HSDSServiceArea(id: HSDSID.serviceArea(service: id, municipality: $0).hsds, name: nil, description: nil, extent: nil, extentType: nil, uri: $0)
            },
            serviceAtLocations: locations.map {
                HSDSServiceAtLocation(id: HSDSID.serviceAtLocation(service: id, location: $0).hsds, locationID: $0.hsds)
            },
            languages: existing?.languages.map { HSDSLanguage(id: HSDSID.language(service: id, code: $0).hsds, code: $0) },
            contacts: existing.map { draft in
                draft.contacts.enumerated().map { index, c in
                    let contactID = HSDSID.contact(service: id, index: index)
                    return HSDSContact(id: contactID.hsds, name: c.name, title: c.title, email: c.email,
                                       phones: c.phone.map { [HSDSPhone(id: HSDSID.phone(owner: contactID).hsds, number: $0)] })
                }
            },
            attributes: termIDs(entry, existing: existing).map { attribute(service: id, term: $0) })
    }

    /// The row's terms, plus the service's terms of vocabularies the upload has no column for.
    func termIDs(_ entry: SocialMapEntry, existing: ServiceDraft?) -> [UUID] {
        let replaced: Set<Vocabulary> = Set([(SocialMapField.phase, Vocabulary.fase), (.theme, .thema), (.targetGroup, .doelgroep)]
            .filter { mapped.contains($0.0) }.map(\.1))
        let kept = (existing?.termIDs ?? []).filter { id in
            guard let term = Term.byID[id] else { return true }
            return !replaced.contains(term.vocabulary)
        }
        var seen = Set<UUID>()
        return (entry.terms.map(\.id) + kept).filter { seen.insert($0).inserted }
    }

    func attribute(service: UUID, term: UUID) -> HSDSAttribute {
        HSDSAttribute(id: HSDSID.attribute(owner: service, term: term).hsds, linkID: service.hsds, taxonomyTermID: term.hsds,
                      linkType: nil, linkEntity: "service", value: nil, taxonomyTerm: nil)
    }
}
