import Foundation
import Testing
@testable import KansrijkApp

@Suite("Coalition workspace: days, times and the iCalendar feed")
struct CalendarTests {
    @Test("days parse strictly as yyyy-MM-dd and exist")
    func strictDays() throws {
        // setup, act, check
        #expect(CalendarDay.parse("2023-02-14").map(CalendarDay.iso) == "2023-02-14")
        #expect(CalendarDay.parse(" 2024-02-29 ").map(CalendarDay.iso) == "2024-02-29")
        for bad in ["2023-02-29", "2023-02-30", "14-02-2023", "2023-2-14", "2023/02/14", "", "2023-02-14T10:00", "１２３４-02-14", "1899-12-31"] {
            #expect(CalendarDay.parse(bad) == nil, "\(bad) should be refused")
        }
    }

    @Test("today is the day in the Netherlands, also just before midnight UTC")
    func dutchToday() throws {
        let lateNewYearsEve = try #require(ISO8601DateFormatter().date(from: "2025-12-31T23:30:00Z"))
        #expect(CalendarDay.iso(CalendarDay.day(at: lateNewYearsEve)) == "2026-01-01")
        let summerEvening = try #require(ISO8601DateFormatter().date(from: "2025-07-01T21:59:00Z"))
        #expect(CalendarDay.iso(CalendarDay.day(at: summerEvening)) == "2025-07-01")
    }

    @Test("meeting times are Dutch local time, summer and winter")
    func meetingTimes() throws {
        #expect(MeetingTime.minutes("15:30") == 930)
        #expect(MeetingTime.minutes("24:00") == nil && MeetingTime.minutes("9:30") == nil && MeetingTime.minutes("ab:cd") == nil)
        let winterDay = try #require(CalendarDay.parse("2025-01-15")), summerDay = try #require(CalendarDay.parse("2025-06-17"))
        let winter = try #require(MeetingTime.instant(day: winterDay, minutes: 15 * 60))
        let summer = try #require(MeetingTime.instant(day: summerDay, minutes: 15 * 60))
        #expect(ICalendar.utc(winter) == "20250115T140000Z")
        #expect(ICalendar.utc(summer) == "20250617T130000Z")
        #expect(MeetingTime.parts(summer).time == "15:00")
        #expect(CalendarDay.iso(MeetingTime.parts(summer).day) == "2025-06-17")
    }

    @Test("iCalendar text is escaped, lines end in CRLF and are folded at 75 octets without splitting a character")
    func icalendar() throws {
        // setup
        let start = try #require(ISO8601DateFormatter().date(from: "2025-03-11T14:00:00Z"))
        let now = try #require(ISO8601DateFormatter().date(from: "2025-03-01T08:00:00Z"))
        let long = String(repeating: "Centering Pregnancy én moedergroepen; ", count: 4)
        let calendar = ICalendar(name: "Kansrijke Start Zeist", events: [
            .init(uid: "abc@kansrijk", start: start, end: start.addingTimeInterval(7200), summary: "Kerncoalitie: thema, psychische hulp",
                  location: "Gemeentehuis; zaal 2", description: "1. Opening\n2. Back\\slash\r\n3. " + long),
        ])
        // act
        let text = calendar.render(now: now)
        // check
        #expect(text.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "only CRLF line ends")
        let lines = text.components(separatedBy: "\r\n").dropLast()
        for line in lines { #expect(line.utf8.count <= 75, "too long: \(line)") }
        let unfolded = text.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("SUMMARY:Kerncoalitie: thema\\, psychische hulp\r\n"))
        #expect(unfolded.contains("LOCATION:Gemeentehuis\\; zaal 2\r\n"))
        #expect(unfolded.contains("DESCRIPTION:1. Opening\\n2. Back\\\\slash\\n3. Centering Pregnancy én moedergroepen\\; "))
        #expect(unfolded.contains("DTSTART:20250311T140000Z\r\nDTEND:20250311T160000Z\r\n"))
        #expect(unfolded.contains("DTSTAMP:20250301T080000Z"))
        #expect(unfolded.contains("UID:abc@kansrijk"))
        // every folded piece is valid UTF-8 on its own
        for line in lines { #expect(String(data: Data(line.utf8), encoding: .utf8) != nil) }
    }

    @Test("folding splits between characters: a line of multi-byte letters")
    func foldMultibyte() {
        let folded = ICalendar.fold("SUMMARY:" + String(repeating: "é", count: 60))
        let pieces = folded.components(separatedBy: "\r\n")
        #expect(pieces.count == 2)
        #expect(pieces.allSatisfy { $0.utf8.count <= 75 })
        #expect(pieces[1].hasPrefix(" "))
        #expect(folded.replacingOccurrences(of: "\r\n ", with: "") == "SUMMARY:" + String(repeating: "é", count: 60))
    }
}

@Suite("Coalition workspace: uploads are checked by their bytes")
struct UploadCheckTests {
    @Test("PDF, ODT, DOCX, PNG and JPEG are recognised from their content, whatever their name")
    func recognised() throws {
        let cases: [([UInt8], UploadCheck.Kind)] = [
            (SampleFiles.pdf, .pdf), (SampleFiles.odt, .odt), (SampleFiles.docx, .docx), (SampleFiles.png, .png), (SampleFiles.jpeg, .jpeg),
        ]
        for (bytes, kind) in cases {
            let accepted = try UploadCheck.check(bytes, fileName: "scan.txt").get()
            #expect(accepted.kind == kind)
            #expect(accepted.fileName == "scan." + kind.fileExtension)
        }
    }

