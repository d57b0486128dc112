import Vapor

/// The overview's Leaf context, built from the rows and the table query.
extension NationalController {
    static func figures(_ f: NationalFigures.AreaFigures, _ req: Request) -> [NationalOverviewPage.Figure] {
        NationalFigures.Indicator.allCases.map { i in
            let r = f.ratio(i)
            return .init(key: i.rawValue, label: req.t("national.figure.\(i.rawValue)"), numerator: r.numerator, denominator: r.denominator,
                         percent: r.percentText, note: req.t(i == .prenatalVisit ? "national.figure.of.answered" : "national.figure.of.all"))
        }
    }

    static func legend(_ rows: [NationalRow], _ labels: NationalLabels) -> [NationalOverviewPage.LegendItem] {
        let statuses: [Tranche?] = [.one, .two, .three, .noParticipation, nil]
        return statuses.compactMap { status in
            let members = rows.filter { $0.tranche == status }
            if status == nil && members.isEmpty { return nil }
            let inhabitants = members.compactMap(\.facts?.inhabitants).reduce(0, +)
            return .init(cssClass: NationalLabels.statusClass(status), label: labels.tranche(status), municipalities: members.count,
                         inhabitants: status == nil ? labels.t("national.unknown") : ImpulseFunding.grouped(inhabitants))
        }
    }

    static func filters(_ q: NationalTableQuery, _ data: NationalData, _ req: Request) -> NationalOverviewPage.Filters {
        let labels = NationalLabels(language: req.language)
        func yesNo(_ v: Bool?) -> [SelectOption] {
            [SelectOption(value: "ja", label: req.t("national.yes"), selected: v == true),
             SelectOption(value: "nee", label: req.t("national.no"), selected: v == false)]
        }
        let tranche = NationalTableQuery.TrancheFilter.allCases.map { f -> SelectOption in
            let label: String
            switch f {
            case .participating: label = req.t("national.filter.participating")
            case .unknown: label = labels.tranche(nil)
            default: label = labels.tranche(Tranche(rawValue: f.rawValue))
            }
            return SelectOption(value: f.rawValue, label: label, selected: q.tranche == f)
        }
        return .init(q: q.text, tranche: tranche,
                     provinces: data.provinces.map { SelectOption(value: $0.code, label: $0.name, selected: q.province == $0.code) },
                     regions: data.regions.map { SelectOption(value: $0.code, label: $0.name, selected: q.region == $0.code) },
                     plan: yesNo(q.jointPlan), prenatal: yesNo(q.prenatalVisit), nnz: yesNo(q.nnz),
                     sort: q.sort == .name ? "" : q.sort.rawValue, direction: q.descending ? "af" : "")
    }

    static func columns(_ q: NationalTableQuery, _ req: Request) -> [NationalOverviewPage.Column] {
        let keys: [(NationalTableQuery.SortKey, String, Bool)] = [
            (.name, "national.col.name", false), (.province, "national.col.province", false), (.inhabitants, "national.col.inhabitants", true),
            (.tranche, "national.col.tranche", false), (.jointPlan, "national.col.plan", false),
            (.prenatalVisit, "national.col.prenatal", false), (.nnz, "national.col.nnz", false), (.stage, "national.col.stage", false),
        ]
        return keys.map { key, label, numeric in
            let sorted = q.sort == key
            return .init(label: req.t(label), url: q.sortLink(key, base: NationalURL.overview),
                         ariaSort: sorted ? (q.descending ? "descending" : "ascending") : nil,
                         arrow: sorted ? (q.descending ? "▼" : "▲") : "", numeric: numeric)
        }
    }

    static func row(_ r: NationalRow, _ labels: NationalLabels) -> NationalOverviewPage.Row {
        .init(name: r.name, url: NationalURL.municipality(r.code), province: r.provinceName,
              inhabitants: labels.inhabitants(r, markDemo: false), status: labels.tranche(r.tranche) + (r.facts?.isGIDS == true ? " (GIDS)" : ""),
              statusClass: NationalLabels.statusClass(r.tranche),
              plan: labels.yesNo(r.facts?.hasJointPlan), prenatal: labels.yesNo(r.facts?.hasPrenatalVisit), nnz: labels.yesNo(r.facts?.hasNNZ),
              stage: labels.stage(r.stage), isDemo: r.isDemo)
    }
}
