import Foundation
import Vapor

/// The worklist's content in Swift (ADR 0019): the hot page of the care room, up to 50 rows,
/// each with several texts; Leaf's serializer cost more than the query.
struct WorklistHTML {
    let req: Request
    let incoming: Bool
    let slice: WorklistSlice
    let now: Date

    func render() -> String {
        var w = HTMLWriter(capacity: 4_096 + slice.referrals.count * 400)
        let title = t(incoming ? "worklist.incoming" : "worklist.outgoing")
        w.raw("<div class=\"ws\">\n<p><a href=\"/zorg\">"); w.text(t("care.back")); w.raw("</a></p>\n<h1>"); w.text(title); w.raw("</h1>\n")
        w.raw("<p><a href=\"/zorg/verwijzingen?lijst=inkomend\""); if incoming { w.raw(" aria-current=\"page\"") }
        w.raw(">"); w.text(t("worklist.incoming")); w.raw("</a> · <a href=\"/zorg/verwijzingen?lijst=uitgaand\"")
        if !incoming { w.raw(" aria-current=\"page\"") }
        w.raw(">"); w.text(t("worklist.outgoing")); w.raw("</a></p>\n")
        if slice.referrals.isEmpty {
            w.raw("<p class=\"empty\">"); w.text(t("worklist.none")); w.raw("</p>\n")
        } else {
            table(&w, caption: title)
        }
        pager(&w)
        w.raw("</div>\n")
        return w.html
    }

    private func table(_ w: inout HTMLWriter, caption: String) {
        w.raw("<table class=\"table table-cards\">\n<caption class=\"visually-hidden\">"); w.text(caption); w.raw("</caption>\n<thead><tr>")
        let headers = ["client.title", "referral.service", incoming ? "referral.from" : "referral.to", "referral.requested", "referral.status"].map(t)
        for header in headers {
            w.raw("<th scope=\"col\">"); w.text(header); w.raw("</th>")
        }
        // on a phone each row is a card: a cell names its column through data-label (kansrijk.css)
        let cell = headers.map { "<td data-label=\"" + HTML.escape($0) + "\">" }
        w.raw("</tr></thead>\n<tbody>\n")
        let handoverText = t("handover.label")
        // each status's words looked up once per page, not once per row
        var statusLabels: [ReferralStatus: String] = [:]
        for r in slice.referrals {
            let statusLabel = statusLabels[r.status] ?? t("referral.status.\(r.status.rawValue)")
            statusLabels[r.status] = statusLabel
            w.raw("<tr>"); w.raw(cell[0]); w.raw("<a href=\"/zorg/verwijzingen/"); w.raw(r.id.slug); w.raw("\">"); w.text(r.clientName); w.raw(" (")
            w.text(r.clientCode); w.raw(")</a></td>"); w.raw(cell[1])
            if r.kind == .handover { w.raw("<span class=\"ws-badge\">"); w.text(handoverText); w.raw("</span> ") }
            // outside Kansrijk: the sender calls or mails, so the list says so instead of waiting for an answer here
            if r.channel != .kansrijk {
                w.raw("<span class=\"route-badge route-"); w.raw(r.channel.rawValue); w.raw("\">")
                w.text(t("referral.sent." + r.channel.rawValue)); w.raw("</span> ")
            }
            w.text(r.serviceName); w.raw("</td>"); w.raw(cell[2])
            w.text(incoming ? r.referringOrganisation : r.receivingOrganisation); w.raw("</td>"); w.raw(cell[3])
            w.raw(req.date(r.requestedAt)); w.raw("</td>"); w.raw(cell[4]); w.raw("<span class=\"status-badge status-")
            w.raw(r.status.rawValue); w.raw("\">"); w.text(statusLabel); w.raw("</span>")
            // "te laat" in words: what was late, and against which limit (issue #15)
            if r.channel == .kansrijk, let overdue = ReferralStatusWords.overdue(status: r.status, requestedAt: r.requestedAt, statusChangedAt: r.statusChangedAt,
                                                         alternative: r.alternative, t: t, now: now) {
                w.raw(" <strong class=\"status-late\">"); w.text(overdue); w.raw("</strong>")
            }
            w.raw("</td></tr>\n")
        }
        w.raw("</tbody>\n</table>\n")
    }

    /// Previous and next page links when there is more than one page.
    private func pager(_ w: inout HTMLWriter) {
        let previous = slice.page > 1, next = slice.hasMore
        guard previous || next else { return }
        w.raw("<nav class=\"pager\" aria-label=\""); w.text(t("worklist.pages")); w.raw("\"><p>")
        if previous { w.raw("<a href=\""); w.text(link(page: slice.page - 1)); w.raw("\" rel=\"prev\">"); w.text(t("worklist.previous")); w.raw("</a> ") }
        w.raw("<span>"); w.text(t("worklist.page")); w.raw(" "); w.text(slice.page); w.raw("</span>")
        if next { w.raw(" <a href=\""); w.text(link(page: slice.page + 1)); w.raw("\" rel=\"next\">"); w.text(t("worklist.next")); w.raw("</a>") }
        w.raw("</p></nav>\n")
    }

    private func link(page: Int) -> String {
        "/zorg/verwijzingen?lijst=\(incoming ? "inkomend" : "uitgaand")" + (page > 1 ? "&pagina=\(page)" : "")
    }

    private func t(_ key: String) -> String { req.t(key) }
}
