import Foundation

/// The outcome of an import, for the console and for tests: counts per entity, every rejected
/// record with its reason, and what the file held that our model leaves out.
struct HSDSImportReport: Sendable {
    enum Outcome: Sendable, Equatable {
        case imported
        case dryRun
        case rejected
        case failed(String)
    }

    struct Counts: Sendable, Equatable {
        var created = 0
        var updated = 0
        var unchanged = 0
    }

    var source: String
    var format: String
    var outcome: Outcome
    /// Per entity (taxonomies, taxonomy_terms, organizations, locations, services), in write order.
    var counts: [(entity: String, counts: Counts)] = []
    var rejections: [String] = []
    var notes: [String] = []
    var omitted: [String: Int] = [:]

    var succeeded: Bool { outcome == .imported || outcome == .dryRun }

    /// True when the import creates or updates anything.
    var changed: Bool { counts.contains { $0.counts.created + $0.counts.updated > 0 } }

    func counts(_ entity: String) -> Counts { counts.first { $0.entity == entity }?.counts ?? Counts() }

    init(source: String, format: String, outcome: Outcome) {
        self.source = source
        self.format = format
        self.outcome = outcome
    }

    init(source: String, plan: HSDSImportPlan, omitted: [String: Int], format: String, outcome: Outcome) {
        self.init(source: source, format: format, outcome: outcome)
        func tally<V>(_ changes: [HSDSImportPlan.Change<V>]) -> Counts {
            changes.reduce(into: Counts()) { c, change in
                switch change.kind {
                case .created: c.created += 1
                case .updated: c.updated += 1
                case .unchanged: c.unchanged += 1
                }
            }
        }
        counts = [("taxonomies", tally(plan.taxonomies)), ("taxonomy_terms", tally(plan.terms)),
                  ("organizations", tally(plan.organisations)), ("locations", tally(plan.locations)), ("services", tally(plan.services))]
        rejections = plan.rejections
        notes = plan.notes
        self.omitted = omitted
    }

    /// The report as the command prints it (Dutch).
    var text: String {
        var lines = ["HSDS-import van \(source) (\(format))"]
        switch outcome {
        case .imported: lines.append(changed ? "Opgeslagen." : "Niets veranderd: alles in het bestand stond er al zo.")
        case .dryRun: lines.append("Proefimport (--dry-run): alles is gecontroleerd en geteld, maar niets is opgeslagen.")
        case .rejected: lines.append("Afgewezen: \(rejections.count) probleem/problemen. Er is niets gewijzigd.")
        case .failed(let reason): lines.append("Mislukt bij het opslaan: \(reason). Er is niets gewijzigd.")
        }
        if outcome == .rejected {
            lines += rejections.map { "  - \($0)" }
        } else {
            func row(_ cells: [String]) -> String {
                "  " + cells[0].padding(toLength: 16, withPad: " ", startingAt: 0)
                    + cells.dropFirst().map { String(repeating: " ", count: max(0, 12 - $0.count)) + $0 }.joined()
            }
            lines.append(row(["", "nieuw", "bijgewerkt", "ongewijzigd"]))
            lines += counts.map { row([$0.entity, "\($0.counts.created)", "\($0.counts.updated)", "\($0.counts.unchanged)"]) }
        }
        if !omitted.isEmpty {
            lines.append("Niet overgenomen (daarvoor heeft ons model geen plaats):")
            lines += omitted.sorted { $0.key < $1.key }.map { "  - \($0.key): \($0.value)" }
        }
        if !notes.isEmpty {
            lines.append("Opmerkingen:")
            lines += notes.map { "  - \($0)" }
        }
        return lines.joined(separator: "\n")
    }
}
