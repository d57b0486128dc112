import Vapor

/// The filters of `/services` and `/service_at_locations`: the HSDS ones (`search`,
/// `taxonomy_term_id`, `taxonomy_id`, `organization_id`, `modified_after`) and ours
/// (`municipality`, `phase`, `theme`). Invalid values are a 400 with a Dutch reason; well-formed
/// ids that match nothing simply give an empty list.
struct HSDSServiceFilter: Sendable {
    var query: DirectoryQuery
    /// Services with any term of this taxonomy (nil: no such filter).
    var taxonomyID: UUID?

    init(query: DirectoryQuery = DirectoryQuery(includeInactive: true), taxonomyID: UUID? = nil) {
        self.query = query
        self.taxonomyID = taxonomyID
    }

    init(_ p: HSDSParameters, municipalities: [String: DirectorySnapshot.MunicipalityInfo]) throws {
        // HSDS consumers keep their own copy in sync, so ended (defunct) services are listed too
        var q = DirectoryQuery(includeInactive: true)
        q.text = HSDSText.nonEmpty(p.search) ?? ""
        // the API keeps its documented contract: every word that matches anything must match (ADR 0032)
        q.allWords = true
        q.termID = try HSDSParameters.uuid(p.taxonomyTermID, "taxonomy_term_id")
        q.organisationID = try HSDSParameters.uuid(p.organizationID, "organization_id")
        if let raw = HSDSText.nonEmpty(p.modifiedAfter) {
            guard let date = HSDSText.parseDateTime(raw) else {
                throw Abort(.badRequest, reason: "De parameter modified_after moet een datum-tijd volgens ISO 8601 zijn, zoals 2025-01-31T12:00:00Z; '\(raw)' is dat niet.")
            }
            // HSDS says "on or after"; the search keeps what is strictly later, at millisecond precision
            q.modifiedAfter = date.addingTimeInterval(-0.001)
        }
        if let raw = HSDSText.nonEmpty(p.municipality) {
            let code = raw.uppercased()
            guard municipalities[code] != nil else {
                throw Abort(.badRequest, reason: "De gemeente '\(raw)' kennen we niet. Geef een CBS-gemeentecode, zoals GM0355 voor Zeist.")
            }
            q.municipality = code
        }
        q.phase = try HSDSText.nonEmpty(p.phase).map { try Self.term($0, in: .fase, parameter: "phase") }
        q.theme = try HSDSText.nonEmpty(p.theme).map { try Self.term($0, in: .thema, parameter: "theme") }
        self.init(query: q, taxonomyID: try HSDSParameters.uuid(p.taxonomyID, "taxonomy_id"))
    }

    static func term(_ raw: String, in vocabulary: Vocabulary, parameter: String) throws -> String {
        guard Term.find(vocabulary, raw) != nil else {
            let codes = vocabulary.terms.map(\.code).joined(separator: ", ")
            throw Abort(.badRequest, reason: "De parameter \(parameter) kent '\(raw)' niet. Kies uit: \(codes).")
        }
        return raw
    }
}
