import Fluent
import Foundation

extension HSDSCatalog {
    /// Reads organisations, locations and taxonomies in a few set queries and indexes them
    /// together with the snapshot's services.
    static func load(snapshot: DirectorySnapshot, on db: any Database) async throws -> HSDSCatalog {
        async let organisationsQ = Organisation.query(on: db).all()
        async let locationsQ = Location.query(on: db).all()
        async let taxonomiesQ = TaxonomyRecord.query(on: db).all()
        async let termsQ = TaxonomyTermRecord.query(on: db).all()
        async let municipalitiesQ = Municipality.query(on: db).all()
        async let originalsQ = HSDSOriginalIndex.load(on: db)

        // sorted on folded names: as readers expect (case and accents ignored), and far cheaper than localizedCompare
        let organisations = try await organisationsQ.map { o in
            (key: DutchText.fold(o.name), entry: OrganisationEntry(
                id: o.id!, name: o.name, kind: o.kind, description: o.description, email: o.email, website: o.website,
                phone: o.phone, municipalityCode: o.municipalityCode, searchText: DutchText.fold(o.name + " " + o.description)))
        }.sorted { ($0.key, $0.entry.id.uuidString) < ($1.key, $1.entry.id.uuidString) }.map(\.entry)
        let places = try await locationsQ.map { l in
            PlaceEntry(id: l.id!, organisationID: l.$organisation.id, name: l.name, isVirtual: l.isVirtual, street: l.street,
                       postalCode: l.postalCode, city: l.city, municipalityCode: l.municipalityCode,
                       latitude: l.latitude, longitude: l.longitude, accessibility: l.accessibility)
        }.sorted { ($0.name, $0.id.uuidString) < ($1.name, $1.id.uuidString) }

        let taxonomies = try await taxonomiesQ.map { t in
            TaxonomyEntry(id: t.id!, name: t.name, description: t.description, uri: t.uri, version: t.version,
                          searchText: DutchText.fold(t.name + " " + t.description))
        } + [TaxonomyEntry(id: HSDSField.taxonomyID, name: HSDSField.taxonomyName, description: HSDSField.taxonomyDescription,
                           uri: HSDSField.taxonomyURI, version: "2025", searchText: DutchText.fold(HSDSField.taxonomyName))]
        let terms = try await termsQ.map { t in
            TermEntry(id: t.id!, taxonomyID: t.taxonomyID, parentID: t.parentID, code: t.code, name: t.name,
                      description: t.description, language: t.language, searchText: DutchText.fold(t.name + " " + (t.code ?? "")))
        } + HSDSField.allCases.map { f in
            TermEntry(id: f.termID, taxonomyID: HSDSField.taxonomyID, parentID: nil, code: f.code, name: f.name,
                      description: f.description, language: "nl", searchText: DutchText.fold(f.name + " " + f.code))
        }
        let sortedTaxonomies = taxonomies.sorted { taxonomyRank($0) < taxonomyRank($1) }
        let taxonomyPosition = Dictionary(uniqueKeysWithValues: sortedTaxonomies.enumerated().map { ($1.id, $0) })
        let sortedTerms = terms.sorted { termRank($0, taxonomyPosition) < termRank($1, taxonomyPosition) }

        let provinceName = Dictionary(uniqueKeysWithValues: AreaReference.provinces.map { ($0.code, $0.name) })
        let provinceOfMunicipality = Dictionary(uniqueKeysWithValues: try await municipalitiesQ.map { ($0.id!, provinceName[$0.provinceCode] ?? "") })

        let originals = try await originalsQ
        var servicesOfOrganisation: [UUID: [Int]] = [:]
        var serviceAtLocations: [UUID: (doc: Int, place: Int)] = [:]
        // fields read in place: copying 40,000 whole records showed up in the profile
        let services = snapshot.services
        for doc in services.indices {
            servicesOfOrganisation[services[doc].organisationID, default: []].append(doc)
            for i in services[doc].places.indices {
                serviceAtLocations[HSDSID.serviceAtLocation(service: services[doc].id, location: services[doc].places[i].id)] = (doc, i)
            }
        }
        // an imported service_at_location keeps its own id (ADR 0035)
        for (link, pair) in originals.serviceAtLocationLinks {
            guard let doc = snapshot.indexByID[pair.service], let i = services[doc].places.firstIndex(where: { $0.id == pair.location }) else { continue }
            serviceAtLocations[link] = (doc, i)
        }
        return HSDSCatalog(
            stamp: snapshot.loadedAt,
            organisations: organisations,
            organisationIndex: Dictionary(uniqueKeysWithValues: organisations.enumerated().map { ($1.id, $0) }),
            places: Dictionary(uniqueKeysWithValues: places.map { ($0.id, $0) }),
            placesOfOrganisation: Dictionary(grouping: places, by: \.organisationID).mapValues { $0.map(\.id) },
            taxonomies: sortedTaxonomies,
            taxonomyIndex: taxonomyPosition,
            terms: sortedTerms,
            termIndex: Dictionary(uniqueKeysWithValues: sortedTerms.enumerated().map { ($1.id, $0) }),
            termsOfTaxonomy: Dictionary(grouping: sortedTerms.filter { $0.taxonomyID != nil }, by: { $0.taxonomyID! }).mapValues { Set($0.map(\.id)) },
            termsWithChildren: Set(sortedTerms.compactMap(\.parentID)),
            provinceOfMunicipality: provinceOfMunicipality,
            servicesOfOrganisation: servicesOfOrganisation,
            serviceAtLocations: serviceAtLocations,
            originals: originals)
    }

    /// Our vocabularies in their own order, then the extension fields, then the rest by name.
    private static func taxonomyRank(_ t: TaxonomyEntry) -> (Int, String, String) {
        if let v = Vocabulary.allCases.firstIndex(where: { $0.id == t.id }) { return (v, "", "") }
        if t.id == HSDSField.taxonomyID { return (Vocabulary.allCases.count, "", "") }
        return (Vocabulary.allCases.count + 1, t.name, t.id.uuidString)
    }

    /// By taxonomy, then our terms in vocabulary order, then the rest by name.
    private static func termRank(_ t: TermEntry, _ taxonomyPosition: [UUID: Int]) -> (Int, Int, String, String) {
        let taxonomy = t.taxonomyID.flatMap { taxonomyPosition[$0] } ?? Int.max
        let own = Term.all.firstIndex { $0.id == t.id } ?? HSDSField.allCases.firstIndex { $0.termID == t.id } ?? Int.max
        return (taxonomy, own, t.name, t.id.uuidString)
    }
}
