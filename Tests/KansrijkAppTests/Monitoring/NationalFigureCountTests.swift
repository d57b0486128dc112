import Fluent
import Foundation
import Testing
@testable import KansrijkApp

@Suite("Coalition indicators from the national overview", .serialized)
struct NationalFigureCountTests {
    @Test("the engine's national coalition figures equal the national overview's")
    func sameFigures() async throws {
        try await withApp { app in
            // setup: the demo stores this year's counts from the participation it loads
            let year = Calendar(identifier: .gregorian).component(.year, from: CalendarDay.day(at: Date()))
            let overview = NationalFigures.national(try await NationalData.load(on: app.db).entries)

            // act
            let stored = try await MonitoringCount.query(on: app.db).filter(\.$source == NationalFigureCounts.source)
                .filter(\.$year == year).all()
            func total(_ element: String) -> Int { stored.filter { $0.element == element }.reduce(0) { $0 + $1.count } }

            // check
            #expect(total("gemeenten") == 342)
            #expect(total("gemeenten_coalitie") == overview.ratio(.coalition).numerator)
            #expect(total("gemeenten_gezamenlijk_plan") == overview.ratio(.jointPlan).numerator)
            #expect(total("gemeenten_nnz") == overview.ratio(.nnz).numerator)
            #expect(total("gemeenten_prenataal_huisbezoek") == overview.ratio(.prenatalVisit).numerator)
            #expect(total("gemeenten_beantwoord") == overview.ratio(.prenatalVisit).denominator)
        }
    }

    @Test("one row per municipality and element, 0 or 1")
    func rows() {
        let e = NationalFigures.Entry(code: "GM0355", provinceCode: "PV26", ggdCode: "GG3114", answered: true,
                                      hasCoalition: true, hasJointPlan: false, hasNNZ: true, hasPrenatalVisit: false)
        let rows = NationalFigureCounts.rows([e], year: 2026)
        #expect(rows.map(\.count) == [1, 1, 1, 0, 1, 0])
        #expect(rows.allSatisfy { $0.areaCode == "GM0355" && $0.period == "2026" })
    }
}
