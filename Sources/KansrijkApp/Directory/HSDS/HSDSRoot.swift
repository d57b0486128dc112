import Vapor

/// What `GET /api/hsds/` answers: the HSDS version, our profile and where the OpenAPI lives.
struct HSDSRoot: Content, Equatable {
    var version: String
    var profile: String
    var openapiURL: String

    enum CodingKeys: String, CodingKey {
        case version, profile
        case openapiURL = "openapi_url"
    }
}
