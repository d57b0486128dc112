import Vapor

/// The monitor's pages for getting figures in and out in words: aggregate imports, local
/// indicators and the progress report. Behind CSRF like every page; an import upload first
/// gets room for its file (`ImportUploadLimit`).
struct MonitoringReportRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let pages = routes.grouped(ImportUploadLimit(), CSRFMiddleware())
        try pages.register(collection: ImportPageController())
        try pages.register(collection: LocalIndicatorController())
        try pages.register(collection: ReportController())
    }
}
