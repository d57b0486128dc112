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

    /// The original an import kept, merged back on encoding (ADR 0035); never decoded.
    var kept: HSDSKept? = nil

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

extension HSDSService: HSDSKeptRecord {
    func encode(to encoder: any Encoder) throws { try encodeMerging(to: encoder) }

    func encodeFields(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encodeIfPresent(organizationID, forKey: .organizationID)
        try c.encode(name, forKey: .name)
        try c.encodeIfPresent(alternateName, forKey: .alternateName)
        try c.encodeIfPresent(description, forKey: .description)
        try c.encodeIfPresent(url, forKey: .url)
        try c.encodeIfPresent(email, forKey: .email)
        try c.encode(status, forKey: .status)
        try c.encodeIfPresent(applicationProcess, forKey: .applicationProcess)
        try c.encodeIfPresent(feesDescription, forKey: .feesDescription)
        try c.encodeIfPresent(fees, forKey: .fees)
        try c.encodeIfPresent(waitTime, forKey: .waitTime)
        try c.encodeIfPresent(eligibilityDescription, forKey: .eligibilityDescription)
        try c.encodeIfPresent(minimumAge, forKey: .minimumAge)
        try c.encodeIfPresent(maximumAge, forKey: .maximumAge)
        try c.encodeIfPresent(lastModified, forKey: .lastModified)
        try c.encodeIfPresent(organization, forKey: .organization)
        try c.encodeIfPresent(phones, forKey: .phones)
        try c.encodeIfPresent(schedules, forKey: .schedules)
        try c.encodeIfPresent(serviceAreas, forKey: .serviceAreas)
        try c.encodeIfPresent(serviceAtLocations, forKey: .serviceAtLocations)
        try c.encodeIfPresent(languages, forKey: .languages)
        try c.encodeIfPresent(contacts, forKey: .contacts)
        try c.encodeIfPresent(attributes, forKey: .attributes)
    }
}
