import Vapor

/// HSDS 3.0 `contact`: a person to reach about a service.
struct HSDSContact: Content, Equatable {
    var id: String
    var organizationID: String?
    var serviceID: String?
    var serviceAtLocationID: String?
    var locationID: String?
    var name: String?
    var title: String?
    var department: String?
    var email: String?
    var phones: [HSDSPhone]?

    enum CodingKeys: String, CodingKey {
        case id, name, title, department, email, phones
        case organizationID = "organization_id"
        case serviceID = "service_id"
        case serviceAtLocationID = "service_at_location_id"
        case locationID = "location_id"
    }
}
