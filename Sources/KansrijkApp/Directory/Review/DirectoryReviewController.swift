import Fluent
import Vapor

/// "Te controleren" (issue #16, ADR 0034): what imports kept without a Dutch municipality, for the
/// administrator (everything) and coordinators (what has no municipality yet, and what is in their own
/// municipalities), each with a small form to place it. Directory data, not client data: nothing is audited.
struct DirectoryReviewController: RouteCollection {
    static let path = "/aanbod/te-controleren"

    func boot(routes: any RoutesBuilder) throws {
        let review = routes.grouped("aanbod", "te-controleren")
        review.get(use: list)
        review.post(":flag", use: place)
    }

    @Sendable func list(req: Request) async throws -> View {
        let access = try await Self.access(req)
        let entries = DirectoryReview.visible(try await DirectoryReview.entries(on: req.db), to: access)
        return try await render(req, access, entries, failed: nil)
    }

    @Sendable func place(req: Request) async throws -> Response {
        let access = try await Self.access(req)
        let entries = DirectoryReview.visible(try await DirectoryReview.entries(on: req.db), to: access)
        guard let raw = req.parameters.get("flag"), let id = UUID(uuidString: raw),
              let entry = entries.first(where: { $0.flagID == id }) else { throw PageError.notFound }
        let code = (try? req.content.get(String.self, at: "municipality"))?.trimmingCharacters(in: .whitespaces).uppercased() ?? ""
        let known = req.directory.municipalities[code]
        let problem: String? = if code.isEmpty { req.t("review.error.choose") }
            else if known == nil { req.t("review.error.unknown") }
            else if !Self.allowed(req, access).contains(code) { req.t("review.error.notOwn") }
            else { nil }
        if let problem {
            return try await render(req, access, entries, failed: (id, problem)).encodeResponse(status: .unprocessableEntity, for: req)
        }
        try await DirectoryReview.place(entry, in: code, on: req.db)
        try await req.application.directory.reload(on: req.db)
        req.logger.notice("directory review: \(access.user.email) placed \(entry.subject.rawValue) \(entry.subjectID.slug) in \(code)")
        req.flash(req.t("review.placed").replacingOccurrences(of: "{name}", with: entry.name)
            .replacingOccurrences(of: "{municipality}", with: known?.name ?? code))
        return req.redirect(to: Self.path)
    }

    /// Administrators and coordinators; everyone else 403, anonymous visitors to the log-in page.
    static func access(_ req: Request) async throws -> DirectoryAccess {
        let user = try req.require(.administration)
        return try await DirectoryAccess.load(for: user, on: req.db)
    }

    /// Where `access` may place records: any municipality for an administrator, a coordinator's own.
    static func allowed(_ req: Request, _ access: DirectoryAccess) -> Set<String> {
        access.isAdmin ? Set(req.directory.municipalities.keys) : access.coalitionMunicipalities
    }

    private func render(_ req: Request, _ access: DirectoryAccess, _ entries: [DirectoryReview.Entry],
                        failed: (flag: UUID, message: String)?) async throws -> View {
        let allowed = Self.allowed(req, access)
        let english = req.isEnglish
        var errorList: [ErrorLink] = []
        let items = entries.map { e in
            let field = "m-\(e.flagID.slug)"
            let error = failed?.flag == e.flagID ? failed?.message : nil
            if let error { errorList.append(ErrorLink(field: field, message: "\(e.name): \(error)")) }
            let selected = error == nil ? nil : (try? req.content.get(String.self, at: "municipality"))?.uppercased()
            return DirectoryReviewPage.Item(
                kind: req.t("review.kind.\(e.subject.rawValue)"), name: e.name, organisation: e.organisation, gaps: e.gaps,
                source: e.source, date: e.flaggedAt.map { OnboardingMail.day($0, english ? .en : .nl) } ?? "",
                action: "\(Self.path)/\(e.flagID.slug)", field: field,
                label: req.t("review.municipality").replacingOccurrences(of: "{name}", with: e.name),
                options: req.directory.municipalitiesByName.filter { allowed.contains($0.code) }
                    .map { SelectOption(value: $0.code, label: $0.name, selected: $0.code == selected) },
                error: error)
        }
        let title = req.t("review.title")
        return try await req.view.render("directory/review", DirectoryReviewPage(
            page: try await req.pageMeta(title: errorList.isEmpty ? title : req.t("form.errors.prefix") + title, forms: true),
            items: items, errorList: errorList, canPlace: !allowed.isEmpty))
    }
}

struct DirectoryReviewPage: Encodable {
    struct Item: Encodable {
        var kind: String
        var name: String
        var organisation: String?
        var gaps: [String]
        var source: String
        var date: String
        var action: String
        var field: String
        var label: String
        var options: [SelectOption]
        var error: String?
    }

    var page: PageMeta
    var items: [Item]
    var errorList: [ErrorLink]
    /// False for a coordinator without municipalities: she sees the list but has nowhere to place.
    var canPlace: Bool
}
