import Foundation

/// The access report speaks to the client: the log's technical "what" in plain words.
/// Unknown forms (other rooms' events) are shown as they are.
enum AuditWording {
    static func plain(_ what: String, t: (String) -> String) -> String {
        let words = what.split(separator: " ").map(String.init)
        if what.hasPrefix("client page") || what == "api client" { return t("audit.what.client") }
        if what == "client record" { return t("audit.what.created") }
        if what == "access report" { return t("audit.what.report") }
        if what.hasPrefix("consent form") || what.hasPrefix("referral form") { return t("audit.what.form") }
        // the record through the 1000 days (issue 15)
        if ["client details form", "birth form", "handover form", "close form"].contains(where: what.hasPrefix) { return t("audit.what.form") }
        if what.hasPrefix("client details changed") { return t("audit.what.details") }
        if what == "birth recorded" || what == "birth date corrected" { return t("audit.what.birth") }
        if what.hasPrefix("client closed") { return t("audit.what.closed") }
        if what == "client reopened" { return t("audit.what.reopened") }
        if what.hasPrefix("move settled") { return t("audit.what.movesettled") }
        if words.first == "consent", words.last == "recorded" { return t("audit.what.consent") }
        if words.first == "consent", words.last == "withdrawn" { return t("audit.what.withdrawn") }
        if words.first == "referral", words.count == 2 { return t("audit.what.referral") }
        if words.first == "referral", words.last == "requested" { return t("audit.what.sent") }
        if words.first == "referral", words.count == 5, words[3] == "->" { return "\(t("audit.what.moved")) \(t("referral.status.\(words[4])"))" }
        // MDO events read `mdo <meeting>: <what happened>`
        if words.first == "mdo", words.count > 2, words[1].hasSuffix(":") {
            if words[2] == "meeting" { return t("audit.what.mdo.page") }
            if words[2] == "minutes" { return t("audit.what.mdo.minutes") }
            return t("audit.what.mdo")
        }
        return what
    }
}
