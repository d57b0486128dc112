import Foundation

/// Maps the records of an HSDS file onto our model and checks them. Only what is invalid is refused,
/// each problem with its path in the file (`services[2].service_at_locations[0].location_id`): a record
/// against the HSDS 3.0 schema, an id that is not a UUID, a reference to nothing, an id given twice.
/// What our model cannot place is kept and flagged for review (ADR 0034): an organisation without a
/// Dutch municipality gets "Gemeente onbekend", a service area that is no municipality is kept as text.
/// Records that occur more than once nested (an organisation repeated per service) count once, the
/// first occurrence winning; a service given twice, or a top-level record given twice, is an error.
struct HSDSImportPlanner {
    let context: HSDSImportContext
    var plan = HSDSImportPlan()
    /// Ids the file defines, so references between its records resolve before anything is written.
    var fileTaxonomies: Set<UUID> = []
    var fileTerms: Set<UUID> = []
    var fileOrganisations: Set<UUID> = []
    var fileLocations: Set<UUID> = []
    var fileServices: [UUID: String] = [:]
    var omitted: [String: Int] = [:]
    var servicesWithoutArea = 0

    static func plan(_ bundle: HSDSBundle, context: HSDSImportContext) -> (plan: HSDSImportPlan, omitted: [String: Int]) {
        var planner = HSDSImportPlanner(context: context)
        planner.plan.rejections = bundle.rejections
        planner.plan.notes = bundle.notes
        planner.omitted = bundle.omitted
        planner.validateSchema(bundle)
        planner.rejectDuplicates(bundle)
        let services: [PlacedService] = bundle.services.enumerated().map { PlacedService(service: $1, enclosing: nil, path: "services[\($0)]") }
            + bundle.organizations.enumerated().flatMap { i, o in
                (o.services ?? []).enumerated().map { PlacedService(service: $1, enclosing: o.id, path: "organizations[\(i)].services[\($0)]") }
            }
        let attributes: [Placed<HSDSAttribute>] =
            services.flatMap { s in (s.service.attributes ?? []).enumerated().map { Placed($1, "\(s.path).attributes[\($0)]") } }
            + bundle.organizations.enumerated().flatMap { i, o in (o.attributes ?? []).enumerated().map { Placed($1, "organizations[\(i)].attributes[\($0)]") } }
        let terms = unique(bundle.terms.enumerated().map { Placed($1, "taxonomy_terms[\($0)]") }
                           + attributes.compactMap { a in a.value.taxonomyTerm.map { Placed($0, "\(a.path).taxonomy_term") } }) { $0.id }
        let taxonomies = unique(bundle.taxonomies.enumerated().map { Placed($1, "taxonomies[\($0)]") }
                                + terms.compactMap { t in t.value.taxonomyDetail.map { Placed($0, "\(t.path).taxonomy_detail") } }) { $0.id }
        let organisations = unique(bundle.organizations.enumerated().map { Placed($1, "organizations[\($0)]") }
                                   + services.compactMap { s in s.service.organization.map { Placed($0, "\(s.path).organization") } }) { $0.id }
        let locations = unique(placedLocations(bundle, services)) { $0.location.id }

        planner.addTaxonomies(taxonomies)
        planner.addTerms(terms)
        planner.registerIDs(organisations.map(\.value.id), locations.map(\.location.id))
        planner.addOrganisations(organisations, locations: locations, services: services)
        planner.addLocations(locations)
        planner.addServices(services)
        if planner.servicesWithoutArea > 0 {
            planner.plan.notes.append("\(planner.servicesWithoutArea) service(s) zonder werkgebied zijn als landelijk aanbod opgenomen.")
        }
        if !planner.plan.flags.isEmpty {
            planner.plan.notes.append("\(planner.plan.flags.count) record(s) staan op de lijst 'Te controleren' (/aanbod/te-controleren): daar ontbreekt een Nederlandse gemeente.")
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
        var placed = bundle.locations.enumerated().map {
            PlacedLocation(location: $1, owner: organisationOfLocation[$1.id.lowercased()], path: "locations[\($0)]")
        }
        for (i, o) in bundle.organizations.enumerated() {
            placed += (o.locations ?? []).enumerated().map { PlacedLocation(location: $1, owner: o.id, path: "organizations[\(i)].locations[\($0)]") }
        }
        for s in services {
            placed += (s.service.serviceAtLocations ?? []).enumerated().compactMap { j, link in
                link.location.map { PlacedLocation(location: $0, owner: s.organisationID, path: "\(s.path).service_at_locations[\(j)].location") }
            }
        }
        return placed
    }

    /// A record with where it stands in the file.
    struct Placed<Value> {
        var value: Value
        var path: String
        init(_ value: Value, _ path: String) { (self.value, self.path) = (value, path) }
    }

    /// A service with the organisation it is nested in, if any.
    struct PlacedService {
        var service: HSDSService
        var enclosing: String?
        var path: String
        /// `organization_id`, else the nested organisation, else the enclosing one.
        var organisationID: String? { service.organizationID ?? service.organization?.id ?? enclosing }
    }

    /// A location with the organisation it belongs to when it does not say so itself.
    struct PlacedLocation {
        var location: HSDSLocation
        var owner: String?
        var path: String
        var organisationID: String? { location.organizationID ?? owner }
    }

    static func unique<T>(_ items: [Placed<T>], by key: (T) -> String) -> [Placed<T>] {
        var seen = Set<String>()
        return items.filter { seen.insert(key($0.value).lowercased()).inserted }
    }

    static func unique(_ items: [PlacedLocation], by key: (PlacedLocation) -> String) -> [PlacedLocation] {
        var seen = Set<String>()
        return items.filter { seen.insert(key($0).lowercased()).inserted }
    }

    mutating func omit(_ what: String, _ count: Int = 1) {
        if count > 0 { omitted[what, default: 0] += count }
    }

    /// A problem that stops the import, at its path in the file.
    mutating func reject(_ path: String, _ reason: String) {
        plan.rejections.append("\(path): \(reason)")
    }

    /// A UUID, or a rejection of the field.
    mutating func uuid(_ raw: String, at path: String) -> UUID? {
        guard let value = UUID(uuidString: raw) else {
            reject(path, "'\(raw)' is geen UUID")
            return nil
        }
        return value
    }
}
