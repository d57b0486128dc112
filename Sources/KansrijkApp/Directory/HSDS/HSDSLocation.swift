import Vapor

/// HSDS 3.0 `location`, with its addresses and accessibility when fully nested.
struct HSDSLocation: Content, Equatable {
    var id: String
    var locationType: String
    var organizationID: String?
    var name: String?
    var alternateName: String?
    var description: String?
    var latitude: Double?
    var longitude: Double?
    var addresses: [HSDSAddress]?
    var accessibility: [HSDSAccessibility]?

    enum CodingKeys: String, CodingKey {
        case id, name, description, latitude, longitude, addresses, accessibility
        case locationType = "location_type"
        case organizationID = "organization_id"
        case alternateName = "alternate_name"
    }
}
