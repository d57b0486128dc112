import Vapor

/// HSDS 3.0 `service_at_location`: the list shape nests the service (list shape) and the location.
struct HSDSServiceAtLocation: Content, Equatable {
    var id: String
    var serviceID: String?
    var locationID: String?
    var description: String?
    var location: HSDSLocation?
    var service: HSDSService?

    enum CodingKeys: String, CodingKey {
        case id, description, location, service
        case serviceID = "service_id"
        case locationID = "location_id"
    }
}
