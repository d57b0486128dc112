import Foundation

/// The 21 tables of the HSDS 3.0 tabular data package, in the order of the standard's
/// datapackage.json, with their columns in the order of the schemas in `schema/*.json`.
enum HSDSTable: String, CaseIterable, Sendable {
    case organizations, programs, services, attributes
    case serviceAtLocations = "service_at_location"
    case locations, phones, contacts, addresses, schedules, funding
    case serviceAreas = "service_areas"
    case requiredDocuments = "required_documents"
    case languages, accessibility
    case taxonomyTerms = "taxonomy_terms"
    case metadata
    case metaTableDescriptions = "meta_table_descriptions"
    case costOptions = "cost_options"
    case organizationIdentifiers = "organization_identifiers"
    case taxonomies

    /// HSDS 3.0 names this file in the singular; `service_at_locations.csv` is read too.
    var fileName: String { rawValue + ".csv" }
    var alternativeFileNames: [String] { self == .serviceAtLocations ? ["service_at_locations.csv"] : [] }

    /// The entity name: the resource name in datapackage.json, `attribute.link_entity` and
    /// `metadata.resource_type` (HSDS uses the singular).
    var entity: String {
        switch self {
        case .organizations: "organization"
        case .programs: "program"
        case .services: "service"
        case .attributes: "attribute"
        case .serviceAtLocations: "service_at_location"
        case .locations: "location"
        case .phones: "phone"
        case .contacts: "contact"
        case .addresses: "address"
        case .schedules: "schedule"
        case .funding: "funding"
        case .serviceAreas: "service_area"
        case .requiredDocuments: "required_document"
        case .languages: "language"
        case .accessibility: "accessibility"
        case .taxonomyTerms: "taxonomy_term"
        case .metadata: "metadata"
        case .metaTableDescriptions: "meta_table_description"
        case .costOptions: "cost_option"
        case .organizationIdentifiers: "organization_identifier"
        case .taxonomies: "taxonomy"
        }
    }

    /// The table an `attribute.link_entity` or `metadata.resource_type` names: the entity
    /// (`service`), the file name without `.csv` (`services`), any case.
    static func named(_ raw: String?) -> HSDSTable? {
        guard let name = raw?.trimmingCharacters(in: .whitespaces).lowercased(), !name.isEmpty else { return nil }
        return allCases.first { $0.entity == name || $0.rawValue == name }
    }

    var columns: [String] {
        switch self {
        case .organizations: ["id", "name", "alternate_name", "description", "email", "website", "tax_status", "tax_id", "year_incorporated",
                              "legal_status", "logo", "uri", "parent_organization_id"]
        case .programs: ["id", "organization_id", "name", "alternate_name", "description"]
        case .services: ["id", "organization_id", "program_id", "name", "alternate_name", "description", "url", "email", "status",
                         "interpretation_services", "application_process", "fees_description", "wait_time", "fees", "accreditations",
                         "eligibility_description", "minimum_age", "maximum_age", "assured_date", "assurer_email", "licenses", "alert",
                         "last_modified"]
        case .attributes: ["id", "link_id", "taxonomy_term_id", "link_type", "link_entity", "value"]
        case .serviceAtLocations: ["id", "service_id", "location_id", "description"]
        case .locations: ["id", "location_type", "url", "organization_id", "name", "alternate_name", "description", "transportation",
                          "latitude", "longitude", "external_identifier", "external_identifier_type"]
        case .phones: ["id", "location_id", "service_id", "organization_id", "contact_id", "service_at_location_id", "number", "extension",
                       "type", "description"]
        case .contacts: ["id", "organization_id", "service_id", "service_at_location_id", "location_id", "name", "title", "department", "email"]
        case .addresses: ["id", "location_id", "attention", "address_1", "address_2", "city", "region", "state_province", "postal_code",
                          "country", "address_type"]
        case .schedules: ["id", "service_id", "location_id", "service_at_location_id", "valid_from", "valid_to", "dtstart", "timezone", "until",
                          "count", "wkst", "freq", "interval", "byday", "byweekno", "bymonthday", "byyearday", "description", "opens_at",
                          "closes_at", "schedule_link", "attending_type", "notes"]
        case .funding: ["id", "organization_id", "service_id", "source"]
        case .serviceAreas: ["id", "service_id", "name", "description", "extent", "extent_type", "uri"]
        case .requiredDocuments: ["id", "service_id", "document", "uri"]
        case .languages: ["id", "service_id", "location_id", "phone_id", "name", "code", "note"]
        case .accessibility: ["id", "location_id", "description", "details", "url"]
        case .taxonomyTerms: ["id", "code", "name", "description", "parent_id", "taxonomy", "language", "taxonomy_id", "term_uri"]
        case .metadata: ["id", "resource_id", "resource_type", "last_action_date", "last_action_type", "field_name", "previous_value",
                         "replacement_value", "updated_by"]
        case .metaTableDescriptions: ["id", "name", "language", "character_set"]
        case .costOptions: ["id", "service_id", "valid_from", "valid_to", "option", "currency", "amount", "amount_description"]
        case .organizationIdentifiers: ["id", "organization_id", "identifier_scheme", "identifier_type", "identifier"]
        case .taxonomies: ["id", "name", "description", "uri", "version"]
        }
    }

    /// Columns the JSON schemas require (`required`, without `id`). A CSV cell cannot tell an
    /// empty string from a missing value; for these columns an empty cell is read as "" (what
    /// the JSON held when we wrote it), so a package we export reads back (ADR 0039). An empty
    /// `name` stays an error: no record is found without one.
    var requiredColumns: Set<String> {
        switch self {
        case .organizations, .programs, .taxonomies, .taxonomyTerms: ["name", "description"]
        case .services: ["name", "status"]
        case .locations: ["location_type"]
        case .addresses: ["address_1", "city", "state_province", "postal_code", "country", "address_type"]
        case .phones: ["number"]
        case .metadata: ["last_action_date", "last_action_type", "field_name", "previous_value", "replacement_value", "updated_by"]
        case .organizationIdentifiers: ["identifier_type", "identifier"]
        default: []
        }
    }

    /// Columns the schemas type `number`; every other standard column is a string (HSDS 3.0 has
    /// no boolean column, and dates travel as ISO 8601 text in CSV and JSON alike).
    static let numberColumns: Set<String> = ["year_incorporated", "minimum_age", "maximum_age", "latitude", "longitude", "extension",
                                             "timezone", "count", "interval", "amount"]

    /// The `format` the schemas give a string column, for datapackage.json.
    static func format(of column: String) -> String? {
        switch column {
        case "id", "parent_organization_id", "parent_id": "uuid"
        case _ where column.hasSuffix("_id") && column != "tax_id": "uuid"
        case "email", "assurer_email": "email"
        case "website", "url", "uri", "schedule_link", "term_uri": "uri"
        case "last_modified": "date-time"
        default: nil
        }
    }
}
