import Vapor

/// What a delete removes, named for the confirmation question: `kindKey` is a Strings key such as
/// `confirm.kind.story` ("het verhaal" / "the story"), `name` the thing's own title.
struct DeleteSubject: Sendable {
    var kindKey: String
    var name: String
    /// A Strings key with what else goes or changes; nil for "this cannot be undone" alone.
    var consequenceKey: String?
}

/// `platform/confirm-delete`: "Weet u zeker dat u ... wilt verwijderen?" with the same form again.
struct DeleteConfirmationPage: Encodable {
    var page: PageMeta
    var question: String
    var consequence: String?
    var action: String
    var back: String
    var error: String?
}

/// One pattern for every delete (issue 15, ADR 0030): a delete form posts to its route; unless the
/// post carries the ticked box "Ja, verwijderen" (`bevestigd=ja`), the route answers with a page that
/// asks, naming what will be removed, with that box and the button; sent again without the box, the
/// page says so in Dutch (422). Works without JavaScript, needs no extra route, and no path deletes
/// on one click, whichever page or test posts to it.
extension Request {
    static let deleteConfirmedField = "bevestigd"

    /// Nil when the delete was confirmed; otherwise the page to answer with. Ask it after the access
    /// check and the lookup, so the page names only what the visitor may delete.
    func deleteConfirmation(_ subject: DeleteSubject, back: String) async throws -> Response? {
        let confirmed = (try? content.get(String.self, at: Self.deleteConfirmedField)) == "ja"
        if confirmed { return nil }
        let asked = (try? content.get(String.self, at: "vraag")) != nil
        let what = t(subject.kindKey) + " ‘" + subject.name + "’"
        let question = t("confirm.delete.question").replacingOccurrences(of: "{what}", with: what)
        let error = asked ? t("confirm.delete.error") : nil
        let page = DeleteConfirmationPage(
            page: try await pageMeta(title: (error == nil ? "" : t("form.errors.prefix")) + t("confirm.delete.title"), forms: true),
            question: question, consequence: subject.consequenceKey.map { t($0) },
            action: url.path, back: back, error: error)
        return try await view.render("platform/confirm-delete", page)
            .encodeResponse(status: asked ? .unprocessableEntity : .ok, for: self)
    }
}
