import Vapor

/// HSDS 3.0 `service_area`: one municipality (gemeente), or all of the Netherlands.
struct HSDSServiceArea: Content, Equatable {
    var id: String
    var serviceID: String?
    var name: String?
    var description: String?
    var extent: String?
    var extentType: String?
    var uri: String?

    enum CodingKeys: String, CodingKey {
        case id, name, description, extent, uri
        case serviceID = "service_id"
        case extentType = "extent_type"
    }
}