    @Test("other files are refused: a program named .pdf, a spreadsheet, a plain ZIP, text")
    func refused() {
        for bytes in [SampleFiles.exe, SampleFiles.xlsx, SampleFiles.zip([("a.txt", "hoi")]), Array("Gewoon tekst".utf8)] {
            #expect(UploadCheck.check(bytes, fileName: "manifest.pdf") == .failure(.unsupportedType))
        }
    }

    @Test("empty and oversized files are refused before anything else")
    func sizes() {
        #expect(UploadCheck.check([], fileName: "a.pdf") == .failure(.empty))
        let big = SampleFiles.pdf + Array(repeating: 0x20, count: UploadCheck.maxBytes)
        #expect(UploadCheck.check(big, fileName: "a.pdf") == .failure(.tooLarge(bytes: big.count)))
        let justFits = SampleFiles.pdf + Array(repeating: 0x20, count: UploadCheck.maxBytes - SampleFiles.pdf.count)
        #expect((try? UploadCheck.check(justFits, fileName: "a.pdf").get())?.kind == .pdf)
    }

    @Test("file names lose folders and odd characters and get the real extension")
    func names() {
        #expect(UploadCheck.safeFileName("C:\\Users\\kim\\Manifest \"Zeist\".docx", kind: .pdf) == "Manifest Zeist.pdf")
        #expect(UploadCheck.safeFileName("../../etc/passwd", kind: .png) == "passwd.png")
        #expect(UploadCheck.safeFileName("", kind: .jpeg) == "document.jpg")
        #expect(UploadCheck.safeFileName("intentieverklaring Borsele 2022.pdf", kind: .pdf) == "intentieverklaring Borsele 2022.pdf")
    }

    @Test("downloads name the file for old and new clients")
    func disposition() {
        #expect(ContentDisposition.attachment(fileName: "Manifest Zeist.pdf")
                == "attachment; filename=\"Manifest Zeist.pdf\"; filename*=UTF-8''Manifest%20Zeist.pdf")
        #expect(ContentDisposition.attachment(fileName: "Intentieverklaring één;2.pdf")
                == "attachment; filename=\"Intentieverklaring __n_2.pdf\"; filename*=UTF-8''Intentieverklaring%20%C3%A9%C3%A9n%3B2.pdf")
    }

    @Test("the demo PDF is a valid PDF whose cross-reference table points at its objects")
    func demoPDF() throws {
        let bytes = Array(DemoPDF.make(lines: ["Manifest (Zeist)", "Wethouder \\ Jeugd"]))
        #expect(UploadCheck.detect(bytes) == .pdf)
        let text = String(decoding: bytes, as: UTF8.self)
        let xref = try #require(text.range(of: "startxref\n"))
        let offset = try #require(Int(text[xref.upperBound...].prefix { $0.isNumber }))
        #expect(String(decoding: bytes[offset..<(offset + 4)], as: UTF8.self) == "xref")
        #expect(text.contains("(Manifest \\(Zeist\\)) Tj"))
        let entries = text.components(separatedBy: "\n").filter { $0.hasSuffix(" 00000 n ") }
        #expect(entries.count == 5)
        for (n, line) in entries.enumerated() {
            let at = try #require(Int(line.prefix(10)))
            #expect(String(decoding: bytes[at...].prefix(8), as: UTF8.self) == "\(n + 1) 0 obj\n")
        }
    }
}

