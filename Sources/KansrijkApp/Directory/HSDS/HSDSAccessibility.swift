import Vapor

/// HSDS 3.0 `accessibility` of a location.
struct HSDSAccessibility: Content, Equatable {
    var id: String
    var locationID: String?
    var description: String?
    var details: String?

    enum CodingKeys: String, CodingKey {
        case id, description, details
        case locationID = "location_id"
    }
}
