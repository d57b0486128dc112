import Foundation

extension HSDSImportPlanner {
    mutating func addServices(_ services: [PlacedService]) {
        for placed in services {
            let (s, enclosing) = (placed.service, placed.enclosing)
            guard let id = uuid(s.id, "service", s.id) else { continue }
            guard fileServices.insert(id).inserted else {
                reject("service", s.id, "komt meer dan eens voor in het bestand")
                continue
            }
            if let draft = draft(s, id: id, enclosing: enclosing) {
                plan.services.append(.init(draft.normalized, existing: context.services[id]))
            }
        }
    }

    /// The service as our draft, or nil after rejecting it (every problem is reported, not only the first).
    mutating func draft(_ s: HSDSService, id: UUID, enclosing: String?) -> ServiceDraft? {
        let before = plan.rejections.count
        let existing = context.services[id]
        let organisationID = organisation(of: s, enclosing: enclosing)
        let status = ServiceStatus(rawValue: s.status)
        if status == nil {
            reject("service", s.id, "status '\(s.status)' is ongeldig; kies active, inactive, defunct of temporarily closed")
        }
        if HSDSText.nonEmpty(s.name) == nil { reject("service", s.id, "de naam is leeg") }
        checkLength(s.name, limit: ServiceForm.Limits.name, "service", s.id, field: "name")
        checkLength(s.description, limit: ServiceForm.Limits.description, "service", s.id, field: "description")
        checkWebAddress(s.url, "service", s.id, field: "url")

        var draft = ServiceDraft(
            id: id, organisationID: organisationID ?? UUID(), name: s.name, alternateName: HSDSText.nonEmpty(s.alternateName),
            description: s.description ?? "", parentSummary: existing?.parentSummary, status: status ?? .active,
            url: HSDSText.nonEmpty(s.url), email: HSDSText.nonEmpty(s.email), phone: HSDSText.nonEmpty(s.phones?.first?.number),
            applicationProcess: s.applicationProcess ?? "", accessRoute: existing?.accessRoute ?? .selfReferral,
            feesDescription: HSDSText.nonEmpty(s.feesDescription) ?? HSDSText.nonEmpty(s.fees),
            eligibilityDescription: HSDSText.nonEmpty(s.eligibilityDescription), minimumAge: s.minimumAge, maximumAge: s.maximumAge,
            capacity: existing?.capacity ?? .available, waitWeeks: HSDSText.weeks(fromWaitTime: s.waitTime))
        if HSDSText.nonEmpty(s.waitTime) != nil, draft.waitWeeks == nil { omit("wait_time (niet in weken)") }
        omit("phones (tweede en verdere van een service)", (s.phones?.count ?? 0) - 1)
        applyAttributes(s, to: &draft)
        checkLength(draft.parentSummary, limit: ServiceForm.Limits.parentSummary, "service", s.id, field: "attribute \(HSDSField.parentSummary.code)")
        draft.areaCodes = areaCodes(s)
        draft.languages = languages(s)
        draft.schedules = (s.schedules ?? []).map {
            .init(description: $0.description ?? "", byDay: HSDSText.nonEmpty($0.byday), opensAt: HSDSText.nonEmpty($0.opensAt), closesAt: HSDSText.nonEmpty($0.closesAt))
        }
        draft.contacts = (s.contacts ?? []).map {
            .init(name: $0.name ?? "", title: HSDSText.nonEmpty($0.title), email: HSDSText.nonEmpty($0.email), phone: HSDSText.nonEmpty($0.phones?.first?.number))
        }
        draft.locationIDs = locationIDs(s)
        return plan.rejections.count == before ? draft : nil
    }

    /// `organization_id`, else the nested organisation, else the organisation the service sits in.
    mutating func organisation(of s: HSDSService, enclosing: String?) -> UUID? {
        let explicit = s.organizationID ?? s.organization?.id
        if let explicit, let enclosing, UUID(uuidString: explicit) != UUID(uuidString: enclosing) {
            reject("service", s.id, "organization_id \(explicit) wijkt af van de organisatie waarin de service staat (\(enclosing))")
            return nil
        }
        guard let raw = explicit ?? enclosing else {
            reject("service", s.id, "organisatie onbekend: organization_id ontbreekt")
            return nil
        }
        guard let value = uuid(raw, "service", s.id, field: "organization_id") else { return nil }
        guard fileOrganisations.contains(value) || context.organisations[value] != nil else {
            reject("service", s.id, "organisatie onbekend (\(raw))")
            return nil
        }
        return value
    }