@Suite("Coalition workspace: names in stories")
struct NameWarningTests {
    @Test("capitalised words after a form of address are found, with name particles")
    func addresses() {
        let found = NameWarnings.check("Mevrouw Jansen belde met meneer van den Berg en dhr. De Vries. De familie Bakker kwam ook.").map(\.words)
        #expect(found == ["Mevrouw Jansen", "meneer van den Berg", "dhr De Vries", "familie Bakker"])
    }

    @Test("common first names are found, also in a list")
    func firstNames() {
        let found = NameWarnings.check("Samen met Fatima, Daan en Anouk gingen we naar de groep.")
        #expect(found.map(\.words) == ["Fatima", "Daan", "Anouk"])
        #expect(found.allSatisfy { $0.reason == .firstName })
    }

    @Test("an anonymous story passes, including words that only look like names in lower case")
    func anonymous() {
        #expect(NameWarnings.check("Een moeder vertelde dat haar verloskundige eerder doorvroeg. De mevrouw van het consultatiebureau hielp ook. Ze zei: mark my words.").isEmpty)
    }
}

@Suite("Coalition workspace: action points, partners, stages, progress")
struct WorkspaceRuleTests {
    static func at(_ iso: String) -> Date { ISO8601DateFormatter().date(from: iso + "T14:00:00Z")! }
    static func day(_ iso: String) -> Date { CalendarDay.parse(iso)! }

    @Test("open points carry over to later meetings of the same series until the day they are done")
    func carryOver() {
        // setup: kerncoalitie in March, themed session (same series) in May, managers in April, kerncoalitie in September
        let march = UUID(), april = UUID(), may = UUID(), september = UUID()
        let meetings: [ActionPointCarryOver.MeetingRef] = [
            .init(id: march, series: .core, start: Self.at("2025-03-11")), .init(id: april, series: .managers, start: Self.at("2025-04-08")),
            .init(id: may, series: CoalitionMeetingKind.theme.series, start: Self.at("2025-05-13")), .init(id: september, series: .core, start: Self.at("2025-09-16")),
        ]
        let open = UUID(), doneInApril = UUID(), doneOnMayMeeting = UUID(), doneInJune = UUID(), managersPoint = UUID(), mayPoint = UUID()
        let points: [ActionPointCarryOver.Point] = [
            .init(id: open, raisedAt: march, doneOn: nil),
            .init(id: doneInApril, raisedAt: march, doneOn: Self.day("2025-04-20")),
            .init(id: doneOnMayMeeting, raisedAt: march, doneOn: Self.day("2025-05-13")),
            .init(id: doneInJune, raisedAt: march, doneOn: Self.day("2025-06-02")),
            .init(id: managersPoint, raisedAt: april, doneOn: nil),
            .init(id: mayPoint, raisedAt: may, doneOn: nil),
        ]
        // act
        let inMay = ActionPointCarryOver.agenda(for: meetings[2], meetings: meetings, points: points)
        let inSeptember = ActionPointCarryOver.agenda(for: meetings[3], meetings: meetings, points: points)
        let inMarch = ActionPointCarryOver.agenda(for: meetings[0], meetings: meetings, points: points)
        // check
        #expect(inMarch.raised == [open, doneInApril, doneOnMayMeeting, doneInJune] && inMarch.carriedOver.isEmpty)
        #expect(inMay.carriedOver == [open, doneOnMayMeeting, doneInJune], "done on the meeting day is still discussed there")
        #expect(inMay.doneSincePrevious == [doneInApril])
        #expect(inMay.raised == [mayPoint])
        #expect(inSeptember.carriedOver == [open, mayPoint], "the managers' point stays with the managers")
        #expect(inSeptember.doneSincePrevious == [doneInJune])
    }

