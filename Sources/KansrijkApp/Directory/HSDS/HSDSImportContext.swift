import Fluent
import Foundation

/// What the database holds now, for deciding what an import creates, updates or leaves alone.
struct HSDSImportContext: Sendable {
    var resolver: HSDSAreaResolver
    var organisations: [UUID: HSDSImportPlan.OrganisationValues]
    var locations: [UUID: HSDSImportPlan.LocationValues]
    var taxonomies: [UUID: HSDSImportPlan.TaxonomyValues]
    var terms: [UUID: HSDSImportPlan.TermValues]
    var services: [UUID: ServiceDraft]
    /// Kept non-municipal service areas per service (ADR 0034).
    var areaTexts: [UUID: [ServiceAreaText.Value]] = [:]
    /// The official HSDS 3.0 schemas (ADR 0036); without them only our own checks run.
    var schema: HSDSSchemaValidator?

    /// Taxonomies and terms that belong to the code (our vocabularies and extension fields):
    /// an import may refer to them but never changes them.
    static let builtInTaxonomies: Set<UUID> = Set(Vocabulary.allCases.map(\.id) + [HSDSField.taxonomyID])
    static let builtInTerms: Set<UUID> = Set(Term.all.map(\.id) + HSDSField.allCases.map(\.termID))

    /// Services come from the snapshot, which the importer reloads first.
    static func load(snapshot: DirectorySnapshot, on db: any Database, schema: HSDSSchemaValidator? = nil) async throws -> HSDSImportContext {
        let organisations = try await Organisation.query(on: db).all().map {
            HSDSImportPlan.OrganisationValues(id: $0.id!, name: $0.name, kind: $0.kind, description: $0.description, email: $0.email,
                                              website: $0.website, phone: $0.phone, municipalityCode: $0.municipalityCode)
        }
        let locations = try await Location.query(on: db).all().map {
            HSDSImportPlan.LocationValues(id: $0.id!, organisationID: $0.$organisation.id, name: $0.name, isVirtual: $0.isVirtual,
                                          street: $0.street, postalCode: $0.postalCode, city: $0.city, municipalityCode: $0.municipalityCode,
                                          latitude: $0.latitude, longitude: $0.longitude, accessibility: $0.accessibility)
        }
        let taxonomies = try await TaxonomyRecord.query(on: db).all().map {
            HSDSImportPlan.TaxonomyValues(id: $0.id!, name: $0.name, description: $0.description, uri: $0.uri, version: $0.version)
        }
        let terms = try await TaxonomyTermRecord.query(on: db).all().map {
            HSDSImportPlan.TermValues(id: $0.id!, taxonomyID: $0.taxonomyID, parentID: $0.parentID, code: $0.code, name: $0.name,
                                      description: $0.description, language: $0.language)
        }
        return HSDSImportContext(
            resolver: HSDSAreaResolver(municipalities: snapshot.municipalities.mapValues(\.name)),
            organisations: Dictionary(uniqueKeysWithValues: organisations.map { ($0.id, $0) }),
            locations: Dictionary(uniqueKeysWithValues: locations.map { ($0.id, $0) }),
            taxonomies: Dictionary(uniqueKeysWithValues: taxonomies.map { ($0.id, $0) }),
            terms: Dictionary(uniqueKeysWithValues: terms.map { ($0.id, $0) }),
            services: Dictionary(uniqueKeysWithValues: snapshot.services.map { ($0.id, ServiceDraft($0).normalized) }),
            areaTexts: try await ServiceAreaText.byService(on: db), schema: schema)
    }
}
