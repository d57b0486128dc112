import Foundation

/// The dashboard's sections, in the order of the first 1000 days, plus working together.
enum DashboardPhase: String, CaseIterable, Sendable {
    case before = "voor"
    case during = "tijdens"
    case after = "na"
    case together = "samenwerken"

    /// Where an indicator goes: by its phase, the coalition figures under working together.
    init(_ indicator: IndicatorDefinition) {
        if indicator.group == "coalitie" || indicator.phase == "alle" { self = .together; return }
        switch indicator.phase {
        case "voor-zwangerschap": self = .before
        case "zwangerschap": self = .during
        default: self = .after
        }
    }

    /// Where a coalition story goes, by the directory's phase term it is tagged with.
    init(storyPhase: String?) {
        switch storyPhase {
        case "kinderwens": self = .before
        case let p? where p.hasPrefix("zwangerschap"): self = .during
        case "kraamtijd", "0-1", "1-2": self = .after
        default: self = .together
        }
    }
}