    @Test("who is missing: the often-missing kinds, empty domains, parents and fathers")
    func missing() {
        let zeistLike: [(kind: OrganisationKind, domain: PartnerDomain)] = [
            (.verloskunde, .medical), (.ggd, .publicHealth), (.cjg, .social), (.gemeente, .municipality), (.informeel, .informal),
        ]
        #expect(MissingPartners.gaps(partners: zeistLike, parentsVoice: "ervaringsverhalen", fathersVoice: "vadergroep")
                == [.organisation(.kraamzorg), .organisation(.ziekenhuis), .organisation(.huisarts), .organisation(.zorgverzekeraar)])
        let withInsurerByDomain = zeistLike + [(.overig, .insurer)]
        #expect(!MissingPartners.gaps(partners: withInsurerByDomain, parentsVoice: nil, fathersVoice: " ").contains(.organisation(.zorgverzekeraar)))
        #expect(MissingPartners.gaps(partners: [(.gemeente, .municipality)], parentsVoice: nil, fathersVoice: " ")
                == [.organisation(.kraamzorg), .organisation(.ziekenhuis), .organisation(.huisarts), .organisation(.zorgverzekeraar),
                    .domain(.medical), .domain(.social), .domain(.publicHealth), .domain(.informal), .parents, .fathers])
    }

    @Test("the current stage is the furthest reached, not the latest recorded")
    func stages() {
        let reached: [StageTimeline.Reached] = [
            .init(stage: .interventions, on: Self.day("2020-09-01"), evidence: "pilot"),
            .init(stage: .ambitions, on: Self.day("2021-01-01"), evidence: "vijf ambities"),
        ]
        #expect(StageTimeline.current(reached) == .interventions)
        let steps = StageTimeline.steps(reached)
        #expect(steps.map(\.stage) == CoalitionStage.allCases)
        #expect(steps.filter(\.isCurrent).map(\.stage) == [.interventions])
        #expect(steps.filter { $0.reached != nil }.count == 2)
        #expect(StageTimeline.current([]) == nil)
    }

    @Test("progress counts done actions, leaves stopped ones out, and flags overdue ones")
    func progress() {
        let today = Self.day("2025-06-01")
        let p = AmbitionProgress([(.done, nil), (.running, Self.day("2025-05-01")), (.planned, Self.day("2025-07-01")),
                                  (.stopped, Self.day("2024-01-01")), (.done, Self.day("2024-01-01"))], today: today)
        #expect(p.done == 2 && p.total == 4 && p.overdue == 1 && p.percentDone == 50)
        #expect(AmbitionProgress([], today: today).percentDone == 0)
    }

    @Test("indicator codes are lower-case words; invalid parts are reported")
    func indicators() {
        let parsed = IndicatorCodes.parse("big2, Vroeggeboorte; zorg_na_week_10 big2 laag-gewicht 9x")
        #expect(parsed.codes == ["big2", "vroeggeboorte", "zorg_na_week_10"])
        #expect(parsed.invalid == ["laag-gewicht", "9x"])
    }

    @Test("the rhythm counts themed sessions as kerncoalitie and flags too few")
    func rhythm() {
        let lines = MeetingRhythm.year(2025, meetings: [
            (.core, Self.at("2025-02-11")), (.theme, Self.at("2025-04-08")), (.core, Self.at("2025-06-10")), (.core, Self.at("2025-10-07")),
            (.managers, Self.at("2025-03-04")), (.workgroup, Self.at("2025-05-20")), (.core, Self.at("2024-12-10")),
        ])
        #expect(lines.map(\.kind) == [.core, .managers, .networkCafe, .workgroup])
        #expect(lines.map(\.count) == [4, 1, 0, 1])
        #expect(lines.map(\.isBelowNorm) == [false, true, true, false])
    }
}

