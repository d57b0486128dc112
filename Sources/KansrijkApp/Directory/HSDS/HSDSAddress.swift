import Vapor

/// HSDS 3.0 `address`. All but `address_2` and `region` are required by the standard.
struct HSDSAddress: Content, Equatable {
    var id: String
    var locationID: String?
    var address1: String
    var address2: String?
    var city: String
    /// We put the municipality (gemeente) here: Dutch addresses name the town, not the municipality.
    var region: String?
    var stateProvince: String
    var postalCode: String
    var country: String
    var addressType: String

    enum CodingKeys: String, CodingKey {
        case id, city, region, country
        case locationID = "location_id"
        case address1 = "address_1"
        case address2 = "address_2"
        case stateProvince = "state_province"
        case postalCode = "postal_code"
        case addressType = "address_type"
    }
}
