import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import KansrijkApp

/// Review gap 2: the partners' own work per quarter on the dashboards, suppressed for the public.
@Suite("Monitoring: the process section of a dashboard", .serialized)
struct ProcessSectionTests {
    static let quarters: [Period] = [.quarter(2024, 1), .quarter(2024, 2), .quarter(2024, 3), .quarter(2024, 4)]

    func section(_ counts: ProcessCounts, reader: Bool) -> ProcessSection {
        ProcessSection(counts: counts, reader: reader, text: { Strings.text($0, .nl) })
    }

    func counts(levels: [String: [Int]]) -> ProcessCounts {
        var c = ProcessCounts(quarters: Self.quarters)
        for (level, row) in levels { for (q, n) in row.enumerated() { c.add(.screening(level), quarter: q, count: n) } }
        return c
    }

    @Test("quarters up to the current one, in Dutch time, oldest first; bounds in Dutch time")
    func quarters() throws {
        // 31 March 2024 23:30 UTC is already 1 April in the Netherlands
        let now = try #require(ISO8601DateFormatter().date(from: "2024-03-31T23:30:00Z"))
        #expect(ProcessCounts.quarters(endingAt: now, count: 3) == [.quarter(2023, 4), .quarter(2024, 1), .quarter(2024, 2)])
        let (start, end) = try #require(ProcessCounts.bounds(.quarter(2024, 2)))
        #expect(start == ISO8601DateFormatter().date(from: "2024-03-31T22:00:00Z"))
        #expect(end == ISO8601DateFormatter().date(from: "2024-06-30T22:00:00Z"))
        var c = ProcessCounts(quarters: ProcessCounts.quarters(endingAt: now, count: 3))
        c.add(.mdo, at: now)
        #expect(c.series(.mdo) == [0, 0, 1])
        #expect(ProcessCounts.median([3, 1, 10, 4]) == 3.5)
    }

    @Test("readers of the coalition see every count")
    func readers() {
        let tables = section(counts(levels: ["niet": [30, 31, 32, 33], "kwetsbaar": [3, 20, 20, 20]]), reader: true).tables()
        let screenings = tables.first { $0.key == "screenings" }!
        #expect(screenings.cells[2] == [.count(3), .count(20), .count(20), .count(20)])
        #expect(tables.map(\.key) == ["screenings", "referrals", "contact", "support", "homevisits"])
    }

