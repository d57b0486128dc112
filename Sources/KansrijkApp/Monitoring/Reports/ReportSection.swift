/// The sections of a progress report, in the order of the programme's own voortgangsrapportages:
/// summary, the coalition, its ambitions, counting (indicators, process figures), telling (stories), next steps.
enum ReportSection: String, CaseIterable, Sendable, Codable {
    case summary = "samenvatting"
    case coalition = "coalitie"
    case ambitions = "ambities"
    case indicators = "indicatoren"
    case process = "procescijfers"
    case stories = "verhalen"
    case nextSteps = "vervolg"

    /// Number in the document (1-based), as headings and the contents list show it.
    var number: Int { Self.allCases.firstIndex(of: self)! + 1 }
}
