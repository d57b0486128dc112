import Vapor

extension HSDSController {
    static let profile = "https://kansrijk.nl/hsds/profiel"

    /// `GET /api/hsds/`: the HSDS version, our profile and where the OpenAPI document is.
    @Sendable
    func root(req: Request) async throws -> HSDSRoot {
        HSDSRoot(version: "3.0", profile: Self.profile, openapiURL: Self.baseURL(req) + "/api/openapi.json")
    }

    @Sendable
    func openAPIDocument(req: Request) async throws -> Response {
        let data = try openAPI.data(rootDirectory: req.application.settings.rootDirectory)
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }

    /// Scheme and host the client used, so links work behind a proxy too.
    static func baseURL(_ req: Request) -> String { req.publicBaseURL }
}
