import Foundation

/// The participation indicators of the national monitor, as numerator over denominator per set
/// of municipalities (the country, a province, a GGD region). The monitoring room reuses them.
///
/// Denominators follow the RIVM definitions: coalition, joint plan and Nu Niet Zwanger count
/// against all municipalities of the area; the prenatal home visit counts against the
/// municipalities that answered (here: that have a participation record).
enum NationalFigures {
    enum Indicator: String, CaseIterable, Sendable {
        /// Municipalities with a local or regional coalition.
        case coalition = "coalitie"
        /// Municipalities with a joint plan of action (gezamenlijk plan van aanpak).
        case jointPlan = "gezamenlijk-plan"
        /// Municipalities where Nu Niet Zwanger started.
        case nnz = "nnz"
        /// Municipalities offering the JGZ prenatal home visit.
        case prenatalVisit = "prenataal-huisbezoek"
    }

    /// One municipality as the indicators see it.
    struct Entry: Sendable, Equatable {
        var code: String
        var provinceCode: String
        var ggdCode: String
        /// Has a participation record (answered the questionnaire).
        var answered: Bool
        /// In a tranche of the programme, or covered by a coalition registered on the platform.
        var hasCoalition: Bool
        var hasJointPlan: Bool
        var hasNNZ: Bool
        var hasPrenatalVisit: Bool
    }

    struct Ratio: Sendable, Equatable {
        var numerator: Int
        var denominator: Int

        /// Percentage with one decimal, nil when nothing is counted.
        var percentage: Double? {
            guard denominator > 0 else { return nil }
            return (Double(numerator) * 1000 / Double(denominator)).rounded() / 10
        }

        /// "77,5%" or "–".
        var percentText: String {
            guard let p = percentage else { return "–" }
            return String(format: "%.1f", p).replacingOccurrences(of: ".", with: ",") + "%"
        }
    }

    struct AreaFigures: Sendable, Equatable {
        var code: String
        var name: String
        var municipalities: Int
        var ratios: [Indicator: Ratio]

        func ratio(_ i: Indicator) -> Ratio { ratios[i] ?? Ratio(numerator: 0, denominator: 0) }
    }

    static func ratio(_ indicator: Indicator, _ entries: [Entry]) -> Ratio {
        switch indicator {
        case .coalition: Ratio(numerator: entries.filter(\.hasCoalition).count, denominator: entries.count)
        case .jointPlan: Ratio(numerator: entries.filter(\.hasJointPlan).count, denominator: entries.count)
        case .nnz: Ratio(numerator: entries.filter(\.hasNNZ).count, denominator: entries.count)
        case .prenatalVisit:
            Ratio(numerator: entries.filter { $0.answered && $0.hasPrenatalVisit }.count, denominator: entries.filter(\.answered).count)
        }
    }

    static func figures(code: String, name: String, _ entries: [Entry]) -> AreaFigures {
        AreaFigures(code: code, name: name, municipalities: entries.count,
                    ratios: Dictionary(uniqueKeysWithValues: Indicator.allCases.map { ($0, ratio($0, entries)) }))
    }

    static func national(_ entries: [Entry]) -> AreaFigures {
        figures(code: "NL", name: "Nederland", entries)
    }

    /// One row per area, in the order given; areas without municipalities are left out.
    static func byArea(_ entries: [Entry], areas: [(code: String, name: String)], key: (Entry) -> String) -> [AreaFigures] {
        let grouped = Dictionary(grouping: entries, by: key)
        return areas.compactMap { area in
            guard let members = grouped[area.code], !members.isEmpty else { return nil }
            return figures(code: area.code, name: area.name, members)
        }
    }

    static func byProvince(_ entries: [Entry], provinces: [(code: String, name: String)]) -> [AreaFigures] {
        byArea(entries, areas: provinces, key: \.provinceCode)
    }

    static func byGGDRegion(_ entries: [Entry], regions: [(code: String, name: String)]) -> [AreaFigures] {
        byArea(entries, areas: regions, key: \.ggdCode)
    }
}
