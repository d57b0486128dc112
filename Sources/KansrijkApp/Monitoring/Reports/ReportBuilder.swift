import Fluent
import Foundation

/// Puts a progress report together from what the platform knows: the coalition (read through the
/// coalitions room's models, never written), the monitor's published figures, the process figure
/// sources and the stories, with the policy advisor's texts per section.
struct ReportBuilder {
    let db: any Database
    let snapshot: MonitoringSnapshot
    let processSources: ProcessFigureSources
    /// The UI text for a key, in the reader's language.
    let t: @Sendable (String) -> String
    let now: Date
    /// Indicator names in English on an English page.
    var english = false

    static let trendYears = 5

    func build(scope: ReportScope, year: Int, texts: [ReportSection: String]) async throws -> ReportDocument {
        let end = CalendarDay.day(at: Self.endOfYear(year))
        var doc = ReportDocument(
            title: Self.title(scope.name, year: year, t), scopeName: scope.name, period: String(year),
            generatedOn: DateFormats.date(now, english ? .en : .nl),
            sections: ReportSection.allCases.map { s in
                .init(key: s.rawValue, number: s.number, heading: t("report.section.\(s.rawValue)"),
                      advisor: (texts[s] ?? "").components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
            },
            summary: [], stage: nil, municipalities: [], circles: [], ambitions: [], indicators: [], withoutData: [], process: [], stories: [])
        let areas = try await AreaDimension.load(on: db)
        doc.municipalities = scope.municipalities.compactMap { areas.name(of: $0) }
        if let coalition = scope.coalition {
            try await addCoalition(coalition, to: &doc, end: end, year: year)
        }
        try await addIndicators(scope: scope, year: year, areas: areas, to: &doc)
        doc.process = try await processSources.figures(municipalities: scope.isCountry ? nil : scope.municipalities, year: year, on: db)
            .map { .init(label: $0.label, value: $0.value, source: $0.source) }
        doc.summary = summary(doc, scope: scope, year: year)
        return doc
    }

    /// "Voortgangsrapportage Kansrijke Start Zeist 2023", without saying "Kansrijke Start" twice.
    static func title(_ name: String, year: Int, _ t: (String) -> String) -> String {
        name.localizedCaseInsensitiveContains("Kansrijke Start") ? "\(t("report.title")) \(name) \(year)" : "\(t("report.doc.title")) \(name) \(year)"
    }

    static func endOfYear(_ year: Int) -> Date {
        var c = DateComponents(); c.year = year; c.month = 12; c.day = 31; c.hour = 12
        return Calendar(identifier: .gregorian).date(from: c) ?? Date()
    }

    private func addCoalition(_ coalition: Coalition, to doc: inout ReportDocument, end: Date, year: Int) async throws {
        let id = try coalition.requireID()
        let stages = try await StageMilestone.query(on: db).filter(\.$coalition.$id == id).all().filter { $0.reachedOn <= end }
        if let latest = stages.max(by: { ($0.stage.order, $0.reachedOn) < ($1.stage.order, $1.reachedOn) }) {
            doc.stage = "\(t("stage.\(latest.stage.rawValue)")) (\(t("report.since")) \(DateFormats.dutchDate(latest.reachedOn)))"
        }
        let partners = try await CoalitionPartner.query(on: db).filter(\.$coalition.$id == id).with(\.$organisation).all().filter { $0.isCurrent(on: end) }
        doc.circles = PartnerCircle.allCases.compactMap { circle in
            let members = partners.filter { $0.circle == circle }.sorted { $0.organisation.name < $1.organisation.name }
            return members.isEmpty ? nil : .init(name: t("partner.circle.\(circle.rawValue)"),
                                                 partners: members.map { .init(name: $0.organisation.name, domain: t("partner.domain.\($0.domain.rawValue)")) })
        }
        let ambitions = try await Ambition.query(on: db).filter(\.$coalition.$id == id).with(\.$activities).sort(\.$position).all()
        let start = CalendarDay.day(at: Self.endOfYear(year - 1))
        doc.ambitions = ambitions.map { a in
            let progress = AmbitionProgress(a.activities.map { ($0.status, $0.endsOn) }, today: end)
            let inYear = a.activities.filter { $0.startsOn <= end && ($0.endsOn.map { $0 > start } ?? true) }
            return .init(title: a.title, phase: t("ambition.phase.\(a.phase.rawValue)"), description: a.description,
                         progress: String(format: t("report.ambition.progress"), progress.done, progress.total, progress.running),
                         activities: inYear.map { .init(title: $0.title, status: t("activity.status.\($0.status.rawValue)")) })
        }
        // the report is made to be handed out, so it carries only the stories their authors marked public
        let stories = try await CoalitionStory.shown(of: [id], membersOf: [], now: now, on: db)
            .filter { $0.toldOn <= end && $0.toldOn > start }
        doc.stories = stories.map { s in
            .init(title: s.title, paragraphs: s.body.split(whereSeparator: \.isNewline).map(String.init),
                  teller: t("story.teller.\(s.teller.rawValue)"), told: DateFormats.dutchDate(s.toldOn))
        }
    }
}
