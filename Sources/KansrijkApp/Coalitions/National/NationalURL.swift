import Vapor

/// Every path of the national overview and the library, used both to register routes and to
/// build links, so a renamed path cannot leave a dead link behind.
enum NationalURL {
    static let overview = "/landelijk"
    static let csv = "/landelijk/gemeenten.csv"
    static let figures = "/landelijk/cijfers"
    static let funding = "/landelijk/financiering"
    static let importing = "/landelijk/importeren"
    static let library = "/praktijkvoorbeelden"

    static func municipality(_ code: String) -> String { "/landelijk/gemeenten/\(code)" }
    static func edit(_ code: String) -> String { "/landelijk/gemeenten/\(code)/bewerken" }
    static func example(_ slug: String) -> String { "/praktijkvoorbeelden/\(slug)" }

    /// Path components for route registration.
    static func components(_ path: String) -> [PathComponent] {
        path.split(separator: "/").map { $0.hasPrefix(":") ? .parameter(String($0.dropFirst())) : .constant(String($0)) }
    }
}
