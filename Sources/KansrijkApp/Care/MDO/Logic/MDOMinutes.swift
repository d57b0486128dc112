import Foundation

/// The minutes of a meeting as a document: always pseudonymised (client codes, never names), so they
/// can be filed and printed. Built once and rendered as Markdown or as a printable page.
struct MDOMinutes: Sendable, Encodable {
    struct Case: Sendable, Encodable { var code: String; var question: String; var organisations: [String]; var advice: String; var decision: String }
    struct Point: Sendable, Encodable { var text: String; var owner: String; var due: String; var done: String?; var carried: Bool; var caseCode: String? }

    var title: String
    var when: String
    var location: String
    var participants: [String]
    var cases: [Case]
    var points: [Point]

    func markdown(english: Bool) -> String {
        func say(_ nl: String, _ en: String) -> String { english ? en : nl }
        func escape(_ s: String) -> String {
            var out = ""
            for ch in s {
                if "\\`*_{}[]<>#|".contains(ch) { out.append("\\") }
                out.append(ch)
            }
            return out.replacingOccurrences(of: "\n", with: "  \n")
        }
        var lines = ["# \(escape(title))", "", "- \(say("Datum", "Date")): \(when)"]
        if !location.isEmpty { lines.append("- \(say("Plaats", "Place")): \(escape(location))") }
        lines.append("- \(say("Deelnemers", "Participants")): \(participants.map(escape).joined(separator: ", "))")
        lines += ["", say("_Gepseudonimiseerd verslag: cliënten staan er alleen met hun code in._", "_Pseudonymised minutes: clients appear only by their code._"), ""]
        lines.append("## \(say("Casussen", "Cases"))")
        if cases.isEmpty { lines += ["", say("Geen casussen besproken.", "No cases discussed.")] }
        for c in cases {
            lines += ["", "### \(escape(c.code))", "", "- \(say("Vraag", "Question")): \(escape(c.question))",
                      "- \(say("Betrokken organisaties", "Organisations involved")): \(c.organisations.map(escape).joined(separator: ", "))",
                      "- \(say("Advies", "Advice")): \(c.advice.isEmpty ? "–" : escape(c.advice))",
                      "- \(say("Besluit", "Decision")): \(c.decision.isEmpty ? "–" : escape(c.decision))"]
        }
        lines += ["", "## \(say("Actiepunten", "Action points"))", ""]
        if points.isEmpty { lines.append(say("Geen actiepunten.", "No action points.")) }
        for p in points {
            var line = "- [\(p.done == nil ? " " : "x")] \(escape(p.text)) (\(escape(p.owner)), \(say("uiterlijk", "due")) \(p.due))"
            if let code = p.caseCode { line += " [\(escape(code))]" }
            if p.carried { line += " " + say("_(van een eerder MDO)_", "_(from an earlier MDO)_") }
            if let done = p.done { line += " " + say("afgerond \(done)", "done \(done)") }
            lines.append(line)
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
