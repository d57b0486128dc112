import Foundation
import Testing
import Vapor
import VaporTesting
@testable import KansrijkApp

/// Issue 15, "words": counts with the right noun, dates in the page's language, and a few places
/// that read right ("Nog enkele plaatsen", not a green "Beperkt plek").
@Suite("Wording: plurals, dates, capacity", .serialized)
struct WordingTests {
    static func day(_ y: Int, _ m: Int, _ d: Int, hour: Int = 0, minute: Int = 0) -> Date {
        var c = DateComponents(); c.year = y; c.month = m; c.day = d; c.hour = hour; c.minute = minute
        return CalendarDay.amsterdam.date(from: c)!
    }

    @Test("one goal, three goals; Dutch and English; a key without a singular keeps its plural")
    func plurals() {
        #expect(Plural.text(1, "ambition.goals.count", .nl) == "1 doel")
        #expect(Plural.text(3, "ambition.goals.count", .nl) == "3 doelen")
        #expect(Plural.text(0, "ambition.goals.count", .nl) == "0 doelen")
        #expect(Plural.text(1, "ambition.goals.count", .en) == "1 goal")
        #expect(Plural.text(2, "ambition.goals.count", .en) == "2 goals")
        #expect(Plural.text(1, "mdo.cases.count", .nl) == "1 casus")
        #expect(Plural.text(1, "escalation.daysword", .nl) == "1 dag")
        #expect(Plural.text(5, "escalation.daysword", .nl) == "5 dagen")
        #expect(Plural.noun(1, "monitor.nl", .nl) == "Nederland", "no singular: the text as it is")
        // every singular has its plural beside it
        for key in Strings.table.keys where key.hasSuffix(".count.one") {
            #expect(Strings.table[String(key.dropLast(4))] != nil, "\(key) without its plural")
        }
    }

    @Test("dates follow the page's language")
    func dates() {
        let d = Self.day(2027, 3, 3)
        #expect(DateFormats.date(d, .nl) == "3 maart 2027")
        #expect(DateFormats.date(d, .en) == "3 March 2027")
        let t = Self.day(2025, 3, 14, hour: 15, minute: 5)
        #expect(DateFormats.dateTime(t, .nl) == "vrijdag 14 maart 2025, 15:05")
        #expect(DateFormats.dateTime(t, .en) == "Friday 14 March 2025, 15:05")
    }

    @Test("the worklist in English writes English months")
    func englishWorklist() async throws {
        try await withApp { app in
            var browser = try await Browser.signedIn(app, as: "professional@zeist.demo")
            let english = try await browser.get("/zorg/verwijzingen?lijst=uitgaand&lang=en").body.string
            let dutch = try await browser.get("/zorg/verwijzingen?lijst=uitgaand&lang=nl").body.string
            let dutchMonths = DateFormats.months.filter { m in DateFormats.englishMonths.allSatisfy { $0.lowercased() != m } }
            #expect(DateFormats.englishMonths.contains { english.contains(" \($0) 20") })
            #expect(!dutchMonths.contains { english.contains(" \($0) 20") }, "a Dutch month on an English page")
            #expect(dutchMonths.contains { dutch.contains(" \($0) 20") })
        }
    }

    @Test("a few places left reads right and is not shown in the green of 'available'")
    func limitedCapacity() {
        #expect(Capacity.limited.label == "Nog enkele plaatsen")
        #expect(Capacity.limited.label(english: true) == "Only a few places left")
        #expect(Capacity.limited.isLimited && !Capacity.limited.blocksAccess)
        var record = SearchTests.record("Kraamzorg plus", phases: ["0-1"])
        record.capacity = .limited
        let view = ServiceSummaryView(record, locality: nil, municipalityName: nil, english: false)
        #expect(view.capacityLimited && !view.capacityWarning)
        let html = SearchResultFragment(view, language: .nl).tail
        #expect(html.contains("<span class=\"capacity-limited\">Nog enkele plaatsen</span>"))
        #expect(!html.contains("capacity-ok"))
    }
}