@Suite("Coalition workspace: who may read and edit")
struct CoalitionAccessRuleTests {
    @Test("the access table: admin, members, partners, the municipality's policy advisors, nobody else")
    func table() {
        func level(_ role: Role, member: Bool = false, partner: Bool = false, area: Bool = false) -> CoalitionAccessLevel {
            CoalitionAccess.level(.init(role: role, isMember: member, organisationIsCurrentPartner: partner, organisationInArea: area))
        }
        #expect(level(.admin) == .edit)
        #expect(level(.coordinator, member: true) == .edit)
        #expect(level(.coordinator, partner: true) == .read, "a coordinator of another coalition whose organisation is a partner reads")
        #expect(level(.coordinator, area: true) == .none, "only policy advisors read because of the municipality")
        #expect(level(.policy, area: true) == .read)
        #expect(level(.policy, member: true) == .read)
        #expect(level(.policy) == .none)
        #expect(level(.professional, partner: true) == .read)
        #expect(level(.professional, member: true) == .read)
        #expect(level(.professional, area: true) == .none)
    }

    @Test("a partner counts from the day it joined until the day it left")
    func currentPartner() {
        let p = CoalitionPartner(coalitionID: UUID(), organisationID: UUID(), domain: .medical, circle: .core,
                                 joinedOn: CalendarDay.parse("2021-02-09")!, leftOn: CalendarDay.parse("2024-01-01")!)
        #expect(p.isCurrent(on: CalendarDay.parse("2023-12-31")!))
        #expect(!p.isCurrent(on: CalendarDay.parse("2024-01-01")!))
        #expect(!p.isCurrent(on: CalendarDay.parse("2021-02-08")!))
    }
}

@Suite("Coalition workspace: forms refuse bad input with Dutch messages")
struct WorkspaceFormTests {
    static let today = CalendarDay.parse("2025-06-01")!

    @Test("a partner cannot leave before it joined, nor be added twice")
    func partner() {
        let org = UUID()
        var form = PartnerForm(organisation: org.uuidString, domain: "medisch", circle: "kerncoalitie", joinedOn: "2023-05-01", leftOn: "2023-04-30")
        guard case .failure(let e) = form.validateNew(organisations: [org: "Kraamzorg De Wieg"], partnerOrganisations: [org], english: false) else {
            Issue.record("should fail"); return
        }
        #expect(e["left_on"] == "De datum van vertrek ligt vóór de datum van aansluiten. Controleer beide datums.")
        #expect(e["organisation"]?.hasPrefix("Kraamzorg De Wieg is al partner van deze coalitie.") == true)
        form.leftOn = "2023-05-01"
        #expect((try? form.validateNew(organisations: [org: "Kraamzorg De Wieg"], partnerOrganisations: [], english: false).get()) != nil)
        let renamed = PartnerForm(newOrganisation: "kraamzorg de wieg", newKind: "kraamzorg", domain: "medisch", circle: "binnenkring", joinedOn: "2023-05-01")
        guard case .failure(let twice) = renamed.validateNew(organisations: [org: "Kraamzorg De Wieg"], partnerOrganisations: [org], english: false) else {
            Issue.record("should fail"); return
        }
        #expect(twice["new_organisation"]?.contains("is al partner") == true)
    }

    @Test("an action cannot end before it starts; dates must exist")
    func activity() {
        let form = ActivityForm(title: "Folder", status: "gepland", startsOn: "2025-03-01", endsOn: "2025-02-28")
        guard case .failure(let e) = form.validate(goals: [], partners: [], english: false) else { Issue.record("should fail"); return }
        #expect(e["ends_on"] == "De einddatum ligt vóór de begindatum. Controleer beide datums.")
        let badDay = ActivityForm(title: "Folder", status: "gepland", startsOn: "2025-02-30")
        guard case .failure(let e2) = badDay.validate(goals: [], partners: [], english: false) else { Issue.record("should fail"); return }
        #expect(e2["starts_on"]?.hasPrefix("Vul een bestaande datum in") == true)
    }

