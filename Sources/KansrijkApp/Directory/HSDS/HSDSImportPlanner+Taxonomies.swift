import Foundation

extension HSDSImportPlanner {
    /// Organisation and location ids first, so that the records that refer to them resolve.
    mutating func registerIDs(_ organisations: [String], _ locations: [String]) {
        fileOrganisations = Set(organisations.compactMap(UUID.init(uuidString:)))
        fileLocations = Set(locations.compactMap(UUID.init(uuidString:)))
    }

    mutating func addTaxonomies(_ taxonomies: [Placed<HSDSTaxonomy>]) {
        for placed in taxonomies {
            let (t, path) = (placed.value, placed.path)
            guard let id = uuid(t.id, at: "\(path).id") else { continue }
            fileTaxonomies.insert(id)
            guard !HSDSImportContext.builtInTaxonomies.contains(id) else { continue }
            checkWebAddress(t.uri, at: "\(path).uri")
            let values = HSDSImportPlan.TaxonomyValues(id: id, name: t.name, description: t.description,
                                                       uri: HSDSText.nonEmpty(t.uri), version: HSDSText.nonEmpty(t.version))
            plan.taxonomies.append(.init(values, existing: context.taxonomies[id]))
        }
    }

    mutating func addTerms(_ terms: [Placed<HSDSTaxonomyTerm>]) {
        for placed in terms {
            let (t, path) = (placed.value, placed.path)
            guard let id = uuid(t.id, at: "\(path).id") else { continue }
            fileTerms.insert(id)
            guard !HSDSImportContext.builtInTerms.contains(id) else { continue }
            var taxonomyID: UUID?
            if let raw = t.taxonomyID ?? t.taxonomyDetail?.id {
                let field = t.taxonomyID == nil ? "\(path).taxonomy_detail.id" : "\(path).taxonomy_id"
                guard let value = uuid(raw, at: field) else { continue }
                guard fileTaxonomies.contains(value) || context.taxonomies[value] != nil || HSDSImportContext.builtInTaxonomies.contains(value) else {
                    reject(field, "taxonomie onbekend (\(raw))")
                    continue
                }
                taxonomyID = value
            }
            var parentID: UUID?
            if let raw = HSDSText.nonEmpty(t.parentID) {
                guard let value = uuid(raw, at: "\(path).parent_id") else { continue }
                parentID = value
            }
            let values = HSDSImportPlan.TermValues(id: id, taxonomyID: taxonomyID, parentID: parentID, code: HSDSText.nonEmpty(t.code),
                                                   name: t.name, description: t.description, language: HSDSText.nonEmpty(t.language))
            plan.terms.append(.init(values, existing: context.terms[id]))
        }
    }
}
