import Foundation

/// What an import will write, worked out before anything is written: every record mapped onto
/// our model and checked. An import with any rejection writes nothing.
struct HSDSImportPlan: Sendable {
    struct OrganisationValues: Sendable, Equatable {
        var id: UUID
        var name: String
        var kind: OrganisationKind
        var description: String
        var email: String?
        var website: String?
        var phone: String?
        var municipalityCode: String
    }

    struct LocationValues: Sendable, Equatable {
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

    struct TaxonomyValues: Sendable, Equatable {
        var id: UUID
        var name: String
        var description: String
        var uri: String?
        var version: String?
    }

    struct TermValues: Sendable, Equatable {
        var id: UUID
        var taxonomyID: UUID?
        var parentID: UUID?
        var code: String?
        var name: String
        var description: String
        var language: String?
    }

    /// A record with whether it is new, different from what we hold, or the same.
    struct Change<Value: Sendable & Equatable>: Sendable {
        enum Kind: Sendable { case created, updated, unchanged }
        var value: Value
        var kind: Kind

        init(_ value: Value, existing: Value?) {
            self.value = value
            kind = existing == nil ? .created : existing == value ? .unchanged : .updated
        }
    }

    var taxonomies: [Change<TaxonomyValues>] = []
    var terms: [Change<TermValues>] = []
    var organisations: [Change<OrganisationValues>] = []
    var locations: [Change<LocationValues>] = []
    var services: [Change<ServiceDraft>] = []
    /// Why records cannot be imported (Dutch), in file order.
    var rejections: [String] = []
    var notes: [String] = []
}
