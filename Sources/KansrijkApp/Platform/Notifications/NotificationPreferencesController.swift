import Fluent
import Vapor

struct NotificationsPage: Encodable {
    struct Option: Encodable { var value: String; var label: String; var checked: Bool; var id: String }
    struct Kind: Encodable { var field: String; var label: String; var options: [Option]; var error: String? }
    var page: PageMeta
    var action: String
    var kinds: [Kind]
    var errorList: [ErrorLink]
}

/// `/account/meldingen`: each signed-in person chooses per kind how she hears of it by e-mail
/// (issue #14). Linked from the account page and from "Nieuw voor u".
struct NotificationPreferencesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(NotificationPaths.preferences.pathComponents, use: show)
        routes.post(NotificationPaths.preferences.pathComponents, use: save)
    }

    @Sendable func show(req: Request) async throws -> View {
        let user = try req.requireUser()
        let choices = try await NotificationPreference.all(of: user.requireID(), on: req.db)
        return try await render(req, choices: choices.mapValues(\.rawValue), invalid: [])
    }

    @Sendable func save(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let form = try req.content.decode([String: String].self)
        var choices: [MailKind: MailDelivery] = [:]
        var invalid: [MailKind] = []
        for kind in MailKind.choosable {
            if let raw = form[kind.rawValue], let delivery = MailDelivery(rawValue: raw) { choices[kind] = delivery } else { invalid.append(kind) }
        }
        guard invalid.isEmpty else {
            let raw = Dictionary(uniqueKeysWithValues: MailKind.choosable.compactMap { k in form[k.rawValue].map { (k, $0) } })
            return try await render(req, choices: raw, invalid: invalid).encodeResponse(status: .unprocessableEntity, for: req)
        }
        try await NotificationPreference.save(choices, of: user.requireID(), on: req.db, now: Date())
        req.flash(req.t("notifications.saved"))
        return req.redirect(to: NotificationPaths.preferences)
    }

    private func render(_ req: Request, choices: [MailKind: String], invalid: [MailKind]) async throws -> View {
        let message = req.t("notifications.invalid")
        let kinds = MailKind.choosable.map { kind in
            NotificationsPage.Kind(
                field: kind.rawValue, label: req.t("notifications.kind.\(kind.rawValue)"),
                options: MailDelivery.allCases.enumerated().map { index, delivery in
                    // the first option carries the field's id, so the error summary's link lands on it
                    .init(value: delivery.rawValue, label: req.t("notifications.delivery.\(delivery.rawValue)"),
                          checked: choices[kind] == delivery.rawValue, id: index == 0 ? "f-\(kind.rawValue)" : "f-\(kind.rawValue)-\(delivery.rawValue)")
                },
                error: invalid.contains(kind) ? message : nil)
        }
        return try await req.view.render("platform/notifications", NotificationsPage(
            page: try await req.pageMeta(title: req.t("notifications.title"), forms: true), action: NotificationPaths.preferences,
            kinds: kinds, errorList: invalid.map { ErrorLink(field: $0.rawValue, message: "\(req.t("notifications.kind.\($0.rawValue)")): \(message)") }))
    }
}
