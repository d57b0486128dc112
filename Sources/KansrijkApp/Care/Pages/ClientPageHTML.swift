import Vapor

/// The client page's content in Swift (ADR 0019), the markup of the former `care/client.leaf`:
/// with the worklist the page the care benchmark drives, and Leaf's serializer was the largest
/// single cost left on it. Every text is escaped by `HTMLWriter`.
struct ClientPageHTML {
    let req: Request
    let page: ClientPage
    let csrf: String

    func render() -> String {
        var w = HTMLWriter(capacity: 8_192)
        w.raw("<div class=\"ws\">\n<p><a href=\"/zorg\">"); w.text(t("care.back")); w.raw("</a></p>\n<h1>"); w.text(page.name)
        w.raw(" <span class=\"muted\">"); w.text(page.code); w.raw("</span></h1>\n")
        if page.breakGlass {
            w.raw("<div class=\"notice\" role=\"status\"><p><strong>"); w.text(t("breakglass.active")); w.raw("</strong></p></div>\n")
        }
        if page.closed { w.raw("<p class=\"notice\">"); w.text(t("client.closed")); w.raw("</p>\n") }
        details(&w)
        consents(&w)
        w.raw("<section class=\"panel\" aria-labelledby=\"h-next\">\n<h2 id=\"h-next\">"); w.text(t("client.next")); w.raw("</h2>\n<ul>\n")
        for (href, key) in [(page.base + "/signaleren", "screening.list.title"), (page.base + "/vrijwilliger/nieuw", "client.volunteer"),
                            ("/zorg/mdo", "mdo.title")] {
            w.raw("<li><a href=\""); w.text(href); w.raw("\">"); w.text(t(key)); w.raw("</a></li>\n")
        }
        w.raw("</ul>\n</section>\n")
        w.raw("<section class=\"panel\" aria-labelledby=\"h-involved\">\n<h2 id=\"h-involved\">"); w.text(t("involvement.heading")); w.raw("</h2>\n<ul>")
        for i in page.involvements {
            w.raw("<li>"); w.text(i.organisation); w.raw(" ("); w.text(i.reason); w.raw(", "); w.text(t("involvement.since")); w.raw(" ")
            w.text(i.since); w.raw(")</li>")
        }
        w.raw("</ul>\n</section>\n")
        referrals(&w)
        w.raw("</div>\n")
        return w.html
    }

    private func details(_ w: inout HTMLWriter) {
        w.raw("<section class=\"panel\" aria-labelledby=\"h-details\">\n<h2 id=\"h-details\">"); w.text(t("client.details")); w.raw("</h2>\n<dl class=\"ws-facts\">\n")
        func fact(_ key: String, _ value: String) {
            w.raw("  <dt>"); w.text(t(key)); w.raw("</dt><dd>"); w.text(value); w.raw("</dd>\n")
        }
        fact("client.birthdate", page.birthDate)
        fact("client.municipality", page.municipality)
        if let expected = page.expectedBirthDate { fact("client.expected", expected) }
        if let actual = page.actualBirthDate { fact("client.actual", actual) }
        fact("client.phase", page.phase ?? t("client.phase.none"))
        fact("client.language", page.language)
        w.raw("</dl>\n<p><a href=\""); w.text(page.base); w.raw("/inzage\">"); w.text(t("audit.report.link")); w.raw("</a></p>\n")
        if page.ownsRecord { postButton(&w, action: page.base + "/afsluiten", label: t(page.closed ? "client.reopen" : "client.close"), danger: false) }
        else if !page.breakGlass { postButton(&w, action: page.base + "/betrokkenheid-beeindigen", label: t("client.involvement.end"), danger: false) }
        w.raw("\n</section>\n\n")
    }

