import Fluent
import Vapor

extension DashboardController {
    /// Quarters shown in the process section: two years, up to the current quarter.
    static let processQuarters = 8

    /// The coalitions (of `coalitions`) whose workspace the signed-in user may read: they see its
    /// stories that are not public and its process counts unsuppressed.
    static func readerOf(_ coalitions: [Coalition], _ req: Request) async throws -> Set<UUID> {
        guard let user = req.auth.get(User.self), !coalitions.isEmpty else { return [] }
        let levels = try await CoalitionAccess.levels(for: user, in: coalitions, today: CalendarDay.day(at: Date()), on: req.readDB)
        return Set(levels.filter { $0.value > .none }.map(\.key))
    }

    /// Whether the reader sees every process count of this dashboard: an admin always, otherwise a
    /// reader of a coalition working in the area (a GGD region's page is always the public one).
    static func readsAll(_ subject: DashboardSubject, coalitions: [Coalition], readerOf: Set<UUID>, _ req: Request) -> Bool {
        if req.auth.get(User.self)?.role == .admin { return true }
        return subject.kind != .region && !readerOf.isEmpty
    }

    func processSection(_ req: Request, subject: DashboardSubject, reader: Bool, now: Date) async throws -> ProcessSection {
        let quarters = ProcessCounts.quarters(endingAt: now, count: Self.processQuarters)
        let counts = try await req.application.processFigureSources.quarterly(municipalities: subject.members, quarters: quarters, on: req.readDB)
        let language = req.language
        return ProcessSection(counts: counts, reader: reader, text: { Strings.text($0, language) })
    }

    /// The page's "Wat we zelf doen" part; nil for the public when nothing may be shown.
    func process(_ req: Request, subject: DashboardSubject, reader: Bool, now: Date) async throws -> DashboardPage.Process? {
        let section = try await processSection(req, subject: subject, reader: reader, now: now)
        let format = req.isEnglish ? ChartFormat.english() : ChartFormat.dutch()
        let charts = section.counts.isEmpty ? [] : section.tables().map { section.chart($0, format: format) }
        guard reader || !charts.isEmpty else { return nil }
        return DashboardPage.Process(charts: charts, csvURL: MonitoringURL.processCSV(MonitoringURL.dashboard(subject)), reader: reader)
    }

    @Sendable func areaProcessCSV(req: Request) async throws -> Response {
        let (subject, coalitions) = try await areaSubject(req, code: (req.parameters.get("code") ?? "").uppercased())
        return try await processCSV(req, subject: subject, coalitions: coalitions)
    }

    @Sendable func coalitionProcessCSV(req: Request) async throws -> Response {
        let (subject, coalition) = try await coalitionSubject(req, key: req.parameters.get("slug") ?? "")
        return try await processCSV(req, subject: subject, coalitions: [coalition])
    }

    func processCSV(_ req: Request, subject: DashboardSubject, coalitions: [Coalition]) async throws -> Response {
        let readerOf = try await Self.readerOf(coalitions, req)
        let section = try await processSection(req, subject: subject, reader: Self.readsAll(subject, coalitions: coalitions, readerOf: readerOf, req), now: Date())
        let (header, rows) = section.csvRows(format: req.isEnglish ? ChartFormat.english() : ChartFormat.dutch())
        let name = subject.kind == .coalition ? subject.code : subject.code.lowercased()
        return DashboardExport.csvResponse(CSVFile.write(header: header, rows: rows, separator: .semicolon, for: .spreadsheet), filename: "proces-\(name).csv")
    }
}
