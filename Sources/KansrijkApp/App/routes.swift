import Fluent
import Vapor

func routes(_ app: Application) throws {
    app.get("health", "ready") { req async throws -> Response in
        if let problem = await req.application.readiness.problem(req.application) {
            return Response(status: .serviceUnavailable, body: .init(string: problem))
        }
        return Response(status: .ok, body: .init(string: "ok"))
    }
    app.get("health", "live") { _ in "ok" }
    // Prometheus text for operators, closed to the public (ADR 0044)
    try app.register(collection: MetricsController())

    let pages = app.grouped(CSRFMiddleware())
    try pages.register(collection: HomeController())
    try pages.register(collection: LoginController())
    try pages.register(collection: SecondFactorController())
    try pages.register(collection: AccountController())
    try pages.register(collection: InvitationController())
    try pages.register(collection: InvitationAcceptController())
    try pages.register(collection: PasswordResetController())
    try pages.register(collection: AdminController())
    try pages.register(collection: PeopleController())
    try pages.register(collection: OrganisationController())
    try pages.register(collection: MailOutboxController())
    // issue 17: what the background jobs did on which instance (ADR 0042)
    try pages.register(collection: BackgroundRunsController())
    try pages.register(collection: DirectoryController())
    try pages.register(collection: ServiceEditController())
    // issue 16: what imports kept without a Dutch municipality (ADR 0034)
    try pages.register(collection: DirectoryReviewController())
    try pages.register(collection: PathwayController())
    try pages.register(collection: CoverageController())
    try pages.register(collection: ParentController())
    try pages.register(collection: ParentAddressController())
    // issue 16: a coalition's social map from a spreadsheet; the upload may bring 5 MB (ADR 0037)
    try app.grouped(SocialMapUploadLimit(), CSRFMiddleware()).register(collection: SocialMapController())
    // the workspace sits behind CSRF like `pages`, but first lets an agreement upload bring 5 MB (ADR 0006)
    try app.grouped(UploadBodyLimit(), CSRFMiddleware()).register(collection: CoalitionWorkspaceRoutes())
    try pages.register(collection: CareRoutes())
    // issue 15: prenatal home visit, extra care (escalatieladder) and its coalition register
    try pages.register(collection: HomeVisitController())
    try pages.register(collection: ExtraCareRequestController())
    try pages.register(collection: ExtraCareDecisionController())
    try pages.register(collection: ExtraCareRegisterController())
    try pages.register(collection: NotificationPreferencesController())
    try app.register(collection: MonitoringReportRoutes())
    try pages.register(collection: MonitoringRoutes(app: app))
    try pages.register(collection: NationalController(dataDirectory: app.settings.rootDirectory + "Resources/Data/", pages: app.nationalPages))

    try app.register(collection: HSDSController())
    try app.register(collection: IndicatorAPIController())
}
