import Fluent
import Foundation

/// The figures of one indicator on a dashboard, all after suppression: the headline (the latest
/// year, or the five years up to it where a year is too small), and the trend over the years,
/// each with the Netherlands and the peer group beside the area.
struct IndicatorFigures: Sendable {
    /// One period: the area, the Netherlands and the peer group.
    struct Slice: Sendable {
        var label: String
        var year: Int
        var local: AreaFigure?
        var national: AreaFigure?
        var peer: AreaFigure?
        /// Peer members counted / in the group (a summed peer group leaves hidden members out).
        var peerCounted: Int
        var peerMembers: Int
    }

    var indicator: IndicatorDefinition
    var headline: Slice
    var headlinePooled: Bool
    /// Per year, or per five-year span when the reader chose five years together.
    var trend: [Slice]
    var trendPooled: Bool
    /// The headline period split by the breakdowns the data carries (kwetsbaar, inkomen, opleiding).
    var breakdowns: [(breakdown: Breakdown, cells: [AreaFigure])] = []
}

/// How a dashboard shows periods: per year, five years together, or pooled only where a year is too small.
enum PoolingMode: String, CaseIterable, Sendable {
    case automatic = "auto"
    case year = "jaar"
    case pooled = "vijf-jaar"

    /// Below this many in the denominator a yearly percentage swings too much to steer on.
    static let smallDenominator = 250
}

extension MonitoringSnapshot {
    /// Everything one indicator shows for `subject`; nil when the indicator has no data yet.
    func figures(_ indicator: IndicatorDefinition, subject: DashboardSubject, peer: PeerGroup, mode: PoolingMode,
                 on db: any Database) async throws -> IndicatorFigures? {
        let years = years(of: indicator)
        guard let areas, !years.isEmpty else { return nil }
        let peerMembers = peer.members(areas: areas, births: births, excluding: Set(subject.members))
        func slice(_ year: Int, pooled: Bool) async throws -> IndicatorFigures.Slice? {
            guard let table = try await table(indicator, year: year, pooled: pooled, on: db) else { return nil }
            let nl = table.total(AreaLevel.netherlands)
            var s = IndicatorFigures.Slice(label: pooled ? Pooling.span(endingIn: year).description : String(year), year: year,
                                           local: subject.figure(in: table), national: nl, peer: nil,
                                           peerCounted: peerMembers.count, peerMembers: peerMembers.count)
            if let code = peer.publishedArea {
                s.peer = table.total(code)
            } else if !peerMembers.isEmpty {
                let sum = GroupFigure.sum(peerMembers.map(table.total), code: "peer", indicator: indicator, national: nl, requireAll: false)
                s.peer = sum.figure
                s.peerCounted = sum.counted
            }
            return s
        }
        // five years together exist from the fifth year with data on
        let pooledYears = years.filter { y in Pooling.span(endingIn: y).years.allSatisfy(years.contains) }
        let trendPooled = mode == .pooled && !pooledYears.isEmpty
        var trend: [IndicatorFigures.Slice] = []
        for y in trendPooled ? pooledYears : years {
            if let s = try await slice(y, pooled: trendPooled) { trend.append(s) }
        }
        guard var headline = trend.last else { return nil }
        var headlinePooled = trendPooled
        if mode == .automatic, pooledYears.last == headline.year,
           headline.local?.suppression != nil || (headline.local?.denominator ?? 0) < PoolingMode.smallDenominator,
           let pooled = try await slice(headline.year, pooled: true) {
            headline = pooled
            headlinePooled = true
        }
        var result = IndicatorFigures(indicator: indicator, headline: headline, headlinePooled: headlinePooled, trend: trend, trendPooled: trendPooled)
        if let table = try await table(indicator, year: headline.year, pooled: headlinePooled, on: db) {
            result.breakdowns = indicator.breakdowns.compactMap(Breakdown.init(rawValue:)).compactMap { b in
                let cells = subject.breakdown(b, in: table)
                return cells.isEmpty ? nil : (b, cells)
            }
        }
        return result
    }
}
