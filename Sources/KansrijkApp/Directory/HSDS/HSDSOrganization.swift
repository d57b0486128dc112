import Vapor

/// HSDS 3.0 `organization`: list shape (`compiled/organization_list.json`) or fully nested
/// (`compiled/organization.json`) with its locations and services.
struct HSDSOrganization: Content, Equatable {
    var id: String
    var name: String
    var alternateName: String?
    var description: String
    var email: String?
    var website: String?
    var phones: [HSDSPhone]?
    var locations: [HSDSLocation]?
    var services: [HSDSService]?
    var attributes: [HSDSAttribute]?

    /// The original an import kept, merged back on encoding (ADR 0035); never decoded.
    var kept: HSDSKept? = nil

    enum CodingKeys: String, CodingKey {
        case id, name, description, email, website, phones, locations, services, attributes
        case alternateName = "alternate_name"
    }
}

extension HSDSOrganization: HSDSKeptRecord {
    func encode(to encoder: any Encoder) throws { try encodeMerging(to: encoder) }

    func encodeFields(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(name, forKey: .name)
        try c.encodeIfPresent(alternateName, forKey: .alternateName)
        try c.encode(description, forKey: .description)
        try c.encodeIfPresent(email, forKey: .email)
        try c.encodeIfPresent(website, forKey: .website)
        try c.encodeIfPresent(phones, forKey: .phones)
        try c.encodeIfPresent(locations, forKey: .locations)
        try c.encodeIfPresent(services, forKey: .services)
        try c.encodeIfPresent(attributes, forKey: .attributes)
    }
}
