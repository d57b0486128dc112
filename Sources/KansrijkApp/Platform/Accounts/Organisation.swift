import Fluent
import Foundation

/// An organisation that offers services and whose staff use the platform
/// (a midwifery practice, JGZ, GGD, a municipality, a volunteer organisation...).
/// It is also the HSDS `organization` of the directory.
final class Organisation: Model, @unchecked Sendable {
    static let schema = "organisations"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // data fields
    @Field(key: "name") var name: String
    @Field(key: "kind") var kind: OrganisationKind
    @Field(key: "description") var description: String
    @OptionalField(key: "email") var email: String?
    @OptionalField(key: "website") var website: String?
    @OptionalField(key: "phone") var phone: String?
    /// CBS code of the municipality where it is based.
    @Field(key: "municipality_code") var municipalityCode: String
    /// Its care professionals must sign in with a second factor (issue #13); nil reads as no.
    @OptionalField(key: "requires_second_factor") var requiresSecondFactor: Bool?
    /// It takes referrals through Kansrijk: its professionals see them arrive and are mailed (issue #14);
    /// nil (organisations from before) reads as yes.
    @OptionalField(key: "receives_referrals") var receivesReferrals: Bool?

    init() {}

    init(id: UUID? = nil, name: String, kind: OrganisationKind, description: String, municipalityCode: String,
         email: String? = nil, website: String? = nil, phone: String? = nil) {
        self.id = id
        self.name = name
        self.kind = kind
        self.description = description
        self.municipalityCode = municipalityCode
        self.email = email
        self.website = website
        self.phone = phone
    }
}

/// The domain an organisation works in; coalitions use it to see who is missing.
enum OrganisationKind: String, Codable, CaseIterable, Sendable {
    case verloskunde, kraamzorg, ziekenhuis, huisarts, jgz, ggd, cjg, gemeente, sociaalteam, welzijn
    case schuldhulp, ggz, informeel, zorgverzekeraar
    /// Verloskundig samenwerkingsverband, Veilig Thuis, kinderopvang, woningcorporatie, AZC/COA (issue #14).
    case vsv, veiligthuis, kinderopvang, woningcorporatie, azc
    case overig

    var label: String {
        switch self {
        case .verloskunde: "Verloskunde"
        case .kraamzorg: "Kraamzorg"
        case .ziekenhuis: "Ziekenhuis"
        case .huisarts: "Huisarts"
        case .jgz: "Jeugdgezondheidszorg"
        case .ggd: "GGD"
        case .cjg: "Centrum voor Jeugd en Gezin"
        case .gemeente: "Gemeente"
        case .sociaalteam: "Sociaal wijkteam"
        case .welzijn: "Welzijn"
        case .schuldhulp: "Schuldhulpverlening"
        case .ggz: "GGZ"
        case .informeel: "Informele zorg en vrijwilligers"
        case .zorgverzekeraar: "Zorgverzekeraar"
        case .vsv: "Verloskundig samenwerkingsverband (VSV)"
        case .veiligthuis: "Veilig Thuis"
        case .kinderopvang: "Kinderopvang"
        case .woningcorporatie: "Woningcorporatie"
        case .azc: "AZC / COA"
        case .overig: "Overig"
        }
    }
}

struct CreateOrganisations: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Organisation.schema)
            .id()
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("description", .string, .required)
            .field("email", .string)
            .field("website", .string)
            .field("phone", .string)
            .field("municipality_code", .string, .required, .references(Municipality.schema, .id))
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Organisation.schema).delete()
    }
}
