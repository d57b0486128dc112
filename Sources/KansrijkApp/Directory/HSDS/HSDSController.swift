import Vapor

/// Open Referral HSDS 3.0 read API (being written).
struct HSDSController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {}
}
