import Foundation

/// Maps the records of an HSDS file onto our model and checks them: ids must be UUIDs,
/// references must point into the file or the database, areas must be Dutch municipalities.
/// Records that occur more than once (a nested organisation repeated per service) count once,
/// the first occurrence winning; a service given twice is an error.
struct HSDSImportPlanner {
    let context: HSDSImportContext
    var plan = HSDSImportPlan()
    /// Ids the file defines, so references between its records resolve before anything is written.
    var fileTaxonomies: Set<UUID> = []
    var fileTerms: Set<UUID> = []
    var fileOrganisations: Set<UUID> = []
    var fileLocations: Set<UUID> = []
    var fileServices: Set<UUID> = []
    var omitted: [String: Int] = [:]
    var servicesWithoutArea = 0

    static func plan(_ bundle: HSDSBundle, context: HSDSImportContext) -> (plan: HSDSImportPlan, omitted: [String: Int]) {
        var planner = HSDSImportPlanner(context: context)
        planner.plan.rejections = bundle.rejections
        planner.plan.notes = bundle.notes
        planner.omitted = bundle.omitted
        let services: [PlacedService] = bundle.services.map { PlacedService(service: $0, enclosing: nil) }
            + bundle.organizations.flatMap { o in (o.services ?? []).map { PlacedService(service: $0, enclosing: o.id) } }
        let attributes: [HSDSAttribute] = services.flatMap { $0.service.attributes ?? [] } + bundle.organizations.flatMap { $0.attributes ?? [] }
        let terms = unique(bundle.terms + attributes.compactMap(\.taxonomyTerm)) { $0.id }
        let taxonomies = unique(bundle.taxonomies + terms.compactMap(\.taxonomyDetail)) { $0.id }
        let organisations = unique(bundle.organizations + bundle.services.compactMap(\.organization)) { $0.id }

        let locations = unique(placedLocations(bundle, services)) { $0.location.id }

        planner.addTaxonomies(taxonomies)
        planner.addTerms(terms)
        planner.registerIDs(organisations.map(\.id), locations.map(\.location.id))
        planner.addOrganisations(organisations, locations: locations, services: services)
        planner.addLocations(locations)
        planner.addServices(services)
        if planner.servicesWithoutArea > 0 {
            planner.plan.notes.append("\(planner.servicesWithoutArea) service(s) zonder werkgebied zijn als landelijk aanbod opgenomen.")
        }
        return (planner.plan, planner.omitted)
    }

    /// Every location in the file with the organisation it belongs to: the one it is nested in,
    /// else (for a location outside any organisation) that of a service offered there.
    static func placedLocations(_ bundle: HSDSBundle, _ services: [PlacedService]) -> [PlacedLocation] {
        var organisationOfLocation: [String: String] = [:]
        for placed in services {
            for link in placed.service.serviceAtLocations ?? [] {
                guard let location = (link.locationID ?? link.location?.id)?.lowercased(), let org = placed.organisationID else { continue }
                organisationOfLocation[location] = organisationOfLocation[location] ?? org
            }
        }
        var placed = bundle.locations.map { PlacedLocation(location: $0, owner: organisationOfLocation[$0.id.lowercased()]) }
        for o in bundle.organizations {
            placed += (o.locations ?? []).map { PlacedLocation(location: $0, owner: o.id) }
        }
        for s in services {
            placed += (s.service.serviceAtLocations ?? []).compactMap(\.location).map { PlacedLocation(location: $0, owner: s.organisationID) }
        }
        return placed
    }

    /// A service with the organisation it is nested in, if any.
    struct PlacedService {
        var service: HSDSService
        var enclosing: String?
        /// `organization_id`, else the nested organisation, else the enclosing one.
        var organisationID: String? { service.organizationID ?? service.organization?.id ?? enclosing }
    }

    /// A location with the organisation it belongs to when it does not say so itself.
    struct PlacedLocation {
        var location: HSDSLocation
        var owner: String?
        var organisationID: String? { location.organizationID ?? owner }
    }

    static func unique<T>(_ items: [T], by key: (T) -> String) -> [T] {
        var seen = Set<String>()
        return items.filter { seen.insert(key($0).lowercased()).inserted }
    }

    mutating func omit(_ what: String, _ count: Int = 1) {
        if count > 0 { omitted[what, default: 0] += count }
    }

    mutating func reject(_ entity: String, _ id: String, _ reason: String) {
        plan.rejections.append("\(entity) \(id): \(reason)")
    }

    /// A UUID, or a rejection of the record.
    mutating func uuid(_ raw: String, _ entity: String, _ id: String, field: String = "id") -> UUID? {
        guard let value = UUID(uuidString: raw) else {
            reject(entity, id, "\(field) '\(raw)' is geen UUID")
            return nil
        }
        return value
    }

    /// Organisation and location ids first, so that the records that refer to them resolve.
    mutating func registerIDs(_ organisations: [String], _ locations: [String]) {
        fileOrganisations = Set(organisations.compactMap(UUID.init(uuidString:)))
        fileLocations = Set(locations.compactMap(UUID.init(uuidString:)))
    }

    mutating func addTaxonomies(_ taxonomies: [HSDSTaxonomy]) {
        for t in taxonomies {
            guard let id = uuid(t.id, "taxonomy", t.id) else { continue }
            fileTaxonomies.insert(id)
            guard !HSDSImportContext.builtInTaxonomies.contains(id) else { continue }
            checkWebAddress(t.uri, "taxonomy", t.id, field: "uri")
            let values = HSDSImportPlan.TaxonomyValues(id: id, name: t.name, description: t.description,
                                                       uri: HSDSText.nonEmpty(t.uri), version: HSDSText.nonEmpty(t.version))
            plan.taxonomies.append(.init(values, existing: context.taxonomies[id]))
        }
    }

    mutating func addTerms(_ terms: [HSDSTaxonomyTerm]) {
        for t in terms {
            guard let id = uuid(t.id, "taxonomy_term", t.id) else { continue }
            fileTerms.insert(id)
            guard !HSDSImportContext.builtInTerms.contains(id) else { continue }
            var taxonomyID: UUID?
            if let raw = t.taxonomyID ?? t.taxonomyDetail?.id {
                guard let value = uuid(raw, "taxonomy_term", t.id, field: "taxonomy_id") else { continue }
                guard fileTaxonomies.contains(value) || context.taxonomies[value] != nil || HSDSImportContext.builtInTaxonomies.contains(value) else {
                    reject("taxonomy_term", t.id, "taxonomie onbekend (\(raw))")
                    continue
                }
                taxonomyID = value
            }
            var parentID: UUID?
            if let raw = HSDSText.nonEmpty(t.parentID) {
                guard let value = uuid(raw, "taxonomy_term", t.id, field: "parent_id") else { continue }
                parentID = value
            }
            let values = HSDSImportPlan.TermValues(id: id, taxonomyID: taxonomyID, parentID: parentID, code: HSDSText.nonEmpty(t.code),
                                                   name: t.name, description: t.description, language: HSDSText.nonEmpty(t.language))
            plan.terms.append(.init(values, existing: context.terms[id]))
        }
    }
}