    private func consents(_ w: inout HTMLWriter) {
        w.raw("<section class=\"panel\" aria-labelledby=\"h-consents\">\n<h2 id=\"h-consents\">"); w.text(t("consent.heading"))
        w.raw("</h2>\n<p class=\"hint\">"); w.text(t("consent.explain")); w.raw("</p>\n")
        if page.consents.isEmpty {
            w.raw("<p class=\"empty\">"); w.text(t("consent.none")); w.raw("</p>\n")
        } else {
            tableHead(&w, caption: t("consent.heading"),
                      headers: ["consent.purposes", "consent.organisations", "consent.period", "consent.givenby", "consent.status"],
                      hiddenLast: t("consent.actions"))
            for c in page.consents {
                w.raw("<tr><td>"); w.text(c.purposes); w.raw("</td><td>"); w.text(c.organisations); w.raw("</td><td>"); w.text(c.period)
                w.raw("</td><td>"); w.text(c.givenBy); w.raw(", "); w.text(c.recordedHow); w.raw("</td><td>"); w.text(c.status); w.raw("</td><td>")
                if let action = c.withdrawAction { postButton(&w, action: action, label: t("consent.withdraw"), danger: true) }
                w.raw("</td></tr>\n")
            }
            w.raw("  </tbody>\n</table>\n")
        }
        w.raw("<p><a class=\"button\" href=\""); w.text(page.base); w.raw("/toestemming\">"); w.text(t("consent.new.title")); w.raw("</a></p>\n</section>\n\n")
    }

    private func referrals(_ w: inout HTMLWriter) {
        w.raw("<section class=\"panel\" aria-labelledby=\"h-referrals\">\n<h2 id=\"h-referrals\">"); w.text(t("referral.heading")); w.raw("</h2>\n")
        if page.referrals.isEmpty {
            w.raw("<p class=\"empty\">"); w.text(t("referral.none")); w.raw("</p>\n")
        } else {
            tableHead(&w, caption: t("referral.heading"),
                      headers: ["referral.service", "referral.organisation", "referral.requested", "referral.status"], hiddenLast: nil)
            for r in page.referrals {
                w.raw("<tr><td><a href=\""); w.text(r.href); w.raw("\">"); w.text(r.service); w.raw("</a></td><td>"); w.text(r.organisation)
                w.raw("</td><td>"); w.text(r.requested); w.raw("</td><td><span class=\"ws-badge\">"); w.text(r.status); w.raw("</span></td></tr>\n")
            }
            w.raw("  </tbody>\n</table>\n")
        }
        if page.canRefer {
            w.raw("<p><a class=\"button\" href=\""); w.text(page.base); w.raw("/verwijzen\">"); w.text(t("referral.new.title")); w.raw("</a></p>\n")
        }
        w.raw("</section>\n")
    }

    /// A table's opening, caption and header row; `hiddenLast` names a last column that only screen readers announce.
    private func tableHead(_ w: inout HTMLWriter, caption: String, headers: [String], hiddenLast: String?) {
        w.raw("<table class=\"table\">\n  <caption class=\"visually-hidden\">"); w.text(caption); w.raw("</caption>\n  <thead><tr>")
        for key in headers { w.raw("<th scope=\"col\">"); w.text(t(key)); w.raw("</th>") }
        if let hiddenLast { w.raw("<th scope=\"col\"><span class=\"visually-hidden\">"); w.text(hiddenLast); w.raw("</span></th>") }
        w.raw("</tr></thead>\n  <tbody>\n")
    }

    /// A form with only the CSRF token and one button (close the record, withdraw a consent).
    private func postButton(_ w: inout HTMLWriter, action: String, label: String, danger: Bool) {
        w.raw("<form method=\"post\" action=\""); w.text(action); w.raw("\" class=\"inline-form\"><input type=\"hidden\" name=\"csrf\" value=\"")
        w.text(csrf); w.raw("\"><button type=\"submit\" class=\"button-link"); if danger { w.raw(" danger") }
        w.raw("\">"); w.text(label); w.raw("</button></form>")
    }

    private func t(_ key: String) -> String { req.t(key) }
}
