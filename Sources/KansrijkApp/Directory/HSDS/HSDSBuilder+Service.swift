import Foundation

extension HSDSBuilder {
    /// The one-to-one fields with the organisation (`compiled/service_list.json`).
    func listItem(_ s: ServiceRecord) -> HSDSService {
        HSDSService(
            id: s.id.hsds, organizationID: s.organisationID.hsds, name: s.name, alternateName: HSDSText.nonEmpty(s.alternateName),
            description: s.description, url: HSDSText.uri(s.url), email: HSDSText.email(s.email), status: s.status.rawValue,
            applicationProcess: s.applicationProcess, feesDescription: HSDSText.nonEmpty(s.feesDescription),
            waitTime: s.waitWeeks.map { HSDSText.waitTime(weeks: $0) }, eligibilityDescription: HSDSText.nonEmpty(s.eligibilityDescription),
            minimumAge: s.minimumAge, maximumAge: s.maximumAge, lastModified: s.updatedAt.map(HSDSText.dateTime),
            organization: organizationSummary(s.organisationID, fallbackName: s.organisationName),
            kept: catalog.originals.isEmpty ? nil : catalog.originals.service(s.id)?.listShape)
    }

    /// Everything about the service (`compiled/service.json`). Inside a nested organisation the
    /// organisation is left out, as it is the parent.
    func fullService(_ s: ServiceRecord, nestOrganization: Bool = true) -> HSDSService {
        var out = listItem(s)
        if !nestOrganization { out.organization = nil }
        out.kept = catalog.originals.isEmpty ? nil : catalog.originals.service(s.id)
        out.phones = phones(owner: s.id, number: s.phone)
        out.schedules = s.schedules
            .sorted { ($0.description, $0.byDay ?? "", $0.opensAt ?? "", $0.closesAt ?? "") < ($1.description, $1.byDay ?? "", $1.opensAt ?? "", $1.closesAt ?? "") }
            .enumerated().map { i, sch in
                HSDSSchedule(id: HSDSID.schedule(service: s.id, index: i).hsds, freq: sch.byDay == nil ? nil : "WEEKLY", byday: sch.byDay,
                             opensAt: sch.opensAt, closesAt: sch.closesAt, description: sch.description)
            }
        out.serviceAreas = withAreaTexts(serviceAreas(s), of: s)
        out.serviceAtLocations = places(of: s).map { serviceAtLocation(s, $0, full: true) }
        out.languages = s.languages.map(\.code).sorted().map {
            HSDSLanguage(id: HSDSID.language(service: s.id, code: $0).hsds, name: LanguageCatalog.name($0), code: $0)
        }
        out.contacts = s.contacts
            .sorted { ($0.name, $0.title ?? "", $0.email ?? "", $0.phone ?? "") < ($1.name, $1.title ?? "", $1.email ?? "", $1.phone ?? "") }
            .enumerated().map { i, c in
                let id = HSDSID.contact(service: s.id, index: i)
                return HSDSContact(id: id.hsds, name: c.name, title: HSDSText.nonEmpty(c.title), email: HSDSText.email(c.email),
                                   phones: phones(owner: id, number: c.phone))
            }
        out.attributes = serviceAttributes(s)
        return out
    }

    /// Municipalities by name and CBS code; a service without areas is nationwide and says so.
    func serviceAreas(_ s: ServiceRecord) -> [HSDSServiceArea] {
        guard !s.isNationwide else {
            return [HSDSServiceArea(id: HSDSID.serviceArea(service: s.id, municipality: nil).hsds, name: HSDSAreaResolver.nationwideName,
                                    description: "Landelijk aanbod: voor iedereen in Nederland, in elke gemeente.")]
        }
        return s.areas.map(\.municipalityCode).sorted().map { code in
            let name = snapshot.municipalities[code]?.name ?? code
            return HSDSServiceArea(id: HSDSID.serviceArea(service: s.id, municipality: code).hsds, name: name,
                                   description: "Gemeente \(name) (CBS-gemeentecode \(code))", uri: Self.municipalityURI(code))
        }
    }

    /// Our vocabularies' terms in their order, imported terms after them, then the extension fields.
    func serviceAttributes(_ s: ServiceRecord) -> [HSDSAttribute] {
        let terms = s.termIDs.sorted { (catalog.termIndex[$0] ?? Int.max, $0.uuidString) < (catalog.termIndex[$1] ?? Int.max, $1.uuidString) }
        var out = terms.compactMap { attribute(owner: s.id, entity: "service", termID: $0) }
        out += [attribute(owner: s.id, entity: "service", termID: HSDSField.accessRoute.termID, value: s.accessRoute.rawValue),
                attribute(owner: s.id, entity: "service", termID: HSDSField.capacity.termID, value: s.capacity.rawValue)].compactMap { $0 }
        if let summary = HSDSText.nonEmpty(s.parentSummary),
           let a = attribute(owner: s.id, entity: "service", termID: HSDSField.parentSummary.termID, value: summary) {
            out.append(a)
        }
        return out
    }

    func phones(owner: UUID, number: String?) -> [HSDSPhone] {
        HSDSText.nonEmpty(number).map { [HSDSPhone(id: HSDSID.phone(owner: owner).hsds, number: $0)] } ?? []
    }
}
