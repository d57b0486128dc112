import Foundation
import Vapor

/// Where the log-in page sends someone back to (issue #13, item 3). `terug=%2F%0D%0ASet-Cookie:...`
/// came back as real response headers and `terug=/%09/evil.example/` sent the browser to another
/// site. So the path is parsed, checked part by part and written anew: printable ASCII only (no
/// control characters, no whitespace, also not percent-encoded in the path), no scheme, host or
/// user, no `//` or `\` that a browser may read as another host, and its first segment must be one
/// of the site's own routes. Anything else returns to `/`.
enum SafeReturnPath {
    static let home = "/"
    static let maxLength = 2048

    static func rebuild(_ raw: String?, roots: Set<String>) -> String {
        guard let raw, !raw.isEmpty, raw.utf8.count <= maxLength,
              raw.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }),
              raw.hasPrefix("/"), !raw.contains("\\"),
              let components = URLComponents(string: raw),
              components.scheme == nil, components.host == nil, components.user == nil, components.password == nil, components.port == nil
        else { return home }
        let path = components.percentEncodedPath
        guard let decoded = path.removingPercentEncoding,
              decoded.hasPrefix("/"), !decoded.hasPrefix("//"), !decoded.contains("\\"),
              decoded.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7F && !CharacterSet.whitespacesAndNewlines.contains($0) })
        else { return home }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        guard segments.allSatisfy({ $0 != ".." && $0 != "." }), let first = segments.first,
              first.isEmpty ? segments.count == 1 : roots.contains(String(first))
        else { return home }
        var rebuilt = path
        if let query = components.percentEncodedQuery, !query.isEmpty { rebuilt += "?" + query }
        return rebuilt
    }
}

extension Application {
    private struct RootsKey: StorageKey { typealias Value = Set<String> }

    /// The first path segments of the site's own GET routes (`aanbod`, `zorg`, ...), read from the
    /// route table once the routes are registered: the only places a return path may lead.
    var internalRoots: Set<String> {
        get { storage[RootsKey.self] ?? [] }
        set { storage[RootsKey.self] = newValue }
    }

    func collectInternalRoots() {
        internalRoots = Set(routes.all.filter { $0.method == .GET }.compactMap { route -> String? in
            guard case .constant(let first)? = route.path.first else { return nil }
            return first
        })
    }
}
