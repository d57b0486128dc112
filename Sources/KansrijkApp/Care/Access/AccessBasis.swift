import Foundation

/// On what ground a user sees or changes a client's data; written into every audit event.
enum AccessBasis: Sendable, Equatable, Hashable {
    /// Their organisation created the record.
    case ownInvolvement
    /// Their organisation is involved through this consent (a referral, an MDO case, a volunteer request).
    case consent(UUID)
    /// An urgent, time-limited grant with a reason (the id of the `BreakGlassAccess`).
    case breakTheGlass(UUID)
    /// An administrator's duty: export (right of access), erasure, retention.
    case administration
    /// An MDO participant sees the case only by its code (no identity), under this consent for the MDO.
    case pseudonymised(UUID)

    /// Stable form in the audit log: `own`, `consent:<id>`, `break-glass:<id>`, `administration`, `pseudonymised:<id>`.
    var logValue: String {
        switch self {
        case .ownInvolvement: "own"
        case .consent(let id): "consent:\(id.uuidString.lowercased())"
        case .breakTheGlass(let id): "break-glass:\(id.uuidString.lowercased())"
        case .administration: "administration"
        case .pseudonymised(let id): "pseudonymised:\(id.uuidString.lowercased())"
        }
    }

    init?(logValue: String) {
        if logValue == "own" { self = .ownInvolvement; return }
        if logValue == "administration" { self = .administration; return }
        if logValue.hasPrefix("consent:"), let id = UUID(uuidString: String(logValue.dropFirst(8))) { self = .consent(id); return }
        if logValue.hasPrefix("break-glass:"), let id = UUID(uuidString: String(logValue.dropFirst(12))) { self = .breakTheGlass(id); return }
        if logValue.hasPrefix("pseudonymised:"), let id = UUID(uuidString: String(logValue.dropFirst(14))) { self = .pseudonymised(id); return }
        return nil
    }
}
