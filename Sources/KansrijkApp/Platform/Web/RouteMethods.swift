import Vapor

/// Which methods the site's routes take for a path, so a wrong method answers 405 with `Allow`
/// instead of 404 (issue #13). Kept from the route table once the routes are registered; looked up
/// only when no route matched, so it costs nothing on the hot paths.
struct RouteMethods: Sendable {
    let routes: [(method: String, path: [PathComponent])]

    init(_ routes: [Route]) {
        self.routes = routes.map { ($0.method.rawValue, $0.path) }
    }

    /// The methods of every route that matches `path`, sorted; empty when none does.
    func allowed(for path: String) -> [String] {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        var methods = Set<String>()
        for route in routes where Self.matches(route.path, parts) { methods.insert(route.method) }
        if methods.contains("GET") { methods.insert("HEAD") }
        return methods.sorted()
    }

    static func matches(_ pattern: [PathComponent], _ parts: [String]) -> Bool {
        var index = 0
        for component in pattern {
            switch component {
            case .catchall: return index < parts.count
            case .constant(let value):
                guard index < parts.count, parts[index] == value else { return false }
            case .parameter, .anything:
                guard index < parts.count else { return false }
            }
            index += 1
        }
        return index == parts.count
    }
}

extension Application {
    private struct RouteMethodsKey: StorageKey { typealias Value = RouteMethods }
    var routeMethods: RouteMethods {
        get { storage[RouteMethodsKey.self] ?? RouteMethods([]) }
        set { storage[RouteMethodsKey.self] = newValue }
    }
}
