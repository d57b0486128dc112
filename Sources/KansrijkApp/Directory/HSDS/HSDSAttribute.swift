import Vapor

/// HSDS 3.0 `attribute`: a taxonomy term attached to a service or organisation, with an
/// optional value (how our extension fields travel, see `HSDSField`).
struct HSDSAttribute: Content, Equatable {
    var id: String
    var linkID: String?
    var taxonomyTermID: String?
    var linkType: String?
    var linkEntity: String?
    var value: String?
    var taxonomyTerm: HSDSTaxonomyTerm?

    enum CodingKeys: String, CodingKey {
        case id, value
        case linkID = "link_id"
        case taxonomyTermID = "taxonomy_term_id"
        case linkType = "link_type"
        case linkEntity = "link_entity"
        case taxonomyTerm = "taxonomy_term"
    }
}
