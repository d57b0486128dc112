import Foundation

/// What the HSDS API needs beyond the directory snapshot: organisations, locations, taxonomies
/// and terms, and lookups over the snapshot's services. Built once per snapshot (see
/// `HSDSCatalogStore`), so API requests never query the database.
struct HSDSCatalog: Sendable {
    struct OrganisationEntry: Sendable {
        var id: UUID
        var name: String
        var kind: OrganisationKind
        var description: String
        var email: String?
        var website: String?
        var phone: String?
        var municipalityCode: String
        /// Folded name and description, for `search`.
        var searchText: String
    }

    struct PlaceEntry: Sendable {
        var id: UUID
        var organisationID: UUID
        var name: String
        var isVirtual: Bool
        var street: String?
        var postalCode: String?
        var city: String?
        var municipalityCode: String?
        var latitude: Double?
        var longitude: Double?
        var accessibility: String?
    }

    struct TaxonomyEntry: Sendable {
        var id: UUID
        var name: String
        var description: String
        var uri: String?
        var version: String?
        var searchText: String
    }

    struct TermEntry: Sendable {
        var id: UUID
        var taxonomyID: UUID?
        var parentID: UUID?
        var code: String?
        var name: String
        var description: String
        var language: String?
        var searchText: String
    }

    /// `loadedAt` of the snapshot this catalog belongs to.
    let stamp: Date
    /// Sorted by name.
    let organisations: [OrganisationEntry]
    let organisationIndex: [UUID: Int]
    let places: [UUID: PlaceEntry]
    /// Location ids per organisation, sorted by name.
    let placesOfOrganisation: [UUID: [UUID]]
    /// Our vocabularies first, then the extension fields, then imported taxonomies by name.
    let taxonomies: [TaxonomyEntry]
    let taxonomyIndex: [UUID: Int]
    let terms: [TermEntry]
    let termIndex: [UUID: Int]
    let termsOfTaxonomy: [UUID: Set<UUID>]
    let termsWithChildren: Set<UUID>
    /// Province name per municipality code (HSDS `state_province`).
    let provinceOfMunicipality: [String: String]
    /// Snapshot document indices per organisation, in snapshot (name) order.
    let servicesOfOrganisation: [UUID: [Int]]
    /// Derived service_at_location id -> the service and its place.
    let serviceAtLocations: [UUID: (doc: Int, place: Int)]
    /// What imports kept of the records (ADR 0035); empty without HSDS imports.
    var originals = HSDSOriginalIndex()

    func organisation(_ id: UUID) -> OrganisationEntry? { organisationIndex[id].map { organisations[$0] } }
    func taxonomy(_ id: UUID) -> TaxonomyEntry? { taxonomyIndex[id].map { taxonomies[$0] } }
    func term(_ id: UUID) -> TermEntry? { termIndex[id].map { terms[$0] } }
}
