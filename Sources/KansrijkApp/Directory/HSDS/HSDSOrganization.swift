import Vapor

/// HSDS 3.0 `organization`: list shape (`compiled/organization_list.json`) or fully nested
/// (`compiled/organization.json`) with its locations and services.
struct HSDSOrganization: Content, Equatable {
    var id: String
    var name: String
    var alternateName: String?
    var description: String
    var email: String?
    var website: String?
    var phones: [HSDSPhone]?
    var locations: [HSDSLocation]?
    var services: [HSDSService]?
    var attributes: [HSDSAttribute]?

    enum CodingKeys: String, CodingKey {
        case id, name, description, email, website, phones, locations, services, attributes
        case alternateName = "alternate_name"
    }
}
