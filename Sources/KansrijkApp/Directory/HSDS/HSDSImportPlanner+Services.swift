import Foundation

extension HSDSImportPlanner {
    mutating func addServices(_ services: [PlacedService]) {
        for placed in services {
            let s = placed.service
            guard let id = uuid(s.id, at: "\(placed.path).id") else { continue }
            if let earlier = fileServices[id] {
                reject("\(placed.path).id", "service \(s.id) komt meer dan eens voor in het bestand (ook \(earlier))")
                continue
            }
            fileServices[id] = placed.path
            if let draft = draft(placed, id: id) {
                var change = HSDSImportPlan.Change(draft.normalized, existing: context.services[id])
                let texts = areaTexts(s)
                if change.kind == .unchanged, texts != context.areaTexts[id] ?? [] { change.kind = .updated }
                plan.services.append(change)
                plan.areaTexts[id] = texts
                if draft.areaCodes.isEmpty, !texts.isEmpty, !isNationwide(s) {
                    let names = texts.map { Self.quoted(HSDSText.nonEmpty($0.name) ?? HSDSText.nonEmpty($0.uri) ?? $0.areaID) }
                    plan.flags.append(.init(subject: .service, id: id, gaps: names.map { "Werkgebied \($0) is geen Nederlandse gemeente." }
                                            + ["Zonder gemeente staat deze service in geen enkele gemeente in de zoekresultaten."]))
                }
            }
        }
    }

    /// The service as our draft, or nil after rejecting it (every problem is reported, not only the first).
    mutating func draft(_ placed: PlacedService, id: UUID) -> ServiceDraft? {
        let (s, path) = (placed.service, placed.path)
        let before = plan.rejections.count
        let existing = context.services[id]
        let organisationID = organisation(of: s, enclosing: placed.enclosing, at: path)
        let status = ServiceStatus(rawValue: s.status)
        if status == nil {
            reject("\(path).status", "'\(s.status)' is ongeldig; kies active, inactive, defunct of temporarily closed")
        }
        if HSDSText.nonEmpty(s.name) == nil { reject("\(path).name", "de naam is leeg") }
        checkLength(s.name, limit: ServiceForm.Limits.name, at: "\(path).name")
        checkLength(s.description, limit: ServiceForm.Limits.description, at: "\(path).description")
        checkWebAddress(s.url, at: "\(path).url")

        var draft = ServiceDraft(
            id: id, organisationID: organisationID ?? UUID(), name: s.name, alternateName: HSDSText.nonEmpty(s.alternateName),
            description: s.description ?? "", parentSummary: existing?.parentSummary, status: status ?? .active,
            url: HSDSText.nonEmpty(s.url), email: HSDSText.nonEmpty(s.email), phone: HSDSText.nonEmpty(s.phones?.first?.number),
            applicationProcess: s.applicationProcess ?? "", accessRoute: existing?.accessRoute ?? .selfReferral,
            feesDescription: HSDSText.nonEmpty(s.feesDescription) ?? HSDSText.nonEmpty(s.fees),
            eligibilityDescription: HSDSText.nonEmpty(s.eligibilityDescription), minimumAge: s.minimumAge, maximumAge: s.maximumAge,
            capacity: existing?.capacity ?? .available, waitWeeks: HSDSText.weeks(fromWaitTime: s.waitTime))
        // a wait not in weeks, further phones and the like are kept with the original (ADR 0035)
        applyAttributes(s, to: &draft, at: path)
        checkLength(draft.parentSummary, limit: ServiceForm.Limits.parentSummary, at: "\(path).attributes (\(HSDSField.parentSummary.code))")
        draft.areaCodes = areaCodes(s)
        draft.languages = languages(s, at: path)
        draft.schedules = (s.schedules ?? []).map {
            .init(description: $0.description ?? "", byDay: HSDSText.nonEmpty($0.byday), opensAt: HSDSText.nonEmpty($0.opensAt), closesAt: HSDSText.nonEmpty($0.closesAt))
        }
        draft.contacts = (s.contacts ?? []).map {
            .init(name: $0.name ?? "", title: HSDSText.nonEmpty($0.title), email: HSDSText.nonEmpty($0.email), phone: HSDSText.nonEmpty($0.phones?.first?.number))
        }
        draft.locationIDs = locationIDs(s, at: path)
        return plan.rejections.count == before ? draft : nil
    }

    /// `organization_id`, else the nested organisation, else the organisation the service sits in.
    mutating func organisation(of s: HSDSService, enclosing: String?, at path: String) -> UUID? {
        let explicit = s.organizationID ?? s.organization?.id
        let field = s.organizationID == nil ? "\(path).organization.id" : "\(path).organization_id"
        if let explicit, let enclosing, UUID(uuidString: explicit) != UUID(uuidString: enclosing) {
            reject(field, "\(explicit) wijkt af van de organisatie waarin de service staat (\(enclosing))")
            return nil
        }
        guard let raw = explicit ?? enclosing else {
            reject("\(path).organization_id", "organisatie onbekend: organization_id ontbreekt")
            return nil
        }
        guard let value = uuid(raw, at: field) else { return nil }
        guard fileOrganisations.contains(value) || context.organisations[value] != nil else {
            reject(field, "organisatie onbekend (\(raw))")
            return nil
        }
        return value
    }

