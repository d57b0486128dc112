import Foundation
import Testing
@testable import KansrijkApp

@Suite("Referral life cycle (FHIR Task)")
struct ReferralLifecycleTests {
    @Test("the receiver accepts, starts and completes; the sender cancels; closed referrals stay closed")
    func allowedMoves() {
        #expect(ReferralLifecycle.check(from: .requested, to: .accepted, sides: [.receiver], reason: nil) == nil)
        #expect(ReferralLifecycle.check(from: .accepted, to: .inProgress, sides: [.receiver], reason: nil) == nil)
        #expect(ReferralLifecycle.check(from: .inProgress, to: .completed, sides: [.receiver], reason: nil) == nil)
        #expect(ReferralLifecycle.check(from: .onHold, to: .inProgress, sides: [.receiver], reason: nil) == nil)
        #expect(ReferralLifecycle.check(from: .requested, to: .cancelled, sides: [.sender], reason: "Zelf geregeld") == nil)
        for closed in [ReferralStatus.rejected, .completed, .cancelled, .failed] {
            #expect(ReferralLifecycle.moves(from: closed).isEmpty)
            #expect(ReferralLifecycle.check(from: closed, to: .accepted, sides: [.sender, .receiver], reason: "x") == .notAllowed(from: closed, to: .accepted))
        }
    }

    @Test("refusals: skipping a step, the wrong side, a missing reason")
    func refusals() {
        #expect(ReferralLifecycle.check(from: .requested, to: .completed, sides: [.receiver], reason: nil) == .notAllowed(from: .requested, to: .completed))
        #expect(ReferralLifecycle.check(from: .requested, to: .accepted, sides: [.sender], reason: nil) == .wrongSide(to: .accepted))
        #expect(ReferralLifecycle.check(from: .requested, to: .cancelled, sides: [.receiver], reason: "x") == .wrongSide(to: .cancelled))
        #expect(ReferralLifecycle.check(from: .requested, to: .rejected, sides: [.receiver], reason: "  ") == .reasonMissing)
        #expect(ReferralLifecycle.check(from: .inProgress, to: .failed, sides: [.receiver], reason: nil) == .reasonMissing)
    }
}

@Suite("Escalatieladder")
struct EscalationTests {
    let now = Date(timeIntervalSince1970: 1_780_000_000)
    let day: TimeInterval = 86_400
    let ladder = [Escalation.Step(afterDays: 3, role: .coordinator), Escalation.Step(afterDays: 7, role: .policy)]

    func overdue(_ status: ReferralStatus, daysAgo: Double, alternative: String? = nil, newer: Bool = false, ladder: [Escalation.Step]? = nil) -> Escalation.Overdue? {
        let at = now.addingTimeInterval(-daysAgo * day)
        return Escalation.overdue(status: status, requestedAt: at, statusChangedAt: at, alternative: alternative,
                                  hasNewerReferral: newer, ladder: ladder ?? self.ladder, now: now)
    }

    @Test("a referral not accepted in time climbs the ladder step by step")
    func notAccepted() {
        #expect(overdue(.requested, daysAgo: 2) == nil)
        #expect(overdue(.requested, daysAgo: 4) == .init(cause: .notAccepted, days: 4, step: ladder[0]))
        #expect(overdue(.requested, daysAgo: 8) == .init(cause: .notAccepted, days: 8, step: ladder[1]))
        #expect(overdue(.accepted, daysAgo: 30) == nil)
    }

    @Test("a rejection without an alternative escalates at once; with an alternative or a newer referral it does not")
    func rejected() {
        #expect(overdue(.rejected, daysAgo: 0)?.step == ladder[0])
        #expect(overdue(.rejected, daysAgo: 0)?.cause == .rejectedWithoutAlternative)
        #expect(overdue(.rejected, daysAgo: 8)?.step == ladder[1])
        #expect(overdue(.rejected, daysAgo: 8, alternative: "Moedergroep") == nil)
        #expect(overdue(.rejected, daysAgo: 8, newer: true) == nil)
    }

    @Test("without a ladder of its own a coalition uses the default")
    func defaultLadder() {
        #expect(overdue(.requested, daysAgo: 6, ladder: [])?.step == Escalation.defaultLadder[0])
        #expect(overdue(.requested, daysAgo: 11, ladder: [])?.step == Escalation.defaultLadder[1])
    }
}
