import Foundation

/// What a dashboard is about: an area the engine publishes (a municipality, a GGD region), or a
/// coalition's municipalities, whose counts are summed (see `GroupFigure`).
struct DashboardSubject: Sendable, Equatable {
    enum Kind: String, Sendable { case municipality = "gemeente", region = "ggd-regio", coalition = "coalitie" }

    var kind: Kind
    /// The area code, or the coalition's slug.
    var code: String
    var name: String
    /// Current municipalities it covers.
    var members: [String]
    /// The GGD region and province most of its municipalities lie in, for the default peer group.
    var ggdCode: String
    var provinceCode: String

    static func area(_ code: String, areas: AreaDimension) -> DashboardSubject? {
        guard let name = areas.name(of: code), let members = areas.members(of: code), !members.isEmpty else { return nil }
        switch AreaLevel(code: code) {
        case .municipality: return .init(kind: .municipality, code: code, name: name, members: members,
                                         ggdCode: Self.majority(members, areas, \.ggdCode), provinceCode: Self.majority(members, areas, \.provinceCode))
        case .ggdRegion: return .init(kind: .region, code: code, name: name, members: members,
                                      ggdCode: code, provinceCode: Self.majority(members, areas, \.provinceCode))
        default: return nil
        }
    }

    static func coalition(slug: String, name: String, municipalities: [String], areas: AreaDimension) -> DashboardSubject {
        let members = Array(Set(municipalities.compactMap { areas.currentCode(for: $0) })).sorted()
        return .init(kind: .coalition, code: slug, name: name, members: members,
                     ggdCode: majority(members, areas, \.ggdCode), provinceCode: majority(members, areas, \.provinceCode))
    }

    /// The engine's own figure for an area; the sum of the members for a coalition.
    func figure(in table: IndicatorTable) -> AreaFigure? {
        switch kind {
        case .municipality, .region: return table.total(code)
        case .coalition:
            if members.count == 1, let only = members.first { return table.total(only) }
            return GroupFigure.sum(members.map(table.total), code: code, indicator: table.indicator,
                                   national: table.total(AreaLevel.netherlands), requireAll: true).figure
        }
    }

    /// The cells of one breakdown; for a coalition each cell summed over all members, hidden where one member's is.
    func breakdown(_ b: Breakdown, in table: IndicatorTable) -> [AreaFigure] {
        switch kind {
        case .municipality, .region: return table.breakdown(code, b)
        case .coalition:
            if members.count == 1, let only = members.first { return table.breakdown(only, b) }
            let perMember = members.map { table.breakdown($0, b) }
            // a member whose data does not carry the breakdown leaves the coalition without it
            guard perMember.allSatisfy({ $0.count == b.values.count }) else { return [] }
            return b.values.indices.map { i in
                var f = GroupFigure.sum(perMember.map { $0[i] }, code: code, indicator: table.indicator, national: nil, requireAll: true).figure
                f.breakdown = b.rawValue
                f.breakdownValue = b.values[i]
                return f
            }
        }
    }

    private static func majority(_ members: [String], _ areas: AreaDimension, _ key: KeyPath<AreaDimension.Place, String>) -> String {
        var counts: [String: Int] = [:]
        for m in members { if let i = areas.index(of: m) { counts[areas.places[i][keyPath: key], default: 0] += 1 } }
        return counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? ""
    }
}
