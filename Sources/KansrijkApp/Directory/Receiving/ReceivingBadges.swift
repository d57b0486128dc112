import Vapor

/// The search results' badge of how a service receives referrals (issue #15). Written beside the
/// cached result article rather than into it (`SearchResultFragmentCache` keeps an article per
/// directory snapshot, but people are added and deactivated without a new snapshot), so the badge
/// follows `ReferralReceivingStore` at once.
enum ReceivingBadges {
    /// ` · <span class="route-badge route-…">…</span>` per language and channel, written once.
    private static let html: [UILanguage: [ReferralChannel: String]] = Dictionary(uniqueKeysWithValues: [UILanguage.nl, .en].map { l in
        (l, Dictionary(uniqueKeysWithValues: ReferralChannel.allCases.map { c in
            (c, " · <span class=\"route-badge route-\(c.rawValue)\">" + HTML.escape(Strings.text(c.key, l)) + "</span>")
        }))
    })

    /// One badge per hit, in order; none before the store first loaded (it starts loading then).
    /// `refer`: a professional reads, and gets "Verwijzen" where it applies (not for another system).
    static func badges(_ hits: [DirectoryHit], app: Application, language: UILanguage, refer: Bool) -> [String?] {
        guard let receiving = app.referralReceiving.currentOrRefresh(app), let words = html[language] else {
            return hits.map { _ in nil }
        }
        let label = HTML.escape(Strings.text("service.route.refer", language))
        return hits.map { hit in
            let channel = receiving.mode(of: hit.service).channel
            guard let badge = words[channel] else { return nil }
            guard refer, channel.offersReferral, hit.service.status == .active else { return badge }
            return badge + " · <a href=\"/zorg/verwijzen?dienst=\(hit.service.id.slug)\">\(label)<span class=\"visually-hidden\"> – "
                + HTML.escape(hit.service.name) + "</span></a>"
        }
    }
}
