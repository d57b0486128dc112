import Vapor

/// Turns computed figures into the dashboard's Leaf context: one card per indicator with its
/// headline, interval, comparison, the Netherlands, the peer group and a trend chart with its table.
struct DashboardBuilder {
    let req: Request
    let subject: DashboardSubject
    let areas: AreaDimension
    let query: DashboardQuery
    let peerLabel: String
    let placesByName: [AreaDimension.Place]

    /// The page's title, for the layout.
    var title: String { "\(req.t("monitor.title")): \(subject.name)" }

    /// The page without what depends on the reader: `storiesHTML`, `processNavHTML` and
    /// `processHTML` are left empty for the caller to fill. A phase shows when it has indicators
    /// or is among `storyPhases`.
    func page(figures: [IndicatorFigures], missing: [IndicatorDefinition], coalitions: [Coalition],
              storyPhases: Set<DashboardPhase>) -> DashboardPage {
        let phases = DashboardPhase.allCases.compactMap { phase -> DashboardPage.Phase? in
            let cards = figures.filter { DashboardPhase($0.indicator) == phase }.map(card)
            let absent = missing.filter { DashboardPhase($0) == phase }.map(\.name)
            guard !cards.isEmpty || !absent.isEmpty || storyPhases.contains(phase) else { return nil }
            return .init(id: "fase-\(phase.rawValue)", heading: req.t("monitor.phase.\(phase.rawValue)"),
                         lead: req.t("monitor.phase.\(phase.rawValue).lead"), cards: cards, missing: absent, storiesHTML: "")
        }
        let base = dashboardURL
        let chosen: Set<String> = { if case .chosen(let c) = query.peer { Set(c) } else { [] } }()
        return DashboardPage(
            kindLabel: req.t("monitor.kind.\(subject.kind.rawValue)"), name: subject.name, code: subject.kind == .coalition ? "" : subject.code,
            members: subject.kind == .municipality ? [] : subject.members.map { .init(label: areas.name(of: $0) ?? $0, url: MonitoringURL.municipality($0)) },
            coalitions: subject.kind == .coalition ? [] : coalitions.map { .init(label: $0.name, url: MonitoringURL.coalition($0.slug)) },
            peerOptions: PeerGroup.formValues.filter { !(subject.kind == .region && $0 == "ggd") }.map {
                SelectOption(value: $0, label: req.t("monitor.peer.option.\($0)"), selected: $0 == query.peer.formValue)
            },
            modeOptions: PoolingMode.allCases.map { SelectOption(value: $0.rawValue, label: req.t("monitor.mode.\($0.rawValue)"), selected: $0 == query.mode) },
            chosenOptionsHTML: Self.optionsHTML(placesByName, selected: chosen),
            errors: query.errors.map(req.t), phases: phases, hasFigures: !figures.isEmpty,
            csvURL: MonitoringURL.csv(base) + query.queryString, action: base, isCoalition: subject.kind == .coalition,
            processNavHTML: "", processHTML: "")
    }

    static func optionsHTML(_ places: [AreaDimension.Place], selected: Set<String>) -> String {
        var out = ""
        out.reserveCapacity(places.count * 48)
        for p in places {
            out += "<option value=\"\(HTML.escape(p.code))\"\(selected.contains(p.code) ? " selected" : "")>\(HTML.escape(p.name))</option>"
        }
        return out
    }

    /// The API publishes areas, not coalitions: a coalition of one municipality links to that one.
    var apiArea: String? {
        subject.kind != .coalition ? subject.code : (subject.members.count == 1 ? subject.members.first : nil)
    }

    var dashboardURL: String { MonitoringURL.dashboard(subject) }

