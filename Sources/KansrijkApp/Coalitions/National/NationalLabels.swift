import Foundation

/// How a municipality's participation is said on pages, in the CSV and in the map's names.
struct NationalLabels {
    var language: UILanguage

    func t(_ key: String) -> String { Strings.text(key, language) }

    /// The map and legend class: `t1`, `t2`, `t3`, `geen` or `onbekend`.
    static func statusClass(_ tranche: Tranche?) -> String {
        switch tranche {
        case .one: "t1"
        case .two: "t2"
        case .three: "t3"
        case .noParticipation: "geen"
        case nil: "onbekend"
        }
    }

    func tranche(_ tranche: Tranche?) -> String { t("national.status.\(Self.statusClass(tranche))") }

    func yesNo(_ value: Bool?) -> String {
        guard let value else { return t("national.unknown") }
        return t(value ? "national.yes" : "national.no")
    }

    /// The workspace's name of the stage, "onbekend" when no covering coalition recorded one.
    func stage(_ stage: CoalitionStage?) -> String { stage.map { t("stage.\($0.rawValue)") } ?? t("national.unknown") }

    /// The accessible name of a municipality on the map: its name and status in one sentence.
    func mapLabel(_ row: NationalRow) -> String {
        var parts = [tranche(row.tranche) + (row.facts?.isGIDS == true ? " (GIDS)" : "")]
        if let f = row.facts {
            parts.append(t("national.col.plan") + " " + yesNo(f.hasJointPlan))
            parts.append(t("national.col.prenatal") + " " + yesNo(f.hasPrenatalVisit))
            parts.append(t("national.col.nnz") + " " + yesNo(f.hasNNZ))
        }
        parts.append(t("national.col.stage") + " " + stage(row.stage))
        return row.name + ": " + parts.joined(separator: ", ")
    }

    /// "12.345", with "(demo)" when the figure is fictitious and `markDemo` (tables mark it apart).
    func inhabitants(_ row: NationalRow, markDemo: Bool = true) -> String {
        guard let n = row.facts?.inhabitants else { return t("national.unknown") }
        return ImpulseFunding.grouped(n) + (row.isDemo && markDemo ? " (demo)" : "")
    }
}
