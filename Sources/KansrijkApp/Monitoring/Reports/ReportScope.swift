import Fluent
import Vapor

/// What a report is about: one coalition (its municipalities on today's boundaries), or the country.
struct ReportScope: Sendable {
    static let country = "nederland"

    let slug: String
    let name: String
    let coalition: Coalition?
    /// The municipalities the figures are about; empty for the country (NL01 is used).
    let municipalities: [String]
    /// Who may write the section texts.
    let canWrite: Bool

    var isCountry: Bool { coalition == nil }
}

extension Request {
    /// The scope named by `:scope`: a coalition the user may read (ADR 0006), or the country for every
    /// signed-in user. Writing: the coalition's coordinators and its area's policy advisors; for the
    /// country report, administrators.
    func reportScope() async throws -> ReportScope {
        let user = try requireUser()
        guard let slug = parameters.get("scope") else { throw PageError.notFound }
        if slug == ReportScope.country {
            return ReportScope(slug: slug, name: "Nederland", coalition: nil, municipalities: [], canWrite: user.role == .admin)
        }
        guard let coalition = try await Coalition.query(on: db).filter(\.$slug == slug).first() else { throw PageError.notFound }
        let level = try await CoalitionAccess.levels(for: user, in: [coalition], today: CalendarDay.day(at: Date()), on: db)[coalition.requireID()] ?? .none
        guard level > .none else { throw PageError.forbidden }
        let writes = level == .edit || (user.role == .policy && level >= .read)
        return ReportScope(slug: slug, name: coalition.name, coalition: coalition,
                           municipalities: try await coalition.municipalityCodes(on: db), canWrite: writes)
    }
}