    func card(_ f: IndicatorFigures) -> DashboardPage.Card {
        let text = FigureText(language: req.language, indicator: f.indicator)
        let h = f.headline
        var chart = TrendChart(
            title: "\(f.indicator.name): \(subject.name), \(req.t("monitor.nl")) \(req.t("monitor.and")) \(peerLabel)",
            description: trendDescription(f, text),
            periods: f.trend.map(\.label),
            series: [.init(name: subject.name, style: .main, points: f.trend.map { text.point($0.local) }),
                     .init(name: req.t("monitor.nl"), style: .reference, points: f.trend.map { text.point($0.national) }),
                     .init(name: peerLabel, style: .peer, points: f.trend.map { text.point($0.peer) })],
            format: text.format)
        chart.periodHeading = req.t(f.trendPooled ? "monitor.table.period" : "monitor.table.year")
        chart.intervalHeading = req.t("monitor.interval")
        return DashboardPage.Card(
            id: "ind-\(f.indicator.code)", name: f.indicator.name, description: f.indicator.description,
            nameLang: req.isEnglish && f.indicator.nameEnglish?.isEmpty == false ? "en" : "nl",
            descriptionLang: req.isEnglish && f.indicator.descriptionEnglish?.isEmpty == false ? "en" : "nl", source: f.indicator.source,
            direction: req.t("monitor.direction.\(f.indicator.direction.rawValue)"),
            periodLabel: h.label, pooledNote: f.headlinePooled ? req.t("monitor.pooled.note") : nil,
            headline: text.value(h.local), suppressed: h.local?.suppression != nil,
            interval: text.interval(h.local), counts: text.counts(h.local),
            comparison: text.comparison(h.local), comparisonClass: h.local?.comparison?.rawValue ?? "none",
            national: text.value(h.national), peerLabel: peerLabel, peer: text.value(h.peer),
            peerNote: h.peerCounted < h.peerMembers ? MonitoringStrings.fill(req.t("monitor.peer.partial"), String(h.peerCounted), String(h.peerMembers)) : nil,
            chart: chart.render(id: "grafiek-\(f.indicator.code)"),
            breakdowns: f.breakdowns.map { breakdownChart(f, $0.breakdown, $0.cells, text) },
            apiURL: apiArea.map { MonitoringURL.api(f.indicator.code, area: $0, year: h.year, pooled: f.headlinePooled) },
            mapURL: MonitoringURL.map + "?indicator=\(f.indicator.code)&jaar=\(h.year)")
    }

    /// Bars per breakdown value with their intervals, the area's own figure as the reference line.
    func breakdownChart(_ f: IndicatorFigures, _ b: Breakdown, _ cells: [AreaFigure], _ text: FigureText) -> RenderedChart {
        let title = "\(req.t("monitor.breakdown.\(b.rawValue)")): \(subject.name), \(f.headline.label)"
        var chart = BarChart(
            title: title,
            description: MonitoringStrings.fill(req.t("monitor.breakdown.desc"), f.indicator.name, subject.name),
            bars: cells.map { c in
                let p = text.point(c)
                return .init(label: req.t("monitor.cell.\(b.rawValue).\(c.breakdownValue)"), value: p.value, low: p.low, high: p.high, note: p.note)
            },
            reference: f.headline.local.flatMap { h in h.suppression == nil ? h.value.map { .init(label: subject.name, value: $0) } : nil },
            format: text.format)
        chart.labelHeading = req.t("monitor.breakdown.group")
        chart.valueHeading = req.t("monitor.csv.value")
        chart.intervalHeading = req.t("monitor.interval")
        return chart.render(id: "uitsplitsing-\(f.indicator.code)-\(b.rawValue)")
    }

    /// The chart's text alternative: what the lines show, in words.
    func trendDescription(_ f: IndicatorFigures, _ text: FigureText) -> String {
        let parts = f.trend.map { "\($0.label): \(text.value($0.local))" }
        return MonitoringStrings.fill(req.t("monitor.chart.desc"), subject.name, parts.joined(separator: "; "), text.value(f.trend.last?.national))
    }
}
