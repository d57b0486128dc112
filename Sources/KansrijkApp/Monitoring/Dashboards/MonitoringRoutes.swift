import Vapor

/// The monitoring room's pages: dashboards and maps (and, below the mark, the progress report
/// and import pages). Registered once in `routes.swift`; each controller is one line here.
struct MonitoringRoutes: RouteCollection {
    /// Computed figures shared by the dashboards and maps of this application.
    let snapshot: MonitoringSnapshot
    let dataDirectory: String

    init(app: Application) {
        snapshot = app.monitoringSnapshot
        dataDirectory = app.settings.rootDirectory + "Resources/Data/"
    }

    func boot(routes: any RoutesBuilder) throws {
        try routes.register(collection: DashboardController(snapshot: snapshot))
        try routes.register(collection: MapController(snapshot: snapshot, dataDirectory: dataDirectory))
        // MON-REPORT: report, import and local indicator collections, one line each, below this line.
    }
}
