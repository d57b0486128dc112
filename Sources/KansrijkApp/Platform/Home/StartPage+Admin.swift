import Fluent
import Vapor

extension StartPage {
    /// The administrator's desk: people, organisations, the mail outbox.
    static func adminSections(_ user: User, _ req: Request) async throws -> [StartSection] {
        let active = try await User.query(on: req.db).filter(\.$isActive == true).count()
        let inactive = try await User.query(on: req.db).filter(\.$isActive == false).count()
        let organisations = try await Organisation.query(on: req.db).count()
        var mail: [StartLink] = []
        if user.role.may(.mailOutbox) {
            for state in [MailState.failed, .queued, .sent] {
                let count = try await MailMessage.query(on: req.db).filter(\.$state == state).count()
                mail.append(StartLink(href: "/beheer/email?staat=\(state.rawValue)", label: req.t("start.admin.mail.\(state.rawValue)"), count: count))
            }
        }
        var other = [StartLink(href: "/coalities", label: req.t("nav.coalitions")),
                     StartLink(href: "/zorgpaden", label: req.t("nav.pathways")),
                     try await DirectoryReview.startLink(try await DirectoryAccess.load(for: user, on: req.db), req)]
        if user.role.may(.careAdministration) { other.append(StartLink(href: "/zorg/beheer", label: req.t("privacy.title"))) }
        return [
            StartSection(id: "mensen", title: req.t("start.admin.people"), links: [
                StartLink(href: "/beheer/mensen", label: req.t("start.admin.active"), count: active),
                StartLink(href: "/beheer/mensen", label: req.t("start.admin.inactive"), count: inactive),
                StartLink(href: "/beheer/uitnodigingen", label: req.t("admin.tool.invitations")),
                StartLink(href: "/beheer/organisaties", label: req.t("start.admin.organisations"), count: organisations),
            ]),
            StartSection(id: "email", title: req.t("admin.tool.outbox"), links: mail),
            StartSection(id: "werk", title: req.t("start.tools"), links: other),
        ]
    }
}
