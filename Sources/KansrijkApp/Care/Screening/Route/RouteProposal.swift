import Foundation

/// From the needs a screening found to a proposed route: per need (a directory theme), the agreed
/// zorgpad steps of the client's municipality and the services that fit her municipality and phase,
/// ranked with what to do first: safety first (urgent answers), then the heaviest needs (issue #4).
struct RouteProposal: Sendable {
    struct Need: Sendable, Equatable {
        var theme: String
        /// Sum of the weights of the risk answers that ask for it.
        var weight: Int
        var urgent: Bool
        /// Titles of the domains it comes from.
        var domains: [String]
    }

    /// A zorgpad as far as the proposal needs it.
    struct PathwayInput: Sendable {
        struct Step: Sendable { var phase: String; var position: Int; var kind: StepKind; var title: String; var serviceID: UUID? }
        var id: UUID
        var title: String
        var theme: String
        var steps: [Step]
    }

    struct PathwayAdvice: Sendable {
        var id: UUID
        var title: String
        /// The steps for the client's phase (all steps when none is for her phase), in order.
        var steps: [PathwayInput.Step]
    }

    struct Item: Sendable {
        var need: Need
        var pathways: [PathwayAdvice]
        var services: [DirectoryHit]
    }

    var items: [Item]
    /// An urgent answer was given: the meldcode and Veilig Thuis come before any referral.
    var safeguarding: Bool

    /// Needs in the order to act on them: urgent first, then by weight, then in vocabulary order.
    static func needs(from score: ScreeningScore) -> [Need] {
        var byTheme: [String: Need] = [:]
        for domain in score.domains where domain.risk > 0 {
            for theme in domain.themes {
                var need = byTheme[theme.code] ?? Need(theme: theme.code, weight: 0, urgent: false, domains: [])
                need.weight += theme.weight
                if !need.domains.contains(domain.title) { need.domains.append(domain.title) }
                byTheme[theme.code] = need
            }
        }
        for theme in score.urgentThemes { byTheme[theme]?.urgent = true }
        let order = Dictionary(uniqueKeysWithValues: Term.themes.enumerated().map { ($1.code, $0) })
        return byTheme.values.sorted { a, b in
            if a.urgent != b.urgent { return a.urgent }
            if a.weight != b.weight { return a.weight > b.weight }
            return (order[a.theme] ?? .max) < (order[b.theme] ?? .max)
        }
    }

    /// `servicesPerNeed` services per need, local first (the directory's own ranking), for the
    /// client's phase when there are any, otherwise for any phase.
    static func make(score: ScreeningScore, municipality: String, phase: String?, directory: DirectorySnapshot,
                     pathways: [PathwayInput], servicesPerNeed: Int = 3) -> RouteProposal {
        let items = needs(from: score).map { need -> Item in
            var query = DirectoryQuery(municipality: municipality, phase: phase, theme: need.theme, perPage: servicesPerNeed)
            var hits = directory.search(query).hits
            if hits.isEmpty && phase != nil {
                query.phase = nil
                hits = directory.search(query).hits
            }
            let advice = pathways.filter { $0.theme == need.theme }.map { p -> PathwayAdvice in
                let sorted = p.steps.sorted { a, b in
                    let pa = Term.find(.fase, a.phase)?.phaseOrder ?? .max, pb = Term.find(.fase, b.phase)?.phaseOrder ?? .max
                    return pa != pb ? pa < pb : a.position < b.position
                }
                let inPhase = sorted.filter { $0.phase == phase }
                return PathwayAdvice(id: p.id, title: p.title, steps: inPhase.isEmpty ? sorted : inPhase)
            }
            return Item(need: need, pathways: advice, services: hits)
        }
        return RouteProposal(items: items, safeguarding: score.urgent)
    }
}
