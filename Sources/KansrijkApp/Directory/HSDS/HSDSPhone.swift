import Vapor

/// HSDS 3.0 `phone` of an organisation, a service or a contact.
struct HSDSPhone: Content, Equatable {
    var id: String
    var locationID: String?
    var serviceID: String?
    var organizationID: String?
    var contactID: String?
    var serviceAtLocationID: String?
    var number: String
    var type: String?
    var description: String?

    enum CodingKeys: String, CodingKey {
        case id, number, type, description
        case locationID = "location_id"
        case serviceID = "service_id"
        case organizationID = "organization_id"
        case contactID = "contact_id"
        case serviceAtLocationID = "service_at_location_id"
    }
}
