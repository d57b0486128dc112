import Vapor

/// HSDS 3.0 `taxonomy_term`, with its taxonomy nested as `taxonomy_detail`.
struct HSDSTaxonomyTerm: Content, Equatable {
    var id: String
    var code: String?
    var name: String
    var description: String
    var parentID: String?
    /// The taxonomy's name, as free text (HSDS keeps it beside `taxonomy_id`).
    var taxonomy: String?
    var language: String?
    var taxonomyID: String?
    var taxonomyDetail: HSDSTaxonomy?

    enum CodingKeys: String, CodingKey {
        case id, code, name, description, taxonomy, language
        case parentID = "parent_id"
        case taxonomyID = "taxonomy_id"
        case taxonomyDetail = "taxonomy_detail"
    }
}
