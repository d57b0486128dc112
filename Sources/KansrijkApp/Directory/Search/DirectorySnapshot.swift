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
    /// Municipalities in alphabetical order, for select lists.
    let municipalitiesByName: [MunicipalityInfo]
    /// `<option value="GM....">Name</option>` for every municipality, escaped, in name order.
    let municipalityOptionsHTML: String
    let loadedAt: Date

    init(services: [ServiceRecord], municipalities: [MunicipalityInfo], termNames: [UUID: (name: String, code: String?, taxonomyID: UUID?)] = [:], loadedAt: Date = Date()) {
        // sort on folded names computed once: localizedCompare is far too slow on Linux for 40,000 names
        let sorted = services.map { (DutchText.fold($0.name), $0) }.sorted { $0.0 < $1.0 }.map(\.1)
        self.services = sorted
        self.indexByID = Dictionary(uniqueKeysWithValues: sorted.enumerated().map { ($1.id, $0) })
        self.facts = sorted.map(DocFacts.init)
        self.index = SearchIndex(documents: sorted.map(\.searchFields))
        let byCode = Dictionary(uniqueKeysWithValues: municipalities.map { ($0.code, $0) })
        self.municipalities = byCode
        self.municipalitiesByName = municipalities.map { (DutchText.fold($0.name), $0) }.sorted { $0.0 < $1.0 }.map(\.1)
        self.municipalityOptionsHTML = municipalitiesByName.map { "<option value=\"\($0.code)\">\(HTML.escape($0.name))</option>" }.joined()
        let regions = sorted.map { Set($0.areas.compactMap { byCode[$0.municipalityCode]?.ggdCode }) }
        self.regionsOfService = regions
        var byMunicipality: [String: [Int]] = [:], byRegion: [String: [Int]] = [:], nationwide: [Int] = []
        for (doc, s) in sorted.enumerated() {
            if s.isNationwide { nationwide.append(doc) }
            for a in s.areas { byMunicipality[a.municipalityCode, default: []].append(doc) }
            for r in regions[doc] { byRegion[r, default: []].append(doc) }
        }
        self.docsByMunicipality = byMunicipality
        self.docsByRegion = byRegion
        self.nationwideDocs = nationwide
        self.termNames = termNames
        self.loadedAt = loadedAt
    }

    func service(_ id: UUID) -> ServiceRecord? { indexByID[id].map { services[$0] } }
}

extension DirectorySnapshot {
    /// Reads the directory in a handful of set queries (not one per service), one after the
    /// other: SQLite has a single connection, and concurrent large reads would queue past the
    /// pool's timeout on a national-scale directory.
    static func load(from db: any Database) async throws -> DirectorySnapshot {
        let organisations = Dictionary(uniqueKeysWithValues: try await Organisation.query(on: db).all().map { ($0.id!, $0) })
        let locations = Dictionary(uniqueKeysWithValues: try await Location.query(on: db).all().map { ($0.id!, $0) })
        let attributes = Dictionary(grouping: try await ServiceAttribute.query(on: db).all(), by: { $0.$service.id })
        let areas = Dictionary(grouping: try await ServiceArea.query(on: db).all(), by: { $0.$service.id })
        let languages = Dictionary(grouping: try await ServiceLanguage.query(on: db).all(), by: { $0.$service.id })
        let schedules = Dictionary(grouping: try await ServiceSchedule.query(on: db).all(), by: { $0.$service.id })
        let contacts = Dictionary(grouping: try await ServiceContact.query(on: db).all(), by: { $0.$service.id })
        let sals = Dictionary(grouping: try await ServiceAtLocation.query(on: db).all(), by: { $0.$service.id })
        let services = try await Service.query(on: db).all()
        let municipalityRows = try await Municipality.query(on: db).all()
        let termRows = try await TaxonomyTermRecord.query(on: db).all()

        let records: [ServiceRecord] = services.map { s in
            let id = s.id!
            return ServiceRecord(
                id: id, organisationID: s.$organisation.id,
                organisationName: organisations[s.$organisation.id]?.name ?? "",
                name: s.name, alternateName: s.alternateName, description: s.description, parentSummary: s.parentSummary,
                status: s.status, url: s.url, email: s.email, phone: s.phone,
                applicationProcess: s.applicationProcess, accessRoute: s.accessRoute,
                feesDescription: s.feesDescription, eligibilityDescription: s.eligibilityDescription,
                minimumAge: s.minimumAge, maximumAge: s.maximumAge, capacity: s.capacity, waitWeeks: s.waitWeeks,
                updatedAt: s.updatedAt,
                termIDs: (attributes[id] ?? []).map(\.taxonomyTermID),
                areas: (areas[id] ?? []).map { .init(id: $0.id!, municipalityCode: $0.municipalityCode) }
                    .sorted { $0.municipalityCode < $1.municipalityCode },
                languages: (languages[id] ?? []).map { .init(id: $0.id!, code: $0.code) }.sorted { $0.code < $1.code },
                schedules: (schedules[id] ?? []).map {
                    .init(id: $0.id!, byDay: $0.byDay, opensAt: $0.opensAt, closesAt: $0.closesAt, description: $0.description)
                },
                contacts: (contacts[id] ?? []).map { .init(id: $0.id!, name: $0.name, title: $0.title, email: $0.email, phone: $0.phone) },
                places: (sals[id] ?? []).compactMap { sal in
                    guard let l = locations[sal.$location.id] else { return nil }
                    return .init(id: l.id!, serviceAtLocationID: sal.id!, name: l.name, isVirtual: l.isVirtual,
                                 street: l.street, postalCode: l.postalCode, city: l.city, municipalityCode: l.municipalityCode,
                                 latitude: l.latitude, longitude: l.longitude, accessibility: l.accessibility)
                }
            )
        }
        let municipalities = municipalityRows.map { MunicipalityInfo(code: $0.id!, name: $0.name, ggdCode: $0.ggdCode) }
        let termNames = Dictionary(uniqueKeysWithValues: termRows.map { ($0.id!, (name: $0.name, code: $0.code, taxonomyID: $0.taxonomyID)) })
        return DirectorySnapshot(services: records, municipalities: municipalities, termNames: termNames)
    }
}
