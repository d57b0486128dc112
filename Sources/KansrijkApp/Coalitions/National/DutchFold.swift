import Foundation
import NIOConcurrencyHelpers

/// Case- and accent-insensitive matching and ordering for names ('s-Hertogenbosch, Súdwest-Fryslân).
enum DutchFold {
    static func fold(_ s: String) -> String {
        s.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "nl_NL"))
            .trimmingCharacters(in: .whitespaces)
    }

    private static let keys = NIOLockedValueBox([String: String]())

    /// The folded name, remembered: place and region names are a small fixed set, and folding
    /// (like `localizedCompare`) is slow on Linux.
    static func key(_ name: String) -> String {
        if let k = keys.withLockedValue({ $0[name] }) { return k }
        let k = fold(name)
        keys.withLockedValue { $0[name] = k }
        return k
    }

    /// Sorted by the folded value of a name, so "Súdwest-Fryslân" sorts as "sudwest-fryslan".
    static func sorted<T>(_ items: [T], by name: (T) -> String) -> [T] {
        items.map { (key(name($0)), $0) }.sorted { $0.0 < $1.0 }.map(\.1)
    }
}
