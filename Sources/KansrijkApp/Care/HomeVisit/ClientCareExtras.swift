import Fluent
import Vapor

/// The client page's section for the prenatal home visit and extra care (issue 15): where the home
/// visit stands and the client's requests for extra care, each with a link to act. Loaded with the
/// page (`ClientPageBuilder`) and written by `write(_:)` inside `ClientPageHTML`.
struct ClientCareExtras: Sendable {
    struct Request: Sendable { var href: String; var care: String; var asked: String; var status: String; var statusClass: String; var requested: String }
    var base: String
    var visitState: String?
    var visitDay: String?
    var requests: [Request]
    /// A care professional may act (not under emergency access, which reads only).
    var canAct: Bool
    var words: @Sendable (String) -> String

    static func load(_ req: Vapor.Request, user: User, client: CareClient, basis: AccessBasis) async throws -> ClientCareExtras {
        let id = try client.requireID()
        let visit = try await PrenatalHomeVisit.of(client: id, on: req.db)
        let requests = try await ExtraCareRequest.query(on: req.db).filter(\.$clientID == id).sort(\.$requestedAt, .descending).all()
        let emergency: Bool = if case .breakTheGlass = basis { true } else { false }
        let language = req.language
        return ClientCareExtras(
            base: "/zorg/clienten/\(id.slug)",
            visitState: visit.map { req.t("homevisit.state.\($0.state.rawValue)") },
            visitDay: visit.flatMap { $0.day(of: $0.state) }.map(req.date),
            requests: requests.map { r in
                Request(href: ExtraCarePaths.request(r.id!), care: r.care, asked: ExtraCareWords.amount(r.amount, r.unit, req),
                        status: req.t("extracare.status.\(r.status.rawValue)"), statusClass: ExtraCareWords.statusClass(r.status), requested: req.date(r.requestedAt))
            },
            canAct: user.role == .professional && !emergency,
            words: { Strings.text($0, language) })
    }

    func write(_ w: inout HTMLWriter) {
        w.raw("<section class=\"panel\" aria-labelledby=\"h-careextras\">\n<h2 id=\"h-careextras\">"); w.text(words("careextras.heading")); w.raw("</h2>\n")
        w.raw("<h3>"); w.text(words("homevisit.title")); w.raw("</h3>\n<p>")
        if let state = visitState {
            w.text(state); if let day = visitDay { w.raw(", "); w.text(day) }
        } else {
            w.text(words("homevisit.none"))
        }
        if canAct { w.raw(" <a href=\""); w.text(base + "/huisbezoek"); w.raw("\">"); w.text(words("homevisit.record")); w.raw("</a>") }
        w.raw("</p>\n<h3>"); w.text(words("extracare.title")); w.raw("</h3>\n")
        if requests.isEmpty {
            w.raw("<p class=\"empty\">"); w.text(words("extracare.client.none")); w.raw("</p>\n")
        } else {
            w.raw("<ul>\n")
            for r in requests {
                w.raw("<li><a href=\""); w.text(r.href); w.raw("\">"); w.text(r.care); w.raw("</a>: "); w.text(r.asked); w.raw(", ")
                w.text(r.requested); w.raw(" <span class=\"status-badge "); w.text(r.statusClass); w.raw("\">"); w.text(r.status); w.raw("</span></li>\n")
            }
            w.raw("</ul>\n")
        }
        if canAct { w.raw("<p><a class=\"button\" href=\""); w.text(base + "/extra-zorg"); w.raw("\">"); w.text(words("extracare.client.ask")); w.raw("</a></p>\n") }
        w.raw("</section>\n")
    }
}
