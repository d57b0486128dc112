import Testing
@testable import KansrijkApp

@Suite("Monitoring: periods")
struct PeriodTests {
    @Test("years, quarters and months parse and print back")
    func parse() {
        #expect(Period("2021") == .year(2021))
        #expect(Period("2024-Q1") == .quarter(2024, 1))
        #expect(Period("2024q4") == .quarter(2024, 4))
        #expect(Period("2024-03") == .month(2024, 3))
        #expect(Period("2024-03")?.description == "2024-03")
        #expect(Period("2024-Q2")?.description == "2024-Q2")
        for bad in ["", "21", "2024-Q5", "2024-13", "2024-00", "2024-3", "abcd", "2024-Q", "20245"] { #expect(Period(bad) == nil, "\(bad)") }
    }

    @Test("a month lies in its quarter and year; order is by time")
    func containment() {
        #expect(Period.year(2024).contains(.month(2024, 3)))
        #expect(Period.quarter(2024, 1).contains(.month(2024, 3)))
        #expect(!Period.quarter(2024, 2).contains(.month(2024, 3)))
        #expect(!Period.year(2023).contains(.quarter(2024, 1)))
        #expect([Period.month(2024, 2), .year(2023), .quarter(2024, 1)].sorted() == [.year(2023), .quarter(2024, 1), .month(2024, 2)])
        #expect(YearRange("2014-2023")?.years.count == 10)
        #expect(YearRange("2023-2014") == nil)
    }
}

@Suite("Monitoring: indicator expressions")
struct ExpressionTests {
    @Test("precedence, parentheses and evaluation")
    func evaluate() throws {
        let e = try ExpressionParser.parse("a + b * 2 - (c - d)")
        #expect(e.elements == ["a", "b", "c", "d"])
        let counts = ["a": 1, "b": 10, "c": 7, "d": 3]
        #expect(e.evaluate { counts[$0] } == 1 + 20 - 4)
        #expect(try ExpressionParser.parse("(a + b) * 2").evaluate { counts[$0] } == 22)
        #expect(try ExpressionParser.parse("a + zzz").evaluate { counts[$0] } == nil)
        #expect(try ExpressionParser.parse("kinderen_ge24").singleElement == "kinderen_ge24")
    }

    @Test("clear Dutch errors with a position")
    func errors() {
        func message(_ text: String, known: Set<String>? = nil) -> String? {
            do { _ = try ExpressionParser.parse(text, knownElements: known); return nil } catch { return error.description }
        }
        #expect(message("") == "De uitdrukking is leeg (bij teken 1)")
        #expect(message("(a + b")?.hasPrefix("Haakje '(' wordt niet gesloten") == true)
        #expect(message("a / b")?.contains("Delen kan niet") == true)
        #expect(message("a +") == "De uitdrukking houdt op waar een naam, getal of '(' hoort (bij teken 4)")
        #expect(message("a b") == "Onverwacht teken 'b' (bij teken 3)")
        #expect(message("Big2")?.contains("kleine letters") == true)
        #expect(message("a + onbekend", known: ["a"]) == "Onbekend gegevenselement 'onbekend' (bij teken 5)")
    }

    @Test("every shipped indicator is valid and the RIVM codes the API promises are there")
    func catalogue() throws {
        for d in IndicatorCatalog.all { _ = try d.validated() }
        let codes = Set(IndicatorCatalog.all.map(\.code))
        #expect(codes.count == IndicatorCatalog.all.count)
        for code in ["big2", "vroeggeboorte", "laag_gewicht", "zorg_na_week_10", "geen_kraamzorg", "preconceptieconsult",
                     "problematische_schulden", "psychische_problemen", "meervoudig_kwetsbaar", "uithuisplaatsing",
                     "coalitie_aanwezig", "nnz_beschikbaar", "verwijzingen_afgerond", "dagen_tot_eerste_contact", "nnz_gesprekken"] {
            #expect(codes.contains(code), "\(code)")
        }
        var bad = IndicatorCatalog.rivm[0]
        bad.numerator = "kinderen_ge24_big2 + bestaat_niet"
        bad.factor = 7
        #expect(throws: IndicatorDefinitionError.self) { try bad.validated() }
    }
}
