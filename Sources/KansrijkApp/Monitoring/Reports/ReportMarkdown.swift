import Foundation

/// The report as a Markdown file (CommonMark), for editing further in a word processor or a wiki.
/// Made from the same `ReportDocument` as the page, so it holds the same published figures only.
struct ReportMarkdown {
    let doc: ReportDocument
    /// The UI text for a key, in the reader's language.
    let t: (String) -> String

    var text: String {
        var out = "# \(Self.escape(doc.title))\n\n\(t("report.generated")) \(doc.generatedOn).\n\n"
        for s in ReportSection.allCases {
            let section = doc.section(s)
            out += "## \(section.number). \(Self.escape(section.heading))\n\n"
            out += body(s)
            for p in section.advisor { out += Self.escape(p) + "\n\n" }
        }
        return out
    }

    private func body(_ s: ReportSection) -> String {
        var out = ""
        switch s {
        case .summary:
            for line in doc.summary { out += Self.escape(line) + "\n\n" }
        case .coalition:
            if !doc.municipalities.isEmpty { out += "\(t("report.municipalities")): \(Self.escape(doc.municipalities.joined(separator: ", ")))\n\n" }
            if let stage = doc.stage { out += "\(t("report.stage")): \(Self.escape(stage))\n\n" }
            for c in doc.circles {
                out += "### \(Self.escape(c.name))\n\n"
                for p in c.partners { out += "- \(Self.escape(p.name)) (\(Self.escape(p.domain)))\n" }
                out += "\n"
            }
        case .ambitions:
            if doc.ambitions.isEmpty { out += "\(t("report.ambitions.none"))\n\n" }
            for a in doc.ambitions {
                out += "### \(Self.escape(a.title))\n\n*\(Self.escape(a.phase))*. \(Self.escape(a.description))\n\n\(Self.escape(a.progress))\n\n"
                for act in a.activities { out += "- \(Self.escape(act.title)): \(Self.escape(act.status))\n" }
                if !a.activities.isEmpty { out += "\n" }
            }
        case .indicators:
            for i in doc.indicators {
                out += "### \(Self.escape(i.name)) (\(i.year))\n\n\(Self.escape(i.description))\n\n"
                out += "- \(t("report.value")): \(i.value)\(i.interval.isEmpty ? "" : " (\(t("report.interval")) \(i.interval))")\n"
                if !i.national.isEmpty { out += "- \(t("report.national")): \(i.national)\n" }
                if !i.comparison.isEmpty { out += "- \(Self.escape(i.comparison))\n" }
                out += "\n"
                if let chart = i.chart { out += Self.table(chart.table.columns, chart.table.rows) }
                if !i.members.isEmpty {
                    out += Self.table([t("report.municipality"), t("report.value"), t("report.interval")], i.members.map { [$0.name, $0.value, $0.interval] })
                }
            }
            if !doc.withoutData.isEmpty { out += "\(t("report.withoutdata")): \(Self.escape(doc.withoutData.joined(separator: ", "))).\n\n" }
        case .process:
            if doc.process.isEmpty { out += "\(t("report.process.none"))\n\n" } else {
                out += Self.table([t("report.process.figure"), t("report.value"), t("report.source")], doc.process.map { [$0.label, $0.value, $0.source] })
            }
        case .stories:
            if doc.stories.isEmpty { out += "\(t("report.stories.none"))\n\n" }
            for story in doc.stories {
                out += "### \(Self.escape(story.title))\n\n"
                for p in story.paragraphs { out += "> \(Self.escape(p))\n>\n" }
                out += "> — \(Self.escape(story.teller)), \(story.told)\n\n"
            }
        case .nextSteps:
            break
        }
        return out
    }

    static func table(_ columns: [String], _ rows: [[String]]) -> String {
        func row(_ cells: [String]) -> String { "| " + cells.map { escape($0).replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |\n" }
        return row(columns) + "|" + columns.map { _ in " --- |" }.joined() + "\n" + rows.map(row).joined() + "\n"
    }

    /// Text that Markdown would otherwise read as markup (a leading `#`, `*`, `_`, a link).
    static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            if "\\`*_[]<>#".contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }
}
