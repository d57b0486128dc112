import Vapor

/// HSDS 3.0 `service_at_location`: the list shape nests the service (list shape) and the location.
/// Contacts, phones and schedules per location are read on import only to report them as left out.
struct HSDSServiceAtLocation: Content, Equatable {
    var id: String
    var serviceID: String?
    var locationID: String?
    var description: String?
    var location: HSDSLocation?
    var service: HSDSService?
    var contacts: [HSDSContact]?
    var phones: [HSDSPhone]?
    var schedules: [HSDSSchedule]?

    enum CodingKeys: String, CodingKey {
        case id, description, location, service, contacts, phones, schedules
        case serviceID = "service_id"
        case locationID = "location_id"
    }
}
