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
    var format: String?
    var minimal: String?
    var full: String?
    var postcode: String?
    var proximity: String?

    enum CodingKeys: String, CodingKey {
        case page, search, municipality, phase, theme, format, minimal, full, postcode, proximity
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
        } catch let error as DecodingError {
            // a parameter given twice (`page=1&page=2`) or as a list (`page[]=1`): name it
            guard let name = Self.codingPath(of: error).first?.stringValue else {
                throw Abort(.badRequest, reason: "De parameters zijn niet te lezen; geef elke parameter hoogstens één keer, als tekst.")
            }
            throw Abort(.badRequest, reason: "De parameter \(name) is niet te lezen; geef hem hoogstens één keer, als tekst.")
        }
    }

    /// Where a decoding error happened: its first key is the parameter.
    static func codingPath(of error: DecodingError) -> [any CodingKey] {
        switch error {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .keyNotFound(_, let context), .dataCorrupted(let context):
            context.codingPath
        @unknown default:
            []
        }
    }

    /// Words of `search`, folded, for the lists without a search index.
    var searchWords: [String] { DutchText.words(search ?? "") }

    /// A true/false parameter; absent is false. Only `true` and `false`, as an OpenAPI boolean is
    /// written in a query: `1`, `yes` or an empty value is a 400, not a guess (issue 16).
    static func flag(_ raw: String?, _ name: String) throws -> Bool {
        switch raw {
        case nil: return false
        case "true": return true
        case "false": return false
        case let text?: throw Abort(.badRequest, reason: "De parameter \(name) moet true of false zijn; '\(text)' is dat niet.")
        }
    }

    /// `format` of a list: only `json`, in pages. The `ndjson` stream of all results the HSDS
    /// OpenAPI mentions is not offered; saying so beats answering something else than asked.
    func checkFormat() throws {
        guard let text = HSDSText.nonEmpty(format), text != "json" else { return }
        if text == "ndjson" {
            throw Abort(.badRequest, reason: "De parameter format=ndjson biedt deze API niet; laat format weg of geef json, en blader met page en per_page.")
        }
        throw Abort(.badRequest, reason: "De parameter format kent '\(text)' niet; deze API geeft alleen json.")
    }

    /// `postcode` and `proximity` (HSDS: services near a postcode) are not offered: a filter that
    /// was silently ignored would return everything. `municipality` is the way to ask for local.
    func checkNoProximity() throws {
        for (name, value) in [("postcode", postcode), ("proximity", proximity)] {
            guard let text = HSDSText.nonEmpty(value) else { continue }
            throw Abort(.badRequest, reason: "De parameter \(name) ('\(text)') biedt deze API niet; zoek lokaal met municipality en een CBS-gemeentecode, zoals GM0355 voor Zeist.")
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
