import Foundation

/// The paths of extra care (issue 15), used both to register the routes and to build links.
enum ExtraCarePaths {
    static let list = "/zorg/extra-zorg"
    static func new(client: UUID) -> String { "/zorg/clienten/\(client.slug)/extra-zorg" }
    static func request(_ id: UUID) -> String { "\(list)/\(id.slug)" }
    static func decide(_ id: UUID) -> String { request(id) + "/besluit" }
    static func settle(_ id: UUID) -> String { request(id) + "/afgerekend" }
    static func register(_ slug: String) -> String { "/coalities/\(slug)/extra-zorg" }
    static func deciders(_ slug: String) -> String { register(slug) + "/beslissers" }
}
