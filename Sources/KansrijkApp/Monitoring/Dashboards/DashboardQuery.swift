import Foundation

/// The dashboard's GET form: peer group (`vergelijk`, with `met` for chosen municipalities) and
/// how periods are shown (`periode`). Unknown values fall back to the default with a message.
struct DashboardQuery: Sendable, Equatable {
    var peer: PeerGroup
    var mode: PoolingMode
    /// Message keys for what could not be used.
    var errors: [String]

    static let maxChosen = 25

    /// `items` are the URL's query items in order, so a repeated `met` keeps every value.
    static func parse(_ items: [(String, String)], subject: DashboardSubject, areas: AreaDimension, births: [String: Int]) -> DashboardQuery {
        func value(_ name: String) -> String? { items.last { $0.0 == name }?.1.trimmingCharacters(in: .whitespaces) }
        var errors: [String] = []
        let defaultPeer: PeerGroup = subject.kind == .region ? .province(subject.provinceCode) : .region(subject.ggdCode)
        var peer = defaultPeer
        switch value("vergelijk") ?? "" {
        case "", "ggd": peer = subject.kind == .region ? defaultPeer : .region(subject.ggdCode)
        case "provincie": peer = .province(subject.provinceCode)
        case "grootte":
            let total = subject.members.reduce(0) { $0 + (births[$1] ?? 0) }
            peer = .size(.init(births: subject.kind == .municipality ? total : total / max(subject.members.count, 1)))
        case "eigen":
            let raw = items.filter { $0.0 == "met" }.map { $0.1.uppercased() }.filter { !$0.isEmpty }
            let known = raw.filter { areas.index(of: $0) != nil }
            if known.count != raw.count { errors.append("monitor.error.chosen.unknown") }
            if known.isEmpty { errors.append("monitor.error.chosen.none") }
            else if known.count > maxChosen { errors.append("monitor.error.chosen.many") }
            else { peer = .chosen(Array(Set(known)).sorted()) }
        default: errors.append("monitor.error.peer")
        }
        var mode = PoolingMode.automatic
        if let raw = value("periode"), !raw.isEmpty {
            if let m = PoolingMode(rawValue: raw) { mode = m } else { errors.append("monitor.error.mode") }
        }
        return DashboardQuery(peer: peer, mode: mode, errors: errors)
    }

    /// The query items of a URL (`a=1&a=2` keeps both), percent-decoded.
    static func items(_ query: String?) -> [(String, String)] {
        guard let query, !query.isEmpty else { return [] }
        return query.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String($0) }
            return (parts[0], parts.count > 1 ? parts[1] : "")
        }
    }

    /// The same choice as a query string, for the download link.
    var queryString: String {
        var parts = ["vergelijk=\(peer.formValue)", "periode=\(mode.rawValue)"]
        if case .chosen(let codes) = peer { parts += codes.map { "met=\($0)" } }
        return "?" + parts.joined(separator: "&")
    }
}
