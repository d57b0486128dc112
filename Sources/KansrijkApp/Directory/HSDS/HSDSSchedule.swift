import Vapor

/// HSDS 3.0 `schedule` (a subset of iCalendar recurrence: `freq`, `byday`, opening hours).
struct HSDSSchedule: Content, Equatable {
    var id: String
    var serviceID: String?
    var locationID: String?
    var serviceAtLocationID: String?
    var freq: String?
    var byday: String?
    var opensAt: String?
    var closesAt: String?
    var description: String?

    enum CodingKeys: String, CodingKey {
        case id, freq, byday, description
        case serviceID = "service_id"
        case locationID = "location_id"
        case serviceAtLocationID = "service_at_location_id"
        case opensAt = "opens_at"
        case closesAt = "closes_at"
    }
}
