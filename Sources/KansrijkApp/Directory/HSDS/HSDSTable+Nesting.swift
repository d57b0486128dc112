import Foundation

/// Where a row of one table goes in the nested JSON form (`schema/compiled/*.json`): the
/// reader nests by these links, the writer flattens by them, so both read one definition.
extension HSDSTable {
    /// A parent that lists rows of this table: the row's `column` names the parent's id, and the
    /// parent holds the row in the array `key`.
    struct Home: Sendable {
        var parent: HSDSTable
        var column: String
        var key: String
    }

    /// A single record this table's row embeds as an object: the row's `column` names it, the
    /// object goes under `key` (a service at a location embeds its `location`).
    struct Embed: Sendable {
        var column: String
        var target: HSDSTable
        var key: String
    }

    /// Every parent a row can be listed in. A row naming several parents that are in the package
    /// goes into each of them, as the official examples repeat a phone under its organisation,
    /// service, location, contact and service at location. Attributes and metadata may belong to
    /// any record (`link_entity`/`link_id`, `resource_type`/`resource_id`), see `annotationColumns`.
    var homes: [Home] {
        func home(_ parent: HSDSTable, _ column: String, _ key: String) -> Home { Home(parent: parent, column: column, key: key) }
        switch self {
        case .programs: return [home(.organizations, "organization_id", "programs")]
        case .services: return [home(.organizations, "organization_id", "services")]
        case .serviceAtLocations: return [home(.services, "service_id", "service_at_locations")]
        case .locations: return [home(.organizations, "organization_id", "locations")]
        case .phones: return [home(.organizations, "organization_id", "phones"), home(.services, "service_id", "phones"),
                              home(.locations, "location_id", "phones"), home(.contacts, "contact_id", "phones"),
                              home(.serviceAtLocations, "service_at_location_id", "phones")]
        case .contacts: return [home(.organizations, "organization_id", "contacts"), home(.services, "service_id", "contacts"),
                                home(.serviceAtLocations, "service_at_location_id", "contacts"), home(.locations, "location_id", "contacts")]
        case .addresses: return [home(.locations, "location_id", "addresses")]
        case .schedules: return [home(.services, "service_id", "schedules"), home(.locations, "location_id", "schedules"),
                                 home(.serviceAtLocations, "service_at_location_id", "schedules")]
        case .funding: return [home(.organizations, "organization_id", "funding"), home(.services, "service_id", "funding")]
        case .serviceAreas: return [home(.services, "service_id", "service_areas")]
        case .requiredDocuments: return [home(.services, "service_id", "required_documents")]
        case .languages: return [home(.services, "service_id", "languages"), home(.locations, "location_id", "languages"),
                                 home(.phones, "phone_id", "languages")]
        case .accessibility: return [home(.locations, "location_id", "accessibility")]
        case .costOptions: return [home(.services, "service_id", "cost_options")]
        case .organizationIdentifiers: return [home(.organizations, "organization_id", "organization_identifiers")]
        case .organizations, .attributes, .taxonomyTerms, .metadata, .metaTableDescriptions, .taxonomies: return []
        }
    }

    var embeds: [Embed] {
        switch self {
        case .serviceAtLocations: [Embed(column: "location_id", target: .locations, key: "location")]
        case .services: [Embed(column: "program_id", target: .programs, key: "program")]
        case .attributes: [Embed(column: "taxonomy_term_id", target: .taxonomyTerms, key: "taxonomy_term")]
        case .taxonomyTerms: [Embed(column: "taxonomy_id", target: .taxonomies, key: "taxonomy_detail")]
        default: []
        }
    }

    /// For attributes and metadata: the columns naming the record they describe (id, table).
    var annotationColumns: (id: String, entity: String, key: String)? {
        switch self {
        case .attributes: ("link_id", "link_entity", "attributes")
        case .metadata: ("resource_id", "resource_type", "metadata")
        default: nil
        }
    }

    /// Tables whose records may stand at the top of a file when no parent in it holds them.
    var canStandAlone: Bool { self == .organizations || self == .services || self == .locations }

    /// What an object found under `key` in a record of this table is, for the writer: a listed
    /// child (whose `column` takes this record's id) or an embedded record (whose id goes into
    /// this record's `embedded.column`). A full service may embed its organisation and a service
    /// at a location its service (`compiled/service_at_location.json`); the reader writes neither.
    func child(at key: String) -> (table: HSDSTable, column: String?, embedded: Embed?)? {
        for table in HSDSTable.allCases {
            if let home = table.homes.first(where: { $0.parent == self && $0.key == key }) { return (table, home.column, nil) }
        }
        let embeds = embeds + (self == .services ? [Embed(column: "organization_id", target: .organizations, key: "organization")] : [])
            + (self == .serviceAtLocations ? [Embed(column: "service_id", target: .services, key: "service")] : [])
        if let embed = embeds.first(where: { $0.key == key }) { return (embed.target, nil, embed) }
        if key == "attributes" { return (.attributes, nil, nil) }
        if key == "metadata" { return (.metadata, nil, nil) }
        return nil
    }
}
