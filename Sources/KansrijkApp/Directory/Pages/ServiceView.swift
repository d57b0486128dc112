import NIOConcurrencyHelpers
import Foundation

/// How a service appears in result lists and on its page, already in the reader's language.
struct ServiceSummaryView: Encodable, Sendable {
    var id: String
    var name: String
    var organisation: String
    var summary: String
    var locality: String?
    var phases: [String]
    var themes: [String]
    var capacity: String
    var capacityWarning: Bool
    /// Only a few places: neither green nor a warning (`capacity-limited`).
    var capacityLimited = false
    var access: String
    var statusNote: String?

    init(_ s: ServiceRecord, locality: Locality?, municipalityName: String?, english: Bool, forParents: Bool = false) {
        id = s.id.uuidString.lowercased()
        name = s.name
        organisation = s.organisationName
        let text = forParents ? (s.parentSummary ?? s.description) : s.description
        summary = text.count > 220 ? String(text.prefix(217)).trimmingCharacters(in: .whitespaces) + "…" : text
        self.locality = Self.localityText(locality, municipalityName: municipalityName, english: english)
        phases = s.terms(.fase).map { $0.label(english: english) }
        themes = s.terms(.thema).map { $0.label(english: english) }
        capacity = s.capacity.label(english: english) + (s.waitWeeks.map { english ? " (about \($0) weeks)" : " (ongeveer \($0) weken)" } ?? "")
        capacityWarning = s.capacity.blocksAccess
        capacityLimited = s.capacity.isLimited
        access = s.accessRoute.label(english: english)
        statusNote = s.status == .active ? nil : s.status.label(english: english)
    }

    /// Where a result helps, seen from the municipality searched for.
    static func localityText(_ locality: Locality?, municipalityName: String?, english: Bool) -> String? {
        switch locality {
        case .municipality?: municipalityName.map { (english ? "In " : "In ") + $0 }
        case .region?: english ? "In the region" : "In de regio"
        case .nationwide?: english ? "Nationwide or online" : "Landelijk of online"
        case nil: nil
        }
    }
}

/// Everything on the service page.
struct ServiceDetailView: Encodable, Sendable {
    struct Place: Encodable, Sendable { var name: String; var address: String; var isVirtual: Bool }
    struct Contact: Encodable, Sendable { var name: String; var title: String?; var email: String?; var phone: String? }
    struct Pathway: Encodable, Sendable { var id: String; var title: String; var coalition: String }

    var summary: ServiceSummaryView
    var description: String
    var parentSummary: String?
    var applicationProcess: String
    var fees: String?
    var eligibility: String?
    var ages: String?
    var url: String?
    var email: String?
    var phone: String?
    var targetGroups: [String]
    var evidence: String?
    var languages: [String]
    var areas: [String]
    var schedules: [String]
    var places: [Place]
    var contacts: [Contact]
    var pathways: [Pathway]
    var updated: String?

    init(_ s: ServiceRecord, snapshot: DirectorySnapshot, english: Bool, showContacts: Bool, pathways: [Pathway]) {
        summary = ServiceSummaryView(s, locality: nil, municipalityName: nil, english: english)
        description = s.description
        parentSummary = s.parentSummary
        applicationProcess = s.applicationProcess
        fees = s.feesDescription
        eligibility = s.eligibilityDescription
        switch (s.minimumAge, s.maximumAge) {
        case let (min?, max?): ages = "\(Self.age(min)) – \(Self.age(max)) " + (english ? "years" : "jaar")
        case let (min?, nil): ages = (english ? "from " : "vanaf ") + Self.age(min) + (english ? " years" : " jaar")
        case let (nil, max?): ages = (english ? "up to " : "tot ") + Self.age(max) + (english ? " years" : " jaar")
        default: ages = nil
        }
        url = s.url
        email = s.email
        phone = s.phone
        targetGroups = s.terms(.doelgroep).map { $0.label(english: english) }
        evidence = s.terms(.bewijs).first?.label(english: english)
        languages = s.languages.map { LanguageCatalog.name($0.code, english: english) }
        areas = s.isNationwide ? [english ? "Nationwide" : "Landelijk"]
            : s.areas.map { snapshot.municipalities[$0.municipalityCode]?.name ?? $0.municipalityCode }
                + s.areaTexts.compactMap { HSDSText.nonEmpty($0.name) ?? HSDSText.nonEmpty($0.description) }
        schedules = s.schedules.map(\.description)
        places = s.places.map {
            Place(name: $0.name, address: [$0.street, [$0.postalCode, $0.city].compactMap { $0 }.joined(separator: " ")]
                    .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", "), isVirtual: $0.isVirtual)
        }
        contacts = showContacts ? s.contacts.map { Contact(name: $0.name, title: $0.title, email: $0.email, phone: $0.phone) } : []
        self.pathways = pathways
        updated = s.updatedAt.map { DateFormats.date($0, english ? .en : .nl) }
    }

    static func age(_ v: Double) -> String {
        v == v.rounded() ? String(Int(v)) : String(format: "%.1f", v).replacingOccurrences(of: ".", with: ",")
    }
}

/// Dutch dates for pages, written from calendar fields: a `DateFormatter` per call cost more than
/// the rest of a worklist row (measured with `perf` on the care worklist, 500 rows a page).
enum DateFormats {
    static let months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
                         "september", "oktober", "november", "december"]
    static let weekdays = ["zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"]

    /// "3 maart 2027": the day in the Netherlands (stored calendar days are midnight UTC, which is
    /// the same day there).
    static func dutchDate(_ date: Date) -> String {
        // Dutch time has been a whole number of hours from UTC since 1970, so every instant of one
        // UTC hour falls on the same Dutch day: the text is kept per hour (a worklist asks for a
        // hundred dates, and the calendar was a few per cent of it)
        let seconds = date.timeIntervalSince1970
        guard seconds >= 0, seconds < 1e11 else { return computedDutchDate(date) }
        let hour = Int(seconds / 3600)
        if let known = dutchDates.withLockedValue({ $0[hour] }) { return known }
        let text = computedDutchDate(date)
        dutchDates.withLockedValue { cache in
            if cache.count >= 16_384 { cache.removeAll(keepingCapacity: true) }
            cache[hour] = text
        }
        return text
    }

    private static let dutchDates = NIOLockedValueBox<[Int: String]>([:])

    private static func computedDutchDate(_ date: Date) -> String {
        let c = CalendarDay.amsterdam.dateComponents([.year, .month, .day], from: date)
        return "\(c.day!) \(months[c.month! - 1]) \(c.year!)"
    }

    /// "dinsdag 14 maart 2025, 15:30" in Dutch time.
    static func dutchDateTime(_ instant: Date) -> String {
        let c = CalendarDay.amsterdam.dateComponents([.year, .month, .day, .weekday, .hour, .minute], from: instant)
        let minute = c.minute! < 10 ? "0\(c.minute!)" : "\(c.minute!)"
        let hour = c.hour! < 10 ? "0\(c.hour!)" : "\(c.hour!)"
        return "\(weekdays[c.weekday! - 1]) \(c.day!) \(months[c.month! - 1]) \(c.year!), \(hour):\(minute)"
    }
}
