import Foundation

/// Turns the directory snapshot and the catalog into HSDS records. The API and the export use
/// it alike, so an export holds exactly what the API serves.
struct HSDSBuilder: Sendable {
    let snapshot: DirectorySnapshot
    let catalog: HSDSCatalog

    /// The TOOI identifier of a municipality, a persistent URI for the CBS code.
    static func municipalityURI(_ code: String) -> String { "https://identifier.overheid.nl/tooi/id/gemeente/\(code.lowercased())" }

    func taxonomy(_ t: HSDSCatalog.TaxonomyEntry) -> HSDSTaxonomy {
        HSDSTaxonomy(id: t.id.hsds, name: t.name, description: t.description, uri: HSDSText.uri(t.uri), version: t.version)
    }

    func term(_ t: HSDSCatalog.TermEntry) -> HSDSTaxonomyTerm {
        let taxonomy = t.taxonomyID.flatMap { catalog.taxonomy($0) }
        return HSDSTaxonomyTerm(id: t.id.hsds, code: t.code, name: t.name, description: t.description,
                                parentID: t.parentID?.hsds, taxonomy: taxonomy?.name, language: t.language,
                                taxonomyID: t.taxonomyID?.hsds, taxonomyDetail: taxonomy.map(self.taxonomy))
    }

    /// An attribute of a service or organisation; nil when the term is unknown.
    func attribute(owner: UUID, entity: String, termID: UUID, value: String? = nil) -> HSDSAttribute? {
        guard let t = catalog.term(termID) else { return nil }
        let linkType = HSDSField.byTermID[termID] != nil ? "field" : Term.byID[termID]?.vocabulary.hsdsLinkType
        return HSDSAttribute(id: HSDSID.attribute(owner: owner, term: termID).hsds, linkID: owner.hsds, taxonomyTermID: termID.hsds,
                             linkType: linkType, linkEntity: entity, value: value, taxonomyTerm: term(t))
    }
}
