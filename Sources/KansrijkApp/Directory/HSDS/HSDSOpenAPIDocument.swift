import Foundation
import NIOConcurrencyHelpers
import Vapor

/// The OpenAPI document of the whole API, `Resources/OpenAPI/openapi.json`, read once.
final class HSDSOpenAPIDocument: Sendable {
    static let relativePath = "Resources/OpenAPI/openapi.json"
    private let cached = NIOLockedValueBox<Data?>(nil)

    func data(rootDirectory: String) throws -> Data {
        if let data = cached.withLockedValue({ $0 }) { return data }
        let path = rootDirectory + Self.relativePath
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Abort(.internalServerError, reason: "Het OpenAPI-document ontbreekt (\(Self.relativePath)).")
        }
        cached.withLockedValue { $0 = data }
        return data
    }
}
