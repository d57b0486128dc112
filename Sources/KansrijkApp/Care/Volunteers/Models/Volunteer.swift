import Fluent
import Foundation

/// A volunteer who can walk (part of) the first 1000 days with a family (like Samen Oplopen or
/// Home-Start), managed by a volunteer organisation. Not client data.
final class Volunteer: Model, @unchecked Sendable {
    static let schema = "care_volunteers"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // data fields
    @Field(key: "name") var name: String
    /// What she is good at, one per line ("koken", "formulieren", "wandelen met de kinderwagen").
    @Field(key: "skills") var skills: String
    /// ISO 639-1 codes, comma-separated.
    @Field(key: "languages") var languageCodes: String
    /// CBS code of the municipality she works in.
    @Field(key: "municipality_code") var municipalityCode: String
    @Field(key: "availability") var availability: String
    @Field(key: "is_active") var isActive: Bool

    // relationships
    @Parent(key: "organisation_id") var organisation: Organisation

    init() {}

    init(id: UUID? = nil, organisationID: UUID, name: String, skills: String, languages: [String], municipalityCode: String, availability: String) {
        self.id = id
        self.$organisation.id = organisationID
        self.name = name
        self.skills = skills
        self.languageCodes = languages.joined(separator: ",")
        self.municipalityCode = municipalityCode
        self.availability = availability
        self.isActive = true
    }

    var languages: [String] { languageCodes.split(separator: ",").map(String.init) }
}
