import Vapor

/// HSDS 3.0 `language` a service is offered in.
struct HSDSLanguage: Content, Equatable {
    var id: String
    var serviceID: String?
    var locationID: String?
    var phoneID: String?
    var name: String?
    var code: String?
    var note: String?

    enum CodingKeys: String, CodingKey {
        case id, name, code, note
        case serviceID = "service_id"
        case locationID = "location_id"
        case phoneID = "phone_id"
    }
}
