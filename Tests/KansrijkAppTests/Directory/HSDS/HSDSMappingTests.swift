import Foundation
import Testing
@testable import KansrijkApp

@Suite("HSDS mapping: municipalities and field formats")
struct HSDSMappingTests {
    let resolver = HSDSAreaResolver(municipalities: ["GM0355": "Zeist", "GM0796": "'s-Hertogenbosch", "GM1900": "Súdwest-Fryslân"])

    @Test("a municipality is found by code, TOOI URI or name, in any case and with or without accents")
    func municipalities() {
        #expect(resolver.code(for: "GM0355") == "GM0355")
        #expect(resolver.code(for: "gm0355") == "GM0355")
        #expect(resolver.code(for: "https://identifier.overheid.nl/tooi/id/gemeente/gm0355") == "GM0355")
        #expect(resolver.code(for: "Gemeente Zeist") == "GM0355")
        #expect(resolver.code(for: " zeist ") == "GM0355")
        #expect(resolver.code(for: "s-Hertogenbosch") == "GM0796")
        #expect(resolver.code(for: "Sudwest Fryslan") == "GM1900")
        #expect(resolver.code(for: "GM9999") == nil)
        #expect(resolver.code(for: "MyCity") == nil)
    }

    @Test("service areas: the URI first, 'Nederland' is nationwide, anything else unknown")
    func areas() {
        #expect(resolver.match(HSDSServiceArea(id: "a", name: "Amsterdam", uri: HSDSBuilder.municipalityURI("GM0355"))) == .municipality("GM0355"))
        #expect(resolver.match(HSDSServiceArea(id: "a", name: "Nederland")) == .nationwide)
        #expect(resolver.match(HSDSServiceArea(id: "a", name: "landelijk")) == .nationwide)
        #expect(resolver.match(HSDSServiceArea(id: "a", name: "The MyCity area", extent: "extent", uri: "http://example.com")) == .unknown)
    }

    @Test("date-times with or without fractions or offsets, and plain dates, are read; other text is not")
    func dates() {
        let expected = Date(timeIntervalSince1970: 1_735_725_600)  // 2025-01-01T10:00:00Z
        #expect(HSDSText.parseDateTime("2025-01-01T10:00:00Z") == expected)
        #expect(HSDSText.parseDateTime("2025-01-01T10:00:00.000Z") == expected)
        #expect(HSDSText.parseDateTime("2025-01-01T11:00:00+01:00") == expected)
        #expect(HSDSText.parseDateTime("2025-01-01T11:00:00 01:00") == expected)
        #expect(HSDSText.parseDateTime("2025-01-01") == Date(timeIntervalSince1970: 1_735_689_600))
        #expect(HSDSText.parseDateTime("gisteren") == nil)
        #expect(HSDSText.parseDateTime("2025-13-45") == nil)
        #expect(HSDSText.dateTime(expected) == "2025-01-01T10:00:00.000Z")
    }

    @Test("uri and email fields only carry values of their format")
    func formats() {
        #expect(HSDSText.uri("https://www.zeist.nl/zorg") == "https://www.zeist.nl/zorg")
        #expect(HSDSText.uri("www.zeist.nl") == "https://www.zeist.nl")
        #expect(HSDSText.uri("bel ons") == nil)
        #expect(HSDSText.email("info@zeist.nl") == "info@zeist.nl")
        #expect(HSDSText.email("info at zeist") == nil)
    }

    @Test("wait_time is written in weeks and read back from weeks only")
    func waitTime() {
        #expect(HSDSText.waitTime(weeks: 1) == "1 week")
        #expect(HSDSText.weeks(fromWaitTime: HSDSText.waitTime(weeks: 6)) == 6)
        #expect(HSDSText.weeks(fromWaitTime: "3 weeks") == 3)
        #expect(HSDSText.weeks(fromWaitTime: "2 maanden") == nil)
        #expect(HSDSText.weeks(fromWaitTime: "wait_time") == nil)
    }

    @Test("derived ids are the same every time and differ per owner")
    func derivedIDs() {
        let a = UUID(), b = UUID()
        #expect(HSDSID.serviceAtLocation(service: a, location: b) == HSDSID.serviceAtLocation(service: a, location: b))
        #expect(HSDSID.serviceAtLocation(service: a, location: b) != HSDSID.serviceAtLocation(service: b, location: a))
        #expect(HSDSID.serviceArea(service: a, municipality: nil) != HSDSID.serviceArea(service: a, municipality: "GM0355"))
    }
}
