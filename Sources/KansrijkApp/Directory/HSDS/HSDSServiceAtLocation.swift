import Vapor

/// HSDS 3.0 `service_at_location`: the list shape nests the service (list shape) and the location.
/// Contacts, phones and schedules per location have no place in our model: an import keeps them
/// with the service's original, and they come back on the API and in exports (ADR 0035).
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

    /// The original an import kept, merged back on encoding (ADR 0035); never decoded.
    var kept: HSDSKept? = nil

    enum CodingKeys: String, CodingKey {
        case id, description, location, service, contacts, phones, schedules
        case serviceID = "service_id"
        case locationID = "location_id"
    }
}

extension HSDSServiceAtLocation: HSDSKeptRecord {
    func encode(to encoder: any Encoder) throws { try encodeMerging(to: encoder) }

    func encodeFields(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encodeIfPresent(serviceID, forKey: .serviceID)
        try c.encodeIfPresent(locationID, forKey: .locationID)
        try c.encodeIfPresent(description, forKey: .description)
        try c.encodeIfPresent(location, forKey: .location)
        try c.encodeIfPresent(service, forKey: .service)
        try c.encodeIfPresent(contacts, forKey: .contacts)
        try c.encodeIfPresent(phones, forKey: .phones)
        try c.encodeIfPresent(schedules, forKey: .schedules)
    }
}
