import Fluent
import Foundation

/// What the coalition reports on extra care (issue 15), counted per quarter of the request (Dutch
/// time): requests, approved, the median hours to a decision, and the hours and days granted per
/// financer. Plain logic over the requests; suppression is the caller's (`ExtraCareProcessFigures`).
struct ExtraCareFigures: Sendable, Equatable {
    struct Granted: Sendable, Equatable {
        var hours = 0
        var days = 0
        /// Approved requests (families) behind the hours and behind the days.
        var hourRequests = 0
        var dayRequests = 0
    }

    struct Quarter: Sendable, Equatable {
        var period: Period
        var requests = 0
        var approved = 0
        var rejected = 0
        /// Hours from request to decision, of the decided requests.
        var decisionHours: [Double] = []
        var granted: [ExtraCareFinancer: Granted] = [:]

        var medianHours: Double? { ProcessCounts.median(decisionHours) }
    }

    var quarters: [Quarter]

    init(_ requests: [ExtraCareRequest], quarters periods: [Period]) {
        var out = periods.map { Quarter(period: $0) }
        for r in requests {
            let c = CalendarDay.amsterdam.dateComponents([.year, .month], from: r.requestedAt)
            guard let y = c.year, let m = c.month, let i = periods.firstIndex(of: .quarter(y, (m - 1) / 3 + 1)) else { continue }
            out[i].requests += 1
            if let decided = r.decidedAt { out[i].decisionHours.append(decided.timeIntervalSince(r.requestedAt) / 3600) }
            switch r.status {
            case .open: continue
            case .rejected: out[i].rejected += 1
            case .approved:
                out[i].approved += 1
                guard let financer = r.financer else { continue }
                var g = out[i].granted[financer] ?? Granted()
                let amount = r.grantedAmount ?? 0
                if r.unit == .hours { g.hours += amount; g.hourRequests += 1 } else { g.days += amount; g.dayRequests += 1 }
                out[i].granted[financer] = g
            }
        }
        quarters = out
    }

    /// The four quarters of a year.
    static func quarters(of year: Int) -> [Period] { (1...4).map { .quarter(year, $0) } }

    /// The requests of some municipalities (nil: all) made in the quarters.
    static func requests(municipalities: [String]?, quarters: [Period], on db: any Database) async throws -> [ExtraCareRequest] {
        guard let first = quarters.first, let last = quarters.last, let (start, _) = ProcessCounts.bounds(first),
              let (_, end) = ProcessCounts.bounds(last) else { return [] }
        var q = ExtraCareRequest.query(on: db).filter(\.$requestedAt >= start).filter(\.$requestedAt < end)
        if let municipalities { q = q.filter(\.$municipalityCode ~~ municipalities) }
        return try await q.all()
    }
}

/// Extra care in the progress report (`ProcessFigureSource`): per year the requests, the approved
/// ones and the median time to a decision, and per quarter the hours and days per financer. Every
/// figure rests on requests, and a request is a family: a figure on fewer than 10 is "< 10".
struct ExtraCareProcessFigures: ProcessFigureSource {
    static let source = "Kansrijk (escalatieladder)"

    func figures(municipalities: [String]?, year: Int, on db: any Database) async throws -> [ProcessFigure] {
        let periods = ExtraCareFigures.quarters(of: year)
        let requests = try await ExtraCareFigures.requests(municipalities: municipalities, quarters: periods, on: db)
        guard !requests.isEmpty else { return [] }
        return Self.lines(ExtraCareFigures(requests, quarters: periods))
    }

    static func lines(_ f: ExtraCareFigures) -> [ProcessFigure] {
        let total = f.quarters.reduce(into: ExtraCareFigures.Quarter(period: .year(0))) { sum, q in
            sum.requests += q.requests; sum.approved += q.approved; sum.decisionHours += q.decisionHours
        }
        var out = [count("Extra zorg: aanvragen", total.requests), count("Extra zorg: goedgekeurd", total.approved)]
        out.append(ProcessFigure(label: "Extra zorg: uren tot besluit (mediaan)",
                                 value: total.decisionHours.count < Suppression.threshold ? "< \(Suppression.threshold) aanvragen"
                                    : ReportNumber.dutch(total.medianHours ?? 0), source: source))
        for q in f.quarters {
            for financer in ExtraCareFinancer.allCases {
                guard let g = q.granted[financer] else { continue }
                let label = "Extra zorg \(q.period), \(financerLabel(financer))"
                let hidden = "< \(Suppression.threshold) aanvragen"
                if g.hourRequests > 0 {
                    out.append(ProcessFigure(label: label + ": uren", value: g.hourRequests < Suppression.threshold ? hidden : String(g.hours), source: source))
                }
                if g.dayRequests > 0 {
                    out.append(ProcessFigure(label: label + ": dagen", value: g.dayRequests < Suppression.threshold ? hidden : String(g.days), source: source))
                }
            }
        }
        return out
    }

    static func count(_ label: String, _ n: Int) -> ProcessFigure {
        ProcessFigure(label: label, value: n < Suppression.threshold ? "< \(Suppression.threshold)" : String(n), source: source)
    }

    static func financerLabel(_ f: ExtraCareFinancer) -> String {
        switch f {
        case .gemeente: "gemeente"
        case .zorgverzekeraar: "zorgverzekeraar"
        case .wlz: "Wlz"
        case .anders: "anders"
        }
    }
}
