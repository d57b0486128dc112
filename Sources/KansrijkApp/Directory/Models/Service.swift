import Fluent
import Foundation

/// A service (aanbod) of an organisation, shaped like an Open Referral HSDS 3 `service`.
final class Service: Model, @unchecked Sendable {
    static let schema = "services"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // data fields
    @Field(key: "name") var name: String
    @OptionalField(key: "alternate_name") var alternateName: String?
    @Field(key: "description") var description: String
    /// Plain-language (B1) summary for parents; the parents' pages show this.
    @OptionalField(key: "parent_summary") var parentSummary: String?
    @Field(key: "status") var status: ServiceStatus
    @OptionalField(key: "url") var url: String?
    @OptionalField(key: "email") var email: String?
    @OptionalField(key: "phone") var phone: String?
    /// How to apply or refer (HSDS `application_process`).
    @Field(key: "application_process") var applicationProcess: String
    @Field(key: "access_route") var accessRoute: AccessRoute
    @OptionalField(key: "fees_description") var feesDescription: String?
    @OptionalField(key: "eligibility_description") var eligibilityDescription: String?
    @OptionalField(key: "minimum_age") var minimumAge: Double?
    @OptionalField(key: "maximum_age") var maximumAge: Double?
    @Field(key: "capacity") var capacity: Capacity
    @OptionalField(key: "wait_weeks") var waitWeeks: Int?

    // relationships
    @Parent(key: "organisation_id") var organisation: Organisation

    init() {}

    init(id: UUID? = nil, organisationID: UUID, name: String, description: String, applicationProcess: String,
         accessRoute: AccessRoute = .selfReferral, status: ServiceStatus = .active, capacity: Capacity = .available) {
        self.id = id
        self.$organisation.id = organisationID
        self.name = name
        self.description = description
        self.applicationProcess = applicationProcess
        self.accessRoute = accessRoute
        self.status = status
        self.capacity = capacity
    }
}

/// HSDS service status values.
enum ServiceStatus: String, Codable, CaseIterable, Sendable {
    case active
    case inactive
    case defunct
    case temporarilyClosed = "temporarily closed"

    var label: String {
        switch self {
        case .active: "Actief"
        case .inactive: "Tijdelijk niet beschikbaar"
        case .defunct: "Gestopt"
        case .temporarilyClosed: "Tijdelijk gesloten"
        }
    }

    func label(english: Bool) -> String {
        guard english else { return label }
        switch self {
        case .active: return "Active"
        case .inactive: return "Temporarily unavailable"
        case .defunct: return "Discontinued"
        case .temporarilyClosed: return "Temporarily closed"
        }
    }
}

/// How a family gets in: this decides what a professional does today.
enum AccessRoute: String, Codable, CaseIterable, Sendable {
    case selfReferral = "zelf"
    case professional = "professional"
    case medical = "medisch"
    case municipality = "gemeente"

    var label: String {
        switch self {
        case .selfReferral: "Ouders melden zich zelf aan"
        case .professional: "Verwijzing door een professional"
        case .medical: "Verwijzing door huisarts, verloskundige of specialist"
        case .municipality: "Via de gemeente (toegang of beschikking)"
        }
    }

    func label(english: Bool) -> String {
        guard english else { return label }
        switch self {
        case .selfReferral: return "Parents sign up themselves"
        case .professional: return "Referral by a professional"
        case .medical: return "Referral by GP, midwife or specialist"
        case .municipality: return "Through the municipality (access decision)"
        }
    }
}

/// Capacity as the provider reports it; a waiting list is a gap in the coverage matrix.
enum Capacity: String, Codable, CaseIterable, Sendable {
    case available = "beschikbaar"
    case limited = "beperkt"
    case waitingList = "wachtlijst"
    case full = "vol"

    var label: String {
        switch self {
        case .available: "Plek beschikbaar"
        case .limited: "Nog enkele plaatsen"
        case .waitingList: "Wachtlijst"
        case .full: "Vol, geen aanmeldingen"
        }
    }

    func label(english: Bool) -> String {
        guard english else { return label }
        switch self {
        case .available: return "Places available"
        case .limited: return "Only a few places left"
        case .waitingList: return "Waiting list"
        case .full: return "Full, no sign-ups"
        }
    }

    /// True when a family cannot start soon.
    var blocksAccess: Bool { self == .waitingList || self == .full }

    /// A few places left: shown amber with its words, never in the green of "available" (issue 15).
    var isLimited: Bool { self == .limited }
}

/// An HSDS attribute: a taxonomy term attached to a service.
final class ServiceAttribute: Model, @unchecked Sendable {
    static let schema = "service_attributes"

    @ID(key: .id) var id: UUID?
    @Parent(key: "service_id") var service: Service
    @Field(key: "taxonomy_term_id") var taxonomyTermID: UUID

    init() {}

    init(id: UUID? = nil, serviceID: UUID, taxonomyTermID: UUID) {
        self.id = id
        self.$service.id = serviceID
        self.taxonomyTermID = taxonomyTermID
    }
}

/// Where a service can be used: one row per municipality; no rows means nationwide.
final class ServiceArea: Model, @unchecked Sendable {
    static let schema = "service_areas"

    @ID(key: .id) var id: UUID?
    @Parent(key: "service_id") var service: Service
    @Field(key: "municipality_code") var municipalityCode: String