    /// Terms of any taxonomy, and our extension fields from their values.
    mutating func applyAttributes(_ s: HSDSService, to draft: inout ServiceDraft) {
        for a in s.attributes ?? [] {
            guard let raw = a.taxonomyTermID ?? a.taxonomyTerm?.id else {
                reject("service", s.id, "attribute \(a.id) zonder taxonomy_term_id")
                continue
            }
            // nested in the service, an attribute is the service's whatever its link_entity says
            guard let termID = uuid(raw, "service", s.id, field: "taxonomy_term_id") else { continue }
            let value = a.value ?? ""
            switch HSDSField.byTermID[termID] {
            case .accessRoute?:
                guard let route = AccessRoute(rawValue: value) else {
                    reject("service", s.id, "toegang '\(value)' is ongeldig; kies uit: \(AccessRoute.allCases.map(\.rawValue).joined(separator: ", "))")
                    continue
                }
                draft.accessRoute = route
            case .capacity?:
                guard let capacity = Capacity(rawValue: value) else {
                    reject("service", s.id, "capaciteit '\(value)' is ongeldig; kies uit: \(Capacity.allCases.map(\.rawValue).joined(separator: ", "))")
                    continue
                }
                draft.capacity = capacity
            case .parentSummary?:
                draft.parentSummary = HSDSText.nonEmpty(value)
            case .organisationKind?, .municipality?:
                omit("attributes (organisatieveld bij een service)")
            case nil:
                guard fileTerms.contains(termID) || context.terms[termID] != nil || HSDSImportContext.builtInTerms.contains(termID) else {
                    reject("service", s.id, "taxonomieterm onbekend (\(raw))")
                    continue
                }
                draft.termIDs.append(termID)
            }
        }
    }

    /// Municipalities; "Nederland" (or no area at all) is nationwide, which we store as no areas.
    mutating func areaCodes(_ s: HSDSService) -> [String] {
        let areas = s.serviceAreas ?? []
        if areas.isEmpty { servicesWithoutArea += 1 }
        var codes: [String] = []
        var nationwide = false
        for area in areas {
            switch context.resolver.match(area) {
            case .municipality(let code): codes.append(code)
            case .nationwide: nationwide = true
            case .unknown:
                let label = HSDSText.nonEmpty(area.name) ?? HSDSText.nonEmpty(area.uri) ?? area.id
                reject("service", s.id, "werkgebied '\(label)' is geen Nederlandse gemeente; geef de naam van de gemeente, een CBS-code (GM0355) of 'Nederland'")
            }
        }
        return nationwide ? [] : codes
    }

    mutating func languages(_ s: HSDSService) -> [String] {
        (s.languages ?? []).compactMap { l in
            if let code = HSDSText.nonEmpty(l.code) { return code.lowercased() }
            let name = DutchText.fold(l.name ?? "")
            if let known = LanguageCatalog.names.first(where: { DutchText.fold($0.name) == name || DutchText.fold($0.english) == name }) {
                return known.code
            }
            reject("service", s.id, "taal '\(l.name ?? l.id)' zonder code")
            return nil
        }
    }

    mutating func locationIDs(_ s: HSDSService) -> [UUID] {
        var ids: [UUID] = []
        for link in s.serviceAtLocations ?? [] {
            let contacts: Int = link.contacts?.count ?? 0
            let phones: Int = link.phones?.count ?? 0
            let schedules: Int = link.schedules?.count ?? 0
            let perLocation = contacts + phones + schedules
            omit("service_at_locations (contacten, telefoons en schema's per locatie)", perLocation)
            guard let raw = link.locationID ?? link.location?.id else {
                reject("service", s.id, "service_at_location \(link.id) zonder locatie")
                continue
            }
            guard let id = uuid(raw, "service", s.id, field: "location_id") else { continue }
            guard fileLocations.contains(id) || context.locations[id] != nil else {
                reject("service", s.id, "locatie onbekend (\(raw))")
                continue
            }
            ids.append(id)
        }
        return ids
    }
}
