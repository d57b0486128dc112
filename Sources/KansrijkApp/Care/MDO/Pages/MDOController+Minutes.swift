import Fluent
import Vapor

struct MDOMinutesPage: Encodable {
    var page: PageMeta
    var minutes: MDOMinutes
    var markdownHref: String
    var backHref: String
}

extension MDOController {
    static func minutes(_ scope: MDOScope, _ l: MDOMeetingPage.Loaded, language: UILanguage) -> MDOMinutes {
        func point(_ p: MDOActionPoint, carried: Bool) -> MDOMinutes.Point {
            .init(text: p.text, owner: "\(p.ownerOrganisation.name), \(p.ownerPerson)", due: DateFormats.date(p.dueOn, language),
                  done: p.doneOn.map { DateFormats.date($0, language) }, carried: carried, caseCode: p.mdoCase?.client.code)
        }
        return MDOMinutes(
            title: scope.meeting.title, when: DateFormats.dateTime(scope.meeting.startsAt, language), location: scope.meeting.location,
            participants: l.participants.map(\.name),
            cases: l.cases.map { .init(code: $0.client.code, question: $0.question, organisations: l.involved[$0.id!] ?? [],
                                       advice: $0.advice, decision: $0.decision) },
            points: l.carried.map { point($0, carried: true) } + l.raised.map { point($0, carried: false) })
    }

    /// The minutes as a printable page (pseudonymised).
    @Sendable func minutes(req: Request) async throws -> View {
        let scope = try await req.mdoScope()
        let loaded = try await MDOMeetingPage.load(scope, on: req.db)
        try await scope.auditShown(.export, loaded, identified: false, "minutes (printable)", on: req.db)
        return try await req.view.render("care/mdo-minutes", MDOMinutesPage(
            page: try await req.pageMeta(title: req.t("mdo.minutes") + ": " + scope.meeting.title),
            minutes: Self.minutes(scope, loaded, language: req.language), markdownHref: "\(scope.base)/verslag.md", backHref: scope.base))
    }

    /// The minutes as a Markdown download (pseudonymised).
    @Sendable func minutesMarkdown(req: Request) async throws -> Response {
        let scope = try await req.mdoScope()
        let loaded = try await MDOMeetingPage.load(scope, on: req.db)
        try await scope.auditShown(.export, loaded, identified: false, "minutes (markdown)", on: req.db)
        let response = Response(status: .ok, body: .init(string: Self.minutes(scope, loaded, language: req.language).markdown(english: req.isEnglish)))
        response.headers.replaceOrAdd(name: .contentType, value: "text/markdown; charset=utf-8")
        let day = CalendarDay.iso(CalendarDay.day(at: scope.meeting.startsAt))
        response.headers.replaceOrAdd(name: .contentDisposition, value: ContentDisposition.attachment(fileName: "mdo-verslag-\(day).md"))
        return response
    }
}
