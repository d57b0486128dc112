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

    init(_ req: Request, municipalities: [String: DirectorySnapshot.MunicipalityInfo]) throws {
        func value(_ name: String) -> String? { HSDSText.nonEmpty(req.query[String.self, at: name]) }
        // HSDS consumers keep their own copy in sync, so ended (defunct) services are listed too
        var q = DirectoryQuery(includeInactive: true)
        q.text = value("search") ?? ""
        q.termID = try value("taxonomy_term_id").map { try Self.uuid($0, parameter: "taxonomy_term_id") }
        q.organisationID = try value("organization_id").map { try Self.uuid($0, parameter: "organization_id") }
        if let raw = value("modified_after") {
            guard let date = HSDSText.parseDateTime(raw) else {
                throw Abort(.badRequest, reason: "De parameter modified_after moet een datum-tijd volgens ISO 8601 zijn, zoals 2025-01-31T12:00:00Z; '\(raw)' is dat niet.")
            }
            // HSDS says "on or after"; the search keeps what is strictly later, at millisecond precision
            q.modifiedAfter = date.addingTimeInterval(-0.001)
        }
        if let raw = value("municipality") {
            let code = raw.uppercased()
            guard municipalities[code] != nil else {
                throw Abort(.badRequest, reason: "De gemeente '\(raw)' kennen we niet. Geef een CBS-gemeentecode, zoals GM0355 voor Zeist.")
            }
            q.municipality = code
        }
        q.phase = try value("phase").map { try Self.term($0, in: .fase, parameter: "phase") }
        q.theme = try value("theme").map { try Self.term($0, in: .thema, parameter: "theme") }
        self.init(query: q, taxonomyID: try value("taxonomy_id").map { try Self.uuid($0, parameter: "taxonomy_id") })
    }

    static func uuid(_ raw: String, parameter: String) throws -> UUID {
        guard let id = UUID(uuidString: raw) else {
            throw Abort(.badRequest, reason: "De parameter \(parameter) moet een UUID zijn, zoals 3fa85f64-5717-4562-b3fc-2c963f66afa6; '\(raw)' is dat niet.")
        }
        return id
    }

    static func term(_ raw: String, in vocabulary: Vocabulary, parameter: String) throws -> String {
        guard Term.find(vocabulary, raw) != nil else {
            let codes = vocabulary.terms.map(\.code).joined(separator: ", ")
            throw Abort(.badRequest, reason: "De parameter \(parameter) kent '\(raw)' niet. Kies uit: \(codes).")
        }
        return raw
    }
}