    init() {}

    init(id: UUID? = nil, serviceID: UUID, municipalityCode: String) {
        self.id = id
        self.$service.id = serviceID
        self.municipalityCode = municipalityCode
    }
}

final class ServiceLanguage: Model, @unchecked Sendable {
    static let schema = "service_languages"

    @ID(key: .id) var id: UUID?
    @Parent(key: "service_id") var service: Service
    @Field(key: "code") var code: String

    init() {}

    init(id: UUID? = nil, serviceID: UUID, code: String) {
        self.id = id
        self.$service.id = serviceID
        self.code = code
    }
}

/// When a service runs, as HSDS schedule (`byday` like "MO,WE", times as HH:MM) and text.
final class ServiceSchedule: Model, @unchecked Sendable {
    static let schema = "service_schedules"

    @ID(key: .id) var id: UUID?
    @Parent(key: "service_id") var service: Service
    @OptionalField(key: "byday") var byDay: String?
    @OptionalField(key: "opens_at") var opensAt: String?
    @OptionalField(key: "closes_at") var closesAt: String?
    @Field(key: "description") var description: String

    init() {}

    init(id: UUID? = nil, serviceID: UUID, description: String, byDay: String? = nil, opensAt: String? = nil, closesAt: String? = nil) {
        self.id = id
        self.$service.id = serviceID
        self.description = description
        self.byDay = byDay
        self.opensAt = opensAt
        self.closesAt = closesAt
    }
}

/// A contact person for referrers. Shown to signed-in professionals only.
final class ServiceContact: Model, @unchecked Sendable {
    static let schema = "service_contacts"

    @ID(key: .id) var id: UUID?
    @Parent(key: "service_id") var service: Service
    @Field(key: "name") var name: String
    @OptionalField(key: "title") var title: String?
    @OptionalField(key: "email") var email: String?
    @OptionalField(key: "phone") var phone: String?

    init() {}

    init(id: UUID? = nil, serviceID: UUID, name: String, title: String? = nil, email: String? = nil, phone: String? = nil) {
        self.id = id
        self.$service.id = serviceID
        self.name = name
        self.title = title
        self.email = email
        self.phone = phone
    }
}

/// A physical or virtual place of an organisation (HSDS `location`).
final class Location: Model, @unchecked Sendable {
    static let schema = "locations"

    @ID(key: .id) var id: UUID?
    @Parent(key: "organisation_id") var organisation: Organisation
    @Field(key: "name") var name: String
    @Field(key: "is_virtual") var isVirtual: Bool
    @OptionalField(key: "street") var street: String?
    @OptionalField(key: "postal_code") var postalCode: String?
    @OptionalField(key: "city") var city: String?
    @OptionalField(key: "municipality_code") var municipalityCode: String?
    @OptionalField(key: "latitude") var latitude: Double?
    @OptionalField(key: "longitude") var longitude: Double?
    @OptionalField(key: "accessibility") var accessibility: String?

    init() {}

    init(id: UUID? = nil, organisationID: UUID, name: String, isVirtual: Bool = false, street: String? = nil,
         postalCode: String? = nil, city: String? = nil, municipalityCode: String? = nil,
         latitude: Double? = nil, longitude: Double? = nil) {
        self.id = id
        self.$organisation.id = organisationID
        self.name = name
        self.isVirtual = isVirtual
        self.street = street
        self.postalCode = postalCode
        self.city = city
        self.municipalityCode = municipalityCode
        self.latitude = latitude
        self.longitude = longitude
    }
}

/// A service delivered at a location (HSDS `service_at_location`).
final class ServiceAtLocation: Model, @unchecked Sendable {
    static let schema = "service_at_locations"

    @ID(key: .id) var id: UUID?
    @Parent(key: "service_id") var service: Service
    @Parent(key: "location_id") var location: Location

    init() {}

    init(id: UUID? = nil, serviceID: UUID, locationID: UUID) {
        self.id = id
        self.$service.id = serviceID
        self.$location.id = locationID
    }
}

/// HSDS taxonomy and its terms; seeded from `Vocabulary`, extended by imports.
final class TaxonomyRecord: Model, @unchecked Sendable {
    static let schema = "taxonomies"

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @Field(key: "description") var description: String
    @OptionalField(key: "uri") var uri: String?
    @OptionalField(key: "version") var version: String?

    init() {}

    init(id: UUID, name: String, description: String, uri: String? = nil, version: String? = nil) {
        self.id = id
        self.name = name
        self.description = description
        self.uri = uri
        self.version = version
    }
}

final class TaxonomyTermRecord: Model, @unchecked Sendable {
    static let schema = "taxonomy_terms"

    @ID(key: .id) var id: UUID?
    @OptionalField(key: "taxonomy_id") var taxonomyID: UUID?
    @OptionalField(key: "parent_id") var parentID: UUID?
    @OptionalField(key: "code") var code: String?
    @Field(key: "name") var name: String
    @Field(key: "description") var description: String
    @OptionalField(key: "language") var language: String?

    init() {}

    init(id: UUID, taxonomyID: UUID?, code: String?, name: String, description: String, language: String? = "nl") {
        self.id = id
        self.taxonomyID = taxonomyID
        self.code = code
        self.name = name
        self.description = description
        self.language = language
    }
}
