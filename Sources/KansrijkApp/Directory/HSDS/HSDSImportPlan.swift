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

    /// A record kept without a Dutch municipality, with what is missing (Dutch).
    struct ReviewFlag: Sendable, Equatable {
        var subject: DirectoryReview.Subject
        var id: UUID
        var gaps: [String]
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
    /// Per service in the file: its areas that are no Dutch municipality, kept as text (ADR 0034).
    var areaTexts: [UUID: [ServiceAreaText.Value]] = [:]
    /// What the import keeps but cannot place, for the review list "Te controleren" (ADR 0034).
    var flags: [ReviewFlag] = []
    /// Where the records came from, as the review list shows it (a file name, an upload).
    var source = "HSDS-import"

    /// The plan with where its records came from.
    func from(_ source: String) -> HSDSImportPlan {
        var plan = self
        plan.source = source
        return plan
    }
    /// Why records cannot be imported (Dutch), in file order.
    var rejections: [String] = []
    var notes: [String] = []
}
