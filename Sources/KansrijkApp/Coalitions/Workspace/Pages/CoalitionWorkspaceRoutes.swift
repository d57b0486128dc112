import Vapor

/// The door of the coalition workspace (issue #3): every page under /coalities.
struct CoalitionWorkspaceRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        try routes.register(collection: CoalitionController())
        try routes.register(collection: StageController())
        try routes.register(collection: PartnerController())
        try routes.register(collection: AmbitionController())
        try routes.register(collection: CoalitionMeetingController())
        try routes.register(collection: CoalitionAgreementController())
        try routes.register(collection: CoalitionStoryController())
        try routes.register(collection: CoalitionMemberController())
    }
}
