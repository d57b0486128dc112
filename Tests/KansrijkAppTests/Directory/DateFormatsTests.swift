import Foundation
import Testing
@testable import KansrijkApp

@Suite("Dutch dates on pages")
struct DateFormatsTests {
    @Test("the day in the Netherlands around both clock changes, the same when asked again")
    func dutchDate() {
        // 2026-03-29 00:30 UTC is 01:30 CET; 2025-10-24 22:30 UTC is 00:30 CEST the next day
        let spring = Date(timeIntervalSince1970: 1_774_744_200)
        let autumn = Date(timeIntervalSince1970: 1_761_345_000)
        for _ in 0..<2 {
            #expect(DateFormats.dutchDate(spring) == "29 maart 2026")
            #expect(DateFormats.dutchDate(autumn) == "25 oktober 2025")
            // a calendar day (midnight UTC) and an instant before 1970
            #expect(DateFormats.dutchDate(Date(timeIntervalSince1970: 0)) == "1 januari 1970")
            #expect(DateFormats.dutchDate(Date(timeIntervalSince1970: -86_400 * 365)) == "1 januari 1969")
        }
    }
}
