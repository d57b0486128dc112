import Foundation

/// Which referrals are overdue and which step of the ladder they reached. Plain logic, `now` injected.
enum Escalation {
    struct Step: Sendable, Equatable { var afterDays: Int; var role: EscalationRole }

    /// Used while a coalition has not set its own ladder: the coordinator after 5 working days' worth
    /// of calendar days, then the receiving organisation's manager.
    static let defaultLadder = [Step(afterDays: 5, role: .coordinator), Step(afterDays: 10, role: .receivingManager)]

    enum Cause: String, Sendable { case notAccepted = "not_accepted", rejectedWithoutAlternative = "rejected" }

    struct Overdue: Sendable, Equatable { var cause: Cause; var days: Int; var step: Step }

    /// The referral's escalation, or nil when it is on time or needs none. A rejection counts only
    /// when no alternative was given and the client got no newer referral (`hasNewerReferral`).
    static func overdue(status: ReferralStatus, requestedAt: Date, statusChangedAt: Date, alternative: String?,
                        hasNewerReferral: Bool, ladder: [Step], now: Date) -> Overdue? {
        let cause: Cause
        let since: Date
        switch status {
        case .requested: cause = .notAccepted; since = requestedAt
        case .rejected where (alternative ?? "").isEmpty && !hasNewerReferral: cause = .rejectedWithoutAlternative; since = statusChangedAt
        default: return nil
        }
        let days = Int(now.timeIntervalSince(since) / 86_400)
        let steps = (ladder.isEmpty ? defaultLadder : ladder).sorted { $0.afterDays < $1.afterDays }
        // a rejection without an alternative escalates at once to the first step
        let reached = cause == .rejectedWithoutAlternative ? [steps.first].compactMap { $0 } + steps.dropFirst().filter { days >= $0.afterDays }
            : steps.filter { days >= $0.afterDays }
        guard let step = reached.last else { return nil }
        return Overdue(cause: cause, days: days, step: step)
    }
}
