import Foundation

/// The files of the HSDS tabular data package that we read and write, with their standard
/// columns (in the order of the HSDS 3.0 tabular schema) and the ones holding numbers.
enum HSDSTable: String, CaseIterable, Sendable {
    case organizations, services, locations, addresses, accessibility
    case serviceAtLocations = "service_at_location"
    case serviceAreas = "service_areas"
    case languages, contacts, phones, schedules, attributes
    case taxonomies
    case taxonomyTerms = "taxonomy_terms"

    /// HSDS 3.0 names this file in the singular; `service_at_locations.csv` is read too.
    var fileName: String { rawValue + ".csv" }
    var alternativeFileNames: [String] { self == .serviceAtLocations ? ["service_at_locations.csv"] : [] }

    /// Resource name in datapackage.json (HSDS uses the singular entity name).
    var resourceName: String {
        switch self {
        case .organizations: "organization"
        case .services: "service"
        case .locations: "location"
        case .addresses: "address"
        case .accessibility: "accessibility"
        case .serviceAtLocations: "service_at_location"
        case .serviceAreas: "service_area"
        case .languages: "language"
        case .contacts: "contact"
        case .phones: "phone"
        case .schedules: "schedule"
        case .attributes: "attribute"
        case .taxonomies: "taxonomy"
        case .taxonomyTerms: "taxonomy_term"
        }
    }

    var columns: [String] {
        switch self {
        case .organizations: ["id", "name", "alternate_name", "description", "email", "website", "tax_status", "tax_id", "year_incorporated",
                              "legal_status", "logo", "uri", "parent_organization_id"]
        case .services: ["id", "organization_id", "program_id", "name", "alternate_name", "description", "url", "email", "status",
                         "interpretation_services", "application_process", "fees_description", "wait_time", "fees", "accreditations",
                         "eligibility_description", "minimum_age", "maximum_age", "assured_date", "assurer_email", "licenses", "alert",
                         "last_modified"]
        case .locations: ["id", "location_type", "url", "organization_id", "name", "alternate_name", "description", "transportation",
                          "latitude", "longitude", "external_identifier", "external_identifier_type"]
        case .addresses: ["id", "location_id", "attention", "address_1", "address_2", "city", "region", "state_province", "postal_code",
                          "country", "address_type"]
        case .accessibility: ["id", "location_id", "description", "details", "url"]
        case .serviceAtLocations: ["id", "service_id", "location_id", "description"]
        case .serviceAreas: ["id", "service_id", "name", "description", "extent", "extent_type", "uri"]
        case .languages: ["id", "service_id", "location_id", "phone_id", "name", "code", "note"]
        case .contacts: ["id", "organization_id", "service_id", "service_at_location_id", "location_id", "name", "title", "department", "email"]
        case .phones: ["id", "location_id", "service_id", "organization_id", "contact_id", "service_at_location_id", "number", "extension",
                       "type", "description"]
        case .schedules: ["id", "service_id", "location_id", "service_at_location_id", "valid_from", "valid_to", "dtstart", "timezone", "until",
                          "count", "wkst", "freq", "interval", "byday", "byweekno", "bymonthday", "byyearday", "description", "opens_at",
                          "closes_at", "schedule_link", "attending_type", "notes"]
        case .attributes: ["id", "link_id", "taxonomy_term_id", "link_type", "link_entity", "value"]
        case .taxonomies: ["id", "name", "description", "uri", "version"]
        case .taxonomyTerms: ["id", "code", "name", "description", "parent_id", "taxonomy", "language", "taxonomy_id", "term_uri"]
        }
    }

    /// Columns our records read as numbers; the other numeric HSDS columns we pass over.
    static let numericColumns: Set<String> = ["minimum_age", "maximum_age", "latitude", "longitude"]

    /// HSDS files we do not read; their rows are reported as not imported.
    static let unsupportedFiles = ["programs.csv", "funding.csv", "cost_options.csv", "required_documents.csv", "organization_identifiers.csv",
                                   "metadata.csv", "meta_table_descriptions.csv"]
}
