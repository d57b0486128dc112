import Vapor

/// HSDS 3.0 `taxonomy`.
struct HSDSTaxonomy: Content, Equatable {
    var id: String
    var name: String
    var description: String
    var uri: String?
    var version: String?
}
