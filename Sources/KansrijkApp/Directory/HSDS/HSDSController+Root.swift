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
    static func baseURL(_ req: Request) -> String {
        let scheme = req.headers.first(name: "X-Forwarded-Proto") ?? (req.application.settings.secureCookies ? "https" : "http")
        let host = req.headers.first(name: "X-Forwarded-Host") ?? req.headers.first(name: .host)
            ?? "\(req.application.http.server.configuration.hostname):\(req.application.http.server.configuration.port)"
        return "\(scheme)://\(host)"
    }
}