    /// Terms of any taxonomy, and our extension fields from their values.
    mutating func applyAttributes(_ s: HSDSService, to draft: inout ServiceDraft, at path: String) {
        for (j, a) in (s.attributes ?? []).enumerated() {
            let at = "\(path).attributes[\(j)]"
            guard let raw = a.taxonomyTermID ?? a.taxonomyTerm?.id else {
                reject("\(at).taxonomy_term_id", "ontbreekt")
                continue
            }
            // nested in the service, an attribute is the service's whatever its link_entity says
            guard let termID = uuid(raw, at: "\(at).taxonomy_term_id") else { continue }
            let value = a.value ?? ""
            switch HSDSField.byTermID[termID] {
            case .accessRoute?:
                guard let route = AccessRoute(rawValue: value) else {
                    reject("\(at).value", "toegang '\(value)' is ongeldig; kies uit: \(AccessRoute.allCases.map(\.rawValue).joined(separator: ", "))")
                    continue
                }
                draft.accessRoute = route
            case .capacity?:
                guard let capacity = Capacity(rawValue: value) else {
                    reject("\(at).value", "capaciteit '\(value)' is ongeldig; kies uit: \(Capacity.allCases.map(\.rawValue).joined(separator: ", "))")
                    continue
                }
                draft.capacity = capacity
            case .parentSummary?:
                draft.parentSummary = HSDSText.nonEmpty(value)
            case .organisationKind?, .municipality?:
                // an organisation's field on a service: kept with the original (ADR 0035)
                break
            case nil:
                guard fileTerms.contains(termID) || context.terms[termID] != nil || HSDSImportContext.builtInTerms.contains(termID) else {
                    reject("\(at).taxonomy_term_id", "taxonomieterm onbekend (\(raw))")
                    continue
                }
                draft.termIDs.append(termID)
            }
        }
    }

    /// Municipalities; "Nederland" (or no area at all) is nationwide, which we store as no areas.
    /// Areas that are neither are kept as text (`areaTexts`), not refused.
    mutating func areaCodes(_ s: HSDSService) -> [String] {
        let areas = s.serviceAreas ?? []
        if areas.isEmpty { servicesWithoutArea += 1 }
        var codes: [String] = []
        var nationwide = false
        for area in areas {
            switch context.resolver.match(area) {
            case .municipality(let code): codes.append(code)
            case .nationwide: nationwide = true
            case .unknown: continue
            }
        }
        return nationwide ? [] : codes
    }

    func isNationwide(_ s: HSDSService) -> Bool {
        (s.serviceAreas ?? []).contains { context.resolver.match($0) == .nationwide }
    }

    /// The areas that are no Dutch municipality (nor "Nederland"), as HSDS gives them, with their index.
    func areaTexts(_ s: HSDSService) -> [ServiceAreaText.Value] {
        (s.serviceAreas ?? []).enumerated().compactMap { i, area in
            guard context.resolver.match(area) == .unknown else { return nil }
            return ServiceAreaText.Value(areaID: area.id, position: i, name: area.name, description: area.description,
                                         extent: area.extent, extentType: area.extentType, uri: area.uri)
        }
    }

    mutating func languages(_ s: HSDSService, at path: String) -> [String] {
        (s.languages ?? []).enumerated().compactMap { j, l in
            if let code = HSDSText.nonEmpty(l.code) { return code.lowercased() }
            let name = DutchText.fold(l.name ?? "")
            if let known = LanguageCatalog.names.first(where: { DutchText.fold($0.name) == name || DutchText.fold($0.english) == name }) {
                return known.code
            }
            reject("\(path).languages[\(j)].code", "taal '\(l.name ?? l.id)' zonder code")
            return nil
        }
    }

    mutating func locationIDs(_ s: HSDSService, at path: String) -> [UUID] {
        var ids: [UUID] = []
        for (j, link) in (s.serviceAtLocations ?? []).enumerated() {
            let at = "\(path).service_at_locations[\(j)]"
            let field = link.locationID == nil ? "\(at).location.id" : "\(at).location_id"
            // contacts, phones and schedules per location are kept with the original (ADR 0035)
            guard let raw = link.locationID ?? link.location?.id else {
                reject("\(at).location_id", "service_at_location \(link.id) zonder locatie")
                continue
            }
            guard let id = uuid(raw, at: field) else { continue }
            guard fileLocations.contains(id) || context.locations[id] != nil else {
                reject(field, "locatie onbekend (\(raw))")
                continue
            }
            ids.append(id)
        }
        return ids
    }
}
