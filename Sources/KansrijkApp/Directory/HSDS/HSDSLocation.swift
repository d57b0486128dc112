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

    /// The original an import kept, merged back on encoding (ADR 0035); never decoded.
    var kept: HSDSKept? = nil

    enum CodingKeys: String, CodingKey {
        case id, name, description, latitude, longitude, addresses, accessibility
        case locationType = "location_type"
        case organizationID = "organization_id"
        case alternateName = "alternate_name"
    }
}

extension HSDSLocation: HSDSKeptRecord {
    func encode(to encoder: any Encoder) throws { try encodeMerging(to: encoder) }

    func encodeFields(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(locationType, forKey: .locationType)
        try c.encodeIfPresent(organizationID, forKey: .organizationID)
        try c.encodeIfPresent(name, forKey: .name)
        try c.encodeIfPresent(alternateName, forKey: .alternateName)
        try c.encodeIfPresent(description, forKey: .description)
        try c.encodeIfPresent(latitude, forKey: .latitude)
        try c.encodeIfPresent(longitude, forKey: .longitude)
        try c.encodeIfPresent(addresses, forKey: .addresses)
        try c.encodeIfPresent(accessibility, forKey: .accessibility)
    }
}
