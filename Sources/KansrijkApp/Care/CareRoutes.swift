import Vapor

/// The door of the care room (issue #4): every page under /zorg and /api/zorg.
/// Registered behind CSRF like the other pages.
struct CareRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        try routes.register(collection: CareHomeController())
        try routes.register(collection: ClientController())
        try routes.register(collection: ClientRecordController())
        try routes.register(collection: ClientHandoverController())
        try routes.register(collection: ClientClosingController())
        try routes.register(collection: ConsentController())
        try routes.register(collection: BreakGlassController())
        try routes.register(collection: BreakGlassReviewController())
        try routes.register(collection: AccessReportController())
        try routes.register(collection: ReferralController())
        try routes.register(collection: WorklistController())
        try routes.register(collection: EscalationController())
        try routes.register(collection: PrivacyController())
        try routes.register(collection: CareAPIController())
        // CARE-B: screening, MDO and volunteer collections, one line each, below this marker.
        // -- care-b collections --
        try routes.register(collection: ScreeningController())
        try routes.register(collection: ParentScreeningController())
        try routes.register(collection: ParentScreeningDoneController())
        try routes.register(collection: InstrumentController())
        try routes.register(collection: MDOController())
        try routes.register(collection: VolunteerController())
        try routes.register(collection: VolunteerRequestController())
    }
}
