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
        if page.closed {
            w.raw("<p class=\"notice\">"); w.text(t("client.closed"))
            if let reason = page.closedReason { w.raw(" "); w.text(t("client.closed.reason")); w.raw(" "); w.text(reason) }
            w.raw("</p>\n")
        }
        details(&w)
        handover(&w)
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
        page.careExtras.write(&w)
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
        if let child = page.childCode { fact("client.childcode", child) }
        fact("client.phase", page.phase ?? t("client.phase.none"))
        fact("client.language", page.language)
        w.raw("</dl>\n")
        if !page.breakGlass {
            w.raw("<p class=\"actions\"><a class=\"button\" href=\""); w.text(page.base); w.raw("/gegevens\">"); w.text(t("client.edit.link"))
            w.raw("</a> <a class=\"button\" href=\""); w.text(page.base); w.raw("/geboorte\">")
            w.text(t(page.actualBirthDate == nil ? "client.birth.link" : "client.birth.correct")); w.raw("</a></p>\n")
        }
        w.raw("<p><a href=\""); w.text(page.base); w.raw("/inzage\">"); w.text(t("audit.report.link")); w.raw("</a></p>\n")
        if page.closed, !page.breakGlass { postButton(&w, action: page.base + "/heropenen", label: t("client.reopen"), danger: false) }
        else if page.mayClose, !page.breakGlass {
            w.raw("<p><a class=\"button-link\" href=\""); w.text(page.base); w.raw("/afsluiten\">"); w.text(t("client.close")); w.raw("</a></p>")
        }
        if !page.ownsRecord, !page.breakGlass { postButton(&w, action: page.base + "/betrokkenheid-beeindigen", label: t("client.involvement.end"), danger: false) }
        w.raw("\n</section>\n\n")
    }

    /// The warm handover the page proposes (issue #15): one button per organisation.
    private func handover(_ w: inout HTMLWriter) {
        guard let proposal = page.handover else { return }
        w.raw("<section class=\"panel\" aria-labelledby=\"h-handover\">\n<h2 id=\"h-handover\">"); w.text(t("handover.heading")); w.raw("</h2>\n<p>")
        w.text(proposal.lead); w.raw("</p>\n")
        if proposal.organisations.isEmpty {
            w.raw("<p class=\"empty\">"); w.text(t("handover.none")); w.raw("</p>\n")
        } else {
            w.raw("<ul class=\"handover-list\">\n")
            for o in proposal.organisations {
                w.raw("<li><strong>"); w.text(o.name); w.raw("</strong>")
                if let kind = o.kind { w.raw(" ("); w.text(kind); w.raw(")") }
                w.raw(" <a class=\"button\" href=\""); w.text(o.href)
                w.raw("\">"); w.text(t("handover.start")); w.raw("<span class=\"visually-hidden\"> "); w.text(o.name); w.raw("</span></a></li>\n")
            }
            w.raw("</ul>\n")
        }
        w.raw("</section>\n\n")
    }

    private func consents(_ w: inout HTMLWriter) {
        w.raw("<section class=\"panel\" aria-labelledby=\"h-consents\">\n<h2 id=\"h-consents\">"); w.text(t("consent.heading"))
        w.raw("</h2>\n<p class=\"hint\">"); w.text(t("consent.explain")); w.raw("</p>\n")
        if page.consents.isEmpty {
            w.raw("<p class=\"empty\">"); w.text(t("consent.none")); w.raw("</p>\n")
        } else {
            let td = tableHead(&w, caption: t("consent.heading"),
                               headers: ["consent.purposes", "consent.organisations", "consent.period", "consent.givenby", "consent.status"],
                               hiddenLast: t("consent.actions"))
            for c in page.consents {
                w.raw("<tr>"); w.raw(td[0]); w.text(c.purposes); w.raw("</td>"); w.raw(td[1]); w.text(c.organisations); w.raw("</td>"); w.raw(td[2]); w.text(c.period)
                w.raw("</td>"); w.raw(td[3]); w.text(c.givenBy); w.raw(", "); w.text(c.recordedHow); w.raw("</td>"); w.raw(td[4]); w.text(c.status); w.raw("</td><td>")
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
            let td = tableHead(&w, caption: t("referral.heading"),
                               headers: ["referral.service", "referral.organisation", "referral.requested", "referral.status"], hiddenLast: nil)
            for r in page.referrals {
                w.raw("<tr>"); w.raw(td[0])
                if r.isHandover { w.raw("<span class=\"ws-badge\">"); w.text(t("handover.label")); w.raw("</span> ") }
                w.raw("<a href=\""); w.text(r.href); w.raw("\">"); w.text(r.service); w.raw("</a></td>"); w.raw(td[1]); w.text(r.organisation)
                w.raw("</td>"); w.raw(td[2]); w.text(r.requested); w.raw("</td>"); w.raw(td[3]); w.raw("<span class=\"status-badge status-"); w.raw(r.statusKey); w.raw("\">")
                w.text(r.status); w.raw("</span></td></tr>\n")
            }
            w.raw("  </tbody>\n</table>\n")
        }
        if page.canRefer {
            w.raw("<p><a class=\"button\" href=\""); w.text(page.base); w.raw("/verwijzen\">"); w.text(t("referral.new.title")); w.raw("</a></p>\n")
        }
        w.raw("</section>\n")
    }

    /// A table's opening, caption and header row; `hiddenLast` names a last column that only screen readers announce.
    /// Returns the opening `<td>` of each named column: on a phone each row is a card and a cell
    /// names its column through `data-label` (kansrijk.css, `table-cards`).
    private func tableHead(_ w: inout HTMLWriter, caption: String, headers: [String], hiddenLast: String?) -> [String] {
        w.raw("<table class=\"table table-cards\">\n  <caption class=\"visually-hidden\">"); w.text(caption); w.raw("</caption>\n  <thead><tr>")
        for key in headers { w.raw("<th scope=\"col\">"); w.text(t(key)); w.raw("</th>") }
        if let hiddenLast { w.raw("<th scope=\"col\"><span class=\"visually-hidden\">"); w.text(hiddenLast); w.raw("</span></th>") }
        w.raw("</tr></thead>\n  <tbody>\n")
        return headers.map { "<td data-label=\"" + HTML.escape(t($0)) + "\">" }
    }

    /// A form with only the CSRF token and one button (close the record, withdraw a consent).
    private func postButton(_ w: inout HTMLWriter, action: String, label: String, danger: Bool) {
        w.raw("<form method=\"post\" action=\""); w.text(action); w.raw("\" class=\"inline-form\"><input type=\"hidden\" name=\"csrf\" value=\"")
        w.text(csrf); w.raw("\"><button type=\"submit\" class=\"button-link"); if danger { w.raw(" danger") }
        w.raw("\">"); w.text(label); w.raw("</button></form>")
    }

    private func t(_ key: String) -> String { req.t(key) }
}
