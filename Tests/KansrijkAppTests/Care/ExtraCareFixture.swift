import Fluent
import Foundation
import Testing
import Vapor
@testable import KansrijkApp

/// Extra-care records for tests (issue 15): a request by the Zeist midwife for one of her clients.
/// The demo names Zeist's coordinator as its decision-maker.
enum ExtraCareFixture {
    static let decider = "coordinator@zeist.demo"

    static func request(_ app: Application, client: CareClient, by user: User, at now: Date = Date(), unit: ExtraCareUnit = .days,
                        amount: Int = 3) async throws -> ExtraCareRequest {
        try await ExtraCareDesk(db: app.db, notifier: Notifier(app: app)).request(
            .init(care: "Kraamzorg blijft langer", provider: "Kraamzorg Zeist", unit: unit, amount: amount, reason: "Testreden: geweld thuis"),
            client: client, basis: .ownInvolvement, by: user, now: now)
    }

    /// Approves a request as Zeist's decision-maker.
    static func approve(_ app: Application, _ r: ExtraCareRequest, amount: Int, financer: ExtraCareFinancer, at now: Date) async throws {
        let decider = try await ClientFixtures.user(decider, app)
        try await ExtraCareDesk(db: app.db, notifier: Notifier(app: app)).decide(r, .approve(amount: amount, financer: financer, other: nil, note: nil),
                                                                               by: decider, now: now)
    }
}
