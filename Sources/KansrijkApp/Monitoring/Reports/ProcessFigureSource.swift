import Fluent
import NIOConcurrencyHelpers
import Vapor

/// One process figure in a report: what the platform (or a partner's registration) counted.
struct ProcessFigure: Sendable, Equatable {
    var label: String
    var value: String
    var source: String
}

/// Where a report's process figures come from. The monitor ships one source (the process
/// indicators' counts, filled by the platform's own work or an import); another room (care:
/// screenings, referrals, MDO) plugs in its own with `app.processFigureSources.add(_:)`.
protocol ProcessFigureSource: Sendable {
    func figures(municipalities: [String]?, year: Int, on db: any Database) async throws -> [ProcessFigure]
    /// The same work counted per quarter for a dashboard's process section; a source without
    /// quarterly counts returns them empty.
    func quarterly(municipalities: [String], quarters: [Period], on db: any Database) async throws -> ProcessCounts
}

extension ProcessFigureSource {
    func quarterly(municipalities: [String], quarters: [Period], on db: any Database) async throws -> ProcessCounts {
        ProcessCounts(quarters: quarters)
    }
}

/// The sources a report asks, in order of registration.
final class ProcessFigureSources: Sendable {
    private let sources = NIOLockedValueBox<[any ProcessFigureSource]>([CountedProcessFigures()])

    func add(_ source: any ProcessFigureSource) { sources.withLockedValue { $0.append(source) } }

    /// Every source's figures; municipalities nil means the whole country.
    func figures(municipalities: [String]?, year: Int, on db: any Database) async throws -> [ProcessFigure] {
        var all: [ProcessFigure] = []
        for source in sources.withLockedValue({ $0 }) { all += try await source.figures(municipalities: municipalities, year: year, on: db) }
        return all
    }

    /// Every source's quarterly counts, added up.
    func quarterly(municipalities: [String], quarters: [Period], on db: any Database) async throws -> ProcessCounts {
        var all = ProcessCounts(quarters: quarters)
        for source in sources.withLockedValue({ $0 }) {
            all.merge(try await source.quarterly(municipalities: municipalities, quarters: quarters, on: db))
        }
        return all
    }
}

extension Application {
    private struct ProcessFigureSourcesKey: StorageKey { typealias Value = ProcessFigureSources }

    var processFigureSources: ProcessFigureSources {
        if let existing = storage[ProcessFigureSourcesKey.self] { return existing }
        let made = ProcessFigureSources()
        storage[ProcessFigureSourcesKey.self] = made
        return made
    }
}

/// The process indicators (`group == proces`) from the stored counts: totals over the year's
/// periods (year, quarters or months) for the area. Counts below 10 are shown as "< 10".
struct CountedProcessFigures: ProcessFigureSource {
    func figures(municipalities: [String]?, year: Int, on db: any Database) async throws -> [ProcessFigure] {
        let indicators = try await Indicator.definitions(on: db).filter { $0.group == "proces" }
        let elements = Set(indicators.flatMap { d in ((try? d.validated()).map { $0.numerator.elements + $0.denominator.elements }) ?? [] })
        guard !elements.isEmpty else { return [] }
        var query = MonitoringCount.query(on: db).filter(\.$element ~~ Array(elements)).filter(\.$year == year).filter(\.$breakdown == "")
        if let municipalities {
            let areas = try await AreaDimension.load(on: db)
            let delivered = (areas.places.map(\.code) + areas.merges.map(\.former)).filter { code in
                areas.currentCode(for: code).map(municipalities.contains) ?? false
            }
            query = query.filter(\.$areaCode ~~ delivered)
        }
        var totals: [String: Int] = [:]
        for row in try await query.all() { totals[row.element, default: 0] += row.count }
        return indicators.compactMap { d in
            guard let (n, den) = try? d.validated(), let numerator = n.evaluate({ totals[$0] }) else { return nil }
            let denominator = den.evaluate { totals[$0] } ?? 0
            let value: String
            let small = numerator < Suppression.threshold || (!den.elements.isEmpty && denominator < Suppression.threshold)
                || (d.factor >= 100 && !den.elements.isEmpty && denominator - numerator < Suppression.threshold)
            if small {
                value = "< \(Suppression.threshold)"
            } else if den.elements.isEmpty {
                value = String(numerator)
            } else {
                value = ReportNumber.dutch(Double(numerator) / Double(denominator) * Double(d.factor), unit: d.factor == 100 ? "%" : "")
                    + " (\(numerator) / \(denominator))"
            }
            return ProcessFigure(label: d.name, value: value, source: d.source)
        }
    }
}

/// Numbers as a Dutch report writes them: one decimal, a decimal comma.
enum ReportNumber {
    static func dutch(_ value: Double, decimals: Int = 1, unit: String = "") -> String {
        String(format: "%.\(decimals)f", value).replacingOccurrences(of: ".", with: ",") + unit
    }
}