    @Test("a stage cannot be reached in the future or twice")
    func stage() {
        let future = StageForm(stage: "monitoring", reachedOn: "2025-06-02", evidence: "dashboard")
        guard case .failure(let e) = future.validate(reached: [:], today: Self.today, english: false) else { Issue.record("should fail"); return }
        #expect(e["reached_on"]?.hasPrefix("Deze datum ligt in de toekomst.") == true)
        let twice = StageForm(stage: "monitoring", reachedOn: "2025-06-01", evidence: "dashboard")
        guard case .failure(let e2) = twice.validate(reached: [.monitoring: "17 oktober 2023"], today: Self.today, english: false) else {
            Issue.record("should fail"); return
        }
        #expect(e2["stage"] == "Deze fase is al vastgelegd op 17 oktober 2023. Verwijder die eerst als de datum niet klopt.")
        #expect((try? StageForm(stage: "monitoring", reachedOn: "2025-06-01", evidence: "dashboard").validate(reached: [:], today: Self.today, english: false).get()) != nil)
    }

    @Test("a meeting must end after it starts; an action point is not done before it was agreed")
    func meeting() {
        let form = MeetingForm(kind: "kerncoalitie", title: "Kerncoalitie", date: "2025-03-11", startTime: "17:00", endTime: "15:00")
        guard case .failure(let e) = form.validate(partners: [], english: false) else { Issue.record("should fail"); return }
        #expect(e["end_time"] == "Het overleg moet later eindigen dan het begint.")
        let done = ActionPointDoneForm(doneOn: "2025-03-10")
        guard case .failure(let e2) = done.validate(raisedOn: CalendarDay.parse("2025-03-11")!, today: Self.today, english: false) else {
            Issue.record("should fail"); return
        }
        #expect(e2["done_on"] == "Een actiepunt kan niet af zijn vóór het overleg waarin het is afgesproken.")
    }

    @Test("a coalition's short name is checked and made from the name when left empty")
    func coalitionSlug() {
        #expect(CoalitionForm.slugify("Kansrijke Start Súdwest-Fryslân") == "kansrijke-start-sudwest-fryslan")
        let snapshot = DirectorySnapshot(services: [], municipalities: [.init(code: "GM0355", name: "Zeist", ggdCode: "GG3114")])
        let form = CoalitionForm(name: "Kansrijke Start Zeist", slug: "nieuw", municipalities: "Zeist, Atlantis")
        guard case .failure(let e) = form.validate(takenSlugs: [], setsMunicipalities: true, snapshot: snapshot, today: Self.today, english: false) else {
            Issue.record("should fail"); return
        }
        #expect(e["slug"] != nil)
        #expect(e["municipalities"] == "Onbekende gemeente: Atlantis")
        let ok = CoalitionForm(name: "Kansrijke Start Zeist", municipalities: "zeist")
        let valid = try? ok.validate(takenSlugs: [], setsMunicipalities: true, snapshot: snapshot, today: Self.today, english: false).get()
        #expect(valid?.slug == "kansrijke-start-zeist" && valid?.municipalityCodes == ["GM0355"])
    }

    @Test("a story needs consent, and a name is warned about until the user confirms")
    func story() {
        var form = CoalitionStoryForm(title: "Samen zwanger", body: "Mevrouw Jansen vond de groep fijn.", teller: "ouder",
                                      toldOn: "2025-05-01", consentOn: "2025-05-01", consentForm: "schriftelijk")
        let (first, findings) = form.validate(partners: [], today: Self.today, english: false)
        guard case .failure(let e) = first else { Issue.record("should fail"); return }
        #expect(findings.map(\.words) == ["Mevrouw Jansen"])
        #expect(e["body"]?.contains("‘Mevrouw Jansen’") == true)
        #expect(e["consent"] == "Vink aan dat de verteller toestemming gaf. Zonder toestemming slaan we het verhaal niet op.")
        form.consent = "ja"
        form.namesChecked = "ja"
        let (second, _) = form.validate(partners: [], today: Self.today, english: false)
        #expect((try? second.get()) != nil)
    }
}
