import Fluent
import Foundation

/// An immutable picture of the whole directory with its search index. Readers take the
/// current snapshot and keep it for the request; writers build a new one and swap it in.
struct DirectorySnapshot: Sendable {
    struct MunicipalityInfo: Sendable { var code: String; var name: String; var ggdCode: String }

    let services: [ServiceRecord]
    let indexByID: [UUID: Int]
    let index: SearchIndex
    let municipalities: [String: MunicipalityInfo]
    /// GGD region codes each service reaches, for local-first ranking.
    let regionsOfService: [Set<String>]
    /// Compact filter data per service, in `services` order.
    let facts: [DocFacts]
    /// Services per municipality and per GGD region they reach, and the nationwide ones.
    let docsByMunicipality: [String: [Int]]
    let docsByRegion: [String: [Int]]
    let nationwideDocs: [Int]
    let termNames: [UUID: (name: String, code: String?, taxonomyID: UUID?)]
    /// Everyday words for the themes (`SearchSynonyms`), and per theme code the services
    /// carrying that theme (ascending) with the theme's idf, for scoring a word that stands for it.
    let synonyms: SearchSynonyms
    let docsByTheme: [String: [Int32]]
    let themeIDF: [String: Float]
    /// Per service: how much a theme word counts, less for a service of many themes (an MDO of five
    /// themes is less about debts than debt counselling is).
    let themeFocus: [Float]
    /// Municipalities in alphabetical order, for select lists.
    let municipalitiesByName: [MunicipalityInfo]
    /// `<option value="GM....">Name</option>` for every municipality, escaped, in name order.
    let municipalityOptionsHTML: String
    /// UTF-8 offset in `municipalityOptionsHTML` where ` selected` goes for each municipality.
    let municipalityOptionSelectAt: [String: Int]
    let loadedAt: Date

    init(services: [ServiceRecord], municipalities: [MunicipalityInfo], termNames: [UUID: (name: String, code: String?, taxonomyID: UUID?)] = [:],
         synonyms: SearchSynonyms = .builtIn, loadedAt: Date = Date()) {
        // sort on folded names computed once: localizedCompare is far too slow on Linux for 40,000 names
        let sorted = services.map { (DutchText.fold($0.name), $0) }.sorted { $0.0 < $1.0 }.map(\.1)
        self.services = sorted
        self.indexByID = Dictionary(uniqueKeysWithValues: sorted.enumerated().map { ($1.id, $0) })
        let facts = sorted.map(DocFacts.init)
        self.facts = facts
        self.index = SearchIndex(count: sorted.count) { sorted[$0].searchFields }
        let byCode = Dictionary(uniqueKeysWithValues: municipalities.map { ($0.code, $0) })
        self.municipalities = byCode
        self.municipalitiesByName = municipalities.map { (DutchText.fold($0.name), $0) }.sorted { $0.0 < $1.0 }.map(\.1)
        var options = "", selectAt: [String: Int] = [:]
        for m in municipalitiesByName {
            options += "<option value=\"\(m.code)\""
            selectAt[m.code] = options.utf8.count
            options += ">\(HTML.escape(m.name))</option>"
        }
        self.municipalityOptionsHTML = options
        self.municipalityOptionSelectAt = selectAt
        let regions = sorted.map { Set($0.areas.compactMap { byCode[$0.municipalityCode]?.ggdCode }) }
        self.regionsOfService = regions
        var byMunicipality: [String: [Int]] = [:], byRegion: [String: [Int]] = [:], nationwide: [Int] = []
        for (doc, s) in sorted.enumerated() {
            if s.reachesEveryMunicipality { nationwide.append(doc) }
            for a in s.areas { byMunicipality[a.municipalityCode, default: []].append(doc) }
            for r in regions[doc] { byRegion[r, default: []].append(doc) }
        }
        self.docsByMunicipality = byMunicipality
        self.docsByRegion = byRegion
        self.nationwideDocs = nationwide
        self.termNames = termNames
        self.synonyms = synonyms
        var byTheme: [String: [Int32]] = [:]
        for theme in Term.themes {
            let bit = theme.bit
            byTheme[theme.code] = facts.indices.filter { facts[$0].termMask & bit != 0 }.map { Int32($0) }
        }
        self.docsByTheme = byTheme
        let n = Float(max(sorted.count, 1))
        self.themeIDF = byTheme.mapValues { log(1 + n / Float(max($0.count, 1))) }
        let themeBits = Term.themes.reduce(UInt64(0)) { $0 | $1.bit }
        self.themeFocus = facts.map { 1 / (1 + 0.15 * Float(max((($0.termMask & themeBits).nonzeroBitCount) - 1, 0))) }
        self.loadedAt = loadedAt
    }

    func service(_ id: UUID) -> ServiceRecord? { indexByID[id].map { services[$0] } }
}

