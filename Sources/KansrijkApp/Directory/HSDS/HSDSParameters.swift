import Vapor

/// The query parameters of the HSDS API as raw text, decoded from the query string once per
/// request (each `req.query[_, at:]` would parse the whole string again). Validation happens
/// where each value is used, so every message can name its parameter.
struct HSDSParameters: Decodable, Sendable {
    var page: String?
    var perPage: String?
    var search: String?
    var taxonomyTermID: String?
    var taxonomyID: String?
    var organizationID: String?
    var modifiedAfter: String?
    var municipality: String?
    var phase: String?
    var theme: String?
    var fullService: String?
    var parentID: String?
    var topOnly: String?

    enum CodingKeys: String, CodingKey {
        case page, search, municipality, phase, theme
        case perPage = "per_page"
        case taxonomyTermID = "taxonomy_term_id"
        case taxonomyID = "taxonomy_id"
        case organizationID = "organization_id"
        case modifiedAfter = "modified_after"
        case fullService = "full_service"
        case parentID = "parent_id"
        case topOnly = "top_only"
    }

    init(page: String? = nil, perPage: String? = nil, search: String? = nil) {
        self.page = page
        self.perPage = perPage
        self.search = search
    }

    init(_ req: Request) throws {
        do {
            self = try req.query.decode(HSDSParameters.self)
        } catch is DecodingError {
            throw Abort(.badRequest, reason: "De parameters zijn niet te lezen; geef elke parameter hoogstens één keer, als tekst.")
        }
    }

    /// Words of `search`, folded, for the lists without a search index.
    var searchWords: [String] { DutchText.words(search ?? "") }

    /// A true/false parameter; absent is false.
    static func flag(_ raw: String?, _ name: String) throws -> Bool {
        guard let text = HSDSText.nonEmpty(raw) else { return false }
        switch text.lowercased() {
        case "true", "1": return true
        case "false", "0": return false
        default: throw Abort(.badRequest, reason: "De parameter \(name) moet true of false zijn; '\(text)' is dat niet.")
        }
    }

    /// An optional UUID parameter.
    static func uuid(_ raw: String?, _ name: String) throws -> UUID? {
        guard let text = HSDSText.nonEmpty(raw) else { return nil }
        guard let id = UUID(uuidString: text) else {
            throw Abort(.badRequest, reason: "De parameter \(name) moet een UUID zijn, zoals 3fa85f64-5717-4562-b3fc-2c963f66afa6; '\(text)' is dat niet.")
        }
        return id
    }
}
