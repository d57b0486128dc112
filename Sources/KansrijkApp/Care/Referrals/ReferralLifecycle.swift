import Foundation

/// Which side of a referral a user's organisation is on.
enum ReferralSide: Sendable { case sender, receiver }

/// The allowed status changes, who may make them, and which need a reason (FHIR Task life cycle).
enum ReferralLifecycle {
    struct Move: Sendable, Equatable { var to: ReferralStatus; var side: ReferralSide; var needsReason: Bool }

    static func moves(from status: ReferralStatus) -> [Move] {
        switch status {
        case .requested:
            [Move(to: .accepted, side: .receiver, needsReason: false), Move(to: .rejected, side: .receiver, needsReason: true),
             Move(to: .onHold, side: .receiver, needsReason: true), Move(to: .cancelled, side: .sender, needsReason: true)]
        case .accepted:
            [Move(to: .inProgress, side: .receiver, needsReason: false), Move(to: .onHold, side: .receiver, needsReason: true),
             Move(to: .failed, side: .receiver, needsReason: true), Move(to: .cancelled, side: .sender, needsReason: true)]
        case .onHold:
            [Move(to: .accepted, side: .receiver, needsReason: false), Move(to: .inProgress, side: .receiver, needsReason: false),
             Move(to: .failed, side: .receiver, needsReason: true), Move(to: .cancelled, side: .sender, needsReason: true)]
        case .inProgress:
            [Move(to: .completed, side: .receiver, needsReason: false), Move(to: .onHold, side: .receiver, needsReason: true),
             Move(to: .failed, side: .receiver, needsReason: true), Move(to: .cancelled, side: .sender, needsReason: true)]
        case .rejected, .completed, .cancelled, .failed:
            []
        }
    }

    enum Refusal: Error, Equatable, Sendable {
        case notAllowed(from: ReferralStatus, to: ReferralStatus)
        case wrongSide(to: ReferralStatus)
        case reasonMissing
    }

    /// Checks one change; `sides` holds the sides the user's organisation is on (both when it referred to itself).
    static func check(from: ReferralStatus, to: ReferralStatus, sides: Set<ReferralSide>, reason: String?) -> Refusal? {
        guard let move = moves(from: from).first(where: { $0.to == to }) else { return .notAllowed(from: from, to: to) }
        guard sides.contains(move.side) else { return .wrongSide(to: to) }
        if move.needsReason, (reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return .reasonMissing }
        return nil
    }
}