extension DirectorySnapshot {
    /// Reads the directory in a handful of set queries (not one per service), one after the
    /// other: SQLite has a single connection, and concurrent large reads would queue past the
    /// pool's timeout on a national-scale directory.
    /// `pool`: SQLite's read pool (ADR 0020), which decodes the large tables' rows fastest; nil on PostgreSQL.
    static func load(from db: any Database, pool: SQLiteReadPool? = nil, synonyms: SearchSynonyms = .builtIn) async throws -> DirectorySnapshot {
        _ = try DirectoryRows.sql(db)
        typealias R = DirectoryRows
        let organisations = Dictionary(try await R.all(db, pool: pool, Organisation.schema, ["id", "name", "municipality_code"], R.OrganisationRow.init)
            .map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let locations = Dictionary(try await R.all(db, pool: pool, Location.schema, R.locationColumns, R.LocationRow.init)
            .map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        // the two largest tables are read beside the rest (one core each; at national scale 40,000
        // services and 270,000 attributes are most of a start-up's reading)
        async let servicesRead = R.all(db, pool: pool, Service.schema, R.serviceColumns, R.ServiceRow.init)
        async let attributesRead = Dictionary(grouping: R.all(db, pool: pool, ServiceAttribute.schema, ["service_id", "taxonomy_term_id"], R.AttributeRow.init), by: \.service_id)
        let areas = Dictionary(grouping: try await R.all(db, pool: pool, ServiceArea.schema, ["id", "service_id", "municipality_code"], R.AreaRow.init), by: \.service_id)
        let languages = Dictionary(grouping: try await R.all(db, pool: pool, ServiceLanguage.schema, ["id", "service_id", "code"], R.LanguageRow.init), by: \.service_id)
        let schedules = Dictionary(grouping: try await ServiceSchedule.query(on: db).all(), by: { $0.$service.id })
        let contacts = Dictionary(grouping: try await R.all(db, pool: pool, ServiceContact.schema, ["id", "service_id", "name", "title", "email", "phone"], R.ContactRow.init), by: \.service_id)
        let sals = Dictionary(grouping: try await R.all(db, pool: pool, ServiceAtLocation.schema, ["id", "service_id", "location_id"], R.PlaceLinkRow.init), by: \.service_id)
        let services = try await servicesRead
        let attributes = try await attributesRead
        let municipalityRows = try await Municipality.listed(on: db).all()
        let areaTexts = try await ServiceAreaText.byService(on: db)
        let termRows = try await TaxonomyTermRecord.query(on: db).all()

        let records: [ServiceRecord] = services.map { s in
            let id = s.id
            return ServiceRecord(
                id: id, organisationID: s.organisation_id,
                organisationName: organisations[s.organisation_id]?.name ?? "",
                name: s.name, alternateName: s.alternate_name, description: s.description, parentSummary: s.parent_summary,
                status: s.status, url: s.url, email: s.email, phone: s.phone,
                applicationProcess: s.application_process, accessRoute: s.access_route,
                feesDescription: s.fees_description, eligibilityDescription: s.eligibility_description,
                minimumAge: s.minimum_age, maximumAge: s.maximum_age, capacity: s.capacity, waitWeeks: s.wait_weeks,
                updatedAt: s.updated_at,
                termIDs: (attributes[id] ?? []).map(\.taxonomy_term_id),
                areas: (areas[id] ?? []).map { .init(id: $0.id, municipalityCode: $0.municipality_code) }
                    .sorted { $0.municipalityCode < $1.municipalityCode },
                languages: (languages[id] ?? []).map { .init(id: $0.id, code: $0.code) }.sorted { $0.code < $1.code },
                schedules: (schedules[id] ?? []).map {
                    .init(id: $0.id!, byDay: $0.byDay, opensAt: $0.opensAt, closesAt: $0.closesAt, description: $0.description)
                },
                contacts: (contacts[id] ?? []).map { .init(id: $0.id, name: $0.name, title: $0.title, email: $0.email, phone: $0.phone) },
                places: (sals[id] ?? []).compactMap { sal in
                    guard let l = locations[sal.location_id] else { return nil }
                    return .init(id: l.id, serviceAtLocationID: sal.id, name: l.name, isVirtual: l.is_virtual,
                                 street: l.street, postalCode: l.postal_code, city: l.city, municipalityCode: l.municipality_code,
                                 latitude: l.latitude, longitude: l.longitude, accessibility: l.accessibility)
                },
                areaTexts: areaTexts[id] ?? [],
                organisationPlaced: organisations[s.organisation_id].map { DirectoryReview.isPlaced(municipalityCode: $0.municipality_code) } ?? true
            )
        }
        let municipalities = municipalityRows.map { MunicipalityInfo(code: $0.id!, name: $0.name, ggdCode: $0.ggdCode) }
        let termNames = Dictionary(uniqueKeysWithValues: termRows.map { ($0.id!, (name: $0.name, code: $0.code, taxonomyID: $0.taxonomyID)) })
        return DirectorySnapshot(services: records, municipalities: municipalities, termNames: termNames, synonyms: synonyms)
    }
}