    @Test("the public: counts below 10 hidden, and one more in each group so none can be worked out")
    func publicSuppression() {
        let c = counts(levels: ["niet": [30, 31, 32, 33], "potentieel": [15, 16, 17, 18], "kwetsbaar": [3, 20, 21, 22], "zeer-kwetsbaar": [12, 12, 12, 12]])
        let screenings = section(c, reader: false).tables().first { $0.key == "screenings" }!
        let hidden = screenings.cells.map { $0.map { if case .hidden = $0 { true } else { false } } }
        // the small cell itself
        #expect(screenings.cells[2][0] == .hidden(.smallNumber))
        // per quarter the outcomes add up to all screenings, per outcome the quarters to the year: no group hides exactly one
        for q in 0..<4 { #expect(hidden.map { $0[q] }.filter { $0 }.count != 1, "quarter \(q)") }
        for s in 0..<4 { #expect(hidden[s].filter { $0 }.count != 1, "series \(s)") }
        // the complementary cells are the smallest others: zeer kwetsbaar in Q1, kwetsbaar in Q2
        #expect(screenings.cells[3][0] == .hidden(.complementary))
        #expect(screenings.cells[2][1] == .hidden(.complementary))
        #expect(screenings.cells[0][2] == .count(32))
    }

    @Test("the public: a table with nothing left to show is left out; a median needs 10 referrals with a contact")
    func publicTables() {
        var c = ProcessCounts(quarters: Self.quarters)
        c.add(.mdo, quarter: 0, count: 4)
        for _ in 0..<9 { c.addContactDays(5, at: ProcessCounts.bounds(.quarter(2024, 1))!.0) }
        for _ in 0..<10 { c.addContactDays(7, at: ProcessCounts.bounds(.quarter(2024, 2))!.0) }
        let tables = section(c, reader: false).tables()
        #expect(tables.map(\.key) == ["contact"])
        #expect(tables[0].cells[0] == [.hidden(.smallNumber), .count(7), .hidden(.smallNumber), .hidden(.smallNumber)])
        let chart = section(c, reader: false).chart(tables[0], format: .dutch())
        #expect(chart.chart.svg.contains("<svg") && chart.chart.tableHTML.contains("&lt; 10, niet getoond"))
        #expect(!chart.chart.tableHTML.contains(">5<"))
    }

    /// Nu Niet Zwanger conversations of Zeist in the eight quarters the page shows: 25 each, 4 in the fifth.
    func storeNNZ(_ app: Application) async throws -> [Period] {
        let quarters = ProcessCounts.quarters(endingAt: Date(), count: DashboardController.processQuarters)
        for (i, q) in quarters.enumerated() {
            guard case .quarter(let y, let n) = q else { continue }
            let m = MonitoringCount()
            m.element = "nnz_gesprekken"; m.areaCode = "GM0355"; m.period = String(format: "%04d-%02d", y, (n - 1) * 3 + 2); m.year = y
            m.breakdown = ""; m.breakdownValue = ""; m.count = i == 4 ? 4 : 25; m.source = "test"
            try await m.create(on: app.db)
        }
        return quarters
    }

    @Test("NNZ counts filed under a municipality's former code count for today's municipality; another's do not")
    func nnzUnderFormerCode() async throws {
        try await withApp { app in
            let merge = try #require(KnownMerges.rows.first { Municipality.isListed($0.current) })
            let quarters = ProcessCounts.quarters(endingAt: Date(), count: DashboardController.processQuarters)
            guard case .quarter(let y, let n) = quarters[2] else { Issue.record("not a quarter"); return }
            let other = merge.current == "GM0355" ? "GM0344" : "GM0355"
            for (code, count) in [(merge.former, 12), (merge.current, 5), (other, 40)] {
                let m = MonitoringCount()
                m.element = "nnz_gesprekken"; m.areaCode = code; m.period = String(format: "%04d-%02d", y, (n - 1) * 3 + 1); m.year = y
                m.breakdown = ""; m.breakdownValue = ""; m.count = count; m.source = "test"
                try await m.create(on: app.db)
            }
            let counts = try await CountedProcessFigures().quarterly(municipalities: [merge.current], quarters: quarters, on: app.db)
            #expect(counts.series(.nnz)[2] == 17, "the former code's 12 and today's 5, not the other municipality's 40")
            #expect(counts.series(.nnz).reduce(0, +) == 17)
        }
    }

    @Test("on the coalition's dashboard: a chart and table per part, the public download suppressed, members' download complete")
    func dashboard() async throws {
        try await withApp { app in
            // setup
            let quarters = try await storeNNZ(app)
            // act
            let page = try await DashboardFixtures.get(app, "/monitor/coalitie/zeist").body
            let csv = try await DashboardFixtures.get(app, "/monitor/coalitie/zeist/proces.csv").body
            var member = try await Browser.signedIn(app, as: "coordinator@zeist.demo")
            let memberPage = try await member.get("/monitor/coalitie/zeist").body.string
            let memberCSV = try await member.get("/monitor/coalitie/zeist/proces.csv").body.string
            // check: the public page
            #expect(page.contains("Wat we zelf doen"))
            #expect(page.contains(#"id="proces-support""#) && page.contains("trend-chart"))
            #expect(page.contains("/monitor/coalitie/zeist/proces.csv"))
            let nnz = csv.split(whereSeparator: \.isNewline).filter { $0.contains("Nu Niet Zwanger-gesprekken;") }.map(String.init)
            #expect(nnz.count == 8)
            #expect(nnz.contains { $0.hasSuffix("\(quarters[4]);Nu Niet Zwanger-gesprekken;< 10, niet getoond") }, "\(nnz)")
            #expect(nnz.filter { $0.hasSuffix("niet getoond (anders is een klein aantal terug te rekenen)") }.count == 1, "\(nnz)")
            #expect(!nnz.contains { $0.hasSuffix(";4") })
            // check: members
            #expect(memberPage.contains("U bent lid van deze coalitie en ziet alle aantallen."))
            #expect(memberCSV.contains("\(quarters[4]);Nu Niet Zwanger-gesprekken;4"))
            #expect(!memberCSV.contains("niet getoond"))
            // a GGD region's page is the public one for a coalition's people; an admin sees every count; unknown areas are 404
            #expect(try await member.get("/monitor/ggd-regio/GG2514/proces.csv").body.string.contains("< 10, niet getoond"))
            var admin = try await Browser.signedIn(app, as: "admin@kansrijk.demo")
            #expect(try await admin.get("/monitor/ggd-regio/GG2514/proces.csv").body.string.contains("\(quarters[4]);Nu Niet Zwanger-gesprekken;4"))
            #expect(try await DashboardFixtures.get(app, "/monitor/gemeente/GM9999/proces.csv").status == .notFound)
            #expect(try await DashboardFixtures.get(app, "/monitor/coalitie/bestaat-niet/proces.csv").status == .notFound)
        }
    }
}
