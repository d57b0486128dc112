import Vapor

/// HSDS 3.0 `service`. The list shape (`compiled/service_list.json`) leaves the nested arrays
/// out; the full shape (`compiled/service.json`) fills them. Import decodes the same type.
struct HSDSService: Content, Equatable {
    var id: String
    var organizationID: String?
    var name: String
    var alternateName: String?
    var description: String?
    var url: String?
    var email: String?
    var status: String
    var applicationProcess: String?
    var feesDescription: String?
    /// Read on import when `fees_description` is missing; never written.
    var fees: String?
    var waitTime: String?
    var eligibilityDescription: String?
    var minimumAge: Double?
    var maximumAge: Double?
    var lastModified: String?
    var organization: HSDSOrganization?
    var phones: [HSDSPhone]?
    var schedules: [HSDSSchedule]?
    var serviceAreas: [HSDSServiceArea]?
    var serviceAtLocations: [HSDSServiceAtLocation]?
    var languages: [HSDSLanguage]?
    var contacts: [HSDSContact]?
    var attributes: [HSDSAttribute]?

    enum CodingKeys: String, CodingKey {
        case id, name, description, url, email, status, fees, organization, phones, schedules, languages, contacts, attributes
        case organizationID = "organization_id"
        case alternateName = "alternate_name"
        case applicationProcess = "application_process"
        case feesDescription = "fees_description"
        case waitTime = "wait_time"
        case eligibilityDescription = "eligibility_description"
        case minimumAge = "minimum_age"
        case maximumAge = "maximum_age"
        case lastModified = "last_modified"
        case serviceAreas = "service_areas"
        case serviceAtLocations = "service_at_locations"
    }
}
